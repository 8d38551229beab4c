import { useTranslation } from 'react-i18next';
import { useMembers } from '../../workspaces/hooks/use-members';

/** A member's display name by user id, for histories; someone who has left shows as "Someone". */
export function useMemberName(workspaceId: string): (userId: string) => string {
  const { t } = useTranslation();
  const members = useMembers(workspaceId);
  return (userId) => members.data?.items.find((member) => member.userId === userId)?.displayName ?? t('agreements.someone');
}
