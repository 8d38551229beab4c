import { Anchor, Button, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { AgreementListItemDto } from '@enlace/shared';
import { QueryState } from '../../../ui/query-state';
import type { PortfolioFilters } from '../api/agreements-api';
import { usePortfolio } from '../hooks/use-portfolio';
import { useFormat } from '../use-format';
import { AgreementStatusBadge } from './status-badge';

/** The caller's agreements: a table where there is room, a list of cards on phones (no sideways scrolling). */
export function PortfolioList({ filters }: { filters: PortfolioFilters }) {
  const { t } = useTranslation();
  const portfolio = usePortfolio(filters);
  const wide = useMediaQuery('(min-width: 62em)');
  return (
    <QueryState query={portfolio} isEmpty={(data) => data.pages[0].items.length === 0} empty={t('agreements.portfolio.empty')}>
      {(data) => {
        const items = data.pages.flatMap((page) => page.items);
        return (
          <Stack gap="sm">
            {wide ? <PortfolioTable items={items} /> : <PortfolioCards items={items} />}
            {portfolio.hasNextPage && (
              <Group>
                <Button variant="default" onClick={() => void portfolio.fetchNextPage()} loading={portfolio.isFetchingNextPage}>
                  {t('agreements.portfolio.loadMore')}
                </Button>
              </Group>
            )}
          </Stack>
        );
      }}
    </QueryState>
  );
}

/** The figures of one agreement as short phrases, shared by the table and the list. */
function useFigures() {
  const { t } = useTranslation();
  const format = useFormat();
  return (item: AgreementListItemDto) => {
    const { figures } = item;
    const days = (value: number | null) => (value === null ? '—' : t('agreements.portfolio.days', { count: value, formatted: format.count(value) }));
    return {
      progress: t('agreements.portfolio.doneOfTotal', { done: format.count(figures.commitmentsDone), total: format.count(figures.commitmentsTotal) }),
      overdue: format.count(figures.overdue),
      blocked: format.count(figures.blocked),
      nextDue: figures.nextDueOn ? format.day(figures.nextDueOn) : '—',
      indicators:
        figures.progressReported === null
          ? '—'
          : t('agreements.portfolio.progressValue', { reported: format.percent(figures.progressReported), verified: format.percent(figures.progressVerified ?? 0) }),
      expiry: days(figures.daysToExpiry),
      review: days(figures.daysToReview),
    };
  };
}

function AgreementLink({ item }: { item: AgreementListItemDto }) {
  return (
    <Anchor component={Link} to={`/workspaces/${item.id}`} fw={600}>
      {item.title}
    </Anchor>
  );
}

function PortfolioTable({ items }: { items: AgreementListItemDto[] }) {
  const { t } = useTranslation();
  const figuresOf = useFigures();
  return (
    <Table striped highlightOnHover captionSide="top">
      <Table.Caption className="visually-hidden">{t('agreements.portfolio.heading')}</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('agreements.fields.title')}</Table.Th>
          <Table.Th scope="col">{t('agreements.fields.kind')}</Table.Th>
          <Table.Th scope="col">{t('agreements.fields.status')}</Table.Th>
          <Table.Th scope="col">{t('agreements.portfolio.done')}</Table.Th>
          <Table.Th scope="col">{t('agreements.portfolio.overdue')}</Table.Th>
          <Table.Th scope="col">{t('agreements.portfolio.blocked')}</Table.Th>
          <Table.Th scope="col">{t('agreements.portfolio.progress')}</Table.Th>
          <Table.Th scope="col">{t('agreements.portfolio.nextDue')}</Table.Th>
          <Table.Th scope="col">{t('agreements.portfolio.toExpiry')}</Table.Th>
          <Table.Th scope="col">{t('agreements.portfolio.toReview')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((item) => {
          const figures = figuresOf(item);
          return (
            <Table.Tr key={item.id}>
              <Table.Th scope="row">
                <AgreementLink item={item} />
                {item.referenceCode && (
                  <Text size="xs" c="dimmed">
                    {item.referenceCode}
                  </Text>
                )}
              </Table.Th>
              <Table.Td>{t(`agreements.kinds.${item.kind}`)}</Table.Td>
              <Table.Td>
                <AgreementStatusBadge status={item.status} />
              </Table.Td>
              <Table.Td>{figures.progress}</Table.Td>
              <Table.Td c={item.figures.overdue > 0 ? 'red' : undefined} fw={item.figures.overdue > 0 ? 700 : undefined}>
                {figures.overdue}
              </Table.Td>
              <Table.Td>{figures.blocked}</Table.Td>
              <Table.Td>{figures.indicators}</Table.Td>
              <Table.Td>{figures.nextDue}</Table.Td>
              <Table.Td>{figures.expiry}</Table.Td>
              <Table.Td>{figures.review}</Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}

function PortfolioCards({ items }: { items: AgreementListItemDto[] }) {
  const { t } = useTranslation();
  const figuresOf = useFigures();
  return (
    <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('agreements.portfolio.heading')}>
      {items.map((item) => {
        const figures = figuresOf(item);
        const facts: Array<[string, string]> = [
          [t('agreements.portfolio.done'), figures.progress],
          [t('agreements.portfolio.overdue'), figures.overdue],
          [t('agreements.portfolio.blocked'), figures.blocked],
          [t('agreements.portfolio.progress'), figures.indicators],
          [t('agreements.portfolio.nextDue'), figures.nextDue],
          [t('agreements.portfolio.toExpiry'), figures.expiry],
          [t('agreements.portfolio.toReview'), figures.review],
        ];
        return (
          <Paper component="li" key={item.id} withBorder p="sm">
            <Group justify="space-between" wrap="wrap" gap="xs">
              <AgreementLink item={item} />
              <AgreementStatusBadge status={item.status} />
            </Group>
            <Text size="sm" c="dimmed">
              {t(`agreements.kinds.${item.kind}`)}
              {item.referenceCode && ` · ${item.referenceCode}`}
            </Text>
            <dl className="agreement-facts">
              {facts.map(([label, value]) => (
                <div key={label}>
                  <dt>{label}</dt>
                  <dd>{value}</dd>
                </div>
              ))}
            </dl>
          </Paper>
        );
      })}
    </Stack>
  );
}
