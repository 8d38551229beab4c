import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChecklistItem } from '@enlace/shared';

interface CardChecklistFieldProps {
  checklist: ChecklistItem[];
  canEdit: boolean;
  onChange: (checklist: ChecklistItem[]) => void;
}

export function CardChecklistField({ checklist, canEdit, onChange }: CardChecklistFieldProps) {
  const { t } = useTranslation();
  const newItemId = useId();
  const [newItem, setNewItem] = useState('');

  const addItem = () => {
    const text = newItem.trim();
    if (!text) return;
    onChange([...checklist, { id: crypto.randomUUID(), text, done: false }]);
    setNewItem('');
  };

  return (
    <fieldset className="checklist">
      <legend>{t('board.card.checklist')}</legend>
      {checklist.length === 0 && !canEdit && <p className="muted small">{t('board.card.noChecklistItems')}</p>}
      {checklist.length > 0 && (
        <ul>
          {checklist.map((item) => (
            <li key={item.id}>
              <label>
                <input
                  type="checkbox"
                  checked={item.done}
                  disabled={!canEdit}
                  onChange={(event) => onChange(checklist.map((entry) => (entry.id === item.id ? { ...entry, done: event.target.checked } : entry)))}
                />{' '}
                {item.text}
              </label>
              {canEdit && (
                <button
                  type="button"
                  className="button button-link small"
                  aria-label={t('board.card.removeItem', { text: item.text })}
                  onClick={() => onChange(checklist.filter((entry) => entry.id !== item.id))}
                >
                  ×
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {canEdit && (
        <div className="inline-form">
          <label htmlFor={newItemId} className="visually-hidden">
            {t('board.card.newItem')}
          </label>
          <input
            id={newItemId}
            value={newItem}
            maxLength={500}
            placeholder={t('board.card.newItem')}
            onChange={(event) => setNewItem(event.target.value)}
            onKeyDown={(event) => {
              // Enter adds the item instead of submitting the whole card.
              if (event.key === 'Enter') {
                event.preventDefault();
                addItem();
              }
            }}
          />
          <button type="button" className="button button-outline button-small" onClick={addItem}>
            {t('board.card.addItem')}
          </button>
        </div>
      )}
    </fieldset>
  );
}
