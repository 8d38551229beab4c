import { Paper, Stack, Table, Text } from '@mantine/core';
import type { Key, ReactNode } from 'react';
import { useIsPhone } from './use-is-phone';

export interface DataColumn<T> {
  header: string;
  cell: (row: T) => ReactNode;
  /** Buttons for the row: on a phone they go at the bottom of its card, without a label. */
  actions?: boolean;
}

/**
 * A table on wider screens; on a phone a list of cards (the first column as each card's title, the others as
 * labelled lines), so nothing overflows sideways.
 */
export function DataTable<T>({ columns, rows, rowKey, label }: { columns: DataColumn<T>[]; rows: readonly T[]; rowKey: (row: T) => Key; label?: string }) {
  const phone = useIsPhone();
  if (phone) {
    const [title, ...rest] = columns;
    return (
      <Stack component="ul" gap="xs" className="plain-list" aria-label={label}>
        {rows.map((row) => (
          <Paper component="li" key={rowKey(row)} withBorder p="sm" radius="sm">
            <Text fw={600} mb={4}>
              {title.cell(row)}
            </Text>
            <dl className="data-list-fields">
              {rest
                .filter((column) => !column.actions)
                .map((column) => (
                  <div key={column.header}>
                    <dt>{column.header}</dt>
                    <dd>{column.cell(row)}</dd>
                  </div>
                ))}
            </dl>
            {rest
              .filter((column) => column.actions)
              .map((column) => (
                <div key={column.header} className="data-list-actions">
                  {column.cell(row)}
                </div>
              ))}
          </Paper>
        ))}
      </Stack>
    );
  }
  return (
    <Table.ScrollContainer minWidth={0}>
      <Table verticalSpacing="xs" highlightOnHover aria-label={label}>
        <Table.Thead>
          <Table.Tr>
            {columns.map((column) => (
              <Table.Th key={column.header} scope="col">
                {column.header}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((row) => (
            <Table.Tr key={rowKey(row)}>
              {columns.map((column) => (
                <Table.Td key={column.header}>{column.cell(row)}</Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
