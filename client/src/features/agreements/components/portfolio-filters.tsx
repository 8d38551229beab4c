import { Group, NativeSelect, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AGREEMENT_KINDS, AGREEMENT_STATUSES, THEMATIC_AREAS } from '@enlace/shared';
import { useOrganizations } from '../../organizations/hooks/use-organizations';
import type { PortfolioFilters as Filters } from '../api/agreements-api';

const COUNTRY = /^[A-Z]{2}$/;

/** The portfolio's filters; an empty choice means "any". A country applies once it is a two-letter code. */
export function PortfolioFilters({ value, onChange }: { value: Filters; onChange: (filters: Filters) => void }) {
  const { t } = useTranslation();
  const organizations = useOrganizations();
  const [country, setCountry] = useState(value.country ?? '');
  const any = { value: '', label: t('agreements.filters.any') };
  const set = (key: keyof Filters, next: string) => onChange({ ...value, [key]: next === '' ? undefined : next });
  const select = (key: 'status' | 'kind' | 'partyOrganizationId' | 'area', label: string, options: Array<{ value: string; label: string }>) => (
    <NativeSelect label={label} value={value[key] ?? ''} onChange={(event) => set(key, event.currentTarget.value)} data={[any, ...options]} />
  );

  return (
    <Group align="flex-end" gap="sm" wrap="wrap" role="search" aria-label={t('agreements.filters.label')}>
      {select('status', t('agreements.fields.status'), AGREEMENT_STATUSES.map((status) => ({ value: status, label: t(`agreements.statuses.${status}`) })))}
      {select('kind', t('agreements.fields.kind'), AGREEMENT_KINDS.map((kind) => ({ value: kind, label: t(`agreements.kinds.${kind}`) })))}
      {select('partyOrganizationId', t('agreements.filters.party'), (organizations.data ?? []).map((organization) => ({ value: organization.id, label: organization.name })))}
      {select('area', t('agreements.filters.area'), THEMATIC_AREAS.map((area) => ({ value: area, label: t(`agreements.areas.${area}`) })))}
      <TextInput
        label={t('agreements.filters.country')}
        description={t('agreements.filters.countryHint')}
        value={country}
        maxLength={2}
        w={120}
        onChange={(event) => {
          const next = event.currentTarget.value.toUpperCase();
          setCountry(next);
          if (next === '' || COUNTRY.test(next)) set('country', next);
        }}
      />
    </Group>
  );
}
