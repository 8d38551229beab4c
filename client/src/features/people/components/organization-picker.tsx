import { NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { OrganizationDto } from '@enlace/shared';

/** For platform administrators: whose accounts to show. */
export function OrganizationPicker({ organizations, value, onChange }: { organizations: OrganizationDto[]; value: string; onChange: (id: string) => void }) {
  const { t } = useTranslation();
  return (
    <NativeSelect
      label={t('people.organization')}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value)}
      maw={480}
      data={[
        { value: '', label: t('people.chooseOrganization') },
        ...organizations.map((organization) => ({
          value: organization.id,
          label: t('people.organizationOption', { name: organization.name, country: organization.country }),
        })),
      ]}
    />
  );
}
