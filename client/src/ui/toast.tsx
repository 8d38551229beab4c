import type { NotificationData } from '@mantine/notifications';
import { lazy, Suspense, useSyncExternalStore } from 'react';

// A toast follows an action, never the first paint: Mantine's notifications (and their transitions) load
// with the first one, not with the login and home pages.
const loadNotifications = () => import('./notifications');
const Notifications = lazy(async () => ({ default: (await loadNotifications()).Notifications }));

let shown = false;
const listeners = new Set<() => void>();

function show(data: NotificationData): void {
  if (!shown) {
    shown = true;
    for (const listener of listeners) listener();
  }
  // Mantine's store keeps the toast until its container below has mounted.
  void loadNotifications().then(({ notifications }) => notifications.show(data));
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Where toasts appear: nothing until the first one. */
export function ToastHost() {
  const active = useSyncExternalStore(subscribe, () => shown);
  if (!active) return null;
  return (
    <Suspense>
      <Notifications position="bottom-right" />
    </Suspense>
  );
}

/** A short confirmation that something was done, shown for a few seconds and announced (role="alert"). */
export function toastSuccess(message: string): void {
  show({ message, color: 'green', withBorder: true });
}

/** A failure that happened away from any form, e.g. in a menu action. */
export function toastError(message: string): void {
  show({ message, color: 'red', withBorder: true, autoClose: 8000 });
}
