import { Modal as MantineModal } from '@mantine/core';
import { useCallback, type ReactNode } from 'react';

/**
 * The former native-<dialog> API, now on Mantine so it behaves like `Dialog`; the board's dialogs still draw
 * their own header with it. New dialogs use `Dialog` (./dialog.tsx); this goes once the board has moved.
 */
export function Modal({ open, onClose, labelledBy, children, className }: { open: boolean; onClose: () => void; labelledBy: string; children: ReactNode; className?: string }) {
  // Mantine names a dialog only by its own title; these dialogs are named by a heading they render themselves.
  const nameBy = useCallback((node: HTMLElement | null) => node?.setAttribute('aria-labelledby', labelledBy), [labelledBy]);
  return (
    <MantineModal.Root opened={open} onClose={onClose} size="lg">
      <MantineModal.Overlay />
      <MantineModal.Content ref={nameBy} className={`modal ${className ?? ''}`}>
        <MantineModal.Body>{children}</MantineModal.Body>
      </MantineModal.Content>
    </MantineModal.Root>
  );
}
