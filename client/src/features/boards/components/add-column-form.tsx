import { Button, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../ui/error-alert';
import { useCreateColumn } from '../hooks/use-board-structure';

/** A new column at the end of the board; focus stays in the field, so several can be added in a row. */
export function AddColumnForm({ boardId }: { boardId: string }) {
  const { t } = useTranslation();
  const create = useCreateColumn(boardId);
  const [title, setTitle] = useState('');
  const [announcement, setAnnouncement] = useState('');

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const value = title.trim();
    if (!value) return;
    setAnnouncement('');
    create.mutate(
      { title: value },
      {
        onSuccess: (column) => {
          setTitle('');
          setAnnouncement(t('board.columns.added', { title: column.title }));
        },
      },
    );
  };

  return (
    <form className="add-column" onSubmit={onSubmit}>
      {create.isError && <ErrorAlert error={create.error} />}
      <TextInput
        aria-label={t('board.columns.newTitle')}
        value={title}
        maxLength={120}
        onChange={(event) => setTitle(event.currentTarget.value)}
        placeholder={t('board.columns.newTitle')}
      />
      <Button type="submit" variant="default" size="xs" disabled={create.isPending || !title.trim()}>
        {create.isPending ? t('board.columns.adding') : t('board.columns.add')}
      </Button>
      <span role="status" className="small">
        {announcement}
      </span>
    </form>
  );
}
