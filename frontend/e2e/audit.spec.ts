import { expect, test, type APIRequestContext } from '@playwright/test';

import { logIn, registerVerifiedUser } from './support/accounts';
import { navigate, snap } from './support/app';
import { expectNoSeriousA11yFindings } from './support/axe';

const PASSWORD = 'Staff-Demo-2026!';
const SUPERVISOR = 'supervisor.3375@statkonsul.test';
const OFFICER = 'officer.3375@statkonsul.test';

async function tokenOf(request: APIRequestContext, email: string, password: string) {
  const response = await request.post('/api/v1/auth/login', { data: { email, password } });
  expect(response.status()).toBe(200);
  return ((await response.json()) as { access_token: string }).access_token;
}

/** A visitor's consultation at Pekalongan, taken by its officer through the API: a staff change the log keeps. */
async function claimedConsultation(request: APIRequestContext, visitor: { email: string; password: string }, stamp: string) {
  const visitorAuth = { Authorization: `Bearer ${await tokenOf(request, visitor.email, visitor.password)}` };
  const created = await request.post('/api/v1/consultations', {
    headers: visitorAuth,
    data: { unit_code: '3375', category: 'data', subject: `Data inflasi ${stamp}`, question: 'Berapa inflasi tahunan Kota Pekalongan pada November 2026?' },
  });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };
  const officerAuth = { Authorization: `Bearer ${await tokenOf(request, OFFICER, PASSWORD)}` };
  expect((await request.post(`/api/v1/consultations/${id}/claim`, { headers: officerAuth })).ok()).toBe(true);
  return id;
}

test('a supervisor reads the unit’s audit log and finds the officer’s change, on a desktop and on a phone', async ({ page, isMobile }, testInfo) => {
  const stamp = `${testInfo.project.name}-${Date.now()}`;
  let id = '';

  await test.step('an officer takes a visitor’s consultation', async () => {
    const visitor = { email: `audit.${stamp}@statkonsul.test`, password: 'Audit-Uji-2026!x', fullName: 'Pengguna Audit' };
    await registerVerifiedUser(page, visitor);
    id = await claimedConsultation(page.request, visitor, stamp);
  });

  await test.step('the supervisor opens the audit log from the menu', async () => {
    await logIn(page, SUPERVISOR, PASSWORD);
    await navigate(page, isMobile, 'Log audit');
    await expect(page).toHaveURL(/\/staff\/audit$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Log audit' })).toBeVisible();
  });

  await test.step('the officer’s claim is listed, in words, with a link to the consultation', async () => {
    const link = page.getByRole('link', { name: `Buka Konsultasi ${id}` });
    await expect(link).toBeVisible();
    await expect(link).toHaveAttribute('href', `/staff/consultations/${id}`);
    const entry = isMobile ? page.getByRole('article').filter({ has: link }) : page.getByRole('row').filter({ has: link });
    await expect(entry.getByText('POST /consultations/{id}/claim')).toBeVisible();
    await expect(entry.getByText('Membuat/menjalankan')).toBeVisible();
    await expect(entry.getByText(/WIB$/).first()).toBeVisible();
    if (isMobile) await expect(page.getByRole('table')).toBeHidden();
    else await expect(page.getByRole('table')).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await snap(page, testInfo, 'audit-01-log');
    await expectNoSeriousA11yFindings(page, 'the audit log');
  });

  await test.step('a day filter goes into the URL and keeps today’s entry', async () => {
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(new Date());
    await page.getByLabel('Sejak tanggal').fill(today);
    await expect(page).toHaveURL(new RegExp(`from=${today}`));
    await expect(page.getByRole('link', { name: `Buka Konsultasi ${id}` })).toBeVisible();
  });
});
