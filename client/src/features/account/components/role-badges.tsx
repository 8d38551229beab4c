import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { MeDto } from '@enlace/shared';

export function RoleBadges({ me }: { me: MeDto }) {
  const { t } = useTranslation();
  const badges: string[] = [];
  if (me.user.platformAdmin) badges.push(t('roles.platformAdmin'));
  if (me.organization) badges.push(t(me.user.orgRole === 'org_admin' ? 'roles.orgAdmin' : 'roles.member'));

  if (badges.length === 0) return <Text c="dimmed" size="sm" span>{t('home.noRoles')}</Text>;
  return (
    <Group component="ul" gap="xs" className="plain-list">
      {badges.map((badge) => (
        <Badge component="li" key={badge} variant="light">
          {badge}
        </Badge>
      ))}
    </Group>
  );
}
