import { NativeSelect } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { ORGANIZATION_KINDS } from '@enlace/shared';
import { ErrorAlert } from '../../../ui/error-alert';
import { useOrganizations } from '../../organizations/hooks/use-organizations';

interface CardOrganizationFieldProps {
  value: string | null;
  canEdit: boolean;
  onChange: (organizationId: string | null) => void;
}

/** The organisation responsible for the card, grouped by kind; the empty choice clears it. */
export function CardOrganizationField({ value, canEdit, onChange }: CardOrganizationFieldProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? i18n.language;
  // Ministries of the same name exist in every country: the country tells them apart.
  const countries = useMemo(() => new Intl.DisplayNames([language], { type: 'region', fallback: 'code' }), [language]);
  const organizations = useOrganizations();
  const list = organizations.data ?? [];
  const known = value === null || list.some((organization) => organization.id === value);
  const countryName = (code: string) => {
    try {
      return countries.of(code) ?? code;
    } catch {
      return code; // not a region code Intl knows
    }
  };
  const byKind = ORGANIZATION_KINDS.map((kind) => ({ kind, items: list.filter((organization) => organization.kind === kind) })).filter(
    (group) => group.items.length > 0,
  );

  const data = [
    { value: '', label: t('board.card.noOrganization') },
    ...(known ? [] : [{ value: value ?? '', label: organizations.isPending ? t('app.loading') : t('board.card.unknownOrganization') }]),
    ...byKind.map((group) => ({
      group: t(`organizationKinds.${group.kind}`),
      items: group.items.map((organization) => ({ value: organization.id, label: `${organization.name} (${countryName(organization.country)})` })),
    })),
  ];

  return (
    <>
      {organizations.isError && <ErrorAlert error={organizations.error} />}
      <NativeSelect
        label={t('board.card.responsibleOrganization')}
        data={data}
        value={value ?? ''}
        disabled={!canEdit || organizations.isPending}
        onChange={(event) => onChange(event.currentTarget.value || null)}
      />
    </>
  );
}
