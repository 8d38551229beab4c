import { Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CreateWorkspaceForm } from '../features/workspaces/components/create-workspace-form';
import { WorkspaceList } from '../features/workspaces/components/workspace-list';
import { useDocumentTitle } from '../i18n/use-document-title';

export function WorkspacesPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('workspaces.title'));
  return (
    <Stack gap="lg">
      <Title order={1} size="h2">
        {t('workspaces.title')}
      </Title>
      <WorkspaceList status="active" />
      <WorkspaceList status="archived" heading={t('workspaceSettings.showArchived')} empty={t('workspaceSettings.archivedEmpty')} />
      <CreateWorkspaceForm />
    </Stack>
  );
}
