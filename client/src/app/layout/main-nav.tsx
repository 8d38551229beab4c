import type { ParseKeys } from 'i18next';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import type { AppAbility } from '@enlace/shared';
import { useHubAbility } from '../../features/auth/hooks/use-hub-ability';
import { canManagePeople } from '../../features/people/people-access';

interface NavItem {
  to: string;
  label: ParseKeys;
  /** Active only on an exact match (the home route would otherwise match everything). */
  end?: boolean;
  /** Shown only to users the shared rules allow; the route is guarded the same way. */
  allows?: (ability: AppAbility) => boolean;
}

/** The main navigation. Features add their entry here. */
const NAV_ITEMS: readonly NavItem[] = [
  { to: '/', label: 'nav.home', end: true },
  { to: '/workspaces', label: 'nav.workspaces' },
  { to: '/agreements', label: 'agreements.nav' },
  { to: '/people', label: 'people.nav', allows: canManagePeople },
  { to: '/account', label: 'account.nav' },
];

export function MainNav() {
  const { t } = useTranslation();
  const ability = useHubAbility();
  return (
    <nav className="main-nav" aria-label={t('nav.label')}>
      <ul>
        {NAV_ITEMS.filter((item) => !item.allows || item.allows(ability)).map((item) => (
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
