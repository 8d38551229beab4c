import { useTranslation } from 'react-i18next';
import { useDocumentTitle } from '../i18n/use-document-title';

/** Shown instead of a blank screen when rendering a route throws. */
export function RouteErrorPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('pages.routeError.title'));
  return (
    <main className="main" id="main-content">
      <div role="alert" className="stack">
        <h1>{t('pages.routeError.title')}</h1>
        <p>{t('pages.routeError.body')}</p>
        <p>
          <button type="button" className="button button-primary" onClick={() => window.location.reload()}>
            {t('pages.routeError.reload')}
          </button>
        </p>
      </div>
    </main>
  );
}
