import { Button, Group, NativeSelect, Stack, Textarea, TextInput } from '@mantine/core';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PRIORITIES, type CardDto, type LabelDto, type Priority } from '@enlace/shared';
import { ApiRequestError } from '../../../api/api-error';
import { ErrorAlert } from '../../../ui/error-alert';
import { conflictCard } from '../board-cache';
import { useUserId } from '../../auth/hooks/use-user-id';
import { changesOf, draftOf, hasChanges, rebaseDraft, type CardChanges, type CardDraft, type DraftField } from '../card-draft';
import { clearStoredDraft, readStoredDraft, storeDraft } from '../card-draft-store';
import { isVersionConflict, useUpdateCard } from '../hooks/use-board';
import type { BoardLookups } from '../hooks/use-board-lookups';
import { CardAssigneesField } from './card-assignees-field';
import { CardChecklistField } from './card-checklist-field';
import { CardConflictPanel, type CardConflict } from './card-conflict';
import { CardLabelsField } from './card-labels-field';
import { CardOrganizationField } from './card-organization-field';
import { Markdown } from '../../../ui/markdown';

interface CardFormProps {
  card: CardDto;
  workspaceId: string;
  boardId: string;
  labels: LabelDto[];
  lookups: BoardLookups;
  canEdit: boolean;
  canCreateLabels: boolean;
  onClose: () => void;
  /** Whether the form holds unsaved changes: closing the dialog then asks first. */
  onDirtyChange: (dirty: boolean) => void;
}

type SaveStatus = 'idle' | 'saved' | 'unchanged' | 'restored';

/** Every field of a card; saving sends only what changed, with the version the edit started from. */
export function CardForm({ card, workspaceId, boardId, labels, lookups, canEdit, canCreateLabels, onClose, onDirtyChange }: CardFormProps) {
  const { t } = useTranslation();
  const userId = useUserId();
  const update = useUpdateCard();
  // An unsaved edit left on this device (the dialog closed, the tab reloaded) comes back with its own base.
  const [restored] = useState(() => (canEdit ? readStoredDraft(userId, card.id) : null));
  // The version the draft was started from: saving on top of a newer one is a conflict, not an overwrite.
  const [base, setBase] = useState(restored?.base ?? card);
  const [draft, setDraft] = useState<CardDraft>(() => restored?.draft ?? draftOf(card));
  const [status, setStatus] = useState<SaveStatus>(restored ? 'restored' : 'idle');
  const [conflict, setConflict] = useState<CardConflict | null>(null);
  const descriptionId = useId();
  const dirty = hasChanges(changesOf(base, draft));

  // Every unsaved change is kept on this device until it is saved or discarded.
  useEffect(() => {
    if (!canEdit) return;
    if (dirty) storeDraft(userId, card.id, { base, draft });
    else clearStoredDraft(userId, card.id);
  }, [canEdit, dirty, userId, card.id, base, draft]);
  useEffect(() => onDirtyChange(dirty), [dirty, onDirtyChange]);

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
    setConflict(null);
  };

  // Someone else saved first: their version becomes the base and what was typed here is kept on top of
  // it; the fields both changed are shown side by side until the person saves.
  const rebase = (current: CardDto) => {
    const next = rebaseDraft(base, current, draft);
    setBase(current);
    setDraft(next.draft);
    setConflict(next.conflicts.length > 0 ? { theirs: draftOf(current), mine: draft, fields: next.conflicts } : null);
  };

  const save = (changes: CardChanges, after?: () => void) =>
    update.mutate(
      { cardId: card.id, input: { version: base.version, ...changes } },
      {
        onSuccess: (next) => {
          // Cleared here as well as by the effect: archiving closes the dialog before the effect runs.
          clearStoredDraft(userId, card.id);
          restart(next);
          setStatus('saved');
          after?.();
        },
        onError: (error) => {
          const current = isVersionConflict(error) ? conflictCard((error as ApiRequestError).details) : null;
          if (current) rebase(current);
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
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="md">
        {update.isError &&
          (isVersionConflict(update.error) ? (
            <p role="alert" className="alert alert-error">
              {conflict ? t('boardUi.conflict.both') : t('boardUi.conflict.kept')}
            </p>
          ) : (
            <ErrorAlert error={update.error} />
          ))}
        {conflict && <CardConflictPanel conflict={conflict} draft={draft} lookups={lookups} onTake={(field: DraftField, value) => change(field, value)} />}
        <TextInput label={t('board.card.title')} value={draft.title} maxLength={300} readOnly={!canEdit} onChange={(event) => change('title', event.currentTarget.value)} />
        {canEdit ? (
          <div>
            <Textarea label={t('board.card.description')} autosize minRows={3} maxRows={12} value={draft.description} onChange={(event) => change('description', event.currentTarget.value)} />
            {draft.description.trim() && (
              <section className="description-preview" aria-label={t('boardUi.descriptionPreview')}>
                <Markdown text={draft.description} />
              </section>
            )}
          </div>
        ) : (
          <section aria-labelledby={descriptionId}>
            <h3 id={descriptionId} className="field-label">
              {t('board.card.description')}
            </h3>
            {draft.description.trim() ? <Markdown text={draft.description} /> : <p className="muted">{t('boardUi.noDescription')}</p>}
          </section>
        )}
        <Group grow align="flex-start">
          <NativeSelect
            label={t('board.card.priority')}
            value={draft.priority}
            disabled={!canEdit}
            onChange={(event) => change('priority', event.currentTarget.value as Priority)}
            data={PRIORITIES.map((priority) => ({ value: priority, label: t(`board.priorities.${priority}`) }))}
          />
          <TextInput label={t('board.card.dueDate')} type="date" value={draft.dueDate} readOnly={!canEdit} onChange={(event) => change('dueDate', event.currentTarget.value)} />
        </Group>
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
          <Group gap="sm">
            <Button type="submit" disabled={update.isPending}>
              {update.isPending ? t('board.card.saving') : t('board.card.save')}
            </Button>
            <Button type="button" variant="default" disabled={update.isPending} onClick={() => save({ archived: true }, onClose)}>
              {t('board.card.archive')}
            </Button>
            <span role="status" className="small">
              {status === 'saved'
                ? t('board.card.saved')
                : status === 'unchanged'
                  ? t('board.card.noChanges')
                  : status === 'restored' && dirty
                    ? t('boardUi.draftRestored')
                    : dirty
                      ? t('board.card.unsaved')
                      : ''}
            </span>
          </Group>
        )}
      </Stack>
    </form>
  );
}
