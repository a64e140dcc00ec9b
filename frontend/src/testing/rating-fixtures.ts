import type { RatingEntry, RatingThread } from '@/lib/api/types';

/** A walk-in visitor's low rating at Tarakan (WITA), with a comment: it needs a follow-up. */
export const lowVisitRating: RatingEntry = {
  id: '0192f0c4-0000-7000-8000-00000000r001',
  subject_kind: 'walkin',
  subject_id: '0192f0c4-0000-7000-8000-00000000t001',
  unit_code: '6571',
  scores: { u1: 4, u2: 3, u3: 1, u4: 4, u5: 2, u6: 4, u7: 4, u8: 3, u9: 3 },
  comment: 'Antrean terlalu lama, tabel yang saya minta belum lengkap.',
  needs_follow_up: true,
  follow_up_state: 'open',
  created_at: '2026-11-21T04:00:00Z',
  channel: 'walk_in',
  subject_number: 'K-007',
  consultation_id: '0192f0c4-0000-7000-8000-00000000c001',
  ticket_id: '0192f0c4-0000-7000-8000-00000000t001',
  respondent: { full_name: 'Budi Santoso', email: 'budi@example.test', phone: '08123456789', institution: 'Universitas Borneo Tarakan' },
  contacted_at: null,
  resolved_at: null,
  resolution_note: null,
};

export const openThread: RatingThread = { ...lowVisitRating, follow_ups: [] };

/** The same rating after an officer wrote and the visitor replied. */
export const contactedThread: RatingThread = {
  ...lowVisitRating,
  follow_up_state: 'contacted',
  contacted_at: '2026-11-23T01:30:00Z',
  follow_ups: [
    {
      id: '0192f0c4-0000-7000-8000-00000000m001',
      author: 'staff',
      body: 'Mohon maaf atas lamanya antrean. Tabel lengkapnya kami kirim hari ini.',
      created_at: '2026-11-23T01:30:00Z',
    },
    {
      id: '0192f0c4-0000-7000-8000-00000000m002',
      author: 'respondent',
      body: 'Terima kasih, tabelnya sudah saya terima.',
      created_at: '2026-11-23T06:05:00Z',
    },
  ],
};
