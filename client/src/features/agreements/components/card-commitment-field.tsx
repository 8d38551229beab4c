import { NativeSelect, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CardDto } from '@enlace/shared';
import { ErrorAlert } from '../../../ui/error-alert';
import { useUpdateCard } from '../../boards/hooks/use-board';
import { useCommitments } from '../hooks/use-commitments';

/** Long commitments are cut in the list; the whole text is the commitment's own. */
const shorten = (text: string) => (text.length > 90 ? `${text.slice(0, 89)}…` : text);

/**
 * In an agreement's board, the commitment a card helps to fulfil. A choice is saved at once, with the card's
 * version (a 409 takes the server's card, as every card change does); the column a card sits in changes no
 * commitment's status.
 */
export function CardCommitmentField({ agreementId, card, canEdit }: { agreementId: string; card: CardDto; canEdit: boolean }) {
  const { t } = useTranslation();
  const commitments = useCommitments(agreementId);
  const update = useUpdateCard();
  const items = commitments.data?.items ?? [];
  const linked = items.find((item) => item.id === card.commitmentId);
  const known = card.commitmentId === null || linked !== undefined;
  return (
    <Stack gap={4}>
      {commitments.isError && <ErrorAlert error={commitments.error} />}
      {update.isError && <ErrorAlert error={update.error} />}
      <NativeSelect
        label={t('agreementEditing.cardCommitment')}
        description={t('agreementEditing.cardCommitmentHint')}
        value={card.commitmentId ?? ''}
        disabled={!canEdit || commitments.isPending || update.isPending}
        onChange={(event) => update.mutate({ cardId: card.id, input: { version: card.version, commitmentId: event.currentTarget.value || null } })}
        data={[
          { value: '', label: t('agreementEditing.cardNoCommitment') },
          ...(known ? [] : [{ value: card.commitmentId!, label: t('app.loading') }]),
          ...items.map((item) => ({ value: item.id, label: shorten(item.text) })),
        ]}
      />
      {linked && linked.text !== shorten(linked.text) && <Text size="sm">{t('agreementEditing.cardLinkedTo', { text: linked.text })}</Text>}
    </Stack>
  );
}
