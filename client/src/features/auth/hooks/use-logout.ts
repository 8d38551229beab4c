import { useMutation } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import { endSession } from '../../../api/session';
import { clearAllStoredDrafts } from '../../boards/card-draft-store';
import { logout } from '../api/auth-api';

/**
 * Ends the session on the server first: if that fails the refresh cookie would still be valid, so the user stays
 * signed in and is told. Then forgets what this device kept for them (unsaved card drafts).
 */
export function useLogout() {
  const navigate = useNavigate();
  return useMutation({
    mutationFn: logout,
    onSuccess: () => {
      clearAllStoredDrafts();
      endSession({ broadcast: true });
      void navigate('/login', { replace: true });
    },
  });
}
