import { expect, test, type Page } from '@playwright/test';

import { voiceLine } from '../src/features/walkin/utils/voice-line';

import { logIn } from './support/accounts';
import { navigate, snap } from './support/app';
import { expectNoSeriousA11yFindings } from './support/axe';

const PASSWORD = 'Staff-Demo-2026!';
const SUPERVISOR = 'supervisor.3375@statkonsul.test';
const OFFICER = 'officer.3375@statkonsul.test';

/** Counts the kiosk's print requests instead of opening the print dialog. */
async function countPrints(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { printed: number; print: () => void };
    w.printed = 0;
    w.print = () => {
      w.printed += 1;
    };
  });
}

test('a visitor takes a ticket at the kiosk, is called on the board and served at a desk', async ({ page, browser, isMobile }, testInfo) => {
  // Both projects share one database: everything this run creates carries its own stamp.
  const stamp = `${testInfo.project.name}-${Date.now()}`;
  const newPage = async () => (await browser.newContext({ viewport: page.viewportSize(), isMobile, hasTouch: isMobile })).newPage();
  const supervisor = await newPage();
  const kiosk = await newPage();
  const board = await newPage();
  const visitor = await newPage();
  const officer = page;
  let token = '';
  let number = '';
  let trackUrl = '';

  await test.step('the supervisor creates a kiosk token', async () => {
    await logIn(supervisor, SUPERVISOR, PASSWORD);
    await supervisor.goto('/staff/walkin/overview');
    await expect(supervisor.getByRole('heading', { level: 1, name: 'Ringkasan layanan tatap muka' })).toBeVisible();
    const tokens = supervisor.getByRole('region', { name: 'Token kiosk' });
    await tokens.getByRole('textbox', { name: 'Nama kiosk' }).fill(`Kiosk lobi ${stamp}`);
    await tokens.getByRole('button', { name: 'Buat token' }).click();
    token = (await tokens.getByTestId('new-kiosk-token').textContent()) ?? '';
    expect(token.length).toBeGreaterThan(10);
    await expect(tokens.getByRole('cell', { name: `Kiosk lobi ${stamp}`, exact: true })).toBeVisible();
    await snap(supervisor, testInfo, 'walkin-01-kiosk-token');
    await expectNoSeriousA11yFindings(supervisor, 'the supervisor overview');
  });

  await test.step('the supervisor reviews the services and desks and saves them', async () => {
    await supervisor.getByRole('tab', { name: 'Layanan & meja' }).click();
    await expect(supervisor.getByRole('heading', { level: 1, name: 'Layanan dan meja tatap muka' })).toBeVisible();
    const first = supervisor.getByRole('group', { name: 'Layanan 1' });
    await expect(first.getByRole('textbox', { name: 'Nama layanan' })).toHaveValue('Konsultasi Statistik');
    await expect(supervisor.getByRole('group', { name: 'Meja 3' }).getByRole('checkbox', { name: 'Perpustakaan' })).toBeChecked();
    await expectNoSeriousA11yFindings(supervisor, 'the walk-in setup');
    await supervisor.getByRole('button', { name: 'Simpan layanan' }).click();
    await expect(supervisor.getByText('Layanan tatap muka disimpan.')).toBeVisible();
    await snap(supervisor, testInfo, 'walkin-01b-setup');
  });

  await test.step('the board is switched on and listens', async () => {
    await board.goto('/units/3375/board');
    await expect(board.getByRole('heading', { level: 1, name: 'Antrean Layanan Statistik' })).toBeVisible();
    await board.getByRole('button', { name: 'Aktifkan suara panggilan' }).click();
    await expect(board.getByRole('button', { name: 'Suara panggilan: aktif' })).toBeVisible();
    await expect(board.getByText('Pembaruan langsung aktif')).toBeVisible();
    await expectNoSeriousA11yFindings(board, 'the board');
  });

  await test.step('a visitor takes a library ticket with priority at the kiosk, and it prints', async () => {
    await countPrints(kiosk);
    await kiosk.goto('/units/3375/kiosk');
    await kiosk.getByLabel('Token kiosk').fill(token);
    await kiosk.getByRole('button', { name: 'Simpan token' }).click();
    await expect(kiosk.getByRole('heading', { level: 1, name: 'Ambil nomor antrean' })).toBeVisible();
    await expectNoSeriousA11yFindings(kiosk, 'the kiosk');
    await kiosk.getByText('Lansia', { exact: true }).click();
    await snap(kiosk, testInfo, 'walkin-02-kiosk');
    const [response] = await Promise.all([
      kiosk.waitForResponse((r) => r.url().endsWith('/api/v1/units/3375/walkin/tickets') && r.request().method() === 'POST'),
      kiosk.getByRole('button', { name: 'Perpustakaan' }).click(),
    ]);
    expect(response.status()).toBe(201);
    const ticket = (await response.json()) as { number: string; track_url: string };
    number = ticket.number;
    trackUrl = ticket.track_url;
    expect(number).toMatch(/^P-\d{3}$/);
    await expect(kiosk.getByTestId('kiosk-number')).toHaveText(number);
    await expect(kiosk.getByRole('img', { name: 'Kode QR untuk memantau antrean Anda' })).toBeVisible();
    await expect.poll(() => kiosk.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
    await snap(kiosk, testInfo, 'walkin-03-ticket');
  });

  await test.step('the visitor follows the ticket on a phone', async () => {
    await visitor.goto(new URL(trackUrl).pathname + new URL(trackUrl).search);
    await expect(visitor.getByRole('heading', { level: 1, name: number })).toBeVisible();
    await expect(visitor.getByText('Menunggu', { exact: true })).toBeVisible();
    await expect(visitor.getByText('Pembaruan langsung aktif')).toBeVisible();
    await expectNoSeriousA11yFindings(visitor, 'the visitor’s ticket');
  });

  await test.step('the officer calls the next visitor to Meja 3', async () => {
    await logIn(officer, OFFICER, PASSWORD);
    await navigate(officer, isMobile, 'Tatap muka');
    await expect(officer.getByRole('heading', { level: 1, name: 'Meja layanan tatap muka' })).toBeVisible();
    await officer.getByRole('combobox', { name: 'Meja' }).click();
    await officer.getByRole('option', { name: 'Meja 3' }).click();
    await expect(officer.getByRole('region', { name: 'Perpustakaan' }).getByText(number)).toBeVisible();
    await expectNoSeriousA11yFindings(officer, 'the desk console');
    await officer.getByRole('button', { name: 'Panggil berikutnya' }).click();
    const current = officer.getByRole('region', { name: 'Pengunjung di meja ini' });
    await expect(current.getByText(number, { exact: true })).toBeVisible();
    await expect(current.getByText('Dipanggil', { exact: true })).toBeVisible();
    await snap(officer, testInfo, 'walkin-04-called');
  });

  await test.step('the board shows the call and its voice line, and the visitor is told where to go', async () => {
    await expect(board.getByLabel('Meja 3').getByText(number)).toBeVisible();
    const latest = board.getByRole('region', { name: 'Panggilan terakhir' });
    await expect(latest.getByText(number)).toBeVisible();
    await expect(latest.getByText('Silakan menuju Meja 3')).toBeVisible();
    await expect(latest.getByText(`“${voiceLine(number, 'Meja 3')}”`)).toBeVisible();
    expect(voiceLine(number, 'Meja 3')).toMatch(/^Nomor antrean P (nol|satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan)( \S+){2}, silakan menuju Meja tiga$/);
    await snap(board, testInfo, 'walkin-05-board');
    await expect(visitor.getByText('Silakan menuju Meja 3')).toBeVisible();
    await snap(visitor, testInfo, 'walkin-06-visitor-called');
  });

  let consultationPath = '';
  await test.step('the officer starts the service and records the consultation, once the front office has the guest book', async () => {
    const current = officer.getByRole('region', { name: 'Pengunjung di meja ini' });
    await current.getByRole('button', { name: 'Mulai layani' }).click();
    await expect(current.getByText('Sedang dilayani', { exact: true })).toBeVisible();
    await current.getByRole('button', { name: 'Catat konsultasi' }).click();
    const dialog = officer.getByRole('dialog', { name: `Catat konsultasi ${number}` });
    await dialog.getByRole('combobox', { name: 'Kategori' }).click();
    await officer.getByRole('option', { name: 'Data', exact: true }).click();
    await dialog.getByRole('textbox', { name: 'Judul' }).fill(`Publikasi Kota Pekalongan Dalam Angka ${stamp}`);
    await dialog.getByRole('textbox', { name: 'Pertanyaan pengunjung' }).fill('Di mana tabel penduduk per kecamatan Kota Pekalongan 2025?');
    await dialog.getByRole('textbox', { name: 'Jawaban yang diberikan' }).fill('Tabel 3.1.2 publikasi Kota Pekalongan Dalam Angka 2026, tersedia di perpustakaan.');
    await dialog.getByRole('combobox', { name: /Dirujuk ke layanan PST/ }).click();
    await officer.getByRole('option', { name: 'Perpustakaan', exact: true }).click();
    await dialog.getByRole('textbox', { name: 'Catatan rujukan' }).fill('Publikasi cetak dipinjam di perpustakaan.');
    await dialog.getByRole('button', { name: 'Simpan konsultasi' }).click();
    const required = dialog.getByRole('alert');
    await expect(required).toContainText('Buku tamu belum diisi');
    await expect(required.getByRole('link', { name: /Buka buku tamu/ })).toBeVisible();
    await snap(officer, testInfo, 'walkin-06b-guestbook-first');
    await expectNoSeriousA11yFindings(officer, 'the consultation record');

    const frontOffice = await newPage();
    await logIn(frontOffice, 'frontoffice.3375@statkonsul.test', PASSWORD);
    await frontOffice.goto('/staff/walkin/guestbook');
    const form = frontOffice.getByRole('region', { name: 'Isi buku tamu' });
    await form.getByRole('combobox', { name: 'Nomor antrean' }).click();
    await frontOffice.getByRole('option', { name: `${number} · Perpustakaan` }).click();
    await form.getByRole('textbox', { name: 'Nama lengkap' }).fill(`Budi Santoso ${stamp}`);
    await form.getByRole('textbox', { name: 'Nomor identitas' }).fill('3375011203850001');
    await form.getByRole('textbox', { name: 'Email' }).fill(`budi.${stamp}@statkonsul.test`);
    await form.getByRole('textbox', { name: 'Keperluan' }).fill('Mencari publikasi Kota Pekalongan Dalam Angka');
    await form.getByRole('button', { name: 'Simpan ke buku tamu' }).click();
    await expect(form.getByRole('textbox', { name: 'Nama lengkap' })).toHaveValue('');
    await frontOffice.context().close();

    await dialog.getByRole('button', { name: 'Simpan konsultasi' }).click();
    const recorded = dialog.getByRole('status');
    await expect(recorded).toContainText('Konsultasi tercatat');
    consultationPath = (await recorded.getByRole('link', { name: 'Buka konsultasi' }).getAttribute('href')) ?? '';
    expect(consultationPath).toMatch(/^\/staff\/consultations\/[0-9a-f-]{36}$/);
    await snap(officer, testInfo, 'walkin-06c-recorded');
    await dialog.getByRole('button', { name: 'Tutup', exact: true }).click();
    await expect(current.getByText('Konsultasi tercatat')).toBeVisible();
    await expect(current.getByRole('button', { name: 'Catat konsultasi' })).toHaveCount(0);
  });

  await test.step('the officer finishes the service', async () => {
    const current = officer.getByRole('region', { name: 'Pengunjung di meja ini' });
    await current.getByRole('textbox', { name: /Catatan layanan/ }).fill(`Mencari publikasi Kota Pekalongan Dalam Angka (${stamp})`);
    await current.getByRole('button', { name: 'Selesai' }).click();
    await expect(officer.getByText(`Layanan untuk ${number} selesai.`)).toBeVisible();
    await expect(officer.getByText('Meja 3 sedang kosong.')).toBeVisible();
    await snap(officer, testInfo, 'walkin-07-finished');
    await expect(visitor.getByText('Selesai', { exact: true })).toBeVisible();
  });

  await test.step('the recorded consultation is a walk-in one, closed and answered', async () => {
    await officer.goto(consultationPath);
    const summary = officer.getByRole('region', { name: `Publikasi Kota Pekalongan Dalam Angka ${stamp}` });
    await expect(summary.getByText('Tatap muka', { exact: true })).toBeVisible();
    await expect(summary.getByText('Selesai · Terjawab')).toBeVisible();
    await snap(officer, testInfo, 'walkin-08-consultation');
    await expectNoSeriousA11yFindings(officer, 'the walk-in consultation');
  });
});

test('the front office writes a visitor into the guest book and finds them again by email', async ({ page, isMobile }, testInfo) => {
  const stamp = `${testInfo.project.name}-${Date.now()}`;
  const email = `tamu.${stamp}@statkonsul.test`;
  const name = `Siti Rahma ${stamp}`;

  await logIn(page, 'frontoffice.3375@statkonsul.test', PASSWORD);
  await navigate(page, isMobile, 'Tatap muka');
  await expect(page.getByRole('heading', { level: 1, name: 'Buku tamu' })).toBeVisible();

  const form = page.getByRole('region', { name: 'Isi buku tamu' });
  await form.getByRole('button', { name: 'Simpan ke buku tamu' }).click();
  await expect(form.getByText('Wajib diisi.').first()).toBeVisible();
  await form.getByRole('textbox', { name: 'Nama lengkap' }).fill(name);
  await form.getByRole('textbox', { name: 'Nomor identitas' }).fill('3375014101900003');
  await form.getByRole('textbox', { name: 'Email' }).fill('bukan-email');
  await form.getByRole('textbox', { name: 'Keperluan' }).fill('Data kemiskinan per kecamatan 2025');
  await form.getByRole('button', { name: 'Simpan ke buku tamu' }).click();
  await expect(form.getByText('Masukkan alamat email yang valid.')).toBeVisible();
  await form.getByRole('textbox', { name: 'Email' }).fill(email);
  await form.getByRole('textbox', { name: 'Instansi' }).fill('Universitas Pekalongan');
  await form.getByRole('button', { name: 'Simpan ke buku tamu' }).click();
  await expect(form.getByRole('textbox', { name: 'Nama lengkap' })).toHaveValue('');

  const today = page.getByRole('region', { name: 'Buku tamu hari ini' });
  // Both projects (desktop, phone) write into the same day's book: look in this run's own row.
  const row = today.getByRole('row').filter({ hasText: name });
  await expect(row).toBeVisible();
  await expect(row.getByText('KTP ••••0003')).toBeVisible();
  await snap(page, testInfo, 'guestbook-01-saved');

  const lookup = page.getByRole('region', { name: 'Cari pengunjung yang pernah datang' });
  await lookup.getByRole('textbox', { name: 'Email' }).fill(email);
  await lookup.getByRole('button', { name: 'Cari' }).click();
  await expect(lookup.getByText('1 kunjungan ditemukan')).toBeVisible();
  await lookup.getByRole('button', { name: 'Gunakan data ini' }).click();
  await expect(form.getByRole('textbox', { name: 'Nama lengkap' })).toHaveValue(name);
  await expect(form.getByRole('textbox', { name: 'Email' })).toHaveValue(email);
  await snap(page, testInfo, 'guestbook-02-lookup');
  await expectNoSeriousA11yFindings(page, 'the guest book');
});
