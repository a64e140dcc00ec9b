import { Alert, createTheme, Notification, type CSSVariablesResolver } from '@mantine/core';

export const theme = createTheme({
  primaryColor: 'blue',
  // Shade 8 and a darker `dimmed`: text in them meets WCAG AA contrast (4.5:1) on white.
  primaryShade: 8,
  defaultRadius: 'md',
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif',
  headings: { fontWeight: '700' },
  components: {
    // Green and orange in shade 9 stay below 4.5:1 on their pale alert background: the title is
    // written in the text colour, the icon and the background keep the alert's colour.
    Alert: Alert.extend({ styles: { title: { color: 'var(--mantine-color-text)' } } }),
    // The close button of a notification is an icon: it needs a name (in the default language).
    Notification: Notification.extend({ defaultProps: { closeButtonProps: { 'aria-label': 'Tutup pemberitahuan' } } }),
  },
});

export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': 'var(--mantine-color-gray-7)',
    // A field's error and the text of a field in error: Mantine's red 6 is 3.3:1 on white, red 9 is 5.5:1.
    '--mantine-color-error': 'var(--mantine-color-red-9)',
    // The light blue variant (the active menu entry, light badges and buttons): shade 9 text on a
    // background of shade 0, shade 1 under the pointer, passes AA (the defaults do not).
    '--mantine-color-blue-light-color': 'var(--mantine-color-blue-9)',
    '--mantine-color-blue-light': 'var(--mantine-color-blue-0)',
    '--mantine-color-blue-light-hover': 'var(--mantine-color-blue-1)',
  },
  dark: {},
});
