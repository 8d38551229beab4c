import { NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AGREEMENT_KINDS, type AgreementKind } from '@enlace/shared';

/** The kind of agreement, as creating and editing one both ask it. */
export function KindSelect({ value, onChange }: { value: AgreementKind; onChange: (kind: AgreementKind) => void }) {
  const { t } = useTranslation();
  return (
    <NativeSelect
      label={t('agreements.fields.kind')}
      value={value}
      onChange={(event) => onChange(event.currentTarget.value as AgreementKind)}
      data={AGREEMENT_KINDS.map((kind) => ({ value: kind, label: t(`agreements.kinds.${kind}`) }))}
    />
  );
}
