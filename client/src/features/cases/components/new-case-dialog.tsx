import { Button, Checkbox, NativeSelect, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { EXPLOITATION_TYPES, RISK_LEVELS, type ExploitationType, type RiskLevel } from '@enlace/shared';
import { Dialog } from '../../../ui/dialog';
import { DialogForm } from '../../agreements/components/dialog-form';
import { todayUtc } from '../../agreements/use-format';
import { useHubAbility } from '../../auth/hooks/use-hub-ability';
import { useCreateCase } from '../hooks/use-case';

/** "New case" and its dialog: identifying a case creates its workspace, whose record opens next. */
export function NewCaseButton() {
  const { t } = useTranslation();
  const ability = useHubAbility();
  const [open, setOpen] = useState(false);
  if (!ability.can('create', 'Workspace')) return null;
  return (
    <>
      <Button onClick={() => setOpen(true)}>{t('cases.create.open')}</Button>
      <Dialog open={open} onClose={() => setOpen(false)} title={t('cases.create.title')}>
        <NewCaseForm onCancel={() => setOpen(false)} />
      </Dialog>
    </>
  );
}

function NewCaseForm({ onCancel }: { onCancel: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateCase();
  const [title, setTitle] = useState('');
  const [types, setTypes] = useState<string[]>([]);
  const [jurisdiction, setJurisdiction] = useState('');
  const [identifiedOn, setIdentifiedOn] = useState(todayUtc());
  const [riskLevel, setRiskLevel] = useState<RiskLevel>('unknown');
  const [offerReflection, setOfferReflection] = useState(true);
  const [description, setDescription] = useState('');
  const [submitted, setSubmitted] = useState(false);
  const titleError = submitted && !title.trim() ? t('cases.create.titleRequired') : undefined;

  const onSubmit = () => {
    setSubmitted(true);
    if (!title.trim()) return;
    create.mutate(
      {
        title: title.trim(),
        exploitationTypes: types as ExploitationType[],
        riskLevel,
        ...(jurisdiction.trim() && { jurisdiction: jurisdiction.trim() }),
        ...(identifiedOn && { identifiedOn }),
        ...(offerReflection && { reflectionStartedOn: identifiedOn || todayUtc() }),
        ...(description.trim() && { description: description.trim() }),
      },
      { onSuccess: (created) => void navigate(`/workspaces/${created.id}`) },
    );
  };

  return (
    <DialogForm onSubmit={onSubmit} error={create.error} pending={create.isPending} submit={t('cases.create.submit')} onCancel={onCancel}>
      <TextInput
        label={t('cases.fields.title')}
        description={t('cases.create.titleHint')}
        required
        value={title}
        maxLength={200}
        error={titleError}
        onChange={(event) => setTitle(event.currentTarget.value)}
        data-autofocus
      />
      <Checkbox.Group label={t('cases.fields.exploitationTypes')} value={types} onChange={setTypes}>
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs" mt={6}>
          {EXPLOITATION_TYPES.map((type) => (
            <Checkbox key={type} value={type} label={t(`cases.exploitation.${type}`)} />
          ))}
        </SimpleGrid>
      </Checkbox.Group>
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
        <TextInput label={t('cases.fields.jurisdiction')} value={jurisdiction} maxLength={120} onChange={(event) => setJurisdiction(event.currentTarget.value)} />
        <NativeSelect
          label={t('cases.fields.riskLevel')}
          value={riskLevel}
          onChange={(event) => setRiskLevel(event.currentTarget.value as RiskLevel)}
          data={RISK_LEVELS.map((value) => ({ value, label: t(`cases.risk.${value}`) }))}
        />
        <TextInput type="date" label={t('cases.fields.identifiedOn')} value={identifiedOn} onChange={(event) => setIdentifiedOn(event.currentTarget.value)} />
      </SimpleGrid>
      <Checkbox label={t('cases.create.offerReflection')} description={t('cases.fields.reflectionHint')} checked={offerReflection} onChange={(event) => setOfferReflection(event.currentTarget.checked)} />
      <Textarea label={t('cases.fields.description')} description={t('cases.create.descriptionHint')} value={description} autosize minRows={2} onChange={(event) => setDescription(event.currentTarget.value)} />
    </DialogForm>
  );
}
