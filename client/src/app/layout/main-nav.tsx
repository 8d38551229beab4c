import { AppShell, NavLink, ScrollArea, Text } from '@mantine/core';
import type { ParseKeys } from 'i18next';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink as RouterNavLink, useLocation } from 'react-router';
import { readsCaseStatistics, type AppAbility, type OrganizationKind, type UserDto } from '@enlace/shared';
import { useMe } from '../../features/account/hooks/use-me';
import { useHubAbility } from '../../features/auth/hooks/use-hub-ability';
import { useSession } from '../../features/auth/hooks/use-session';
import { canUseReferralInbox } from '../../features/cases/referral-inbox-access';
import { canAdaptStageTemplates } from '../../features/cases/stage-templates-access';
import { canManagePeople } from '../../features/people/people-access';
import { useWorkspaces } from '../../features/workspaces/hooks/use-workspaces';

interface NavItem {
  to: string;
  label: ParseKeys;
  /** Active only on an exact match (the home route would otherwise match everything). */
  end?: boolean;
  /** Shown only to users the shared rules allow; the route is guarded the same way. */
  allows?: (ability: AppAbility, user: UserDto | null) => boolean;
  /** Shown only to members of an organisation of a kind it allows (the page is guarded the same way). */
  allowsOrganization?: (kind: OrganizationKind | undefined) => boolean;
}

/** The main navigation. Features add their entry here. */
const NAV_ITEMS: readonly NavItem[] = [
  { to: '/', label: 'nav.home', end: true },
  { to: '/workspaces', label: 'nav.workspaces', end: true },
  { to: '/agreements', label: 'agreements.nav' },
  { to: '/cases', label: 'cases.nav' },
  { to: '/referrals', label: 'cases.inbox.nav', allows: canUseReferralInbox },
  { to: '/case-procedure', label: 'stageTemplates.nav', allows: canAdaptStageTemplates },
  { to: '/case-statistics', label: 'caseStatistics.nav', allowsOrganization: readsCaseStatistics },
  { to: '/people', label: 'people.nav', allows: canManagePeople },
  { to: '/account', label: 'account.nav' },
];

/** The sidebar: the pages, then the person's workspaces. Rendered inside AppShell.Navbar, itself a <nav>. */
export function MainNav() {
  const { t } = useTranslation();
  const ability = useHubAbility();
  const organizationKind = useMe().data?.organization?.kind;
  const session = useSession();
  const user = session.status === 'signed-in' ? session.user : null;
  const { pathname } = useLocation();
  const isActive = (to: string, end?: boolean) => (end ? pathname === to : pathname.startsWith(to));

  return (
    <>
      <AppShell.Section>
        {NAV_ITEMS.filter((item) => (!item.allows || item.allows(ability, user)) && (!item.allowsOrganization || item.allowsOrganization(organizationKind))).map((item) => (
          <NavLink key={item.to} component={RouterNavLink} to={item.to} end={item.end} label={t(item.label)} active={isActive(item.to, item.end)} />
        ))}
      </AppShell.Section>
      <AppShell.Section grow component={ScrollArea} mt="md">
        <WorkspaceLinks isActive={(to) => isActive(to, true)} />
      </AppShell.Section>
    </>
  );
}

/** The person's active workspaces, one click from anywhere. */
function WorkspaceLinks({ isActive }: { isActive: (to: string) => boolean }) {
  const { t } = useTranslation();
  const headingId = useId();
  const workspaces = useWorkspaces();
  const items = (workspaces.data?.pages.flatMap((page) => page.items) ?? []).filter((workspace) => workspace.status !== 'archived');
  if (items.length === 0) return null;
  return (
    <>
      <Text id={headingId} component="h2" size="xs" fw={700} c="dimmed" tt="uppercase" px="sm" mb={4}>
        {t('workspaces.listHeading')}
      </Text>
      <ul aria-labelledby={headingId} className="plain-list">
        {items.map((workspace) => {
          const to = `/workspaces/${workspace.id}`;
          return (
            <li key={workspace.id}>
              <NavLink component={RouterNavLink} to={to} label={workspace.title} description={t(`workspaces.kinds.${workspace.kind}`)} active={isActive(to)} noWrap />
            </li>
          );
        })}
      </ul>
    </>
  );
}
