import { Button, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useOrganizations } from '../../organizations/hooks/use-organizations';
import type { CardDraft, DraftField } from '../card-draft';
import { formatDueDate, formatList } from '../../../i18n/format';
import type { BoardLookups } from '../hooks/use-board-lookups';

/** A save refused because someone else saved first, where both changed the same fields. */
export interface CardConflict {
  theirs: CardDraft;
  mine: CardDraft;
  fields: DraftField[];
}

interface CardConflictPanelProps {
  conflict: CardConflict;
  draft: CardDraft;
  lookups: BoardLookups;
  onTake: <K extends DraftField>(field: K, value: CardDraft[K]) => void;
}

/** Theirs and mine side by side per field: take either, or (for text) merge them by hand; the draft keeps the choice. */
export function CardConflictPanel({ conflict, draft, lookups, onTake }: CardConflictPanelProps) {
  const { t } = useTranslation();
  return (
    <section className="card-conflict" aria-label={t('boardUi.conflict.label')}>
      {conflict.fields.map((field) => (
        <ConflictField key={field} field={field} conflict={conflict} draft={draft} lookups={lookups} onTake={onTake} />
      ))}
    </section>
  );
}

function ConflictField({ field, conflict, draft, lookups, onTake }: CardConflictPanelProps & { field: DraftField }) {
  const { t } = useTranslation();
  const show = useFieldValue(lookups);
  const name = t(`boardUi.conflict.fields.${field}`);
  const text = field === 'title' || field === 'description';
  return (
    <fieldset className="card-conflict-field">
      <legend>{name}</legend>
      <div className="card-conflict-sides">
        {(['theirs', 'mine'] as const).map((side) => (
          <div key={side} className="card-conflict-side">
            <p className="small muted">{t(`boardUi.conflict.${side}`)}</p>
            <p className="card-conflict-value" data-side={side}>
              {show(field, conflict[side][field]) || t('boardUi.conflict.empty')}
            </p>
            <Button type="button" variant="default" size="xs" onClick={() => onTake(field, conflict[side][field])}>
              {t(side === 'theirs' ? 'boardUi.conflict.takeTheirs' : 'boardUi.conflict.takeMine', { field: name })}
            </Button>
          </div>
        ))}
      </div>
      {text && (
        <Textarea label={t('boardUi.conflict.merged', { field: name })} autosize minRows={field === 'title' ? 1 : 3} value={draft[field]} onChange={(event) => onTake(field, event.currentTarget.value)} />
      )}
    </fieldset>
  );
}

/** A field's value in words, as the card shows it. */
function useFieldValue(lookups: BoardLookups) {
  const { t, i18n } = useTranslation();
  const organizations = useOrganizations().data ?? [];
  const language = i18n.resolvedLanguage;
  return (field: DraftField, value: CardDraft[DraftField]): string => {
    switch (field) {
      case 'priority':
        return t(`board.priorities.${value as CardDraft['priority']}`);
      case 'dueDate':
        return value ? formatDueDate(value as string, language) : '';
      case 'labelIds':
        return formatList((value as string[]).map((id) => lookups.labels.get(id)?.name ?? '?'), language);
      case 'assigneeIds':
        return formatList((value as string[]).map((id) => lookups.people.get(id)?.displayName ?? '?'), language);
      case 'responsibleOrganizationId':
        return organizations.find((organization) => organization.id === value)?.name ?? '';
      case 'checklist':
        return (value as CardDraft['checklist']).map((item) => `${item.done ? '☑' : '☐'} ${item.text}`).join('\n');
      default:
        return value as string;
    }
  };
}
