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

  return (
    <Group align="flex-end" gap="sm" wrap="wrap" role="search" aria-label={t('agreements.filters.label')}>
      <NativeSelect
        label={t('agreements.fields.status')}
        value={value.status ?? ''}
        onChange={(event) => set('status', event.currentTarget.value)}
        data={[any, ...AGREEMENT_STATUSES.map((status) => ({ value: status, label: t(`agreements.statuses.${status}`) }))]}
      />
      <NativeSelect
        label={t('agreements.fields.kind')}
        value={value.kind ?? ''}
        onChange={(event) => set('kind', event.currentTarget.value)}
        data={[any, ...AGREEMENT_KINDS.map((kind) => ({ value: kind, label: t(`agreements.kinds.${kind}`) }))]}
      />
      <NativeSelect
        label={t('agreements.filters.party')}
        value={value.partyOrganizationId ?? ''}
        onChange={(event) => set('partyOrganizationId', event.currentTarget.value)}
        data={[any, ...(organizations.data ?? []).map((organization) => ({ value: organization.id, label: organization.name }))]}
      />
      <NativeSelect
        label={t('agreements.filters.area')}
        value={value.area ?? ''}
        onChange={(event) => set('area', event.currentTarget.value)}
        data={[any, ...THEMATIC_AREAS.map((area) => ({ value: area, label: t(`agreements.areas.${area}`) }))]}
      />
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
