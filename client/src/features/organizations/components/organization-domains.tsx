import { Button, Group, Paper, TagsInput, Text, Title } from '@mantine/core';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrganizationDto } from '@enlace/shared';
import { ErrorAlert } from '../../../ui/error-alert';
import { toastSuccess } from '../../../ui/toast';
import { useUpdateOrganization } from '../hooks/use-affiliation';

/** Platform administrators set an organisation's verified e-mail domains (its whole list at once). */
export function OrganizationDomains({ organization }: { organization: OrganizationDto }) {
  const { t } = useTranslation();
  const headingId = useId();
  const update = useUpdateOrganization(organization.id);
  const [domains, setDomains] = useState(organization.domains);

  return (
    <Paper component="section" aria-labelledby={headingId} withBorder p="md">
      <Title order={2} id={headingId}>
        {t('affiliation.domainsHeading')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('affiliation.domainsIntro')}
      </Text>
      {update.isError && <ErrorAlert error={update.error} />}
      <TagsInput
        label={t('affiliation.domains')}
        placeholder={t('affiliation.domainsPlaceholder')}
        value={domains}
        onChange={setDomains}
        splitChars={[',', ' ']}
        clearable
      />
      <Group justify="flex-end" mt="sm">
        <Button
          loading={update.isPending}
          onClick={() => update.mutate({ domains: domains.map((domain) => domain.trim().toLowerCase()) }, { onSuccess: () => toastSuccess(t('affiliation.domainsSaved')) })}
        >
          {t('affiliation.saveDomains')}
        </Button>
      </Group>
    </Paper>
  );
}
