import type { RouteObject } from 'react-router';

import { AppLayout } from '@/components/layout/app-layout';
import { RequireAuth, RequireStaff } from '@/lib/auth/guards';

import { RouteError } from './routes/route-error';

/** The route table; pages load on demand so the first visit downloads only what it shows. */
export const routes: RouteObject[] = [
  // Full screen, without the app's header: a TV in the waiting room and a touch-screen kiosk.
  {
    path: 'units/:code/board',
    errorElement: <RouteError />,
    lazy: async () => ({ Component: (await import('./routes/walkin-board')).WalkinBoardRoute }),
  },
  {
    path: 'units/:code/kiosk',
    errorElement: <RouteError />,
    lazy: async () => ({ Component: (await import('./routes/walkin-kiosk')).WalkinKioskRoute }),
  },
  {
    path: '/',
    element: <AppLayout />,
    errorElement: <RouteError />,
    children: [
      {
        index: true,
        lazy: async () => ({ Component: (await import('./routes/home')).HomeRoute }),
      },
      {
        path: 'units/:code',
        lazy: async () => ({ Component: (await import('./routes/unit')).UnitPageRoute }),
      },
      {
        path: 'register',
        lazy: async () => ({ Component: (await import('@/features/auth/routes/register-route')).RegisterRoute }),
      },
      {
        path: 'login',
        lazy: async () => ({ Component: (await import('@/features/auth/routes/login-route')).LoginRoute }),
      },
      {
        path: 'verify-email',
        lazy: async () => ({
          Component: (await import('@/features/auth/routes/verify-email-route')).VerifyEmailRoute,
        }),
      },
      {
        path: 'forgot-password',
        lazy: async () => ({
          Component: (await import('@/features/auth/routes/forgot-password-route')).ForgotPasswordRoute,
        }),
      },
      {
        path: 'reset-password',
        lazy: async () => ({
          Component: (await import('@/features/auth/routes/reset-password-route')).ResetPasswordRoute,
        }),
      },
      {
        path: 'profile',
        lazy: async () => {
          const { ProfileRoute } = await import('./routes/profile');
          return {
            Component: () => (
              <RequireAuth>
                <ProfileRoute />
              </RequireAuth>
            ),
          };
        },
      },
      {
        path: 'consultations',
        lazy: async () => {
          const { MyConsultationsRoute } = await import('./routes/my-consultations');
          return { Component: () => <RequireAuth><MyConsultationsRoute /></RequireAuth> };
        },
      },
      {
        path: 'consultations/new',
        lazy: async () => {
          const { NewConsultationRoute } = await import('./routes/new-consultation');
          return { Component: () => <RequireAuth><NewConsultationRoute /></RequireAuth> };
        },
      },
      {
        path: 'consultations/:id',
        lazy: async () => {
          const { ConsultationRoute } = await import('./routes/consultation');
          return { Component: () => <RequireAuth><ConsultationRoute /></RequireAuth> };
        },
      },
      {
        path: 'staff/consultations',
        lazy: async () => {
          const { StaffConsultationsRoute } = await import('./routes/staff-consultations');
          return { Component: () => <RequireStaff><StaffConsultationsRoute /></RequireStaff> };
        },
      },
      {
        path: 'staff/consultations/:id',
        lazy: async () => {
          const { StaffConsultationRoute } = await import('./routes/staff-consultation');
          return { Component: () => <RequireStaff><StaffConsultationRoute /></RequireStaff> };
        },
      },
      {
        path: 'walkin/tickets/:id',
        lazy: async () => ({ Component: (await import('./routes/walkin-ticket')).WalkinTicketRoute }),
      },
      {
        path: 'walkin/tickets/:id/rate',
        lazy: async () => ({ Component: (await import('./routes/walkin-rate')).WalkinRateRoute }),
      },
      {
        path: 'staff/walkin',
        lazy: async () => {
          const { StaffWalkinRoute } = await import('./routes/staff-walkin');
          return { Component: () => <RequireStaff><StaffWalkinRoute /></RequireStaff> };
        },
      },
      {
        path: 'staff/walkin/guestbook',
        lazy: async () => {
          const { StaffGuestbookRoute } = await import('./routes/staff-guestbook');
          return { Component: () => <RequireStaff><StaffGuestbookRoute /></RequireStaff> };
        },
      },
      {
        path: 'staff/walkin/overview',
        lazy: async () => {
          const { StaffWalkinOverviewRoute } = await import('./routes/staff-walkin-overview');
          return { Component: () => <RequireStaff><StaffWalkinOverviewRoute /></RequireStaff> };
        },
      },
      {
        path: 'staff/walkin/setup',
        lazy: async () => {
          const { StaffWalkinSetupRoute } = await import('./routes/staff-walkin-setup');
          return { Component: () => <RequireStaff><StaffWalkinSetupRoute /></RequireStaff> };
        },
      },
      {
        path: 'staff/audit',
        lazy: async () => {
          const { StaffAuditRoute } = await import('./routes/staff-audit');
          return { Component: () => <RequireStaff><StaffAuditRoute /></RequireStaff> };
        },
      },
      {
        path: 'staff/reports',
        lazy: async () => {
          const { StaffReportsRoute } = await import('./routes/staff-reports');
          return { Component: () => <RequireStaff><StaffReportsRoute /></RequireStaff> };
        },
      },
      {
        path: 'staff/ratings',
        lazy: async () => {
          const { StaffRatingsRoute } = await import('./routes/staff-ratings');
          return { Component: () => <RequireStaff><StaffRatingsRoute /></RequireStaff> };
        },
      },
      {
        path: 'staff/ratings/:id',
        lazy: async () => {
          const { StaffRatingRoute } = await import('./routes/staff-rating');
          return { Component: () => <RequireStaff><StaffRatingRoute /></RequireStaff> };
        },
      },
      {
        path: 'ratings/:id/reply',
        lazy: async () => ({ Component: (await import('./routes/rating-reply')).RatingReplyRoute }),
      },
      {
        path: 'staff/complaints',
        lazy: async () => {
          const { StaffComplaintsRoute } = await import('./routes/staff-complaints');
          return { Component: () => <RequireStaff><StaffComplaintsRoute /></RequireStaff> };
        },
      },
      {
        path: 'staff/complaints/:id',
        lazy: async () => {
          const { StaffComplaintRoute } = await import('./routes/staff-complaint');
          return { Component: () => <RequireStaff><StaffComplaintRoute /></RequireStaff> };
        },
      },
      {
        path: 'complaints/confirm',
        lazy: async () => ({
          Component: (await import('@/features/complaints/routes/confirm-complaint-route')).ConfirmComplaintRoute,
        }),
      },
      {
        path: 'complaints/track',
        lazy: async () => ({ Component: (await import('@/features/complaints/routes/track-entry-route')).TrackEntryRoute }),
      },
      {
        path: 'complaints/track/:code',
        lazy: async () => ({ Component: (await import('@/features/complaints/routes/track-complaint-route')).TrackComplaintRoute }),
      },
      {
        path: 'knowledge',
        lazy: async () => ({ Component: (await import('./routes/knowledge')).KnowledgeRoute }),
      },
      {
        path: 'knowledge/:slug',
        lazy: async () => ({ Component: (await import('./routes/knowledge-article')).KnowledgeArticleRoute }),
      },
      {
        path: 'staff/knowledge',
        lazy: async () => {
          const { StaffKnowledgeRoute } = await import('./routes/staff-knowledge');
          return { Component: () => <RequireStaff><StaffKnowledgeRoute /></RequireStaff> };
        },
      },
      {
        path: 'staff/knowledge/new',
        lazy: async () => {
          const { StaffArticleEditorRoute } = await import('./routes/staff-article-editor');
          return { Component: () => <RequireStaff><StaffArticleEditorRoute /></RequireStaff> };
        },
      },
      {
        path: 'staff/knowledge/synonyms',
        lazy: async () => {
          const { SynonymsRoute } = await import('@/features/knowledge/routes/synonyms-route');
          return { Component: () => <RequireStaff><SynonymsRoute /></RequireStaff> };
        },
      },
      {
        path: 'staff/templates',
        lazy: async () => {
          const { StaffTemplatesRoute } = await import('./routes/staff-templates');
          return { Component: () => <RequireStaff><StaffTemplatesRoute /></RequireStaff> };
        },
      },
      {
        path: 'staff/knowledge/:slug/edit',
        lazy: async () => {
          const { StaffArticleEditorRoute } = await import('./routes/staff-article-editor');
          return { Component: () => <RequireStaff><StaffArticleEditorRoute /></RequireStaff> };
        },
      },
      {
        path: 'staff',
        lazy: async () => {
          const { StaffDashboardRoute } = await import('./routes/staff-dashboard');
          return {
            Component: () => (
              <RequireStaff>
                <StaffDashboardRoute />
              </RequireStaff>
            ),
          };
        },
      },
      {
        path: '*',
        lazy: async () => ({ Component: (await import('./routes/not-found')).NotFoundRoute }),
      },
    ],
  },
];
