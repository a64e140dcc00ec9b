import type {
  Article,
  CalendarStatus,
  Consultation,
  ConsultationChange,
  ConsultationDetail,
  Me,
  Message,
  PublishedServiceStandard,
  SearchHit,
  Unit,
  UnitDetail,
} from '@/lib/api/types';

// Two of the demo units' published standards, as the API returns them (from backend/seed).
export const tarakanStandard: PublishedServiceStandard = {
  service_name: 'Konsultasi Statistik',
  sk_number: '24E Tahun 2024',
  address: 'Jl. Pulau Kalimantan No.9, Kp. Satu Skip, Tarakan Tengah, Kota Tarakan, Kalimantan Utara 77113',
  phone: '055131715',
  fax: null,
  website: 'tarakankota.bps.go.id',
  email: 'bps6571@bps.go.id',
  requirements: {
    online: [
      'Pengguna layanan memiliki alamat email yang masih aktif;',
      'Pengguna layanan memiliki akun pada aplikasi pelayanan;',
      'Pengguna layanan mengajukan permintaan layanan konsultasi statistik melalui aplikasi pelayanan.',
    ],
    offline: [
      'Pengguna layanan berkunjung ke Unit Pelayanan Statistik Terpadu (PST) BPS Kota Tarakan;',
      'Pengguna layanan memiliki kartu identitas yang masih berlaku (KTP, SIM, Paspor, dan lain-lain);',
      'Pengguna layanan memiliki alamat email yang masih aktif;',
      'Pengguna layanan mengisi buku tamu.',
      'Pengguna layanan mengajukan permintaan layanan konsultasi statistik kepada petugas.',
    ],
  },
  procedures: {
    online: [
      'Pengguna layanan mengakses layanan konsultasi statistik melalui aplikasi pst.bps.go.id, whatsapp atau email.',
      'Pengguna layanan melakukan registrasi',
      'Pengguna layanan mencari/searching informasi tentang materi yang ingin dikonsultasikan',
      'Jika informasi tidak diperoleh, maka pengguna layanan dapat membuat transaksi konsultasi statistik',
      'Pengguna layanan menyampaikan konsultasi melalui percakapan online atau bisa juga melakukan konsultasi lanjutan datang langsung atau melalui zoom meeting.',
      'Petugas memberikan informasi berkaitan dengan materi yang dikonsultasikan pengguna layanan.',
    ],
    offline: [
      'Pengguna layanan datang langsung mengambil nomor antrian',
      'Pengguna layanan menunggu waktu dilayani sesuai nomor antrian',
      'Pengguna layanan menuju front office untuk mengisi buku tamu dan menjelaskan tujuan kedatangannya.',
      'Pengguna layanan menuju meja layanan konsultasi untuk menyampaikan konsultasi kepada petugas',
      'Petugas memberikan informasi berkaitan dengan materi yang dikonsultasikan pengguna layanan',
      'Jika pengguna layanan perlu tindak lanjut informasi tersebut untuk mendapatkan produk-produk pelayanan lainnya, maka dapat mengakses jenis layanan lainnya pada PST',
      'Pengguna layanan memberikan penilaian/rating/ pengaduan terhadap kualitas pelayanan konsultasi statistik',
      'Pengguna layanan selesai mengakses layanan konsultasi statistik',
    ],
  },
  completion_time: {
    online: 'Pengguna layanan akan dilayani maksimal 3 (tiga) hari kerja setelah permintaan jelas dan persyaratan pelayanan lengkap',
    offline: 'Pengguna layanan akan dilayani maksimal 10 (sepuluh) menit sejak pengguna layanan pada antrian sebelumnya selesai.',
  },
  cost: 'Tidak dipungut biaya',
  products: [
    'Jasa konsultasi informasi (data/metadata/klasifikasi) statistik',
  ],
  complaint_channels: [
    {
      channel: 'phone',
      label: 'Telepon',
      value: '(0551) 31715',
    },
    {
      channel: 'whatsapp',
      label: 'WA',
      value: '0851-8310-6571',
    },
    {
      channel: 'email',
      label: 'Email',
      value: 'bps6571@bps.go.id',
    },
    {
      channel: 'form',
      label: 'Form Pengaduan',
      value: 's.bps.go.id/AduanPST6571',
    },
    {
      channel: 'social_media',
      label: 'FB',
      value: 'BPS Kota Tarakan',
    },
    {
      channel: 'social_media',
      label: 'IG',
      value: 'https://www.instagram.com/bpskotatarakan',
    },
  ],
  updated_at: '2026-11-20T23:30:00Z',
};

export const pekalonganStandard: PublishedServiceStandard = {
  service_name: 'Layanan Konsultasi',
  sk_number: null,
  address: 'Jl. Singosari, Podosugih, Kec. Pekalongan Bar., Kota Pekalongan, Jawa Tengah 51111',
  phone: '0285423504',
  fax: null,
  website: 'https://pekalongankota.bps.go.id/',
  email: null,
  requirements: {
    online: [
      'Pengguna layanan memiliki alamat email yang masih aktif;',
      'Pengguna layanan memiliki akun pada Sistem Informasi Layanan Statistik (Silastik) online;',
      'Pengguna layanan mengajukan permintaan layanan konsultasi pada Silastik.',
    ],
    offline: [],
  },
  procedures: {
    online: [
      'Pengguna layanan mengakses Silastik untuk mencari/searching informasi tentang materi yang ingin dikonsultasikan.',
      'Jika informasi tidak diperoleh, maka: a. Pengguna layanan membuat transaksi konsultasi statistik (Data/Metadata/Rekomendasi Kegiatan/Klasifikasi); b. Pengguna layanan menyampaikan konsultasi melalui percakapan online pada Silastik.',
      'Petugas layanan memberikan informasi statistik yang dikonsultasikan.',
      'Petugas layanan menutup percakapan jika layanan konsultasi telah selesai atau pengguna layanan tidak merespon kembali selama 7 (tujuh) hari.',
      'Pengguna layanan memberikan penilaian/rating dan umpan balik terhadap kualitas pelayanan yang telah diterima melalui Silastik.',
    ],
    offline: [],
  },
  completion_time: {
    online: '1 Hari',
    offline: null,
  },
  cost: 'Tidak dipungut biaya',
  products: [
    'Jasa konsultasi informasi statistik',
  ],
  complaint_channels: [
    {
      channel: 'lapor',
      label: 'LAPOR!',
      value: 'lapor.go.id',
    },
  ],
  updated_at: '2026-11-20T23:30:00Z',
};

export const units: Unit[] = [
  { code: '0000', name: 'BPS RI', kind: 'national', parent_code: null, time_zone: 'Asia/Jakarta', offers_consultations: false },
  { code: '3300', name: 'BPS Provinsi Jawa Tengah', kind: 'province', parent_code: '0000', time_zone: 'Asia/Jakarta', offers_consultations: false },
  { code: '3375', name: 'BPS Kota Pekalongan', kind: 'city', parent_code: '3300', time_zone: 'Asia/Jakarta', offers_consultations: true },
  { code: '3304', name: 'BPS Kabupaten Banjarnegara', kind: 'regency', parent_code: '3300', time_zone: 'Asia/Jakarta', offers_consultations: true },
  { code: '6500', name: 'BPS Provinsi Kalimantan Utara', kind: 'province', parent_code: '0000', time_zone: 'Asia/Makassar', offers_consultations: false },
  { code: '6571', name: 'BPS Kota Tarakan', kind: 'city', parent_code: '6500', time_zone: 'Asia/Makassar', offers_consultations: true },
];

export const tarakan: UnitDetail = {
  code: '6571',
  name: 'BPS Kota Tarakan',
  kind: 'city',
  parent_code: '6500',
  time_zone: 'Asia/Makassar',
  offers_consultations: true,
  service_standard: tarakanStandard,
  settings: { auto_close_after_days: 7, online_deadline_working_days: 3, walkin_max_wait_minutes: 10 },
};

export const publicUser: Me = {
  id: '0192f0c4-8d3e-7c1a-9a4e-2b1f3c4d5e6f',
  email: 'warga@statkonsul.test',
  full_name: 'Siti Rahma',
  phone: null,
  institution: null,
  occupation: null,
  role: 'public',
  unit_code: null,
  email_verified: true,
  created_at: '2026-11-21T02:15:00Z',
};

export const supervisor: Me = {
  ...publicUser,
  id: '0192f0c4-8d3e-7c1a-9a4e-2b1f3c4d5e70',
  email: 'supervisor.6571@statkonsul.test',
  full_name: 'Supervisor Tarakan',
  role: 'supervisor',
  unit_code: '6571',
};

/** The national administrator: every unit, and the holiday calendar. */
export const admin: Me = {
  ...publicUser,
  id: '0192f0c4-8d3e-7c1a-9a4e-2b1f3c4d5e72',
  email: 'admin@statkonsul.test',
  full_name: 'Admin Statkonsul',
  role: 'admin',
  unit_code: null,
};

export const officer: Me = {
  ...publicUser,
  id: '0192f0c4-8d3e-7c1a-9a4e-2b1f3c4d5e71',
  email: 'officer.3304@statkonsul.test',
  full_name: 'Petugas PST 3304',
  role: 'officer',
  unit_code: '3304',
  availability: 'offline',
};

/** A consultation of `publicUser` at Banjarnegara, second in the queue. */
export const waitingConsultation: ConsultationDetail = {
  id: '0192f0c4-8d3e-7c1a-9a4e-2b1f3c4d5e6a',
  number: '3304-2026-000123',
  unit_code: '3304',
  category: 'data',
  subject: 'Angka kemiskinan Banjarnegara 2025',
  question: 'Berapa persentase penduduk miskin Kabupaten Banjarnegara tahun 2025?',
  status: 'waiting',
  resolution: null,
  summary: null,
  queue_position: 2,
  owner: { id: publicUser.id, full_name: publicUser.full_name },
  assignee: null,
  clarified_at: null,
  deadline_at: null,
  deadline_provisional: false,
  overdue: false,
  closed_at: null,
  unread_count: 0,
  rated: false,
  to_index: false,
  channel: 'online',
  created_at: '2026-11-21T02:15:00Z',
  updated_at: '2026-11-21T02:15:00Z',
  follow_ups: [],
  referrals: [],
};

export const activeConsultation: ConsultationDetail = {
  ...waitingConsultation,
  status: 'active',
  queue_position: null,
  assignee: { id: officer.id, full_name: officer.full_name },
  updated_at: '2026-11-21T02:20:00Z',
};

/** The `data` of the `consultation.updated` event the server sends for the consultation as it stands. */
export function changeOf(c: Consultation): ConsultationChange {
  return {
    status: c.status,
    resolution: c.resolution ?? null,
    summary: c.summary ?? null,
    assignee_id: c.assignee?.id ?? null,
    assignee: c.assignee ?? null,
    queue_position: c.queue_position ?? null,
    clarified_at: c.clarified_at ?? null,
    deadline_at: c.deadline_at ?? null,
    deadline_provisional: c.deadline_provisional,
    closed_at: c.closed_at ?? null,
    overdue: c.overdue,
    to_index: c.to_index,
    updated_at: c.updated_at,
  };
}

export function message(overrides: Partial<Message> & Pick<Message, 'id' | 'body'>): Message {
  return {
    consultation_id: waitingConsultation.id,
    sender_id: officer.id,
    sender_role: 'officer',
    sender_name: officer.full_name,
    visibility: 'public',
    attachments: [],
    created_at: '2026-11-21T02:21:00Z',
    ...overrides,
  };
}

/** A page of a list, as the API returns it. */
export function page<T>(items: T[], perPage = 20) {
  return { items, total: items.length, page: 1, per_page: perPage };
}

/** A national article of the demo knowledge base, as the API returns it to the public. */
export const ipmArticle: Article = {
  id: '0192f0c4-8d3e-7c1a-9a4e-2b1f3c4d5e80',
  slug: 'ipm-dimensi-dan-cara-menghitung',
  title: 'Indeks Pembangunan Manusia (IPM): dimensi dan cara menghitung',
  question: 'Apa itu IPM dan bagaimana cara menghitungnya?',
  answer:
    'IPM mengukur capaian pembangunan manusia dari tiga **dimensi dasar**:\n\n- umur panjang dan hidup sehat\n- pengetahuan\n- standar hidup layak\n\nIPM dihitung sebagai *rata-rata geometrik* dari indeks ketiga dimensi.',
  category: 'metadata',
  unit_code: null,
  tags: ['ipm', 'pembangunan manusia'],
  status: 'published',
  source_consultation_id: null,
  author: null,
  published_at: '2026-11-20T02:15:00Z',
  view_count: 12,
  helpful_count: 4,
  not_helpful_count: 1,
  created_at: '2026-11-20T02:15:00Z',
  updated_at: '2026-11-20T17:30:00Z',
};

/** A draft of Banjarnegara's officer. */
export const draftArticle: Article = {
  ...ipmArticle,
  id: '0192f0c4-8d3e-7c1a-9a4e-2b1f3c4d5e81',
  slug: 'data-kemiskinan-per-kecamatan-banjarnegara',
  title: 'Data kemiskinan per kecamatan di Kabupaten Banjarnegara',
  question: 'Apakah BPS menerbitkan persentase penduduk miskin per kecamatan?',
  answer: 'Angka kemiskinan resmi BPS dihitung sampai tingkat kabupaten/kota.',
  category: 'data',
  unit_code: '3304',
  tags: ['kemiskinan'],
  status: 'draft',
  author: { id: officer.id, full_name: officer.full_name },
  published_at: null,
  view_count: 0,
  helpful_count: 0,
  not_helpful_count: 0,
};

export function searchHit(article: Article, snippet: string): SearchHit {
  return {
    id: article.id,
    slug: article.slug,
    title: article.title,
    category: article.category,
    unit_code: article.unit_code,
    snippet,
    score: 7.5,
  };
}

/** GET /holidays/status on 1 October 2026: this year's decree is in, next year's is due. */
export const calendarDue: CalendarStatus = {
  today: '2026-10-01',
  year: 2026,
  loaded: true,
  next_year: 2027,
  next_year_loaded: false,
  load_next_year: true,
};
