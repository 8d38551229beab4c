import { createTheme, type CSSVariablesResolver, type MantineColorsTuple } from '@mantine/core';

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
  components: {
    // Selects stay native: they work with every assistive technology and phone, and tests drive them as such.
    NativeSelect: { defaultProps: { radius: 'sm' } },
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
