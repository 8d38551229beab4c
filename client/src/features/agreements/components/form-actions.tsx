import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** A dialog form's Cancel and main action, end-aligned with the main one last, as `Dialog`'s footer. */
export function FormActions({ pending, submit, onCancel }: { pending: boolean; submit: string; onCancel: () => void }) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end" gap="sm" mt="sm">
      <Button variant="default" onClick={onCancel}>
        {t('agreements.cancel')}
      </Button>
      <Button type="submit" loading={pending}>
        {submit}
      </Button>
    </Group>
  );
}
