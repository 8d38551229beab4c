import { Alert, Button, Checkbox, Group, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { EXPLOITATION_TYPES, RISK_LEVELS, type CaseDto, type ExploitationType, type RiskLevel, type UpdateCaseInput } from '@enlace/shared';
import { ApiRequestError } from '../../../api/api-error';
import { ErrorAlert } from '../../../ui/error-alert';
import { Panel } from '../../../ui/panel';
import { toastSuccess } from '../../../ui/toast';
import { useUpdateCase } from '../hooks/use-case';

type Tristate = 'unknown' | 'yes' | 'no';
const toTristate = (value: boolean | null): Tristate => (value === null ? 'unknown' : value ? 'yes' : 'no');
const fromTristate = (value: Tristate): boolean | null => (value === 'unknown' ? null : value === 'yes');

/**
 * The non-sensitive record, editable by owners and coordinators (read-only for everyone else). The one place
 * in the client that shows whether the person cooperates with the authorities: it is recorded for the justice
 * track and nothing else may read it (a test fails if anything does).
 */
export function CaseRecordForm({ record, canEdit }: { record: CaseDto; canEdit: boolean }) {
  const { t } = useTranslation();
  const update = useUpdateCase(record.id);
  const [types, setTypes] = useState<string[]>(record.exploitationTypes);
  const [jurisdiction, setJurisdiction] = useState(record.jurisdiction ?? '');
  const [identifiedOn, setIdentifiedOn] = useState(record.identifiedOn ?? '');
  const [riskLevel, setRiskLevel] = useState<RiskLevel>(record.riskLevel);
  const [reflectionStartedOn, setReflectionStartedOn] = useState(record.reflection?.startsOn ?? '');
  const [consentDataSharing, setConsentDataSharing] = useState(record.consentDataSharing);
  const [consentReferral, setConsentReferral] = useState(record.consentReferral);
  const [cooperates, setCooperates] = useState<Tristate>(toTristate(record.cooperatesWithAuthorities));
  const conflict = update.error instanceof ApiRequestError && update.error.code === 'VERSION_CONFLICT';

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const input: UpdateCaseInput = {
      version: record.version,
      exploitationTypes: types as ExploitationType[],
      jurisdiction: jurisdiction.trim() || null,
      identifiedOn: identifiedOn || null,
      riskLevel,
      consentDataSharing,
      consentReferral,
      cooperatesWithAuthorities: fromTristate(cooperates),
      // Sent only when changed: a period (re)started takes the country's length of that day.
      ...(reflectionStartedOn !== (record.reflection?.startsOn ?? '') && { reflectionStartedOn: reflectionStartedOn || null }),
    };
    update.mutate(input, { onSuccess: () => toastSuccess(t('cases.record.saved')) });
  };

  return (
    <Panel title={t('cases.record.heading')}>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          {conflict ? (
            <Alert color="yellow" role="alert">
              {t('cases.record.conflict')}
            </Alert>
          ) : (
            update.isError && <ErrorAlert error={update.error} />
          )}
          <Checkbox.Group label={t('cases.fields.exploitationTypes')} value={types} onChange={setTypes} readOnly={!canEdit}>
            <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="xs" mt={6}>
              {EXPLOITATION_TYPES.map((type) => (
                <Checkbox key={type} value={type} label={t(`cases.exploitation.${type}`)} disabled={!canEdit} />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput label={t('cases.fields.jurisdiction')} value={jurisdiction} maxLength={120} readOnly={!canEdit} onChange={(event) => setJurisdiction(event.currentTarget.value)} />
            <NativeSelect
              label={t('cases.fields.riskLevel')}
              value={riskLevel}
              disabled={!canEdit}
              onChange={(event) => setRiskLevel(event.currentTarget.value as RiskLevel)}
              data={RISK_LEVELS.map((value) => ({ value, label: t(`cases.risk.${value}`) }))}
            />
            <TextInput type="date" label={t('cases.fields.identifiedOn')} value={identifiedOn} readOnly={!canEdit} onChange={(event) => setIdentifiedOn(event.currentTarget.value)} />
            <TextInput
              type="date"
              label={t('cases.fields.reflectionStartedOn')}
              description={t('cases.fields.reflectionHint')}
              value={reflectionStartedOn}
              readOnly={!canEdit}
              onChange={(event) => setReflectionStartedOn(event.currentTarget.value)}
            />
          </SimpleGrid>
          <Checkbox label={t('cases.fields.consentDataSharing')} checked={consentDataSharing} disabled={!canEdit} onChange={(event) => setConsentDataSharing(event.currentTarget.checked)} />
          <Checkbox label={t('cases.fields.consentReferral')} checked={consentReferral} disabled={!canEdit} onChange={(event) => setConsentReferral(event.currentTarget.checked)} />
          <NativeSelect
            label={t('cases.fields.cooperates')}
            description={t('cases.fields.cooperatesHint')}
            value={cooperates}
            disabled={!canEdit}
            onChange={(event) => setCooperates(event.currentTarget.value as Tristate)}
            data={(['unknown', 'yes', 'no'] as const).map((value) => ({ value, label: t(`cases.tristate.${value}`) }))}
            maw={360}
          />
          {canEdit && (
            <Group justify="flex-end">
              <Button type="submit" loading={update.isPending}>
                {t('cases.record.save')}
              </Button>
            </Group>
          )}
        </Stack>
      </form>
    </Panel>
  );
}
