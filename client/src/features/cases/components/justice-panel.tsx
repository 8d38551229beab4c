import { subject } from '@casl/ability';
import { Button, NativeSelect, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { JUSTICE_STEPS, type JusticeEntryDto, type JusticeStep, type WorkspaceDto } from '@enlace/shared';
import { DataTable } from '../../../ui/data-table';
import { Dialog } from '../../../ui/dialog';
import { Panel } from '../../../ui/panel';
import { QueryState } from '../../../ui/query-state';
import { DialogForm } from '../../agreements/components/dialog-form';
import { todayUtc, useFormat } from '../../agreements/use-format';
import { useWorkspaceAbility } from '../../workspaces/hooks/use-workspace-ability';
import { useJustice, useRecordJustice } from '../hooks/use-tracks';
import { DayField, useOrganizationOptions } from './track-fields';

/** The criminal-justice track: the complaint, investigation, proceedings and outcome, as dated entries every member reads. */
export function JusticePanel({ workspace }: { workspace: WorkspaceDto }) {
  const { t } = useTranslation();
  const format = useFormat();
  const ability = useWorkspaceAbility(workspace);
  const canEdit = ability.can('create', subject('CaseJustice', { workspaceId: workspace.id }));
  const entries = useJustice(workspace.id);
  const [recording, setRecording] = useState(false);
  return (
    <Panel title={t('cases.justice.heading')} actions={canEdit && <Button onClick={() => setRecording(true)}>{t('cases.justice.record')}</Button>}>
      <QueryState query={entries} isEmpty={(data) => data.items.length === 0} empty={t('cases.justice.empty')}>
        {(data) => (
          <DataTable<JusticeEntryDto>
            label={t('cases.justice.heading')}
            rows={data.items}
            rowKey={(row) => row.id}
            columns={[
              { header: t('cases.justice.on'), cell: (row) => format.day(row.on) },
              { header: t('cases.justice.step'), cell: (row) => t(`cases.justice.steps.${row.step}`) },
              { header: t('cases.justice.authority'), cell: (row) => row.authorityOrganizationName ?? '—' },
              { header: t('cases.justice.reference'), cell: (row) => row.reference ?? '—' },
              { header: t('cases.justice.note'), cell: (row) => row.note ?? '—' },
            ]}
          />
        )}
      </QueryState>
      <Dialog open={recording} onClose={() => setRecording(false)} title={t('cases.justice.recordTitle')}>
        {recording && <RecordForm caseId={workspace.id} onDone={() => setRecording(false)} />}
      </Dialog>
    </Panel>
  );
}

function RecordForm({ caseId, onDone }: { caseId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const record = useRecordJustice(caseId);
  const organizations = useOrganizationOptions();
  const [step, setStep] = useState<JusticeStep>('complaint');
  const [on, setOn] = useState(todayUtc());
  const [authority, setAuthority] = useState('');
  const [reference, setReference] = useState('');
  const [note, setNote] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const onSubmit = () => {
    setSubmitted(true);
    if (!on) return;
    record.mutate(
      { step, on, authorityOrganizationId: authority || null, ...(reference.trim() && { reference: reference.trim() }), ...(note.trim() && { note: note.trim() }) },
      { onSuccess: onDone },
    );
  };
  return (
    <DialogForm onSubmit={onSubmit} error={record.error} pending={record.isPending} submit={t('cases.justice.submit')} onCancel={onDone}>
      <NativeSelect
        label={t('cases.justice.step')}
        value={step}
        onChange={(event) => setStep(event.currentTarget.value as JusticeStep)}
        data={JUSTICE_STEPS.map((value) => ({ value, label: t(`cases.justice.steps.${value}`) }))}
        data-autofocus
      />
      <DayField label={t('cases.justice.on')} value={on} onChange={setOn} submitted={submitted} />
      <NativeSelect label={t('cases.justice.authority')} value={authority} onChange={(event) => setAuthority(event.currentTarget.value)} data={[{ value: '', label: t('cases.justice.noAuthority') }, ...organizations]} />
      <TextInput label={t('cases.justice.reference')} value={reference} maxLength={120} onChange={(event) => setReference(event.currentTarget.value)} />
      <Textarea label={t('cases.justice.note')} description={t('cases.tracks.noteHint')} value={note} autosize minRows={2} maxLength={2000} onChange={(event) => setNote(event.currentTarget.value)} />
    </DialogForm>
  );
}
