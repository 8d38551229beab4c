import { Badge, createTheme, NativeSelect, Textarea, TextInput, type CSSVariablesResolver, type MantineColorsTuple } from '@mantine/core';

/** Enlace's navy, darkest at 9; shade 6 (#1f4e79) is the brand colour the interface had before the design system. */
const navy: MantineColorsTuple = ['#eaf1f8', '#d3e1ef', '#a6c2df', '#9bbde2', '#7ea7d6', '#4f86c0', '#1f4e79', '#1a4266', '#153654', '#0f2940'];

export const theme = createTheme({
  colors: { navy },
  primaryColor: 'navy',
  // Filled buttons keep white text at AA contrast in both schemes.
  primaryShade: { light: 6, dark: 7 },
  // System fonts only: the content security policy loads no web fonts.
  fontFamily: "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Helvetica Neue', Arial, sans-serif",
  headings: { fontFamily: 'inherit' },
  defaultRadius: 'sm',
  cursorType: 'pointer',
  // The one form-field approach: Mantine's inputs wire label, description and error to the control
  // (aria-describedby, aria-invalid); a field's error is also announced when it appears.
  components: {
    TextInput: TextInput.extend({ defaultProps: { errorProps: { role: 'alert' } } }),
    Textarea: Textarea.extend({ defaultProps: { errorProps: { role: 'alert' } } }),
    // Badges read as words, in the sentence case the rest of the interface uses.
    Badge: Badge.extend({ defaultProps: { tt: 'none', radius: 'sm' } }),
    // Selects stay native: every phone and screen reader handles them well.
    NativeSelect: NativeSelect.extend({ defaultProps: { errorProps: { role: 'alert' } } }),
  },
});

/**
 * Mantine's defaults put dimmed text, error messages and links below WCAG AA contrast on some backgrounds;
 * these shades keep Lighthouse and axe at 0 contrast failures in both schemes.
 */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    '--mantine-color-anchor': 'var(--mantine-color-navy-6)',
    '--mantine-color-placeholder': 'var(--mantine-color-gray-6)',
  },
  dark: {
    '--mantine-color-dimmed': 'var(--mantine-color-dark-1)',
    '--mantine-color-error': 'var(--mantine-color-red-4)',
    '--mantine-color-anchor': 'var(--mantine-color-navy-3)',
  },
});
