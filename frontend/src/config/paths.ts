/** What a link to the new-consultation form may fill in (from a knowledge-base article, a unit page). */
export type ConsultationPrefill = { unit?: string | null; category?: string; subject?: string };

function withQuery(path: string, query: Record<string, string | null | undefined>) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value) params.set(key, value);
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

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
  staffHolidays: '/staff?tab=holidays',
  consultations: '/consultations',
  newConsultation: ({ unit, category, subject }: ConsultationPrefill = {}) =>
    withQuery('/consultations/new', { unit, category, subject }),
  consultation: (id: string) => `/consultations/${encodeURIComponent(id)}`,
  staffConsultations: '/staff/consultations',
  staffConsultation: (id: string) => `/staff/consultations/${encodeURIComponent(id)}`,
  knowledge: '/knowledge',
  knowledgeSearch: (q: string) => withQuery('/knowledge', { q }),
  article: (slug: string) => `/knowledge/${encodeURIComponent(slug)}`,
  staffKnowledge: '/staff/knowledge',
  newArticle: '/staff/knowledge/new',
  editArticle: (slug: string) => `/staff/knowledge/${encodeURIComponent(slug)}/edit`,
  synonyms: '/staff/knowledge/synonyms',
  staffTemplates: '/staff/templates',
  board: (code: string) => `/units/${encodeURIComponent(code)}/board`,
  kiosk: (code: string) => `/units/${encodeURIComponent(code)}/kiosk`,
  walkinTicket: (id: string, key: string) => withQuery(`/walkin/tickets/${encodeURIComponent(id)}`, { key }),
  walkinRate: (id: string, token: string) => withQuery(`/walkin/tickets/${encodeURIComponent(id)}/rate`, { token }),
  staffWalkin: '/staff/walkin',
  staffGuestbook: '/staff/walkin/guestbook',
  staffWalkinOverview: '/staff/walkin/overview',
  staffWalkinSetup: '/staff/walkin/setup',
  staffReports: '/staff/reports',
  staffRatings: '/staff/ratings',
  staffRating: (id: string) => `/staff/ratings/${encodeURIComponent(id)}`,
  confirmComplaint: '/complaints/confirm',
  trackComplaintEntry: '/complaints/track',
  trackComplaint: (code: string) => `/complaints/track/${encodeURIComponent(code)}`,
  staffComplaints: '/staff/complaints',
  staffComplaint: (id: string) => `/staff/complaints/${encodeURIComponent(id)}`,
  staffAudit: '/staff/audit',
} as const;
