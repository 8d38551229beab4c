import { subject } from '@casl/ability';
import { Button, Stack, Text, Textarea, TextInput, Timeline } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TERMS_EDITABLE_IN, type AgreementDto, type WorkspaceDto } from '@enlace/shared';
import { Dialog } from '../../../ui/dialog';
import { QueryState } from '../../../ui/query-state';
import { toastSuccess } from '../../../ui/toast';
import { useWorkspaceAbility } from '../../workspaces/hooks/use-workspace-ability';
import { useAgreement, useAmendAgreement, useTermsVersions } from '../hooks/use-agreement';
import { todayUtc, useFormat } from '../use-format';
import { DialogForm } from './dialog-form';
import { Section } from './section';
import { TermsDiffView, versionName } from './terms-diff-view';
import '../agreements.css';

/** Every version of the terms as a timeline, a new amendment for those allowed, and what changed between two. */
export function AmendmentsPanel({ workspace }: { workspace: WorkspaceDto }) {
  const { t } = useTranslation();
  const format = useFormat();
  const agreement = useAgreement(workspace.id);
  const versions = useTermsVersions(workspace.id);
  const ability = useWorkspaceAbility(workspace);
  const [adding, setAdding] = useState(false);
  const canAmend = (data: AgreementDto) => ability.can('update', subject('Agreement', { workspaceId: workspace.id })) && !TERMS_EDITABLE_IN.includes(data.status);

  return (
    <QueryState query={agreement}>
      {(data) => (
        <Stack gap="lg">
          <Section title={t('agreements.amendments.heading')} actions={canAmend(data) && <Button onClick={() => setAdding(true)}>{t('agreements.amendments.add')}</Button>}>
            {TERMS_EDITABLE_IN.includes(data.status) && <Text c="dimmed">{t('agreements.amendments.beforeSigning')}</Text>}
            <QueryState query={versions}>
              {({ items }) => (
                <Timeline role="list" bulletSize={14} lineWidth={2} active={items.length - 1} aria-label={t('agreements.amendments.timeline')}>
                  {items.map((version) => (
                    <Timeline.Item role="listitem" key={version.number} title={versionName(t, version.number)}>
                      <Text size="sm" c="dimmed">
                        {version.amendedOn ? format.day(version.amendedOn) : format.moment(version.createdAt)}
                      </Text>
                      {version.summary && <Text size="sm">{version.summary}</Text>}
                    </Timeline.Item>
                  ))}
                </Timeline>
              )}
            </QueryState>
          </Section>
          <Section title={t('agreements.amendments.compare')}>
            <QueryState query={versions}>{({ items }) => (items.length < 2 ? <Text c="dimmed">{t('agreements.amendments.nothingToCompare')}</Text> : <TermsDiffView versions={items} />)}</QueryState>
          </Section>
          <Dialog open={adding} onClose={() => setAdding(false)} title={t('agreements.amendments.add')}>
            <AmendmentForm agreement={data} onDone={() => setAdding(false)} />
          </Dialog>
        </Stack>
      )}
    </QueryState>
  );
}

function AmendmentForm({ agreement, onDone }: { agreement: AgreementDto; onDone: () => void }) {
  const { t } = useTranslation();
  const amend = useAmendAgreement(agreement.id);
  const [amendedOn, setAmendedOn] = useState(todayUtc());
  const [summary, setSummary] = useState('');
  const [terms, setTerms] = useState(agreement.terms);
  const [submitted, setSubmitted] = useState(false);

  const onSubmit = () => {
    setSubmitted(true);
    if (!summary.trim() || !amendedOn) return;
    amend.mutate(
      { version: agreement.version, amendedOn, summary: summary.trim(), terms },
      {
        onSuccess: () => {
          toastSuccess(t('agreements.amendments.recorded'));
          onDone();
        },
      },
    );
  };

  return (
    <DialogForm onSubmit={onSubmit} error={amend.error} pending={amend.isPending} submit={t('agreements.amendments.submit')} onCancel={onDone}>
      <TextInput type="date" label={t('agreements.amendments.amendedOn')} required value={amendedOn} error={submitted && !amendedOn ? t('agreements.amendments.dateRequired') : undefined} onChange={(event) => setAmendedOn(event.currentTarget.value)} />
      <Textarea label={t('agreements.amendments.summary')} required value={summary} autosize minRows={2} maxLength={5000} error={submitted && !summary.trim() ? t('agreements.amendments.summaryRequired') : undefined} onChange={(event) => setSummary(event.currentTarget.value)} data-autofocus />
      <Textarea label={t('agreements.amendments.newTerms')} description={t('agreements.amendments.newTermsHint')} value={terms} autosize minRows={6} maxRows={20} onChange={(event) => setTerms(event.currentTarget.value)} />
    </DialogForm>
  );
}
