import { Text, Timeline } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { QueryState } from '../../../ui/query-state';
import { useMembers } from '../../workspaces/hooks/use-members';
import { useCommitment } from '../hooks/use-commitments';
import { useFormat } from '../use-format';

/** Every progress update of a commitment, oldest first, with who reported it. */
export function ProgressHistory({ agreementId, commitmentId }: { agreementId: string; commitmentId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const detail = useCommitment(commitmentId, true);
  const members = useMembers(agreementId);
  const nameOf = (userId: string) => members.data?.items.find((member) => member.userId === userId)?.displayName ?? t('agreements.someone');
  return (
    <QueryState query={detail} isEmpty={(data) => data.progress.length === 0} empty={t('agreements.commitments.noProgress')}>
      {(data) => (
        <Timeline bulletSize={12} lineWidth={2} active={data.progress.length - 1} aria-label={t('agreements.commitments.history')}>
          {data.progress.map((item) => (
            <Timeline.Item
              key={item.id}
              title={
                item.statusFrom === item.statusTo
                  ? t(`agreements.commitmentStatuses.${item.statusTo}`)
                  : `${t(`agreements.commitmentStatuses.${item.statusFrom}`)} → ${t(`agreements.commitmentStatuses.${item.statusTo}`)}`
              }
            >
              <Text size="sm" c="dimmed">
                {format.moment(item.at)} · {nameOf(item.authorId)}
              </Text>
              <Text size="sm">{item.note}</Text>
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </QueryState>
  );
}
