import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ColumnDto } from '@enlace/shared';
import { ErrorAlert } from '../../../ui/error-alert';
import { useCreateCard } from '../hooks/use-board';
import { wipLimitOf } from '../wip-limit';

export function AddCardForm({ boardId, column }: { boardId: string; column: ColumnDto }) {
  const { t } = useTranslation();
  const inputId = useId();
  const create = useCreateCard(boardId);
  const [title, setTitle] = useState('');
  const fullColumn = wipLimitOf(create.error);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const value = title.trim();
    if (!value) return;
    create.mutate({ columnId: column.id, title: value }, { onSuccess: () => setTitle('') });
  };

  return (
    <form className="add-card" onSubmit={onSubmit}>
      {create.isError &&
        (fullColumn ? (
          <p role="alert" className="alert alert-error small">
            {t('board.wipRefusedCreate', { count: fullColumn.wipLimit })}
          </p>
        ) : (
          <ErrorAlert error={create.error} />
        ))}
      <label htmlFor={inputId} className="visually-hidden">
        {t('board.newCardTitle', { column: column.title })}
      </label>
      <input id={inputId} value={title} maxLength={300} onChange={(event) => setTitle(event.target.value)} placeholder={t('board.addCard')} />
      <button type="submit" className="button button-outline button-small" disabled={create.isPending || !title.trim()}>
        {create.isPending ? t('board.adding') : t('board.addCard')}
      </button>
    </form>
  );
}
