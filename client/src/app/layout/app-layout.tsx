import { useEffect, useRef } from 'react';
import { Outlet, useLocation } from 'react-router';
import { AppHeader } from './app-header';
import { SkipLink } from './skip-link';

export const MAIN_CONTENT_ID = 'main-content';

export function AppLayout() {
  const mainRef = useMainFocusOnNavigation();
  return (
    <>
      <SkipLink targetId={MAIN_CONTENT_ID} />
      <AppHeader />
      <main ref={mainRef} id={MAIN_CONTENT_ID} className="main" tabIndex={-1}>
        <Outlet />
      </main>
    </>
  );
}

/** After a client-side navigation, screen-reader and keyboard users start at the new page's content. */
function useMainFocusOnNavigation() {
  const mainRef = useRef<HTMLElement>(null);
  const { pathname } = useLocation();
  const firstRender = useRef(true);
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    mainRef.current?.focus({ preventScroll: false });
  }, [pathname]);
  return mainRef;
}
