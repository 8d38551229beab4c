import { StrictMode } from 'react';
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

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
