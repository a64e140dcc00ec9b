import type { SatisfactionReport, ServiceLevelReport, SkmFigures, VolumeReport } from '@/lib/api/types';

const names = [
  'Persyaratan',
  'Sistem, mekanisme, dan prosedur',
  'Waktu penyelesaian',
  'Biaya/tarif',
  'Produk spesifikasi jenis pelayanan',
  'Kompetensi pelaksana',
  'Perilaku pelaksana',
  'Penanganan pengaduan, saran dan masukan',
  'Sarana dan prasarana',
];

/** SKM figures from per-element sums over `respondents`, computed as the server does. */
export function skm(respondents: number, sums: number[]): SkmFigures {
  const elements = names.map((name, i) => {
    const sum = sums[i] ?? 0;
    const nrr = respondents > 0 ? sum / respondents : null;
    return { element: `u${i + 1}`, name, sum, nrr, nrr_weighted: nrr === null ? null : nrr / 9 };
  });
  if (respondents === 0) return { respondents, elements, ikm: null, ikm_unrounded: null, grade: null, grade_label: null };
  const mean = elements.reduce((total, e) => total + (e.nrr ?? 0), 0) / 9;
  const ikm = Math.round(mean * 25 * 100) / 100;
  const grade = ikm >= 88.31 ? 'A' : ikm >= 76.61 ? 'B' : ikm >= 65 ? 'C' : 'D';
  const label = { A: 'Sangat Baik', B: 'Baik', C: 'Kurang Baik', D: 'Tidak Baik' }[grade];
  return { respondents, elements, ikm, ikm_unrounded: mean * 25, grade, grade_label: label };
}

const period = { unit_code: '6571', unit_name: 'BPS Kota Tarakan', from: '2026-10-01', to: '2026-10-31', include_children: false, unit_codes: ['6571'] };

// 8 respondents: 3,5 on u1 and 3,625 on the rest, IKM 90,28 (A).
export const tarakanSatisfaction: SatisfactionReport = {
  ...period,
  all: skm(8, [28, 29, 29, 29, 29, 29, 29, 29, 29]),
  online: skm(5, [17, 18, 18, 18, 18, 18, 18, 18, 18]),
  walk_in: skm(3, [11, 11, 11, 11, 11, 11, 11, 11, 11]),
  units: [],
  profile: {
    gender: [{ value: 'perempuan', respondents: 2 }, { value: 'laki-laki', respondents: 1 }],
    age_group: [],
    education: [],
    occupation: [{ value: null, respondents: 5 }, { value: 'Mahasiswa', respondents: 3 }],
  },
};

export const emptySatisfaction: SatisfactionReport = {
  ...tarakanSatisfaction,
  all: skm(0, []),
  online: skm(0, []),
  walk_in: skm(0, []),
  profile: { gender: [], age_group: [], education: [], occupation: [] },
};

export const tarakanServiceLevels: ServiceLevelReport = {
  ...period,
  online: {
    opened: 12,
    clarified: 10,
    answered: 8,
    answered_within_deadline: 7,
    within_deadline_percent: 87.5,
    median_first_response_minutes: 42.5,
    median_hours_to_close: 26,
    overdue_now: 1,
    auto_closed: 2,
  },
  walk_in: { tickets: 30, served: 27, no_shows: 3, median_wait_minutes: 6, p90_wait_minutes: 14.5, within_max_wait_percent: 81.5 },
  complaints: {
    received: 4,
    verified: 4,
    verified_within_deadline: 4,
    verify_within_percent: 100,
    responded: 3,
    responded_within_deadline: 2,
    respond_within_percent: 66.7,
  },
  units: [],
};

export const tarakanVolumes: VolumeReport = {
  ...period,
  interval: 'month',
  consultations: {
    total: 1234,
    by_category: [{ key: 'data', count: 1000 }, { key: 'classification', count: 234 }],
    by_channel: [{ key: 'online', count: 1200 }, { key: 'walk_in', count: 34 }],
    by_status: [{ key: 'closed', count: 1230 }, { key: 'active', count: 4 }],
    series: [
      {
        bucket: '2026-10',
        total: 1234,
        by_category: [],
        by_channel: [{ key: 'online', count: 1200 }, { key: 'walk_in', count: 34 }],
      },
    ],
  },
  tickets_by_service: [{ key: 'konsultasi', count: 30 }],
  complaints_by_kind: [{ key: 'complaint', count: 3 }, { key: 'suggestion', count: 1 }],
  complaints_by_channel: [{ key: 'web', count: 4 }],
  knowledge: { searches: 200, deflections: 25, deflection_rate_percent: 12.5 },
  units: [],
};
