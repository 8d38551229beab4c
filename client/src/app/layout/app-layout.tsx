import { AppShell, Container } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, useLocation, useMatches } from 'react-router';
import { useSession } from '../../features/auth/hooks/use-session';
import { useIsPhone } from '../../ui/use-is-phone';
import { AppHeader } from './app-header';
import { MainNav } from './main-nav';
import { SkipLink } from './skip-link';

export const MAIN_CONTENT_ID = 'main-content';

/** What a route tells the shell about itself (`handle` in the router). */
export interface RouteHandle {
  /** The page uses the whole width and height below the header (the workspace page and its board). */
  fullBleed?: boolean;
}

/**
 * The app shell: a top bar, the sidebar for signed-in people (behind a burger on phones) and the page.
 * Signed-out pages (sign-in, password reset, invitations) get the top bar only.
 */
export function AppLayout() {
  const { t } = useTranslation();
  const session = useSession();
  const signedIn = session.status === 'signed-in';
  const [navOpen, nav] = useDisclosure(false);
  const phone = useIsPhone();
  const navId = useId();
  const mainRef = useMainFocusOnNavigation(nav.close);
  const fullBleed = useMatches().some((match) => (match.handle as RouteHandle | undefined)?.fullBleed);

  return (
    <AppShell
      header={{ height: { base: 52, sm: 60 } }}
      navbar={signedIn ? { width: 248, breakpoint: 'sm', collapsed: { mobile: !navOpen } } : undefined}
      padding={fullBleed ? 0 : { base: 'sm', sm: 'lg' }}
    >
      <SkipLink targetId={MAIN_CONTENT_ID} />
      <AppShell.Header>
        <AppHeader navId={navId} navOpen={navOpen} onToggleNav={nav.toggle} />
      </AppShell.Header>
      {signedIn && (
        // Folded away on a phone it is also hidden from keyboards and screen readers, not only slid off screen.
        <AppShell.Navbar id={navId} aria-label={t('nav.label')} p="xs" style={phone && !navOpen ? { visibility: 'hidden' } : undefined}>
          <MainNav />
        </AppShell.Navbar>
      )}
      <AppShell.Main ref={mainRef} id={MAIN_CONTENT_ID} tabIndex={-1} className="app-main">
        {fullBleed ? (
          <Outlet />
        ) : (
          <Container size="lg" px={0}>
            <Outlet />
          </Container>
        )}
      </AppShell.Main>
    </AppShell>
  );
}

/**
 * After a client-side navigation, screen-reader and keyboard users start at the new page's content, and the
 * phone menu folds away.
 */
function useMainFocusOnNavigation(onNavigate: () => void) {
  const mainRef = useRef<HTMLElement>(null);
  const { pathname } = useLocation();
  const firstRender = useRef(true);
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    onNavigate();
    mainRef.current?.focus({ preventScroll: false });
  }, [pathname, onNavigate]);
  return mainRef;
}
