import { Group, Modal } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface DialogProps {
  open: boolean;
  onClose: () => void;
  /** The heading (an h2) that also names the dialog for assistive technology. */
  title: ReactNode;
  children: ReactNode;
  /** The actions, end-aligned with the main one last. */
  footer?: ReactNode;
  size?: 'sm' | 'md' | 'lg' | 'xl';
  className?: string;
}

/**
 * The one dialog: Mantine's Modal traps focus, closes on Escape and on the close button, and returns focus to
 * the opener. Every dialog has the same header (title and close button) and footer.
 */
export function Dialog({ open, onClose, title, children, footer, size = 'lg', className }: DialogProps) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={open}
      onClose={onClose}
      title={title}
      size={size}
      className={className}
      closeButtonProps={{ 'aria-label': t('ui.close') }}
      styles={{ title: { fontSize: 'var(--mantine-h3-font-size)', fontWeight: 700 } }}
    >
      {children}
      {footer && (
        <Group justify="flex-end" gap="sm" mt="lg">
          {footer}
        </Group>
      )}
    </Modal>
  );
}
