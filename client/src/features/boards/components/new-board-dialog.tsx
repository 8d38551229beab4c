import { Button, Group, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoardDto } from '@enlace/shared';
import { ErrorAlert } from '../../../ui/error-alert';
import { Dialog } from '../../../ui/dialog';
import { useCreateBoard } from '../hooks/use-board-structure';

/** A new board for the workspace; the server gives it the default columns. */
export function NewBoardDialog({ workspaceId, onCreated, onClose }: { workspaceId: string; onCreated: (board: BoardDto) => void; onClose: () => void }) {
  const { t } = useTranslation();
  const create = useCreateBoard(workspaceId);
  const [title, setTitle] = useState('');
  const [showInvalid, setShowInvalid] = useState(false);
  const missing = !title.trim();

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (missing) {
      setShowInvalid(true);
      return;
    }
    create.mutate(title.trim(), { onSuccess: onCreated });
  };

  return (
    <Dialog open onClose={onClose} title={t('board.boards.newDialogTitle')}>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          {create.isError && <ErrorAlert error={create.error} />}
          <TextInput
            label={t('board.boards.title')}
            description={t('board.boards.defaultColumnsHint')}
            value={title}
            maxLength={120}
            onChange={(event) => setTitle(event.currentTarget.value)}
            error={showInvalid && missing && t('board.settings.titleRequired')}
          />
          <Group justify="flex-end" gap="sm">
            <Button type="button" variant="default" onClick={onClose}>
              {t('board.card.cancel')}
            </Button>
            <Button type="submit" disabled={create.isPending}>
              {create.isPending ? t('board.boards.creating') : t('board.boards.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Dialog>
  );
}
