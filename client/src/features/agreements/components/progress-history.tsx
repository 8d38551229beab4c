import { Text, Timeline } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ProgressUpdateDto } from '@enlace/shared';
import { EmptyState } from '../../../ui/query-state';
import { useFormat } from '../use-format';
import { useMemberName } from '../hooks/use-member-name';

/** Every progress update of a commitment, oldest first, with who reported it. */
export function ProgressHistory({ agreementId, progress }: { agreementId: string; progress: ProgressUpdateDto[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const nameOf = useMemberName(agreementId);
  if (progress.length === 0) return <EmptyState>{t('agreements.commitments.noProgress')}</EmptyState>;
  return (
    <Timeline role="list" bulletSize={12} lineWidth={2} active={progress.length - 1} aria-label={t('agreements.commitments.history')}>
      {progress.map((item) => (
        <Timeline.Item
          role="listitem"
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
  );
}
