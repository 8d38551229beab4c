import { Button, Group, Select, Stack, Text } from '@mantine/core';
import { useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ORGANIZATION_KINDS } from '@enlace/shared';
import { ErrorAlert } from '../../../ui/error-alert';
import { useOrganizations } from '../hooks/use-organizations';

const NOT_LISTED = 'not-listed';

interface OrganizationChoiceFormProps {
  /** The chosen organisation's id, or undefined when the person says theirs is not listed. */
  onSubmit: (organizationId: string | undefined) => void;
  submitLabel: string;
  pending: boolean;
  error?: unknown;
  /** Beside the submit button, e.g. "Cancel". */
  secondary?: ReactNode;
  /** The agreement party the person was invited on behalf of: chosen to start with, theirs to change. */
  suggested?: { id: string; name: string } | null;
}

/**
 * Asks a person without an organisation which one of the directory is theirs (or that it is not listed).
 * Choosing one asks its administrators to confirm them; nothing is decided for them here.
 */
export function OrganizationChoiceForm({ onSubmit, submitLabel, pending, error, secondary, suggested }: OrganizationChoiceFormProps) {
  const { t, i18n } = useTranslation();
  const organizations = useOrganizations();
  const [value, setValue] = useState<string | null>(suggested?.id ?? null);
  const [missing, setMissing] = useState(false);
  const language = i18n.resolvedLanguage ?? i18n.language;
  const data = useMemo(() => {
    const countries = new Intl.DisplayNames([language], { type: 'region', fallback: 'code' });
    const list = organizations.data ?? [];
    const groups = ORGANIZATION_KINDS.map((kind) => ({
      group: t(`organizationKinds.${kind}`),
      items: list.filter((o) => o.kind === kind).map((o) => ({ value: o.id, label: `${o.name} (${countries.of(o.country) ?? o.country})` })),
    })).filter((group) => group.items.length > 0);
    return [{ value: NOT_LISTED, label: t('affiliation.notListed') }, ...groups];
  }, [organizations.data, language, t]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!value) {
      setMissing(true);
      return;
    }
    onSubmit(value === NOT_LISTED ? undefined : value);
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <Text size="sm">{t('affiliation.chooseIntro')}</Text>
        {suggested && <Text size="sm">{t('agreementEditing.suggestedOrganization', { name: suggested.name })}</Text>}
        {organizations.isError && <ErrorAlert error={organizations.error} />}
        {error !== undefined && error !== null && <ErrorAlert error={error} />}
        <Select
          label={t('affiliation.organization')}
          data={data}
          value={value}
          onChange={(next) => {
            setValue(next);
            setMissing(false);
          }}
          searchable
          nothingFoundMessage={t('affiliation.notListed')}
          disabled={organizations.isPending}
          error={missing ? t('affiliation.chooseRequired') : undefined}
          required
        />
        <Group justify="flex-end" gap="sm">
          {secondary}
          <Button type="submit" loading={pending}>
            {submitLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
