import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrganizationDto } from '@enlace/shared';

/** For platform administrators: whose accounts to show. */
export function OrganizationPicker({ organizations, value, onChange }: { organizations: OrganizationDto[]; value: string; onChange: (id: string) => void }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{t('people.organization')}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)}>
        <option value="">{t('people.chooseOrganization')}</option>
        {organizations.map((organization) => (
          <option key={organization.id} value={organization.id}>
            {t('people.organizationOption', { name: organization.name, country: organization.country })}
          </option>
        ))}
      </select>
    </div>
  );
}
