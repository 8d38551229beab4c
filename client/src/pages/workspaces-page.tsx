import { useTranslation } from 'react-i18next';
import { CreateWorkspaceForm } from '../features/workspaces/components/create-workspace-form';
import { WorkspaceList } from '../features/workspaces/components/workspace-list';
import { useDocumentTitle } from '../i18n/use-document-title';

export function WorkspacesPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('workspaces.title'));
  return (
    <div className="stack">
      <h1>{t('workspaces.title')}</h1>
      <WorkspaceList status="active" />
      <WorkspaceList status="archived" heading={t('workspaceSettings.showArchived')} empty={t('workspaceSettings.archivedEmpty')} />
      <CreateWorkspaceForm />
    </div>
  );
}
