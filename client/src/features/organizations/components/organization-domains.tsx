import { Button, Group, TagsInput, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrganizationDto } from '@enlace/shared';
import { ErrorAlert } from '../../../ui/error-alert';
import { Panel } from '../../../ui/panel';
import { toastSuccess } from '../../../ui/toast';
import { useUpdateOrganization } from '../hooks/use-affiliation';

/** Platform administrators set an organisation's verified e-mail domains (its whole list at once). */
export function OrganizationDomains({ organization }: { organization: OrganizationDto }) {
  const { t } = useTranslation();
  const update = useUpdateOrganization(organization.id);
  const [domains, setDomains] = useState(organization.domains);

  return (
    <Panel title={t('affiliation.domainsHeading')}>
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
    </Panel>
  );
}
