import type { ComplaintDetail, ComplaintTracking } from '@/lib/api/types';

/** A complaint at Kota Pekalongan that the unit has answered, as its tracking page shows it. */
export const respondedTracking: ComplaintTracking = {
  tracking_code: 'ADU-3375-7KQ2M9XD4HPW',
  unit_code: '3375',
  unit_name: 'BPS Kota Pekalongan',
  time_zone: 'Asia/Jakarta',
  kind: 'complaint',
  channel: 'web',
  subject: 'Balasan konsultasi terlambat',
  status: 'responded',
  received_at: '2026-11-30T02:00:00Z',
  verify_due_at: '2026-12-02T17:00:00Z',
  respond_due_at: '2026-12-04T17:00:00Z',
  auto_close_at: '2026-12-18T17:00:00Z',
  forwarded_to: null,
  can_reply: true,
  history: [
    { kind: 'status', status: 'received', body: null, created_at: '2026-11-30T02:00:00Z' },
    { kind: 'status', status: 'verified', body: null, created_at: '2026-11-30T04:00:00Z' },
    { kind: 'response', status: 'responded', body: 'Mohon maaf, jawaban sudah kami kirim hari ini.', created_at: '2026-12-01T03:00:00Z' },
  ],
};

/** The same complaint as the unit's staff read it, just received. */
export const receivedComplaint: ComplaintDetail = {
  id: '0193a1b2-0000-7000-8000-000000000001',
  tracking_code: 'ADU-3375-7KQ2M9XD4HPW',
  unit_code: '3375',
  kind: 'complaint',
  channel: 'web',
  subject: 'Balasan konsultasi terlambat',
  description: 'Pertanyaan saya tentang data kemiskinan belum dijawab setelah seminggu.',
  name: 'Siti Rahma',
  email: 'siti@example.com',
  phone: '081234567890',
  related_number: '3375-2026-000012',
  lapor_reference: null,
  status: 'received',
  received_at: '2026-11-30T02:00:00Z',
  verify_due_at: '2026-12-02T17:00:00Z',
  respond_due_at: '2026-12-04T17:00:00Z',
  due_at: '2026-12-02T17:00:00Z',
  overdue: false,
  verified_at: null,
  responded_at: null,
  auto_close_at: null,
  closed_at: null,
  reason: null,
  forwarded_to: null,
  forwarded_from_id: null,
  assignee: null,
  recorded_by: null,
  created_at: '2026-11-30T02:00:00Z',
  events: [
    { id: '0193a1b2-0000-7000-8000-0000000000e1', kind: 'status', status: 'received', body: null, author: null, created_at: '2026-11-30T02:00:00Z' },
  ],
};
