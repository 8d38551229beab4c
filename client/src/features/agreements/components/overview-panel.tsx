import { subject } from '@casl/ability';
import { Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgreementDto, WorkspaceDto } from '@enlace/shared';
import { Dialog } from '../../../ui/dialog';
import { QueryState } from '../../../ui/query-state';
import { Markdown } from '../../../ui/markdown';
import { useWorkspaceAbility } from '../../workspaces/hooks/use-workspace-ability';
import { useUpdateWorkspace } from '../../workspaces/hooks/use-workspaces';
import { restartKey, useAgreement, useUpdateAgreement } from '../hooks/use-agreement';
import { useFormat } from '../use-format';
import { LifecycleSection } from './lifecycle-section';
import { PartiesSection } from './parties-section';
import { RecordForm } from './record-form';
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
          <RecordSection workspace={workspace} agreement={data} canEdit={canEdit} />
          <LifecycleSection agreement={data} canEdit={canEdit} />
          <PartiesSection agreement={data} canEdit={canEdit} />
        </Stack>
      )}
    </QueryState>
  );
}

function RecordSection({ workspace, agreement, canEdit }: { workspace: WorkspaceDto; agreement: AgreementDto; canEdit: boolean }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [editing, setEditing] = useState(false);
  const update = useUpdateAgreement(agreement.id);
  const rename = useUpdateWorkspace(workspace.id);
  const openEditor = () => {
    update.reset();
    rename.reset();
    setEditing(true);
  };
  const dates: Array<[string, string | null]> = [
    [t('agreements.fields.signedOn'), agreement.signedOn],
    [t('agreements.fields.effectiveFrom'), agreement.effectiveFrom],
    [t('agreements.fields.expiresOn'), agreement.expiresOn],
    [t('agreements.fields.nextReviewOn'), agreement.nextReviewOn],
  ];
  return (
    <Section
      title={`${t(`agreements.kinds.${agreement.kind}`)}${agreement.referenceCode ? ` · ${agreement.referenceCode}` : ''}`}
      actions={
        canEdit && (
          <Button variant="default" onClick={openEditor}>
            {t('agreementEditing.editRecord')}
          </Button>
        )
      }
    >
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
      <Dialog open={editing} onClose={() => setEditing(false)} title={t('agreementEditing.editRecord')}>
        {editing && <RecordForm key={restartKey(update, rename)} workspace={workspace} agreement={agreement} update={update} rename={rename} onDone={() => setEditing(false)} />}
      </Dialog>
    </Section>
  );
}
