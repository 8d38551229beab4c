import { TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useOrganizations } from '../../organizations/hooks/use-organizations';

/** Every organisation of the hub as a choice (a service's provider, a justice step's authority). */
export function useOrganizationOptions(): Array<{ value: string; label: string }> {
  const { t } = useTranslation();
  const organizations = useOrganizations();
  return (organizations.data ?? []).map((organization) => ({ value: organization.id, label: t('cases.organizationOption', { name: organization.name, country: organization.country }) }));
}

/** The required day of a track's entry; its error shows once the form was submitted without one. */
export function DayField({ label, value, onChange, submitted, autoFocus }: { label: string; value: string; onChange: (day: string) => void; submitted: boolean; autoFocus?: boolean }) {
  const { t } = useTranslation();
  return (
    <TextInput
      type="date"
      label={label}
      required
      value={value}
      error={submitted && !value ? t('cases.assistance.dateRequired') : undefined}
      onChange={(event) => onChange(event.currentTarget.value)}
      {...(autoFocus && { 'data-autofocus': true })}
    />
  );
}
