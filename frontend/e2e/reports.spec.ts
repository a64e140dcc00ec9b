import { expect, test, type APIRequestContext } from '@playwright/test';

import { logIn, registerVerifiedUser } from './support/accounts';
import { navigate, snap } from './support/app';
import { expectNoSeriousA11yFindings } from './support/axe';

const PASSWORD = 'Staff-Demo-2026!';
const SUPERVISOR = 'supervisor.3375@statkonsul.test';

async function tokenOf(request: APIRequestContext, email: string, password: string) {
  const response = await request.post('/api/v1/auth/login', { data: { email, password } });
  expect(response.status()).toBe(200);
  return ((await response.json()) as { access_token: string }).access_token;
}

/** A consultation at Pekalongan answered by its supervisor and rated by the visitor, through the API. */
async function ratedConsultation(request: APIRequestContext, visitor: { email: string; password: string }, stamp: string) {
  const visitorAuth = { Authorization: `Bearer ${await tokenOf(request, visitor.email, visitor.password)}` };
  const created = await request.post('/api/v1/consultations', {
    headers: visitorAuth,
    data: { unit_code: '3375', category: 'data', subject: `Data penduduk ${stamp}`, question: 'Berapa jumlah penduduk Kota Pekalongan menurut kecamatan tahun 2025?' },
  });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  const staffAuth = { Authorization: `Bearer ${await tokenOf(request, SUPERVISOR, PASSWORD)}` };
  expect((await request.post(`/api/v1/consultations/${id}/claim`, { headers: staffAuth })).ok()).toBe(true);
  const answered = await request.post(`/api/v1/consultations/${id}/messages`, {
    headers: staffAuth,
    data: { body: 'Tabel jumlah penduduk per kecamatan tersedia di publikasi Kota Pekalongan Dalam Angka 2026.' },
  });
  expect(answered.ok()).toBe(true);
  const closed = await request.post(`/api/v1/consultations/${id}/close`, { headers: staffAuth, data: { resolution: 'answered' } });
  expect(closed.ok()).toBe(true);
  const rated = await request.post(`/api/v1/consultations/${id}/rating`, {
    headers: visitorAuth,
    data: { scores: { u1: 4, u2: 4, u3: 3, u4: 4, u5: 4, u6: 4, u7: 4, u8: 3, u9: 4 } },
  });
  expect(rated.ok()).toBe(true);
}

test('a supervisor reads the unit’s reports with their charts, on a desktop and on a 375 px phone', async ({ page, isMobile }, testInfo) => {
  const stamp = `${testInfo.project.name}-${Date.now()}`;
  if (isMobile) await page.setViewportSize({ width: 375, height: 812 });

  await test.step('a visitor’s consultation is answered and rated this month', async () => {
    const visitor = { email: `pelapor.${stamp}@statkonsul.test`, password: 'Laporan-Uji-2026!', fullName: 'Pengguna Laporan' };
    await registerVerifiedUser(page, visitor);
    await ratedConsultation(page.request, visitor, stamp);
  });

  await test.step('the supervisor opens the reports from the menu', async () => {
    await logIn(page, SUPERVISOR, PASSWORD);
    await navigate(page, isMobile, 'Laporan');
    await expect(page).toHaveURL(/\/staff\/reports$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Laporan' })).toBeVisible();
  });

  await test.step('the index, its elements and the volumes show, with charts drawn', async () => {
    const satisfaction = page.getByRole('region', { name: 'Kepuasan masyarakat (SKM)' });
    await expect(satisfaction.getByTestId('ikm')).toHaveText(/^\d{2,3},\d{2}$/);
    await expect(satisfaction.getByText(/^Mutu pelayanan [ABCD]/)).toBeVisible();
    const elements = satisfaction.getByRole('region', { name: 'Nilai rata-rata (NRR) per unsur' });
    await expect(elements.locator('.report-chart svg').first()).toBeVisible();
    await expect(elements.getByRole('row')).toHaveCount(10);
    const volumes = page.getByRole('region', { name: 'Volume layanan' });
    await expect(volumes.locator('.report-chart svg')).toHaveCount(2);
    await expect(page.getByRole('region', { name: 'Tingkat layanan' })).toBeVisible();
    // The page never grows wider than the screen: wide tables scroll inside their own box.
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await snap(page, testInfo, 'reports-01-dashboard');
    await expectNoSeriousA11yFindings(page, 'the report dashboard');
  });

  await test.step('the printed report leaves out the app’s header, the filters and the buttons', async () => {
    await page.evaluate(() => {
      const w = window as unknown as { printed: number; print: () => void };
      w.printed = 0;
      w.print = () => {
        w.printed += 1;
      };
    });
    await page.getByRole('button', { name: 'Cetak laporan' }).click();
    expect(await page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
    await page.emulateMedia({ media: 'print' });
    await expect(page.getByRole('banner')).toBeHidden();
    await expect(page.getByRole('button', { name: 'Kirim laporan analisis' })).toBeHidden();
    await expect(page.getByRole('combobox', { name: 'Periode' })).toBeHidden();
    await expect(page.getByRole('region', { name: 'Kepuasan masyarakat (SKM)' }).getByTestId('ikm')).toBeVisible();
    await snap(page, testInfo, 'reports-02-print');
    await page.emulateMedia({ media: 'screen' });
  });

  await test.step('another period shows its own dates', async () => {
    await page.getByRole('combobox', { name: 'Periode' }).click();
    await page.getByRole('option', { name: 'Tahun ini' }).click();
    await expect(page.getByText(/· 1 Jan \d{4} –/)).toBeVisible();
    await expect(page.getByRole('region', { name: 'Kepuasan masyarakat (SKM)' }).getByTestId('ikm')).toBeVisible();
  });
});
