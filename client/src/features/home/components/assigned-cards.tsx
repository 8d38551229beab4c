import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Panel } from '../../../ui/panel';
import { QueryState } from '../../../ui/query-state';
import { formatDueDate } from '../../../i18n/format';
import { useAssignedCards } from '../hooks/use-home';

/** The open cards assigned to the person across their active workspaces, the soonest due first. */
export function AssignedCards() {
  const { t, i18n } = useTranslation();
  const query = useAssignedCards();
  const language = i18n.resolvedLanguage ?? i18n.language;
  return (
    <Panel title={t('start.myWorkHeading')}>
      <QueryState query={query} isEmpty={(page) => page.items.length === 0} empty={t('start.myWorkEmpty')}>
        {(page) => (
          <Stack component="ul" gap="sm" className="plain-list">
            {page.items.map((card) => (
              <li key={card.id}>
                <Group justify="space-between" wrap="nowrap" gap="sm">
                  <div>
                    <Anchor component={Link} to={`/workspaces/${card.workspaceId}?board=${card.boardId}`} fw={600}>
                      {card.title}
                    </Anchor>
                    <Text size="sm" c="dimmed">
                      {card.workspaceTitle} · {card.columnTitle}
                      {card.dueDate && ` · ${t('board.due', { date: formatDueDate(card.dueDate, language) })}`}
                    </Text>
                  </div>
                  {(card.priority === 'high' || card.priority === 'urgent') && (
                    <Badge color={card.priority === 'urgent' ? 'red' : 'orange'} variant="light" style={{ flexShrink: 0 }}>
                      {t(`board.priorities.${card.priority}`)}
                    </Badge>
                  )}
                </Group>
              </li>
            ))}
          </Stack>
        )}
      </QueryState>
    </Panel>
  );
}
