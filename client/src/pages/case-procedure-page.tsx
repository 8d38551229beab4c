import { Alert, NativeSelect, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CASE_STAGES, LOCALES, type CaseStage, type Locale } from '@enlace/shared';
import { ApiRequestError } from '../api/api-error';
import { useSession } from '../features/auth/hooks/use-session';
import { StageTemplateForm } from '../features/cases/components/stage-template-form';
import { useReplaceStageTemplate, useStageTemplate } from '../features/cases/hooks/use-stage-template';
import { useDocumentTitle } from '../i18n/use-document-title';
import { isLocale, LANGUAGE_NAMES } from '../i18n/languages';
import { toastSuccess } from '../ui/toast';
import { Panel } from '../ui/panel';
import { QueryState } from '../ui/query-state';

/**
 * The case procedure of the admin's organisation: per stage and language, the tasks its cases get as cards on
 * entering the stage (the route is guarded by canAdaptStageTemplates; the server decides the same).
 */
export function CaseProcedurePage() {
  const { t, i18n } = useTranslation();
  const session = useSession();
  useDocumentTitle(t('stageTemplates.heading'));
  const [stage, setStage] = useState<CaseStage>('identified');
  const [locale, setLocale] = useState<Locale>(isLocale(i18n.language) ? i18n.language : 'en');
  const organizationId = session.status === 'signed-in' ? session.user.organizationId : null;
  return (
    <Stack gap="md">
      <Title order={1}>{t('stageTemplates.heading')}</Title>
      <Text size="sm" c="dimmed">
        {t('stageTemplates.intro')}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" maw={640}>
        <NativeSelect
          label={t('stageTemplates.stage')}
          value={stage}
          onChange={(event) => setStage(event.currentTarget.value as CaseStage)}
          data={CASE_STAGES.map((value) => ({ value, label: t(`cases.stages.${value}`) }))}
        />
        <NativeSelect
          label={t('stageTemplates.language')}
          value={locale}
          onChange={(event) => setLocale(event.currentTarget.value as Locale)}
          data={LOCALES.map((value) => ({ value, label: LANGUAGE_NAMES[value] }))}
        />
      </SimpleGrid>
      {/* Keyed by the choice: another stage or language is another list, with its own save and errors. */}
      {organizationId && <StageTemplateEditor key={`${stage}/${locale}`} organizationId={organizationId} stage={stage} locale={locale} />}
    </Stack>
  );
}

function StageTemplateEditor({ organizationId, stage, locale }: { organizationId: string; stage: CaseStage; locale: Locale }) {
  const { t } = useTranslation();
  const key = { organizationId, stage, locale };
  const template = useStageTemplate(key);
  const save = useReplaceStageTemplate(key);
  const conflict = save.error instanceof ApiRequestError && save.error.code === 'VERSION_CONFLICT';
  return (
    <Panel title={t('stageTemplates.tasksHeading', { stage: t(`cases.stages.${stage}`), language: LANGUAGE_NAMES[locale] })}>
      <QueryState query={template}>
        {(data) => (
          <Stack gap="sm">
            {conflict && (
              <Alert color="yellow" role="alert">
                {t('stageTemplates.conflict')}
              </Alert>
            )}
            {/* Keyed by the version: a save or a conflict restarts the form from the server's list. */}
            <StageTemplateForm
              key={`${data.version}/${data.adapted}`}
              template={data}
              pending={save.isPending}
              error={save.isError && !conflict ? save.error : null}
              onSave={(input) => save.mutate(input, { onSuccess: () => toastSuccess(t(input.tasks ? 'stageTemplates.saved' : 'stageTemplates.restored')) })}
            />
          </Stack>
        )}
      </QueryState>
    </Panel>
  );
}
