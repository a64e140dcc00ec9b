/** Every route of the app, so links and redirects never drift from the router. */
export const paths = {
  home: '/',
  unit: (code: string) => `/units/${encodeURIComponent(code)}`,
  register: '/register',
  login: '/login',
  verifyEmail: '/verify-email',
  forgotPassword: '/forgot-password',
  resetPassword: '/reset-password',
  profile: '/profile',
  staff: '/staff',
} as const;
