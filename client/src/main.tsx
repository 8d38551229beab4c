import { startTransition, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { i18nReady } from './i18n/i18n';
import './app/mantine-styles';
import './styles.css';
import { restoreSession } from './api/refresh';
import { App } from './app/app';

// Started before the first render so the session check overlaps with loading the page.
void restoreSession();

// The first render waits for the active language's texts (a small chunk, fetched while the rest evaluates).
await i18nReady;

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

// As a transition the first render yields to the browser every few milliseconds instead of holding the main
// thread for the whole tree (on a slow phone, one long task that delays any tap); index.html's top bar stays
// on screen until it commits.
startTransition(() => {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
});
