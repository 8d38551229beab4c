import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { requestOrganization } from '../api/affiliation-api';
import { OrganizationChoiceForm } from './organization-choice';

/**
 * The step (under the heading "Which organisation do you belong to?") after an invitee created their account without an organisation: they name theirs (its admins
 * confirm), or say it is not listed, and go on to the workspace.
 */
export function OrganizationStep({ onDone, suggested }: { onDone: () => void; suggested?: { id: string; name: string } | null }) {
  const { t } = useTranslation();
  const ask = useMutation({ mutationFn: requestOrganization, onSuccess: onDone });
  return (
    <OrganizationChoiceForm
      submitLabel={t('affiliation.continue')}
      suggested={suggested}
      pending={ask.isPending}
      error={ask.error}
      onSubmit={(organizationId) => (organizationId ? ask.mutate(organizationId) : onDone())}
    />
  );
}
