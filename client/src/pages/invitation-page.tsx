import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { AcceptInvitation } from '../features/invitations/components/accept-invitation';
import { useDocumentTitle } from '../i18n/use-document-title';

export function InvitationPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  useDocumentTitle(t('invitation.title'));
  return <AcceptInvitation token={token} />;
}
