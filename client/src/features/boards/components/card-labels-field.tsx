import '@mantine/core/styles/Checkbox.css';
import { Checkbox, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { LabelDto } from '@enlace/shared';
import { toggleId } from '../card-draft';
import type { BoardLookups, LabelLook } from '../hooks/use-board-lookups';
import { LabelChip } from './label-chip';
import { NewLabelForm } from './new-label-form';

interface CardLabelsFieldProps {
  boardId: string;
  /** The board's labels, in the board's order. */
  labels: LabelDto[];
  lookups: BoardLookups;
  selected: string[];
  canEdit: boolean;
  canCreateLabels: boolean;
  onChange: (update: (labelIds: string[]) => string[]) => void;
}

/** The card's labels: a checkbox per board label to edit, chips to read; a new label is applied at once. */
export function CardLabelsField({ boardId, labels, lookups, selected, canEdit, canCreateLabels, onChange }: CardLabelsFieldProps) {
  const { t } = useTranslation();
  const look = (label: LabelDto): LabelLook => lookups.labels.get(label.id) ?? { id: label.id, name: label.name, style: {} };

  if (!canEdit) {
    const applied = labels.filter((label) => selected.includes(label.id));
    return (
      <fieldset className="card-field-group">
        <legend>{t('board.card.labels')}</legend>
        {applied.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('board.card.noLabels')}
          </Text>
        ) : (
          <ul className="label-chips label-chips-list">
            {applied.map((label) => (
              <li key={label.id}>
                <LabelChip label={look(label)} />
              </li>
            ))}
          </ul>
        )}
      </fieldset>
    );
  }

  return (
    <fieldset className="card-field-group">
      <legend>{t('board.card.labels')}</legend>
      {labels.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('board.card.boardHasNoLabels')}
        </Text>
      ) : (
        <ul className="option-list option-list-inline">
          {labels.map((label) => (
            <li key={label.id}>
              <Checkbox
                label={<LabelChip label={look(label)} />}
                checked={selected.includes(label.id)}
                onChange={(event) => {
                  const on = event.currentTarget.checked;
                  onChange((current) => toggleId(current, label.id, on));
                }}
              />
            </li>
          ))}
        </ul>
      )}
      {canCreateLabels && (
        <NewLabelForm
          boardId={boardId}
          onCreated={(label) => onChange((current) => toggleId(current, label.id, true))}
          createdMessage={(label) => t('board.card.labelCreated', { name: label.name })}
        />
      )}
    </fieldset>
  );
}
