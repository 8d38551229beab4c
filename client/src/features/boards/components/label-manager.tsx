import { Button, Group, Text, TextInput } from '@mantine/core';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { LabelDto } from '@enlace/shared';
import { ApiRequestError } from '../../../api/api-error';
import { ConfirmDialog } from '../../../ui/confirm-dialog';
import { ErrorAlert } from '../../../ui/error-alert';
import { conflictCurrent } from '../board-cache';
import { isVersionConflict } from '../hooks/use-board';
import { useDeleteLabel, useUpdateLabel } from '../hooks/use-board-structure';
import type { LabelLook } from '../hooks/use-board-lookups';
import { readableTextColor } from '../label-colors';
import { LabelChip } from './label-chip';
import { LabelColorField } from './label-color-field';
import { NewLabelForm } from './new-label-form';

const lookOf = (label: { id: string; name: string; color: string }): LabelLook => ({
  id: label.id,
  name: label.name,
  style: { backgroundColor: label.color, color: readableTextColor(label.color) },
});

/** The board's labels: add, rename, recolour and delete them (owners and coordinators). */
export function LabelManager({ boardId, labels }: { boardId: string; labels: LabelDto[] }) {
  const { t } = useTranslation();
  const headingId = useId();
  // Here rather than in each row: the row of a deleted label is gone before the deletion's callbacks run.
  const remove = useDeleteLabel();
  const [confirming, setConfirming] = useState<LabelDto | null>(null);
  const [announcement, setAnnouncement] = useState('');

  const onDelete = (label: LabelDto) =>
    remove.mutate(label, {
      onSuccess: () => {
        setConfirming(null);
        setAnnouncement(t('board.labels.deleted', { name: label.name }));
      },
    });

  return (
    <section aria-labelledby={headingId} className="settings-section">
      <h3 id={headingId}>{t('board.labels.heading')}</h3>
      {labels.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('board.card.boardHasNoLabels')}
        </Text>
      ) : (
        <ul className="label-list">
          {labels.map((label) => (
            <LabelRow
              key={label.id}
              label={label}
              onDelete={() => {
                remove.reset();
                setAnnouncement('');
                setConfirming(label);
              }}
            />
          ))}
        </ul>
      )}
      <p role="status" className="small">
        {announcement}
      </p>
      <NewLabelForm boardId={boardId} createdMessage={(label) => t('board.labels.created', { name: label.name })} />
      <ConfirmDialog
        open={confirming !== null}
        title={t('board.labels.deleteNamed', { name: confirming?.name ?? '' })}
        confirmLabel={t('board.labels.delete')}
        danger
        pending={remove.isPending}
        error={remove.error}
        onConfirm={() => confirming && onDelete(confirming)}
        onClose={() => setConfirming(null)}
      >
        {t('board.labels.confirmDelete', { name: confirming?.name ?? '' })}
      </ConfirmDialog>
    </section>
  );
}

function LabelRow({ label, onDelete }: { label: LabelDto; onDelete: () => void }) {
  const { t } = useTranslation();
  const editRef = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(false);
  const [editing, setEditing] = useState(false);

  // Back to the Edit button once the editor closes, rather than to the top of the dialog.
  useEffect(() => {
    if (!editing && wasEditing.current) editRef.current?.focus();
    wasEditing.current = editing;
  }, [editing]);

  return (
    <li>
      {editing ? (
        <LabelEditForm label={label} onDone={() => setEditing(false)} />
      ) : (
        <Group gap="sm">
          <LabelChip label={lookOf(label)} />
          <Button ref={editRef} variant="default" size="xs" aria-label={t('board.labels.editNamed', { name: label.name })} onClick={() => setEditing(true)}>
            {t('board.labels.edit')}
          </Button>
          <Button variant="default" size="xs" aria-label={t('board.labels.deleteNamed', { name: label.name })} onClick={onDelete}>
            {t('board.labels.delete')}
          </Button>
        </Group>
      )}
    </li>
  );
}

/** Name and colour, saved with the version the edit started from, as the card dialog does. */
function LabelEditForm({ label, onDone }: { label: LabelDto; onDone: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateLabel();
  const nameRef = useRef<HTMLInputElement>(null);
  const [base, setBase] = useState(label);
  const [name, setName] = useState(label.name);
  const [color, setColor] = useState(label.color);
  const [showInvalid, setShowInvalid] = useState(false);
  const dirty = name !== base.name || color !== base.color;

  useEffect(() => nameRef.current?.focus(), []);

  // Someone else changed the label meanwhile: follow them as long as nothing is being edited here.
  if (label.version > base.version && !dirty) {
    setBase(label);
    setName(label.name);
    setColor(label.color);
  }

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const value = name.trim();
    if (!value) {
      setShowInvalid(true);
      return;
    }
    const changes = { ...(value !== base.name && { name: value }), ...(color !== base.color && { color }) };
    if (Object.keys(changes).length === 0) {
      onDone();
      return;
    }
    update.mutate(
      { label: base, input: { version: base.version, ...changes } },
      {
        onSuccess: onDone,
        onError: (error) => {
          // The message says so; the form starts again from the latest label (already in the board's cache).
          const current = isVersionConflict(error) ? conflictCurrent<LabelDto>((error as ApiRequestError).details) : null;
          if (current) {
            setBase(current);
            setName(current.name);
            setColor(current.color);
          }
        },
      },
    );
  };

  return (
    <form
      className="label-edit"
      aria-label={t('board.labels.editNamed', { name: base.name })}
      onSubmit={onSubmit}
      noValidate
      onKeyDown={(event) => {
        // Escape closes this editor only, not the whole settings dialog.
        if (event.key === 'Escape') {
          event.preventDefault();
          event.stopPropagation();
          onDone();
        }
      }}
    >
      {update.isError &&
        (isVersionConflict(update.error) ? (
          <p role="alert" className="alert alert-error">
            {t('board.labels.conflict')}
          </p>
        ) : (
          <ErrorAlert error={update.error} />
        ))}
      <TextInput
        ref={nameRef}
        label={t('board.card.newLabelName')}
        value={name}
        maxLength={60}
        onChange={(event) => setName(event.currentTarget.value)}
        error={showInvalid && !name.trim() && t('board.labels.nameRequired')}
      />
      <LabelColorField value={color} onChange={setColor} />
      {name.trim() && (
        <Text size="sm">
          {t('board.card.labelPreview')} <LabelChip label={lookOf({ id: base.id, name: name.trim(), color })} />
        </Text>
      )}
      <Group gap="sm">
        <Button type="submit" size="xs" disabled={update.isPending}>
          {update.isPending ? t('board.labels.saving') : t('board.labels.save')}
        </Button>
        <Button variant="default" size="xs" onClick={onDone}>
          {t('board.card.cancel')}
        </Button>
      </Group>
    </form>
  );
}
