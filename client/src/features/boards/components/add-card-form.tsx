import { Button, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CardDto, ColumnDto } from '@enlace/shared';
import { useErrorMessage } from '../../../i18n/use-error-message';
import { useCreateCard } from '../hooks/use-board';
import { wipLimitOf } from '../wip-limit';

interface AddCardFormProps {
  boardId: string;
  column: ColumnDto;
  /** The card is on the board: the board scrolls to it and highlights it. */
  onAdded: (card: CardDto) => void;
}

export function AddCardForm({ boardId, column, onAdded }: AddCardFormProps) {
  const { t } = useTranslation();
  const create = useCreateCard(boardId);
  const describeError = useErrorMessage();
  const [title, setTitle] = useState('');
  const fullColumn = wipLimitOf(create.error);
  const sent = create.variables?.title ?? '';

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const value = title.trim();
    if (!value) return;
    create.mutate(
      { columnId: column.id, title: value },
      {
        onSuccess: (card) => {
          setTitle('');
          onAdded(card);
        },
      },
    );
  };

  return (
    <form className="add-card" onSubmit={onSubmit}>
      {/* Offline, the request waits (TanStack Query pauses it) and goes out when the connection returns. */}
      <p role="status" className={create.isPaused ? 'alert alert-info small' : 'visually-hidden'}>
        {create.isPaused && t('boardUi.addQueued', { title: sent })}
      </p>
      {create.isError && (
        <p role="alert" className="alert alert-error small">
          {t('boardUi.addRefused', { title: sent })} {fullColumn ? t('board.wipRefusedCreate', { count: fullColumn.wipLimit }) : describeError(create.error)}
        </p>
      )}
      <TextInput
        aria-label={t('board.newCardTitle', { column: column.title })}
        value={title}
        maxLength={300}
        onChange={(event) => setTitle(event.currentTarget.value)}
        placeholder={t('board.addCard')}
      />
      <Button type="submit" variant="default" size="xs" disabled={create.isPending || !title.trim()}>
        {create.isPending ? (create.isPaused ? t('boardUi.addWaiting') : t('board.adding')) : t('board.addCard')}
      </Button>
    </form>
  );
}
