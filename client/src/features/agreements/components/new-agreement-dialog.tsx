import { Button, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { datesInOrder, type AgreementKind } from '@enlace/shared';
import { Dialog } from '../../../ui/dialog';
import { useHubAbility } from '../../auth/hooks/use-hub-ability';
import { useCreateAgreement } from '../hooks/use-portfolio';
import { DialogForm } from './dialog-form';
import { KindSelect } from './kind-select';

/** "New agreement" and its dialog, for those the shared rules let create a workspace. */
export function NewAgreementButton() {
  const { t } = useTranslation();
  const ability = useHubAbility();
  const [open, setOpen] = useState(false);
  if (!ability.can('create', 'Workspace')) return null;
  return (
    <>
      <Button onClick={() => setOpen(true)}>{t('agreements.create.open')}</Button>
      <Dialog open={open} onClose={() => setOpen(false)} title={t('agreements.create.title')}>
        <NewAgreementForm onCancel={() => setOpen(false)} />
      </Dialog>
    </>
  );
}

function NewAgreementForm({ onCancel }: { onCancel: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateAgreement();
  const [title, setTitle] = useState('');
  const [kind, setKind] = useState<AgreementKind>('mou');
  const [referenceCode, setReferenceCode] = useState('');
  const [summary, setSummary] = useState('');
  const [effectiveFrom, setEffectiveFrom] = useState('');
  const [expiresOn, setExpiresOn] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const titleError = submitted && !title.trim() ? t('agreements.create.titleRequired') : undefined;
  const datesError = datesInOrder({ effectiveFrom: effectiveFrom || null, expiresOn: expiresOn || null }) ? undefined : t('agreements.create.datesOutOfOrder');

  const onSubmit = () => {
    setSubmitted(true);
    if (!title.trim() || datesError) return;
    create.mutate(
      {
        title: title.trim(),
        kind,
        referenceCode: referenceCode.trim() || null,
        ...(summary.trim() && { summary: summary.trim() }),
        effectiveFrom: effectiveFrom || null,
        expiresOn: expiresOn || null,
      },
      { onSuccess: (agreement) => void navigate(`/workspaces/${agreement.id}`) },
    );
  };

  return (
    <DialogForm onSubmit={onSubmit} error={create.error} pending={create.isPending} submit={t('agreements.create.submit')} onCancel={onCancel}>
      <TextInput label={t('agreements.fields.title')} required value={title} maxLength={200} error={titleError} onChange={(event) => setTitle(event.currentTarget.value)} data-autofocus />
      <KindSelect value={kind} onChange={setKind} />
      <TextInput label={t('agreements.fields.referenceCode')} value={referenceCode} maxLength={60} onChange={(event) => setReferenceCode(event.currentTarget.value)} />
      <Textarea label={t('agreements.fields.summary')} value={summary} autosize minRows={2} onChange={(event) => setSummary(event.currentTarget.value)} />
      <TextInput type="date" label={t('agreements.fields.effectiveFrom')} value={effectiveFrom} onChange={(event) => setEffectiveFrom(event.currentTarget.value)} />
      <TextInput type="date" label={t('agreements.fields.expiresOn')} value={expiresOn} error={datesError} onChange={(event) => setExpiresOn(event.currentTarget.value)} />
    </DialogForm>
  );
}
