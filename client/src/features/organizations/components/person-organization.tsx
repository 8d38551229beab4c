import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { UnconfirmedOrganizationDto } from '@enlace/shared';

/**
 * A person's organisation wherever it shows beside their name: the confirmed one, or the one they asked to
 * join marked "unconfirmed" until its administrators approve, or a dash.
 */
export function PersonOrganization({ name, unconfirmed }: { name: string | null; unconfirmed: UnconfirmedOrganizationDto | null }) {
  const { t } = useTranslation();
  if (name) return <>{name}</>;
  if (!unconfirmed) return <>—</>;
  return (
    <Group gap={6} wrap="nowrap" component="span">
      <Text span inherit>
        {unconfirmed.name}
      </Text>
      <Badge variant="outline" color="orange" size="sm">
        {t('affiliation.unconfirmed')}
      </Badge>
    </Group>
  );
}
