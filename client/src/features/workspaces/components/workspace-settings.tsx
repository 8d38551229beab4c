import { subject } from '@casl/ability';
import { Alert, Button, Group, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkspaceDto } from '@enlace/shared';
import { ApiRequestError } from '../../../api/api-error';
import { Dialog } from '../../../ui/dialog';
import { ErrorAlert } from '../../../ui/error-alert';
import { Panel } from '../../../ui/panel';
import { toastSuccess } from '../../../ui/toast';
import { useWorkspaceAbility } from '../hooks/use-workspace-ability';
import { useUpdateWorkspace } from '../hooks/use-workspaces';

/** The workspace's settings tab: its title and description, and archiving or restoring it. */
export function WorkspaceSettings({ workspace }: { workspace: WorkspaceDto }) {
  const ability = useWorkspaceAbility(workspace);
  // Held here, not in the form: the form is remounted by the save it makes, and its outcome must outlive that.
  const update = useUpdateWorkspace(workspace.id);
  const on = subject('Workspace', { workspaceId: workspace.id });
  return (
    <Stack gap="lg">
      {/* Keyed by version: after a save, or someone else's change, the form starts from the current workspace. */}
      <DetailsForm key={workspace.version} workspace={workspace} canEdit={ability.can('update', on)} update={update} />
      <ArchiveSection workspace={workspace} canArchive={ability.can('archive', on)} />
    </Stack>
  );
}

function DetailsForm({ workspace, canEdit, update }: { workspace: WorkspaceDto; canEdit: boolean; update: ReturnType<typeof useUpdateWorkspace> }) {
  const { t } = useTranslation();
  const [title, setTitle] = useState(workspace.title);
  const [description, setDescription] = useState(workspace.description);
  const [missingTitle, setMissingTitle] = useState(false);
  const conflict = update.error instanceof ApiRequestError && update.error.code === 'VERSION_CONFLICT';

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!title.trim()) {
      setMissingTitle(true);
      return;
    }
    setMissingTitle(false);
    update.mutate({ version: workspace.version, title: title.trim(), description }, { onSuccess: () => toastSuccess(t('workspaceSettings.saved')) });
  };

  return (
    <Panel title={t('workspaceSettings.heading')}>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          {workspace.status === 'archived' && <Alert color="gray">{t('workspaceSettings.readOnlyNotice')}</Alert>}
          {conflict ? <Alert color="yellow" role="alert">{t('workspaceSettings.conflict')}</Alert> : update.isError && <ErrorAlert error={update.error} />}
          <TextInput
            label={t('workspaceSettings.title')}
            value={title}
            maxLength={200}
            onChange={(event) => setTitle(event.currentTarget.value)}
            error={missingTitle ? t('workspaceSettings.titleRequired') : undefined}
            readOnly={!canEdit}
            required
          />
          <Textarea
            label={t('workspaceSettings.description')}
            value={description}
            maxLength={10_000}
            autosize
            minRows={3}
            onChange={(event) => setDescription(event.currentTarget.value)}
            readOnly={!canEdit}
          />
          {canEdit && (
            <Group justify="flex-end">
              <Button type="submit" loading={update.isPending}>
                {t('workspaceSettings.save')}
              </Button>
            </Group>
          )}
        </Stack>
      </form>
    </Panel>
  );
}

function ArchiveSection({ workspace, canArchive }: { workspace: WorkspaceDto; canArchive: boolean }) {
  const { t } = useTranslation();
  const update = useUpdateWorkspace(workspace.id);
  const [confirming, setConfirming] = useState(false);
  const archived = workspace.status === 'archived';

  const setStatus = (status: 'active' | 'archived') =>
    update.mutate(
      { version: workspace.version, status },
      {
        onSuccess: () => {
          setConfirming(false);
          toastSuccess(t(status === 'archived' ? 'workspaceSettings.archived' : 'workspaceSettings.restored'));
        },
      },
    );

  return (
    <Panel title={t('workspaceSettings.archiveHeading')}>
      <Stack gap="sm" align="flex-start">
        <Text size="sm">{archived ? t('workspaceSettings.restoreIntro') : t('workspaceSettings.archiveIntro')}</Text>
        {update.isError && !confirming && <ErrorAlert error={update.error} />}
        {!canArchive ? (
          <Text size="sm" c="dimmed">
            {t('workspaceSettings.onlyOwnersArchive')}
          </Text>
        ) : archived ? (
          <Button onClick={() => setStatus('active')} loading={update.isPending}>
            {t('workspaceSettings.restore')}
          </Button>
        ) : (
          <Button color="red" variant="outline" onClick={() => setConfirming(true)}>
            {t('workspaceSettings.archive')}
          </Button>
        )}
      </Stack>
      <Dialog
        open={confirming}
        onClose={() => setConfirming(false)}
        title={t('workspaceSettings.archiveConfirmTitle', { title: workspace.title })}
        size="md"
        footer={
          <>
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('workspaceSettings.cancel')}
            </Button>
            <Button color="red" onClick={() => setStatus('archived')} loading={update.isPending}>
              {t('workspaceSettings.archive')}
            </Button>
          </>
        }
      >
        <Stack gap="sm">
          {update.isError && <ErrorAlert error={update.error} />}
          <Text size="sm">{t('workspaceSettings.archiveConfirm')}</Text>
        </Stack>
      </Dialog>
    </Panel>
  );
}
