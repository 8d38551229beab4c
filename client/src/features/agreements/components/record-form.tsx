import { Checkbox, Group, SimpleGrid, TagsInput, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TERMS_EDITABLE_IN, THEMATIC_AREAS, datesInOrder, type AgreementDto, type AgreementKind, type ThematicArea, type WorkspaceDto } from '@enlace/shared';
import { toastSuccess } from '../../../ui/toast';
import { useUpdateWorkspace } from '../../workspaces/hooks/use-workspaces';
import { useUpdateAgreement } from '../hooks/use-agreement';
import { DialogForm } from './dialog-form';
import { KindSelect } from './kind-select';

const COUNTRY = /^[A-Z]{2}$/;
const DATE_FIELDS = ['signedOn', 'effectiveFrom', 'expiresOn', 'nextReviewOn'] as const;

interface RecordFormProps {
  workspace: WorkspaceDto;
  agreement: AgreementDto;
  /** Held by the dialog, not the form: the form is remounted after a 409, and the outcome must outlive that. */
  update: ReturnType<typeof useUpdateAgreement>;
  rename: ReturnType<typeof useUpdateWorkspace>;
  onDone: () => void;
}

/**
 * The agreement's record: its title (the workspace's), kind, reference code, summary, coverage and dates; its
 * terms too while they are a draft (from signing on they change only by amendment). Remounted after a 409
 * (restartKey), so the fields start over from the agreement the server answered, with the conflict shown.
 */
export function RecordForm({ workspace, agreement, update, rename, onDone }: RecordFormProps) {
  const { t } = useTranslation();
  // The versions the edit started from: a newer one arriving live makes saving a conflict, not an overwrite.
  const [base] = useState({ agreement: agreement.version, workspace: workspace.version });
  const termsEditable = TERMS_EDITABLE_IN.includes(agreement.status);
  const [title, setTitle] = useState(workspace.title);
  const [kind, setKind] = useState<AgreementKind>(agreement.kind);
  const [referenceCode, setReferenceCode] = useState(agreement.referenceCode ?? '');
  const [summary, setSummary] = useState(agreement.summary);
  const [terms, setTerms] = useState(agreement.terms);
  const [areas, setAreas] = useState<string[]>(agreement.thematicAreas);
  const [countries, setCountries] = useState<string[]>(agreement.countries);
  const [jurisdictions, setJurisdictions] = useState<string[]>(agreement.jurisdictions);
  const [dates, setDates] = useState(Object.fromEntries(DATE_FIELDS.map((field) => [field, agreement[field] ?? ''])) as Record<(typeof DATE_FIELDS)[number], string>);
  const [submitted, setSubmitted] = useState(false);
  const errors = {
    title: !title.trim() ? t('agreements.create.titleRequired') : undefined,
    countries: countries.some((code) => !COUNTRY.test(code)) ? t('agreementEditing.countriesInvalid') : undefined,
    expiresOn: !datesInOrder(dates) ? t('agreements.create.datesOutOfOrder') : undefined,
  };

  const onSubmit = async () => {
    setSubmitted(true);
    if (Object.values(errors).some(Boolean)) return;
    try {
      // The title is the workspace's own record, with its own version.
      if (title.trim() !== workspace.title) await rename.mutateAsync({ version: base.workspace, title: title.trim() });
      await update.mutateAsync({
        version: base.agreement,
        kind,
        referenceCode: referenceCode.trim() || null,
        summary: summary.trim(),
        ...(termsEditable && { terms }),
        thematicAreas: areas as ThematicArea[],
        countries,
        jurisdictions,
        ...Object.fromEntries(DATE_FIELDS.map((field) => [field, dates[field] || null])),
      });
      toastSuccess(t('agreementEditing.recordSaved'));
      onDone();
    } catch {
      // Shown by the form from the mutation's error.
    }
  };

  const show = (error: string | undefined) => (submitted ? error : undefined);
  return (
    <DialogForm onSubmit={() => void onSubmit()} error={rename.error ?? update.error} pending={rename.isPending || update.isPending} submit={t('agreementEditing.save')} onCancel={onDone}>
      <TextInput label={t('agreements.fields.title')} required value={title} maxLength={200} error={show(errors.title)} onChange={(event) => setTitle(event.currentTarget.value)} data-autofocus />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <KindSelect value={kind} onChange={setKind} />
        <TextInput label={t('agreements.fields.referenceCode')} value={referenceCode} maxLength={60} onChange={(event) => setReferenceCode(event.currentTarget.value)} />
      </SimpleGrid>
      <Textarea label={t('agreements.fields.summary')} value={summary} autosize minRows={2} maxLength={5000} onChange={(event) => setSummary(event.currentTarget.value)} />
      {termsEditable ? (
        <Textarea label={t('agreements.fields.terms')} description={t('agreementEditing.termsHint')} value={terms} autosize minRows={4} maxRows={16} onChange={(event) => setTerms(event.currentTarget.value)} />
      ) : (
        <TextInput label={t('agreements.fields.terms')} description={t('agreementEditing.termsLocked')} value={t('agreements.amendments.versionName', { number: agreement.termsVersion })} readOnly />
      )}
      <Checkbox.Group label={t('agreementEditing.areas')} value={areas} onChange={setAreas}>
        <Group gap="sm" mt={4}>
          {THEMATIC_AREAS.map((area) => (
            <Checkbox key={area} value={area} label={t(`agreements.areas.${area}`)} />
          ))}
        </Group>
      </Checkbox.Group>
      <TagsInput
        label={t('agreementEditing.countries')}
        description={t('agreements.filters.countryHint')}
        value={countries}
        onChange={(values) => setCountries(values.map((value) => value.trim().toUpperCase()))}
        maxTags={50}
        error={show(errors.countries)}
      />
      <TagsInput label={t('agreementEditing.jurisdictions')} description={t('agreementEditing.jurisdictionsHint')} value={jurisdictions} onChange={setJurisdictions} maxTags={100} />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        {DATE_FIELDS.map((field) => (
          <TextInput
            key={field}
            type="date"
            label={t(`agreements.fields.${field}`)}
            value={dates[field]}
            error={field === 'expiresOn' ? show(errors.expiresOn) : undefined}
            onChange={(event) => {
              const value = event.currentTarget.value;
              setDates((current) => ({ ...current, [field]: value }));
            }}
          />
        ))}
      </SimpleGrid>
    </DialogForm>
  );
}
