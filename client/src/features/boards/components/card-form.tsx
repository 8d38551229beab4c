import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PRIORITIES, type CardDto, type LabelDto, type Priority } from '@enlace/shared';
import { ApiRequestError } from '../../../api/api-error';
import { ErrorAlert } from '../../../ui/error-alert';
import { conflictCard } from '../board-cache';
import { changesOf, draftOf, hasChanges, type CardChanges, type CardDraft } from '../card-draft';
import { isVersionConflict, useUpdateCard } from '../hooks/use-board';
import type { BoardLookups } from '../hooks/use-board-lookups';
import { CardAssigneesField } from './card-assignees-field';
import { CardChecklistField } from './card-checklist-field';
import { CardLabelsField } from './card-labels-field';
import { CardOrganizationField } from './card-organization-field';

interface CardFormProps {
  card: CardDto;
  workspaceId: string;
  boardId: string;
  labels: LabelDto[];
  lookups: BoardLookups;
  canEdit: boolean;
  canCreateLabels: boolean;
  onClose: () => void;
}

type SaveStatus = 'idle' | 'saved' | 'unchanged';

/** Every field of a card; saving sends only what changed, with the version the edit started from. */
export function CardForm({ card, workspaceId, boardId, labels, lookups, canEdit, canCreateLabels, onClose }: CardFormProps) {
  const { t } = useTranslation();
  const update = useUpdateCard();
  // The version the draft was started from: saving on top of a newer one is a conflict, not an overwrite.
  const [base, setBase] = useState(card);
  const [draft, setDraft] = useState<CardDraft>(() => draftOf(card));
  const [status, setStatus] = useState<SaveStatus>('idle');
  const ids = { title: useId(), description: useId(), priority: useId(), due: useId() };
  const dirty = hasChanges(changesOf(base, draft));

  // Someone else saved the card while it is open: follow them as long as nothing is being edited here
  // (observers see the card live; an editor with unsaved changes gets the conflict on saving instead).
  if (card.version > base.version && !dirty) {
    setBase(card);
    setDraft(draftOf(card));
  }

  const change = <K extends keyof CardDraft>(key: K, value: CardDraft[K] | ((current: CardDraft[K]) => CardDraft[K])) => {
    setStatus('idle');
    setDraft((current) => ({ ...current, [key]: typeof value === 'function' ? value(current[key]) : value }));
  };

  const restart = (from: CardDto) => {
    setBase(from);
    setDraft(draftOf(from));
  };

  const save = (changes: CardChanges, after?: () => void) =>
    update.mutate(
      { cardId: card.id, input: { version: base.version, ...changes } },
      {
        onSuccess: (next) => {
          restart(next);
          setStatus('saved');
          after?.();
        },
        onError: (error) => {
          // The message says so; the draft restarts from the latest card (already in the board's cache).
          const current = isVersionConflict(error) ? conflictCard((error as ApiRequestError).details) : null;
          if (current) restart(current);
        },
      },
    );

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!canEdit || !draft.title.trim()) return;
    // A label deleted while the card is open is gone from the board (and from the card, without a new
    // version): sending its id back would be refused.
    const changes = changesOf(base, { ...draft, labelIds: draft.labelIds.filter((id) => labels.some((label) => label.id === id)) });
    if (hasChanges(changes)) save(changes);
    else setStatus('unchanged');
  };

  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      {update.isError &&
        (isVersionConflict(update.error) ? (
          <p role="alert" className="alert alert-error">
            {t('board.conflict')}
          </p>
        ) : (
          <ErrorAlert error={update.error} />
        ))}
      <div className="field">
        <label htmlFor={ids.title}>{t('board.card.title')}</label>
        <input id={ids.title} value={draft.title} maxLength={300} readOnly={!canEdit} required onChange={(event) => change('title', event.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={ids.description}>{t('board.card.description')}</label>
        <textarea id={ids.description} rows={4} value={draft.description} readOnly={!canEdit} onChange={(event) => change('description', event.target.value)} />
      </div>
      <div className="field-row">
        <div className="field">
          <label htmlFor={ids.priority}>{t('board.card.priority')}</label>
          <select id={ids.priority} value={draft.priority} disabled={!canEdit} onChange={(event) => change('priority', event.target.value as Priority)}>
            {PRIORITIES.map((priority) => (
              <option key={priority} value={priority}>
                {t(`board.priorities.${priority}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.due}>{t('board.card.dueDate')}</label>
          <input id={ids.due} type="date" value={draft.dueDate} readOnly={!canEdit} onChange={(event) => change('dueDate', event.target.value)} />
        </div>
      </div>
      <CardLabelsField
        boardId={boardId}
        labels={labels}
        lookups={lookups}
        selected={draft.labelIds}
        canEdit={canEdit}
        canCreateLabels={canCreateLabels}
        onChange={(next) => change('labelIds', next)}
      />
      <CardAssigneesField workspaceId={workspaceId} selected={draft.assigneeIds} canEdit={canEdit} onChange={(next) => change('assigneeIds', next)} />
      <CardOrganizationField value={draft.responsibleOrganizationId} canEdit={canEdit} onChange={(next) => change('responsibleOrganizationId', next)} />
      <CardChecklistField checklist={draft.checklist} canEdit={canEdit} onChange={(next) => change('checklist', next)} />
      {canEdit && (
        <div className="button-row">
          <button type="submit" className="button button-primary" disabled={update.isPending}>
            {update.isPending ? t('board.card.saving') : t('board.card.save')}
          </button>
          <button type="button" className="button button-outline" disabled={update.isPending} onClick={() => save({ archived: true }, onClose)}>
            {t('board.card.archive')}
          </button>
          <span role="status" className="small">
            {status === 'saved' ? t('board.card.saved') : status === 'unchanged' ? t('board.card.noChanges') : dirty ? t('board.card.unsaved') : ''}
          </span>
        </div>
      )}
    </form>
  );
}
