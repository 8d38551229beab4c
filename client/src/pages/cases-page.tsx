import { Group, NativeSelect, Stack, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CASE_STAGES, type CaseStage } from '@enlace/shared';
import { CasesList } from '../features/cases/components/cases-list';
import { NewCaseButton } from '../features/cases/components/new-case-dialog';
import { useDocumentTitle } from '../i18n/use-document-title';

export function CasesPage() {
  const { t } = useTranslation();
  const [stage, setStage] = useState<CaseStage | ''>('');
  useDocumentTitle(t('cases.list.heading'));
  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap">
        <Title order={1}>{t('cases.list.heading')}</Title>
        <NewCaseButton />
      </Group>
      <NativeSelect
        label={t('cases.list.stageFilter')}
        value={stage}
        maw={280}
        onChange={(event) => setStage(event.currentTarget.value as CaseStage | '')}
        data={[{ value: '', label: t('cases.list.allStages') }, ...CASE_STAGES.map((value) => ({ value, label: t(`cases.stages.${value}`) }))]}
      />
      <CasesList stage={stage || undefined} />
    </Stack>
  );
}
