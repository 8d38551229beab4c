import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import type { Translation } from '../../i18n/locales/en';

interface NavItem {
  to: string;
  label: `nav.${Exclude<keyof Translation['nav'], 'label'>}`;
  /** Active only on an exact match (the home route would otherwise match everything). */
  end?: boolean;
}

/** The main navigation. Features add their entry here. */
const NAV_ITEMS: readonly NavItem[] = [
  { to: '/', label: 'nav.home', end: true },
  { to: '/workspaces', label: 'nav.workspaces' },
];

export function MainNav() {
  const { t } = useTranslation();
  return (
    <nav className="main-nav" aria-label={t('nav.label')}>
      <ul>
        {NAV_ITEMS.map((item) => (
          <li key={item.to}>
            <NavLink to={item.to} end={item.end}>
              {t(item.label)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
