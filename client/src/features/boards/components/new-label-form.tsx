import { Button, Group, Text, TextInput } from '@mantine/core';
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LabelDto } from '@enlace/shared';
import { ErrorAlert } from '../../../ui/error-alert';
import { useCreateLabel } from '../hooks/use-board-structure';
import { LABEL_COLORS, readableTextColor } from '../label-colors';
import { LabelChip } from './label-chip';
import { LabelColorField } from './label-color-field';

interface NewLabelFormProps {
  boardId: string;
  onCreated?: (label: LabelDto) => void;
  /** What is announced once the label exists, which depends on where it was created. */
  createdMessage: (label: LabelDto) => string;
}

/**
 * Adds a label to the board, from the card dialog or the board settings. Not a <form>: in the card
 * dialog it sits inside the card's form, so Enter in the name creates the label instead of saving the card.
 */
export function NewLabelForm({ boardId, onCreated, createdMessage }: NewLabelFormProps) {
  const { t } = useTranslation();
  const panelId = useId();
  const create = useCreateLabel(boardId);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  const wasOpen = useRef(false);
  const [open, setOpen] = useState(false);
  const [name, setName] = useState('');
  const [color, setColor] = useState<string>(LABEL_COLORS[0].value);
  const [announcement, setAnnouncement] = useState('');

  // Focus follows the panel: into the name when it opens, back to its button when it closes.
  useEffect(() => {
    if (open) nameRef.current?.focus();
    else if (wasOpen.current) toggleRef.current?.focus();
    wasOpen.current = open;
  }, [open]);

  const close = () => {
    setOpen(false);
    setName('');
    create.reset();
  };

  const submit = () => {
    const value = name.trim();
    if (!value || create.isPending) return;
    create.mutate(
      { name: value, color },
      {
        onSuccess: (label) => {
          onCreated?.(label);
          setAnnouncement(createdMessage(label));
          close();
        },
      },
    );
  };

  return (
    <div className="new-label">
      <Group gap="sm">
        <Button
          ref={toggleRef}
          variant="default"
          size="xs"
          aria-expanded={open}
          aria-controls={open ? panelId : undefined}
          onClick={() => {
            setAnnouncement('');
            if (open) close();
            else setOpen(true);
          }}
        >
          {t('board.card.newLabel')}
        </Button>
        <span role="status" className="small">
          {announcement}
        </span>
      </Group>
      {open && (
        <div
          id={panelId}
          role="group"
          aria-label={t('board.card.newLabel')}
          className="new-label-panel"
          onKeyDown={(event) => {
            // Escape closes this panel only, not the whole card with its unsaved changes.
            if (event.key === 'Escape') {
              event.preventDefault();
              event.stopPropagation();
              close();
            }
          }}
        >
          {create.isError && <ErrorAlert error={create.error} />}
          <TextInput
            ref={nameRef}
            label={t('board.card.newLabelName')}
            value={name}
            maxLength={60}
            onChange={(event) => setName(event.currentTarget.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter') {
                event.preventDefault();
                submit();
              }
            }}
          />
          <LabelColorField value={color} onChange={setColor} />
          {name.trim() && (
            <Text size="sm">
              {t('board.card.labelPreview')}{' '}
              <LabelChip label={{ id: 'preview', name: name.trim(), style: { backgroundColor: color, color: readableTextColor(color) } }} />
            </Text>
          )}
          <Group gap="sm">
            <Button size="xs" disabled={create.isPending || !name.trim()} onClick={submit}>
              {create.isPending ? t('board.card.creatingLabel') : t('board.card.createLabel')}
            </Button>
            <Button variant="default" size="xs" onClick={close}>
              {t('board.card.cancel')}
            </Button>
          </Group>
        </div>
      )}
    </div>
  );
}
