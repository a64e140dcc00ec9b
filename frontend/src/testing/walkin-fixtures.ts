import type { Board, Ticket, WalkinDesk, WalkinService } from '@/lib/api/types';

// The demo unit's walk-in services and desks, as the API returns them (from backend/seed).
export const walkinServices: WalkinService[] = [
  { code: 'konsultasi', name: 'Konsultasi Statistik', prefix: 'K', active: true },
  { code: 'perpustakaan', name: 'Perpustakaan', prefix: 'P', active: true },
  { code: 'penjualan', name: 'Penjualan Produk Statistik', prefix: 'J', active: true },
  { code: 'rekomendasi', name: 'Rekomendasi Kegiatan Statistik', prefix: 'R', active: true },
];

export const walkinDesks: WalkinDesk[] = [
  { code: 'meja-1', name: 'Meja 1', services: ['konsultasi', 'rekomendasi'], active: true },
  { code: 'meja-2', name: 'Meja 2', services: ['konsultasi', 'rekomendasi'], active: true },
  { code: 'meja-3', name: 'Meja 3', services: ['perpustakaan', 'penjualan', 'konsultasi'], active: true },
];

/** A waiting ticket of Kota Pekalongan's consultation queue. */
export function ticket(overrides: Partial<Ticket> & Pick<Ticket, 'id' | 'number'>): Ticket {
  return {
    unit_code: '3375',
    service: 'konsultasi',
    service_name: 'Konsultasi Statistik',
    priority: null,
    status: 'waiting',
    position: 1,
    ahead: 0,
    estimated_wait_minutes: 5,
    taken_at: '2026-12-02T01:50:00Z',
    called_at: null,
    call_count: 0,
    desk: null,
    started_at: null,
    finished_at: null,
    standard_wait_minutes: null,
    breach: false,
    transferred_from: null,
    transferred_to: null,
    track_url: null,
    note: null,
    rated: false,
    consultation_id: null,
    ...overrides,
  };
}

export function board(overrides: Partial<Board> = {}): Board {
  return {
    unit_code: '3375',
    time_zone: 'Asia/Jakarta',
    now_serving: [],
    recent_calls: [],
    waiting: { konsultasi: 0, perpustakaan: 0, penjualan: 0, rekomendasi: 0 },
    updated_at: '2026-12-02T02:00:00Z',
    ...overrides,
  };
}
