// Mantine's notifications with their styles, loaded with the first toast (see toast.tsx).
import '@mantine/notifications/styles.css';

export { Notifications, notifications } from '@mantine/notifications';
