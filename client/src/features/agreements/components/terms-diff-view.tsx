import { Group, NativeSelect, Stack, Text, VisuallyHidden } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TermsVersionDto } from '@enlace/shared';
import { diffTerms } from '../terms-diff';

/** What changed between any two versions of the terms; by default the latest amendment against the one before. */
export function TermsDiffView({ versions }: { versions: TermsVersionDto[] }) {
  const { t } = useTranslation();
  const latest = versions.length - 1;
  const [from, setFrom] = useState(Math.max(0, latest - 1));
  const [to, setTo] = useState(latest);
  const parts = useMemo(() => diffTerms(versions[from]?.terms ?? '', versions[to]?.terms ?? ''), [versions, from, to]);
  const options = versions.map((version, index) => ({ value: String(index), label: versionName(t, version.number) }));
  const changed = parts.some((part) => part.kind !== 'same');

  return (
    <Stack gap="sm">
      <Group gap="sm" wrap="wrap">
        <NativeSelect label={t('agreements.amendments.compareFrom')} value={String(from)} onChange={(event) => setFrom(Number(event.currentTarget.value))} data={options} />
        <NativeSelect label={t('agreements.amendments.compareTo')} value={String(to)} onChange={(event) => setTo(Number(event.currentTarget.value))} data={options} />
      </Group>
      {!changed && <Text c="dimmed">{t('agreements.amendments.noChanges')}</Text>}
      {changed && (
        <div className="terms-diff" role="region" aria-label={t('agreements.amendments.diffLabel', { from: options[from]?.label, to: options[to]?.label })}>
          {parts.map((part, index) =>
            part.kind === 'added' ? (
              <ins key={index}>
                <VisuallyHidden>{t('agreements.amendments.added')}</VisuallyHidden>
                {part.text}
                <VisuallyHidden>{t('agreements.amendments.end')}</VisuallyHidden>
              </ins>
            ) : part.kind === 'removed' ? (
              <del key={index}>
                <VisuallyHidden>{t('agreements.amendments.removed')}</VisuallyHidden>
                {part.text}
                <VisuallyHidden>{t('agreements.amendments.end')}</VisuallyHidden>
              </del>
            ) : (
              <span key={index}>{part.text}</span>
            ),
          )}
        </div>
      )}
    </Stack>
  );
}

export function versionName(t: TFunction, number: number): string {
  return number === 0 ? t('agreements.amendments.original') : t('agreements.amendments.versionName', { number });
}
