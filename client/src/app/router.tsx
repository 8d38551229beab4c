import { createBrowserRouter } from 'react-router';
import { RequireAuth } from '../features/auth/components/require-auth';
import { canUseReferralInbox } from '../features/cases/referral-inbox-access';
import { canAdaptStageTemplates } from '../features/cases/stage-templates-access';
import { canManagePeople } from '../features/people/people-access';
import { AccountPage } from '../pages/account-page';
import { ForgotPasswordPage } from '../pages/forgot-password-page';
import { HomePage } from '../pages/home-page';
import { InvitationPage } from '../pages/invitation-page';
import { LoginPage } from '../pages/login-page';
import { NotFoundPage } from '../pages/not-found-page';
import { ResetPasswordPage } from '../pages/reset-password-page';
import { RouteErrorPage } from '../pages/route-error-page';
import { LoadingStatus } from '../ui/query-state';
import { WorkspacesPage } from '../pages/workspaces-page';
import { AppLayout, type RouteHandle } from './layout/app-layout';
import { RequireAbility } from './require-ability';

export const router = createBrowserRouter([
  {
    element: <AppLayout />,
    errorElement: <RouteErrorPage />,
    // Shown while a lazily loaded page arrives on a first visit straight to it.
    hydrateFallbackElement: <LoadingStatus />,
    children: [
      { path: '/login', element: <LoginPage /> },
      { path: '/forgot-password', element: <ForgotPasswordPage /> },
      { path: '/reset-password/:token', element: <ResetPasswordPage /> },
      // Public: the invitee may not have an account yet.
      { path: '/invitations/:token', element: <InvitationPage /> },
      {
        element: <RequireAuth />,
        children: [
          { index: true, element: <HomePage /> },
          { path: 'account', element: <AccountPage /> },
          { path: 'workspaces', element: <WorkspacesPage /> },
          // The board (drag and drop, virtual lists, live updates) loads when a workspace is opened, not before.
          {
            path: 'workspaces/:id',
            lazy: async () => ({ Component: (await import('../pages/workspace-page')).WorkspacePage }),
            handle: { fullBleed: true } satisfies RouteHandle,
          },
          { path: 'agreements', lazy: async () => ({ Component: (await import('../pages/agreements-page')).AgreementsPage }) },
          { element: <RequireAbility allows={canManagePeople} />, children: [{ path: 'people', lazy: async () => ({ Component: (await import('../pages/people-page')).PeoplePage }) }] },
          { path: 'cases', lazy: async () => ({ Component: (await import('../pages/cases-page')).CasesPage }) },
          {
            element: <RequireAbility allows={canUseReferralInbox} />,
            children: [{ path: 'referrals', lazy: async () => ({ Component: (await import('../pages/referral-inbox-page')).ReferralInboxPage }) }],
          },
          {
            element: <RequireAbility allows={canAdaptStageTemplates} />,
            children: [{ path: 'case-procedure', lazy: async () => ({ Component: (await import('../pages/case-procedure-page')).CaseProcedurePage }) }],
          },
          // Guarded by the reader's organisation kind inside the page, as the server decides (shared readsCaseStatistics).
          { path: 'case-statistics', lazy: async () => ({ Component: (await import('../pages/case-statistics-page')).CaseStatisticsPage }) },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
