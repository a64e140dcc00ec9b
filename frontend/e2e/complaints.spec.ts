import { expect, test, type Page, type TestInfo } from '@playwright/test';

import { logIn } from './support/accounts';
import { navigate, snap } from './support/app';
import { expectNoSeriousA11yFindings } from './support/axe';
import { latestMailTo, linkTo } from './support/mailbox';

const WARGA = { email: 'warga@statkonsul.test', password: 'Warga-Demo-2026!' };
const SUPERVISOR = { email: 'supervisor.3375@statkonsul.test', password: 'Staff-Demo-2026!' };

async function expectNoHorizontalOverflow(page: Page, where: string) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `horizontal overflow on ${where}`).toBeLessThanOrEqual(0);
}

/** Opens the complaint form on Kota Pekalongan's page and writes a complaint about `subject`. */
async function writeComplaint(page: Page, subject: string) {
  await page.goto('/units/3375');
  await expect(page.getByRole('heading', { level: 1, name: 'BPS Kota Pekalongan' })).toBeVisible();
  await expect(page.getByText(/Pengaduan diperiksa \(diverifikasi\) paling lambat \d+ hari kerja/)).toBeVisible();
  await page.getByRole('link', { name: 'Sampaikan pengaduan' }).click();
  await expect(page).toHaveURL(/#unit-complaints$/);
  await page.getByRole('button', { name: 'Tulis pengaduan' }).click();
  await page.getByRole('textbox', { name: /^Perihal/ }).fill(subject);
  await page.getByRole('textbox', { name: /^Uraian/ }).fill('Jawaban konsultasi saya tentang data kemiskinan belum datang setelah tenggatnya lewat.');
  await page.getByRole('textbox', { name: /^Nomor konsultasi/ }).fill('3375-2026-000012');
}

/** The supervisor verifies the complaint on the desk and sends the unit's response. */
async function answerOnTheDesk(page: Page, isMobile: boolean, subject: string, response: string, testInfo: TestInfo) {
  await logIn(page, SUPERVISOR.email, SUPERVISOR.password);
  await navigate(page, isMobile, 'Pengaduan');
  await expect(page).toHaveURL(/\/staff\/complaints$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Pengaduan' })).toBeVisible();
  await page.getByRole('combobox', { name: 'Status' }).click();
  await page.getByRole('option', { name: 'Diterima', exact: true }).click();
  await expect(page).toHaveURL(/status=received/);
  await expect(page.getByRole('link', { name: subject })).toBeVisible();
  await expectNoSeriousA11yFindings(page, 'the complaint desk');
  if (isMobile) await expectNoHorizontalOverflow(page, 'the complaint desk');
  await snap(page, testInfo, 'desk-list');
  await page.getByRole('link', { name: subject }).click();
  await expect(page.getByRole('heading', { level: 1, name: subject })).toBeVisible();
  // The staff read the complainant's contacts, which the tracking page never shows.
  await expect(page.getByRole('region', { name: 'Pelapor' })).toBeVisible();
  await expectNoSeriousA11yFindings(page, 'the complaint on the desk');
  if (isMobile) await expectNoHorizontalOverflow(page, 'the complaint on the desk');
  await snap(page, testInfo, 'desk-complaint');

  await page.getByRole('button', { name: 'Verifikasi' }).click();
  await expect(page.getByRole('region', { name: 'Riwayat' }).getByText('Diverifikasi')).toBeVisible();
  await page.getByRole('textbox', { name: /^Tanggapan untuk pelapor/ }).fill(response);
  await page.getByRole('button', { name: 'Kirim tanggapan' }).click();
  await expect(page.getByRole('region', { name: 'Riwayat' }).getByText(response)).toBeVisible();
  await snap(page, testInfo, 'desk-responded');
}

/** The tracking page shows the unit's response; the complainant says it is solved. */
async function markSolved(page: Page, code: string, response: string, isMobile: boolean, testInfo: TestInfo) {
  await page.goto(`/complaints/track/${code}`);
  await expect(page.getByText(response)).toBeVisible();
  await expect(page.getByText('Sudah ditanggapi').first()).toBeVisible();
  await expectNoSeriousA11yFindings(page, 'the tracking page with a response');
  if (isMobile) await expectNoHorizontalOverflow(page, 'the tracking page');
  await snap(page, testInfo, 'track-responded');
  await page.getByRole('button', { name: 'Masalah saya sudah selesai' }).click();
  await expect(page.getByText('Terima kasih. Pengaduan Anda ditutup.')).toBeVisible();
  await expect(page.getByText('Selesai').first()).toBeVisible();
  await snap(page, testInfo, 'track-closed');
}

test('a signed-in member complains on Kota Pekalongan’s page, the supervisor answers on the desk, and the member marks it solved', async ({
  page,
  browser,
  isMobile,
}, testInfo) => {
  const stamp = `${testInfo.project.name}-${Date.now()}`;
  const subject = `Jawaban terlambat ${stamp}`;
  const response = `Mohon maaf atas keterlambatan; jawaban sudah kami kirim hari ini (${stamp}).`;
  let code = '';

  await test.step('the member files the complaint from the unit page, simplified for the account', async () => {
    await logIn(page, WARGA.email, WARGA.password);
    await writeComplaint(page, subject);
    await expect(page.getByText(/Anda mengirim sebagai/)).toBeVisible();
    await expect(page.getByRole('textbox', { name: /^Email/ })).toHaveCount(0);
    await expectNoSeriousA11yFindings(page, 'the unit page with the complaint form');
    if (isMobile) await expectNoHorizontalOverflow(page, 'the unit page with the complaint form');
    await snap(page, testInfo, 'unit-form');
    await page.getByRole('button', { name: 'Kirim', exact: true }).click();
    await expect(page.getByText('Pengaduan terkirim')).toBeVisible();
    code = (await page.getByTestId('tracking-code').innerText()).trim();
    expect(code).toMatch(/^ADU-3375-[A-Z0-9]{12}$/);
    await snap(page, testInfo, 'unit-receipt');
  });

  await test.step('the tracking page shows it received, with its deadlines and no personal data', async () => {
    await page.getByRole('link', { name: 'Buka halaman pelacakan' }).click();
    await expect(page).toHaveURL(new RegExp(`/complaints/track/${code}$`));
    await expect(page.getByRole('heading', { level: 1, name: subject })).toBeVisible();
    await expect(page.getByText('Batas verifikasi')).toBeVisible();
    await expect(page.getByText(/WIB/).first()).toBeVisible();
    await expect(page.getByText('warga@statkonsul.test')).toHaveCount(0);
    await expectNoSeriousA11yFindings(page, 'the tracking page');
    if (isMobile) await expectNoHorizontalOverflow(page, 'the tracking page');
    await snap(page, testInfo, 'track-received');
  });

  await test.step('the supervisor verifies and answers it on the complaint desk', async () => {
    const staffContext = await browser.newContext();
    const staff = await staffContext.newPage();
    await answerOnTheDesk(staff, isMobile, subject, response, testInfo);
    await staffContext.close();
  });

  await test.step('the member reads the response and marks the problem solved', async () => {
    await markSolved(page, code, response, isMobile, testInfo);
  });
});

test('an anonymous visitor’s complaint waits for the emailed link, then is tracked, answered and marked solved', async ({
  page,
  browser,
  isMobile,
}, testInfo) => {
  const stamp = `${testInfo.project.name}-${Date.now()}`;
  const email = `pelapor.${stamp}@example.com`;
  const subject = `Ruang tunggu ${stamp}`;
  const response = `Pendingin ruangan sudah diperbaiki (${stamp}).`;
  let code = '';

  await test.step('the visitor files it with an email and is told to confirm', async () => {
    await writeComplaint(page, subject);
    await page.getByRole('radio', { name: /^Saran/ }).check();
    await page.getByRole('textbox', { name: /^Nama/ }).fill('Pelapor Uji');
    await page.getByRole('textbox', { name: /^Email/ }).fill(email);
    await page.getByRole('button', { name: 'Kirim', exact: true }).click();
    await expect(page.getByText('Satu langkah lagi: konfirmasi email Anda')).toBeVisible();
    await expect(page.getByText(new RegExp(`Kami mengirim tautan konfirmasi ke ${email.replace(/\./g, '\\.')}`))).toBeVisible();
    code = (await page.getByTestId('tracking-code').innerText()).trim();
    await expectNoSeriousA11yFindings(page, 'the receipt waiting for confirmation');
    await snap(page, testInfo, 'anonymous-receipt');
  });

  await test.step('the tracking page says it waits for the confirmation', async () => {
    await page.goto(`/complaints/track/${code}`);
    await expect(page.getByText(/menunggu konfirmasi/).first()).toBeVisible();
  });

  await test.step('the emailed link confirms it once', async () => {
    const mail = await latestMailTo(email, /Konfirmasi pengaduan/);
    await page.goto(linkTo(mail.text, '/complaints/confirm'));
    await expect(page.getByText('Pengaduan dikonfirmasi')).toBeVisible();
    await expect(page.getByTestId('tracking-code')).toHaveText(code);
    await expectNoSeriousA11yFindings(page, 'the confirmation page');
    if (isMobile) await expectNoHorizontalOverflow(page, 'the confirmation page');
    await snap(page, testInfo, 'anonymous-confirmed');
  });

  await test.step('the home page’s “Lacak pengaduan” opens it, received', async () => {
    await page.goto('/');
    const track = page.getByRole('region', { name: 'Lacak pengaduan' });
    await track.getByRole('textbox', { name: 'Kode pelacakan' }).fill(code.toLowerCase());
    await track.getByRole('button', { name: 'Lacak' }).click();
    await expect(page).toHaveURL(new RegExp(`/complaints/track/${code}$`));
    await expect(page.getByText('Diterima').first()).toBeVisible();
    await expect(page.getByText('Pelapor Uji')).toHaveCount(0);
  });

  await test.step('the supervisor answers it; the response is emailed and shown; the visitor marks it solved', async () => {
    const staffContext = await browser.newContext();
    const staff = await staffContext.newPage();
    await answerOnTheDesk(staff, isMobile, subject, response, testInfo);
    await staffContext.close();
    const mail = await latestMailTo(email, /Tanggapan atas pengaduan/);
    expect(mail.text).toContain(response);
    await markSolved(page, code, response, isMobile, testInfo);
  });
});
