import { Button, NativeSelect, Stack, Textarea, TextInput } from '@mantine/core';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { WORKSPACE_KINDS, type WorkspaceKind } from '@enlace/shared';
import { ErrorAlert } from '../../../ui/error-alert';
import { Panel } from '../../../ui/panel';
import { useCreateWorkspace } from '../hooks/use-workspaces';

export function CreateWorkspaceForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateWorkspace();
  const [kind, setKind] = useState<WorkspaceKind>('coordination');
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [missingTitle, setMissingTitle] = useState(false);
  const titleRef = useRef<HTMLInputElement>(null);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!title.trim()) {
      setMissingTitle(true);
      titleRef.current?.focus();
      return;
    }
    setMissingTitle(false);
    create.mutate(
      { kind, title: title.trim(), ...(description.trim() ? { description: description.trim() } : {}) },
      { onSuccess: (workspace) => void navigate(`/workspaces/${workspace.id}`) },
    );
  };

  return (
    <Panel title={t('workspaces.create.heading')}>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md" maw={560}>
          {create.isError && <ErrorAlert error={create.error} />}
          <NativeSelect
            label={t('workspaces.create.kind')}
            value={kind}
            onChange={(event) => setKind(event.currentTarget.value as WorkspaceKind)}
            data={WORKSPACE_KINDS.map((value) => ({ value, label: t(`workspaces.kinds.${value}`) }))}
          />
          <TextInput
            ref={titleRef}
            label={t('workspaces.create.title')}
            value={title}
            maxLength={200}
            onChange={(event) => setTitle(event.currentTarget.value)}
            error={missingTitle && t('workspaces.create.titleRequired')}
          />
          <Textarea label={t('workspaces.create.description')} value={description} rows={3} onChange={(event) => setDescription(event.currentTarget.value)} />
          <div>
            <Button type="submit" disabled={create.isPending}>
              {create.isPending ? t('workspaces.create.submitting') : t('workspaces.create.submit')}
            </Button>
          </div>
        </Stack>
      </form>
    </Panel>
  );
}
