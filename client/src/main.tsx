import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './i18n/i18n';
import './app/mantine-styles';
import './styles.css';
import { restoreSession } from './api/refresh';
import { App } from './app/app';

// Started before the first render so the session check overlaps with loading the page.
void restoreSession();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
