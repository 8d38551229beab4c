import { subject } from '@casl/ability';
import { Badge, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AgreementDto, WorkspaceDto } from '@enlace/shared';
import { QueryState } from '../../../ui/query-state';
import { Markdown } from '../../../ui/markdown';
import { useWorkspaceAbility } from '../../workspaces/hooks/use-workspace-ability';
import { useAgreement } from '../hooks/use-agreement';
import { useFormat } from '../use-format';
import { LifecycleSection } from './lifecycle-section';
import { PartiesSection } from './parties-section';
import { Section } from './section';
import '../agreements.css';

/** The agreement's record: its terms, dates, lifecycle and parties. */
export function OverviewPanel({ workspace }: { workspace: WorkspaceDto }) {
  const agreement = useAgreement(workspace.id);
  const ability = useWorkspaceAbility(workspace);
  const canEdit = ability.can('update', subject('Agreement', { workspaceId: workspace.id }));
  return (
    <QueryState query={agreement}>
      {(data) => (
        <Stack gap="lg">
          <RecordSection agreement={data} />
          <LifecycleSection agreement={data} canEdit={canEdit} />
          <PartiesSection agreement={data} canEdit={canEdit} />
        </Stack>
      )}
    </QueryState>
  );
}

function RecordSection({ agreement }: { agreement: AgreementDto }) {
  const { t } = useTranslation();
  const format = useFormat();
  const dates: Array<[string, string | null]> = [
    [t('agreements.fields.signedOn'), agreement.signedOn],
    [t('agreements.fields.effectiveFrom'), agreement.effectiveFrom],
    [t('agreements.fields.expiresOn'), agreement.expiresOn],
    [t('agreements.fields.nextReviewOn'), agreement.nextReviewOn],
  ];
  return (
    <Section title={`${t(`agreements.kinds.${agreement.kind}`)}${agreement.referenceCode ? ` · ${agreement.referenceCode}` : ''}`}>
      {agreement.summary && <Text>{agreement.summary}</Text>}
      <dl className="agreement-facts">
        {dates.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value ? format.day(value) : t('agreements.notSet')}</dd>
          </div>
        ))}
      </dl>
      {(agreement.thematicAreas.length > 0 || agreement.countries.length > 0) && (
        <Group gap="xs" aria-label={t('agreements.fields.coverage')}>
          {agreement.thematicAreas.map((area) => (
            <Badge key={area} variant="outline">
              {t(`agreements.areas.${area}`)}
            </Badge>
          ))}
          {agreement.countries.map((code) => (
            <Badge key={code} variant="outline" color="gray.7">
              {format.country(code)}
            </Badge>
          ))}
          {agreement.jurisdictions.map((name) => (
            <Badge key={name} variant="outline" color="gray.7">
              {name}
            </Badge>
          ))}
        </Group>
      )}
      <Title order={3} size="h4">
        {t('agreements.fields.terms')}
        {agreement.termsVersion > 0 && ` (${t('agreements.amendments.versionName', { number: agreement.termsVersion })})`}
      </Title>
      {agreement.terms ? <Markdown text={agreement.terms} /> : <Text c="dimmed">{t('agreements.noTerms')}</Text>}
    </Section>
  );
}
