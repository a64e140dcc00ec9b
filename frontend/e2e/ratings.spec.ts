import { expect, test, type APIRequestContext, type Locator, type Page } from '@playwright/test';

import { logIn, registerVerifiedUser } from './support/accounts';
import { navigate, snap } from './support/app';
import { expectNoSeriousA11yFindings } from './support/axe';
import { latestMailTo } from './support/mailbox';

const OFFICER = { email: 'officer.3375@statkonsul.test', password: 'Staff-Demo-2026!' };

async function tokenOf(request: APIRequestContext, email: string, password: string) {
  const response = await request.post('/api/v1/auth/login', { data: { email, password } });
  expect(response.status()).toBe(200);
  return ((await response.json()) as { access_token: string }).access_token;
}

/** A consultation of the user at Pekalongan, answered and closed by its officer, through the API. */
async function answeredConsultation(request: APIRequestContext, user: { email: string; password: string }, subject: string) {
  const userAuth = { Authorization: `Bearer ${await tokenOf(request, user.email, user.password)}` };
  const created = await request.post('/api/v1/consultations', {
    headers: userAuth,
    data: { unit_code: '3375', category: 'data', subject, question: 'Berapa jumlah penduduk miskin Kota Pekalongan per kecamatan tahun 2025?' },
  });
  expect(created.status()).toBe(201);
  const { id, number } = (await created.json()) as { id: string; number: string };
  const staffAuth = { Authorization: `Bearer ${await tokenOf(request, OFFICER.email, OFFICER.password)}` };
  expect((await request.post(`/api/v1/consultations/${id}/claim`, { headers: staffAuth })).ok()).toBe(true);
  const answered = await request.post(`/api/v1/consultations/${id}/messages`, {
    headers: staffAuth,
    data: { body: 'Angka kemiskinan tersedia sampai tingkat kota; rincian per kecamatan belum diterbitkan.' },
  });
  expect(answered.ok()).toBe(true);
  const closed = await request.post(`/api/v1/consultations/${id}/close`, { headers: staffAuth, data: { resolution: 'answered' } });
  expect(closed.ok()).toBe(true);
  return { id, number };
}

/** The radio of an element's score, named by the questionnaire's answer and the score, e.g. "Tidak cepat (1)". */
function answer(survey: Locator, element: string, score: number) {
  return survey
    .getByRole('radiogroup', { name: new RegExp(`^\\d\\. ${element.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}$`) })
    .getByRole('radio', { name: new RegExp(`\\(${score}\\)$`) });
}

/** The desk's row (a table row on wide screens, a card on phones) of the consultation's rating. */
function ratingEntry(page: Page, number: string) {
  return page.locator('tr, article').filter({ has: page.getByRole('link', { name: `Konsultasi ${number}` }) });
}

test('an officer follows up a low rating: the user reads it on the consultation and replies, and the officer resolves it', async ({
  page,
  browser,
  isMobile,
}, testInfo) => {
  // Both projects share one database: everything this run creates carries its own stamp.
  const stamp = `${testInfo.project.name}-${Date.now()}`;
  const user = { email: `penilai.${stamp}@statkonsul.test`, password: 'Nilai-Layanan-2026!', fullName: `Dewi ${stamp}` };
  const comment = `Jawaban belum sesuai kebutuhan saya, mohon dihubungi (${stamp}).`;
  const followUp = 'Mohon maaf, rincian per kecamatan dapat kami hitung dari data Susenas. Apakah Ibu masih memerlukannya?';
  const reply = 'Masih, terima kasih. Saya perlukan untuk skripsi.';
  let consultation = { id: '', number: '' };

  await test.step('the user’s consultation is answered, and the user rates it low with a comment', async () => {
    await registerVerifiedUser(page, user);
    consultation = await answeredConsultation(page.request, user, `Kemiskinan per kecamatan (${stamp})`);
    await logIn(page, user.email, user.password);
    await page.goto(`/consultations/${consultation.id}`);
    const survey = page.getByRole('region', { name: 'Nilai layanan ini' });
    await expect(survey).toBeVisible();
    // Each element offers the questionnaire's own answers.
    await expect(answer(survey, 'Biaya/tarif', 4)).toHaveAccessibleName('Gratis (4)');
    const scores: [string, number][] = [
      ['Persyaratan', 3],
      ['Sistem, mekanisme, dan prosedur', 3],
      ['Waktu penyelesaian', 2],
      ['Biaya/tarif', 4],
      ['Produk spesifikasi jenis pelayanan', 1],
      ['Kompetensi pelaksana', 3],
      ['Perilaku pelaksana', 4],
      ['Sarana dan prasarana', 3],
      ['Penanganan pengaduan, saran, dan masukan', 3],
    ];
    for (const [element, score] of scores) await answer(survey, element, score).check();
    await survey.getByRole('textbox', { name: /Saran dan masukan/ }).fill(comment);
    await snap(page, testInfo, 'ratings-01-survey');
    await expectNoSeriousA11yFindings(page, 'the satisfaction survey');
    await survey.getByRole('button', { name: 'Kirim penilaian' }).click();
    const given = page.getByRole('region', { name: 'Penilaian Anda' });
    await expect(given.getByText('Tidak sesuai (1)')).toBeVisible();
  });

  // The officer works in a second browser of their own, at the same screen size.
  const officerContext = await browser.newContext();
  const officer = await officerContext.newPage();

  await test.step('the officer finds it among the unit’s ratings that need a follow-up', async () => {
    await logIn(officer, OFFICER.email, OFFICER.password);
    await navigate(officer, isMobile, 'Penilaian');
    await expect(officer).toHaveURL(/\/staff\/ratings$/);
    await expect(officer.getByRole('heading', { level: 1, name: 'Penilaian layanan' })).toBeVisible();
    await officer.getByRole('combobox', { name: 'Perlu tindak lanjut' }).click();
    await officer.getByRole('option', { name: 'Ya', exact: true }).click();
    await expect(officer).toHaveURL(/\/staff\/ratings\?needs_follow_up=true$/);
    const entry = ratingEntry(officer, consultation.number);
    await expect(entry).toBeVisible();
    await expect(entry.getByText('Perlu tindak lanjut', { exact: true })).toBeVisible();
    await expect(entry.getByText(comment)).toBeVisible();
    await expect(entry.getByText(user.fullName)).toBeVisible();
    await expect(entry.getByRole('list', { name: 'Nilai per unsur' })).toContainText('Produk spesifikasi jenis pelayanan: Tidak sesuai (1)');
    const overflow = await officer.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await snap(officer, testInfo, 'ratings-02-desk');
    await expectNoSeriousA11yFindings(officer, 'the ratings desk');
    await entry.getByRole('link', { name: /^Lihat penilaian/ }).click();
  });

  await test.step('the officer writes to the user from the rating’s page', async () => {
    await expect(officer.getByRole('heading', { level: 1, name: `Penilaian ${consultation.number}` })).toBeVisible();
    const scores = officer.getByRole('region', { name: 'Nilai sembilan unsur SKM' });
    await expect(scores.getByText('Kurang cepat (2)')).toBeVisible();
    await expect(officer.getByRole('region', { name: 'Responden' }).getByText(user.email)).toBeVisible();
    const form = officer.getByRole('region', { name: 'Hubungi responden' });
    await form.getByRole('textbox', { name: /Pesan untuk responden/ }).fill(followUp);
    await form.getByRole('button', { name: 'Kirim pesan' }).click();
    const thread = officer.getByRole('region', { name: 'Tindak lanjut', exact: true });
    await expect(thread.getByText(followUp)).toBeVisible();
    await expect(thread.getByText(/^Petugas unit · .* WIB$/)).toBeVisible();
    await expect(officer.getByText('Responden dihubungi', { exact: true })).toBeVisible();
    await snap(officer, testInfo, 'ratings-03-followed-up');
    await expectNoSeriousA11yFindings(officer, 'the rating’s page');
  });

  await test.step('the user is emailed a reply link, and reads and answers the follow-up on the consultation', async () => {
    const mail = await latestMailTo(user.email, /^Tindak lanjut penilaian Anda/);
    expect(mail.text).toContain(followUp);
    expect(mail.text).toMatch(new RegExp(`/ratings/[0-9a-f-]+/reply\\?token=\\S+`));
    await page.reload();
    const thread = page.getByRole('region', { name: 'Tindak lanjut dari petugas' });
    await expect(thread.getByText(followUp)).toBeVisible();
    const form = page.getByRole('region', { name: 'Balas petugas' });
    await form.getByRole('textbox', { name: /Balasan Anda/ }).fill(reply);
    await form.getByRole('button', { name: 'Kirim balasan' }).click();
    await expect(page.getByText('Balasan Anda terkirim. Terima kasih.')).toBeVisible();
    await expect(thread.getByText(reply)).toBeVisible();
    await expect(thread.getByText(/^Anda · /)).toBeVisible();
    await snap(page, testInfo, 'ratings-04-replied');
    await expectNoSeriousA11yFindings(page, 'the follow-up on the consultation');
  });

  await test.step('the emailed link opens the thread without a login', async () => {
    const mail = await latestMailTo(user.email, /^Tindak lanjut penilaian Anda/);
    const link = mail.text.match(/https?:\/\/\S+\/ratings\/[0-9a-f-]+\/reply\?token=\S+/)?.[0];
    expect(link).toBeTruthy();
    const visitor = await browser.newContext();
    const visitorPage = await visitor.newPage();
    await visitorPage.goto(new URL(link ?? '').pathname + new URL(link ?? '').search);
    await expect(visitorPage.getByRole('heading', { level: 1, name: 'Tindak lanjut penilaian layanan' })).toBeVisible();
    await expect(visitorPage.getByRole('region', { name: 'Tindak lanjut', exact: true }).getByText(reply)).toBeVisible();
    await expect(visitorPage.getByRole('region', { name: 'Balas petugas' })).toBeVisible();
    await snap(visitorPage, testInfo, 'ratings-05-reply-link');
    await expectNoSeriousA11yFindings(visitorPage, 'the reply link’s page');
    await visitorPage.goto(new URL(link ?? '').pathname + '?token=expired');
    await expect(visitorPage.getByRole('alert')).toContainText('Tautan tidak dapat digunakan');
    await visitor.close();
  });

  await test.step('the officer sees the reply and resolves the follow-up with a note', async () => {
    await officer.reload();
    const thread = officer.getByRole('region', { name: 'Tindak lanjut', exact: true });
    await expect(thread.getByText(reply)).toBeVisible();
    const resolve = officer.getByRole('region', { name: 'Selesaikan tindak lanjut' });
    await resolve.getByRole('textbox', { name: /Catatan penyelesaian/ }).fill('Rincian per kecamatan dihitung dan dikirim lewat email.');
    await resolve.getByRole('button', { name: 'Tandai selesai' }).click();
    await expect(officer.getByText('Selesai ditindaklanjuti', { exact: true })).toBeVisible();
    await expect(officer.getByText('Rincian per kecamatan dihitung dan dikirim lewat email.')).toBeVisible();
    await expect(officer.getByRole('region', { name: 'Hubungi responden' })).toHaveCount(0);
    await snap(officer, testInfo, 'ratings-06-resolved');
  });

  await test.step('the consultation shows the rating and its state to staff, and the resolved follow-up to the user', async () => {
    await officer.goto(`/staff/consultations/${consultation.id}`);
    const card = officer.getByRole('region', { name: 'Penilaian pengguna' });
    await expect(card.getByText('Selesai ditindaklanjuti')).toBeVisible();
    await expect(card.getByText(comment)).toBeVisible();
    await page.reload();
    await expect(page.getByText('Tindak lanjut ini sudah diselesaikan oleh unit.')).toBeVisible();
    await expect(page.getByRole('region', { name: 'Balas petugas' })).toHaveCount(0);
  });

  await officerContext.close();
});
