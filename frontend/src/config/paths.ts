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
  consultations: '/consultations',
  newConsultation: (unit?: string) =>
    unit ? `/consultations/new?unit=${encodeURIComponent(unit)}` : '/consultations/new',
  consultation: (id: string) => `/consultations/${encodeURIComponent(id)}`,
  staffConsultations: '/staff/consultations',
  staffConsultation: (id: string) => `/staff/consultations/${encodeURIComponent(id)}`,
} as const;
