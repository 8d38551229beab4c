import { Alert, Button, Group, Text, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { SENSITIVE_FIELDS, type SensitiveField, type SensitiveRecordDto, type WriteSensitiveInput } from '@enlace/shared';
import { ApiRequestError } from '../../../api/api-error';
import { Dialog } from '../../../ui/dialog';
import { Panel } from '../../../ui/panel';
import { toastSuccess } from '../../../ui/toast';
import { DialogForm } from '../../agreements/components/dialog-form';
import { ReasonForm } from './reason-form';
import { useKnownSensitiveVersion, useViewSensitive, useWriteSensitive } from '../hooks/use-sensitive';

type Values = Record<SensitiveField, string>;
const valuesOf = (record: SensitiveRecordDto): Values =>
  Object.fromEntries(SENSITIVE_FIELDS.map((field) => [field, record.fields[field] ?? ''])) as Values;

/**
 * The sensitive fields, hidden until the reader asks with a reason (the server records every reading), and
 * editable by those allowed once shown. Shown values stay in this component only and go when it does.
 */
export function SensitiveSection({ caseId, canEdit }: { caseId: string; canEdit: boolean }) {
  const { t } = useTranslation();
  const [shown, setShown] = useState<SensitiveRecordDto | null>(null);
  const [asking, setAsking] = useState(false);
  const [editing, setEditing] = useState(false);
  const known = useKnownSensitiveVersion(caseId);
  const stale = shown !== null && known !== undefined && known > shown.version;

  return (
    <Panel
      title={t('cases.sensitive.heading')}
      actions={
        shown ? (
          <Group gap="xs">
            {canEdit && !editing && !shown.erased && (
              <Button variant="light" onClick={() => setEditing(true)}>
                {t('cases.sensitive.edit')}
              </Button>
            )}
            <Button
              variant="default"
              onClick={() => {
                setShown(null);
                setEditing(false);
              }}
            >
              {t('cases.sensitive.hide')}
            </Button>
          </Group>
        ) : (
          <Button onClick={() => setAsking(true)}>{t('cases.sensitive.show')}</Button>
        )
      }
    >
      {!shown && <Text size="sm">{t('cases.sensitive.hidden')}</Text>}
      {shown && stale && (
        <Alert color="yellow" role="status" mb="sm">
          <Group justify="space-between" gap="xs">
            <Text size="sm">{t('cases.sensitive.stale')}</Text>
            <Button size="xs" variant="default" onClick={() => setAsking(true)}>
              {t('cases.sensitive.showAgain')}
            </Button>
          </Group>
        </Alert>
      )}
      {shown?.erased && (
        <Alert color="gray" mb="sm">
          {t('cases.sensitive.erased')}
        </Alert>
      )}
      {shown && !editing && <SensitiveValues record={shown} />}
      {shown && editing && (
        <SensitiveForm
          caseId={caseId}
          record={shown}
          onCancel={() => setEditing(false)}
          onSaved={(saved) => {
            setShown(saved);
            setEditing(false);
          }}
        />
      )}
      <Dialog open={asking} onClose={() => setAsking(false)} title={t('cases.sensitive.askTitle')} size="md">
        {asking && (
          <ShowForm
            caseId={caseId}
            onCancel={() => setAsking(false)}
            onShown={(record) => {
              setShown(record);
              setEditing(false);
              setAsking(false);
            }}
          />
        )}
      </Dialog>
    </Panel>
  );
}

/**
 * The fields the reading returned: all of them, except for someone who joined through a referral, whom the server
 * answers with only what the person's consent shares with their organisation (the others are not theirs to see or set).
 */
const shownFields = (record: SensitiveRecordDto): SensitiveField[] => SENSITIVE_FIELDS.filter((field) => field in record.fields);

function SensitiveValues({ record }: { record: SensitiveRecordDto }) {
  const { t } = useTranslation();
  return (
    <dl className="data-list-fields" aria-label={t('cases.sensitive.values')}>
      {shownFields(record).map((field) => (
        <div key={field}>
          <dt>{t(`cases.sensitive.fields.${field}`)}</dt>
          <dd style={{ whiteSpace: 'pre-wrap' }}>{record.fields[field] ?? <Text span c="dimmed" size="sm">{t('cases.sensitive.notRecorded')}</Text>}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Asks why before reading: the reason goes into the audit log with the reader and the fields. */
function ShowForm({ caseId, onCancel, onShown }: { caseId: string; onCancel: () => void; onShown: (record: SensitiveRecordDto) => void }) {
  const { t } = useTranslation();
  const view = useViewSensitive(caseId);
  return (
    <ReasonForm
      label={t('cases.sensitive.reason')}
      submit={t('cases.sensitive.show')}
      maxLength={500}
      pending={view.isPending}
      error={view.error}
      onSubmit={(reason) => view.mutate({ reason }, { onSuccess: onShown })}
      onCancel={onCancel}
    >
      <Text size="sm">{t('cases.sensitive.askIntro')}</Text>
    </ReasonForm>
  );
}

function SensitiveForm({
  caseId,
  record,
  onCancel,
  onSaved,
}: {
  caseId: string;
  record: SensitiveRecordDto;
  onCancel: () => void;
  onSaved: (record: SensitiveRecordDto) => void;
}) {
  const { t } = useTranslation();
  const write = useWriteSensitive(caseId);
  const original = valuesOf(record);
  const [values, setValues] = useState<Values>(original);
  const conflict = write.error instanceof ApiRequestError && write.error.code === 'VERSION_CONFLICT';
  const set = (field: SensitiveField) => (value: string) => setValues((current) => ({ ...current, [field]: value }));

  const onSubmit = () => {
    // Only what changed is sent; an emptied field is cleared.
    const changed = shownFields(record).filter((field) => values[field].trim() !== original[field].trim());
    if (changed.length === 0) {
      onCancel();
      return;
    }
    const fields = Object.fromEntries(changed.map((field) => [field, values[field].trim() || null])) as WriteSensitiveInput['fields'];
    write.mutate(
      { version: record.version, fields },
      {
        onSuccess: (result) => {
          toastSuccess(t('cases.sensitive.saved'));
          onSaved({ ...record, version: result.version, fields: { ...record.fields, ...fields } });
        },
      },
    );
  };

  return (
    <DialogForm onSubmit={onSubmit} error={conflict ? null : write.error} pending={write.isPending} submit={t('cases.sensitive.save')} onCancel={onCancel}>
      {conflict && (
        <Alert color="yellow" role="alert">
          {t('cases.sensitive.conflict')}
        </Alert>
      )}
      {shownFields(record).map((field) =>
        field === 'restrictedNotes' || field === 'contact' || field === 'exactLocation' ? (
          <Textarea
            key={field}
            label={t(`cases.sensitive.fields.${field}`)}
            value={values[field]}
            autosize
            minRows={2}
            maxLength={field === 'restrictedNotes' ? 20_000 : field === 'contact' ? 500 : 1_000}
            onChange={(event) => set(field)(event.currentTarget.value)}
          />
        ) : (
          <TextInput
            key={field}
            label={t(`cases.sensitive.fields.${field}`)}
            value={values[field]}
            maxLength={field === 'ageOrBirthYear' ? 40 : field === 'alias' ? 200 : 120}
            onChange={(event) => set(field)(event.currentTarget.value)}
          />
        ),
      )}
    </DialogForm>
  );
}
