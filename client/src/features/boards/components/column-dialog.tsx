import { Button, Group, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ColumnDto, UpdateColumnInput } from '@enlace/shared';
import { ApiRequestError } from '../../../api/api-error';
import { ConfirmDialog } from '../../../ui/confirm-dialog';
import { ErrorAlert } from '../../../ui/error-alert';
import { Dialog } from '../../../ui/dialog';
import { conflictCurrent } from '../board-cache';
import { isVersionConflict } from '../hooks/use-board';
import { useDeleteColumn, useUpdateColumn } from '../hooks/use-board-structure';

/** A column's title, WIP limit and deletion, for owners and coordinators. */
export function ColumnDialog({ column, onClose }: { column: ColumnDto; onClose: () => void }) {
  const { t } = useTranslation();
  const remove = useDeleteColumn();
  const [confirming, setConfirming] = useState(false);

  return (
    <Dialog
      open
      onClose={onClose}
      className="column-dialog"
      title={
        <>
          <span className="visually-hidden">{t('board.columns.dialogLabel')}: </span>
          {column.title}
        </>
      }
    >
      <ColumnForm column={column} />
      <div className="danger-zone">
        <Text size="sm" c="dimmed">
          {t('board.columns.deleteHint')}
        </Text>
        <Button variant="default" onClick={() => setConfirming(true)}>
          {t('board.columns.delete')}
        </Button>
      </div>
      {/* Once deleted, the column leaves the board's cache and this dialog goes with it (see BoardView). */}
      <ConfirmDialog
        open={confirming}
        title={t('board.columns.delete')}
        confirmLabel={remove.isPending ? t('board.columns.deleting') : t('board.columns.delete')}
        danger
        pending={remove.isPending}
        error={remove.error}
        onConfirm={() => remove.mutate(column)}
        onClose={() => {
          setConfirming(false);
          remove.reset();
        }}
      >
        {t('board.columns.confirmDelete', { title: column.title })}
      </ConfirmDialog>
    </Dialog>
  );
}

interface ColumnDraft {
  title: string;
  /** As the number field holds it: empty for no limit. */
  wipLimit: string;
}

const draftOf = (column: ColumnDto): ColumnDraft => ({ title: column.title, wipLimit: column.wipLimit === null ? '' : String(column.wipLimit) });

/** A whole number from 1 to 999 (what the server takes), null for an empty field, undefined when neither. */
function parseWipLimit(value: string): number | null | undefined {
  if (value.trim() === '') return null;
  const limit = Number(value);
  return Number.isInteger(limit) && limit >= 1 && limit <= 999 ? limit : undefined;
}

/** Only what changed on `base`, as `PATCH /api/columns/:id` takes it. */
function changesOf(base: ColumnDto, draft: ColumnDraft): Omit<UpdateColumnInput, 'version'> {
  const title = draft.title.trim();
  const wipLimit = parseWipLimit(draft.wipLimit);
  return {
    ...(title !== base.title && { title }),
    ...(wipLimit !== undefined && wipLimit !== base.wipLimit && { wipLimit }),
  };
}

type SaveStatus = 'idle' | 'saved' | 'unchanged';

/** Saves with the version the edit started from: someone else's change in between is a conflict, not an overwrite. */
function ColumnForm({ column }: { column: ColumnDto }) {
  const { t } = useTranslation();
  const update = useUpdateColumn();
  const [base, setBase] = useState(column);
  const [draft, setDraft] = useState(() => draftOf(column));
  const [status, setStatus] = useState<SaveStatus>('idle');
  const [showInvalid, setShowInvalid] = useState(false);
  const dirty = draft.title !== base.title || draft.wipLimit !== draftOf(base).wipLimit;
  const titleMissing = !draft.title.trim();
  const wipInvalid = parseWipLimit(draft.wipLimit) === undefined;

  // Someone else changed the column while this is open: follow them as long as nothing is being edited here.
  if (column.version > base.version && !dirty) {
    setBase(column);
    setDraft(draftOf(column));
  }

  const change = (key: keyof ColumnDraft, value: string) => {
    setStatus('idle');
    setDraft((current) => ({ ...current, [key]: value }));
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (titleMissing || wipInvalid) {
      setShowInvalid(true);
      return;
    }
    const changes = changesOf(base, draft);
    if (Object.keys(changes).length === 0) {
      setStatus('unchanged');
      return;
    }
    update.mutate(
      { column: base, input: { version: base.version, ...changes } },
      {
        onSuccess: (next) => {
          setBase(next);
          setDraft(draftOf(next));
          setStatus('saved');
        },
        onError: (error) => {
          // The message says so; the form starts again from the latest column (already in the board's cache).
          const current = isVersionConflict(error) ? conflictCurrent<ColumnDto>((error as ApiRequestError).details) : null;
          if (current) {
            setBase(current);
            setDraft(draftOf(current));
          }
        },
      },
    );
  };

  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      {update.isError &&
        (isVersionConflict(update.error) ? (
          <p role="alert" className="alert alert-error">
            {t('board.columns.conflict')}
          </p>
        ) : (
          <ErrorAlert error={update.error} />
        ))}
      <TextInput
        label={t('board.columns.title')}
        value={draft.title}
        maxLength={120}
        onChange={(event) => change('title', event.currentTarget.value)}
        error={showInvalid && titleMissing && t('board.columns.titleRequired')}
      />
      <TextInput
        label={t('board.columns.wipLimit')}
        description={t('board.columns.wipLimitHint')}
        type="number"
        inputMode="numeric"
        min={1}
        max={999}
        step={1}
        value={draft.wipLimit}
        onChange={(event) => change('wipLimit', event.currentTarget.value)}
        error={showInvalid && wipInvalid && t('board.columns.wipLimitInvalid')}
      />
      <Group gap="sm">
        <Button type="submit" disabled={update.isPending}>
          {update.isPending ? t('board.columns.saving') : t('board.columns.save')}
        </Button>
        <span role="status" className="small">
          {status === 'saved' ? t('board.columns.saved') : status === 'unchanged' ? t('board.columns.noChanges') : dirty ? t('board.columns.unsaved') : ''}
        </span>
      </Group>
    </form>
  );
}
