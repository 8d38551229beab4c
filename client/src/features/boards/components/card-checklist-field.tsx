import '@mantine/core/styles/Checkbox.css';
import { Button, Checkbox, CloseButton, Group, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChecklistItem } from '@enlace/shared';

interface CardChecklistFieldProps {
  checklist: ChecklistItem[];
  canEdit: boolean;
  onChange: (checklist: ChecklistItem[]) => void;
}

export function CardChecklistField({ checklist, canEdit, onChange }: CardChecklistFieldProps) {
  const { t } = useTranslation();
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
      {checklist.length === 0 && !canEdit && (
        <Text size="sm" c="dimmed">
          {t('board.card.noChecklistItems')}
        </Text>
      )}
      {checklist.length > 0 && (
        <ul>
          {checklist.map((item) => (
            <li key={item.id}>
              <Checkbox
                label={item.text}
                checked={item.done}
                disabled={!canEdit}
                onChange={(event) => {
                  const done = event.currentTarget.checked;
                  onChange(checklist.map((entry) => (entry.id === item.id ? { ...entry, done } : entry)));
                }}
              />
              {canEdit && (
                <CloseButton size="sm" aria-label={t('board.card.removeItem', { text: item.text })} onClick={() => onChange(checklist.filter((entry) => entry.id !== item.id))} />
              )}
            </li>
          ))}
        </ul>
      )}
      {canEdit && (
        <Group gap="sm" align="flex-end" wrap="nowrap">
          <TextInput
            aria-label={t('board.card.newItem')}
            placeholder={t('board.card.newItem')}
            value={newItem}
            maxLength={500}
            style={{ flex: 1 }}
            onChange={(event) => setNewItem(event.currentTarget.value)}
            onKeyDown={(event) => {
              // Enter adds the item instead of submitting the whole card.
              if (event.key === 'Enter') {
                event.preventDefault();
                addItem();
              }
            }}
          />
          <Button variant="default" size="sm" onClick={addItem}>
            {t('board.card.addItem')}
          </Button>
        </Group>
      )}
    </fieldset>
  );
}
