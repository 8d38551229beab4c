import { useTranslation } from 'react-i18next';
import type { MeDto } from '@enlace/shared';

export function RoleBadges({ me }: { me: MeDto }) {
  const { t } = useTranslation();
  const badges: string[] = [];
  if (me.user.platformAdmin) badges.push(t('roles.platformAdmin'));
  if (me.organization) badges.push(t(me.user.orgRole === 'org_admin' ? 'roles.orgAdmin' : 'roles.member'));

  if (badges.length === 0) return <span className="muted">{t('home.noRoles')}</span>;
  return (
    <ul className="badges">
      {badges.map((badge) => (
        <li key={badge} className="badge">
          {badge}
        </li>
      ))}
    </ul>
  );
}
