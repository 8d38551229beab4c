import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSession } from '../../features/auth/hooks/use-session';
import { LanguageSwitcher } from '../../i18n/language-switcher';
import { MainNav } from './main-nav';
import { UserMenu } from './user-menu';

export function AppHeader() {
  const { t } = useTranslation();
  const session = useSession();
  const signedIn = session.status === 'signed-in';

  return (
    <header className="app-header">
      <div className="app-header-inner">
        <Link to="/" className="brand">
          <span className="brand-name">{t('app.name')}</span>
          <span className="brand-tagline">{t('app.tagline')}</span>
        </Link>
        {signedIn && <MainNav />}
        <div className="header-tools">
          <LanguageSwitcher />
          {signedIn && <UserMenu user={session.user} />}
        </div>
      </div>
    </header>
  );
}
