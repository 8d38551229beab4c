import { ActionIcon, Badge, Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ReplaceStageTemplateInput, StageTemplateDto } from '@enlace/shared';
import { ErrorAlert } from '../../../ui/error-alert';

/** The server's limits (ReplaceStageTemplateSchema). */
const MAX_TASKS = 20;
const MAX_TITLE = 200;

interface Row {
  /** Stable while the list is reordered, so that each input keeps its focus and text. */
  id: number;
  title: string;
}

/**
 * A stage's tasks in one language, as the organisation's cases will get them: edited as a whole list and saved at the
 * version read. Keyed by that version by its parent, so a conflict (the cache takes the server's list) restarts it.
 */
export function StageTemplateForm({
  template,
  pending,
  error,
  onSave,
}: {
  template: StageTemplateDto;
  pending: boolean;
  error: unknown;
  onSave: (input: ReplaceStageTemplateInput) => void;
}) {
  const { t } = useTranslation();
  const [rows, setRows] = useState<Row[]>(() => template.tasks.map((title, id) => ({ id, title })));
  const [nextId, setNextId] = useState(template.tasks.length);
  const [submitted, setSubmitted] = useState(false);

  const rename = (id: number, title: string) => setRows((current) => current.map((row) => (row.id === id ? { ...row, title } : row)));
  const remove = (id: number) => setRows((current) => current.filter((row) => row.id !== id));
  const move = (index: number, by: -1 | 1) =>
    setRows((current) => {
      const next = [...current];
      [next[index], next[index + by]] = [next[index + by], next[index]];
      return next;
    });
  const add = () => {
    setRows((current) => [...current, { id: nextId, title: '' }]);
    setNextId(nextId + 1);
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSubmitted(true);
    if (rows.some((row) => !row.title.trim())) return;
    onSave({ version: template.version, tasks: rows.map((row) => row.title.trim()) });
  };

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="sm">
        <Group gap="xs">
          <Badge variant="light" color={template.adapted ? 'blue' : 'gray'}>
            {template.adapted ? t('stageTemplates.adapted') : t('stageTemplates.defaults')}
          </Badge>
          <Text size="sm" c="dimmed">
            {template.adapted ? t('stageTemplates.adaptedHint') : t('stageTemplates.defaultsHint')}
          </Text>
        </Group>
        {error !== null && <ErrorAlert error={error} />}
        {rows.length === 0 && <Text size="sm">{t('stageTemplates.none')}</Text>}
        <ol className="plain-list">
          {rows.map((row, index) => (
            <li key={row.id}>
              <Group gap="xs" wrap="nowrap" align="flex-end" mb="xs">
                <TextInput
                  style={{ flex: 1, minWidth: 0 }}
                  label={t('stageTemplates.task', { number: index + 1 })}
                  value={row.title}
                  maxLength={MAX_TITLE}
                  error={submitted && !row.title.trim() ? t('stageTemplates.taskRequired') : undefined}
                  onChange={(event) => rename(row.id, event.currentTarget.value)}
                />
                <ActionIcon variant="default" size="lg" disabled={index === 0} aria-label={t('stageTemplates.moveUp', { number: index + 1 })} onClick={() => move(index, -1)}>
                  ↑
                </ActionIcon>
                <ActionIcon
                  variant="default"
                  size="lg"
                  disabled={index === rows.length - 1}
                  aria-label={t('stageTemplates.moveDown', { number: index + 1 })}
                  onClick={() => move(index, 1)}
                >
                  ↓
                </ActionIcon>
                <ActionIcon variant="default" color="red" size="lg" aria-label={t('stageTemplates.remove', { number: index + 1 })} onClick={() => remove(row.id)}>
                  ×
                </ActionIcon>
              </Group>
            </li>
          ))}
        </ol>
        <Group justify="space-between" gap="sm">
          <Button variant="default" onClick={add} disabled={rows.length >= MAX_TASKS}>
            {t('stageTemplates.add')}
          </Button>
          <Group gap="sm">
            {template.adapted && (
              <Button variant="default" color="red" disabled={pending} onClick={() => onSave({ version: template.version, tasks: null })}>
                {t('stageTemplates.restore')}
              </Button>
            )}
            <Button type="submit" loading={pending}>
              {t('stageTemplates.save')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}
