import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDocumentTitle } from '../i18n/use-document-title';

export function NotFoundPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('pages.notFound.title'));
  return (
    <div className="stack">
      <h1>{t('pages.notFound.title')}</h1>
      <p>{t('pages.notFound.body')}</p>
      <p>
        <Link to="/">{t('pages.notFound.home')}</Link>
      </p>
    </div>
  );
}
