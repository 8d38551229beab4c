// Mantine's ColorSchemeScript as a file: the content security policy runs no inline script. It sets the
// colour scheme before the first paint, so dark systems never flash a white page.
(() => {
  let stored = null;
  try {
    stored = window.localStorage.getItem('mantine-color-scheme-value');
  } catch {
    // Storage can be disabled; the system setting applies.
  }
  const dark = window.matchMedia('(prefers-color-scheme: dark)').matches;
  const scheme = stored === 'light' || stored === 'dark' ? stored : dark ? 'dark' : 'light';
  document.documentElement.setAttribute('data-mantine-color-scheme', scheme);
})();
