import { Group, Stack, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PortfolioFilters as Filters } from '../features/agreements/api/agreements-api';
import { ExportButton } from '../features/agreements/components/export-button';
import { NewAgreementButton } from '../features/agreements/components/new-agreement-dialog';
import { PortfolioFilters } from '../features/agreements/components/portfolio-filters';
import { PortfolioList } from '../features/agreements/components/portfolio-list';
import { useDocumentTitle } from '../i18n/use-document-title';

export function AgreementsPage() {
  const { t } = useTranslation();
  const [filters, setFilters] = useState<Filters>({});
  useDocumentTitle(t('agreements.portfolio.heading'));
  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap">
        <Title order={1}>{t('agreements.portfolio.heading')}</Title>
        <Group gap="sm">
          <ExportButton query={filters} />
          <NewAgreementButton />
        </Group>
      </Group>
      <PortfolioFilters value={filters} onChange={setFilters} />
      <PortfolioList filters={filters} />
    </Stack>
  );
}
