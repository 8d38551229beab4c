import { notifications } from '@mantine/notifications';

/** A short confirmation that something was done, shown for a few seconds and announced (role="alert"). */
export function toastSuccess(message: string): void {
  notifications.show({ message, color: 'green', withBorder: true });
}

/** A failure that happened away from any form, e.g. in a menu action. */
export function toastError(message: string): void {
  notifications.show({ message, color: 'red', withBorder: true, autoClose: 8000 });
}
