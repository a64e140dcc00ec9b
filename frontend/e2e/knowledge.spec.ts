import { expect, test } from '@playwright/test';

import { logIn, registerVerifiedUser } from './support/accounts';
import { navigate, snap } from './support/app';

const OFFICER = { email: 'officer.3304@statkonsul.test', password: 'Staff-Demo-2026!' };
const POVERTY_LINE = 'Apa itu garis kemiskinan dan bagaimana BPS menghitungnya';
const IPM = 'Indeks Pembangunan Manusia (IPM): dimensi dan cara menghitung';

test('an anonymous visitor searches the knowledge base, reads an answer and says it helped', async ({ page, isMobile }, testInfo) => {
  await page.goto('/');
  await navigate(page, isMobile, 'Basis pengetahuan');
  await expect(page.getByRole('heading', { level: 1, name: 'Basis pengetahuan' })).toBeVisible();
  // With no words yet, the newest published articles.
  await expect(page.getByText(/^\d+ artikel, terbaru lebih dulu$/)).toBeVisible();

  await test.step('the search answers informal words, with the matches highlighted', async () => {
    await page.getByRole('searchbox', { name: 'Cari jawaban' }).fill('brp angka kemiskinan');
    await expect(page).toHaveURL(/\/knowledge\?q=brp\+angka\+kemiskinan$/);
    await expect(page.getByText(/^\d+ artikel ditemukan$/)).toBeVisible();
    const hit = page.getByRole('article', { name: POVERTY_LINE });
    await expect(hit).toBeVisible();
    await expect(hit.locator('mark').first()).toBeVisible();
    await expect(page.getByRole('article').first().locator('mark').first()).toHaveText(/kemiskinan|miskin|angka/i);
    await snap(page, testInfo, '01-search');
    await hit.getByRole('link', { name: POVERTY_LINE }).click();
  });

  await test.step('the article reads as formatted text, and thanks the reader it helped', async () => {
    await expect(page).toHaveURL('/knowledge/kemiskinan-garis-kemiskinan');
    await expect(page.getByRole('heading', { level: 1, name: POVERTY_LINE })).toBeVisible();
    await expect(page.getByText('Nasional', { exact: true })).toBeVisible();
    await expect(page.getByText(/^Diperbarui \d{1,2} \w+ \d{4}$/)).toBeVisible();
    await expect(page.locator('section[aria-labelledby="article-answer"] strong').first()).toBeVisible();
    await snap(page, testInfo, '02-article');
    await page.getByRole('button', { name: 'Jawaban ini membantu' }).click();
    await expect(page.getByText('Terima kasih!')).toBeVisible();
    await snap(page, testInfo, '03-thanks');
  });

  await test.step('going back returns to the same search', async () => {
    await page.getByRole('main').getByRole('link', { name: 'Basis pengetahuan' }).click();
    await expect(page.getByRole('searchbox', { name: 'Cari jawaban' })).toHaveValue('brp angka kemiskinan');
  });
});

test('a member of the public finds the answer while writing a consultation, and does not need to ask', async ({ page, isMobile }, testInfo) => {
  const stamp = `${testInfo.project.name}-${Date.now()}`;
  const user = { email: `pengetahuan.${stamp}@statkonsul.test`, password: 'Kopi-Tubruk-2026', fullName: `Dewi ${stamp}` };

  await registerVerifiedUser(page, user);
  await logIn(page, user.email, user.password);
  await navigate(page, isMobile, 'Konsultasi baru');
  await expect(page.getByRole('heading', { level: 1, name: 'Konsultasi baru' })).toBeVisible();

  await test.step('suggestions appear as the question is typed', async () => {
    const suggestions = page.getByRole('region', { name: 'Saran dari basis pengetahuan' });
    await expect(suggestions).toContainText('Mulailah menulis perihal dan pertanyaan');
    await page.getByRole('combobox', { name: 'Unit layanan' }).click();
    await page.getByRole('option', { name: 'BPS Kabupaten Banjarnegara' }).click();
    await page.getByRole('radio', { name: /^Metadata/ }).click();
    await page.getByRole('textbox', { name: 'Perihal' }).fill(`Cara menghitung IPM (${stamp})`);
    await page
      .getByRole('textbox', { name: 'Pertanyaan' })
      .fill('Bagaimana cara menghitung indeks pembangunan manusia, dan apa saja dimensinya?');
    await expect(suggestions.getByRole('button', { name: IPM, exact: true })).toBeVisible();
    await expect(suggestions.locator('mark').first()).toBeVisible();
    await snap(page, testInfo, '01-suggestions');
  });

  await test.step('the suggestion opens beside the form, which keeps what was written', async () => {
    await page.getByRole('region', { name: 'Saran dari basis pengetahuan' }).getByRole('button', { name: IPM, exact: true }).click();
    const drawer = page.getByRole('dialog', { name: IPM });
    await expect(drawer.getByText('Umur panjang dan hidup sehat', { exact: false }).first()).toBeVisible();
    await snap(page, testInfo, '02-drawer', false);
    await drawer.getByRole('button', { name: 'Tetap ajukan pertanyaan' }).click();
    await expect(drawer).toBeHidden();
    await expect(page.getByRole('textbox', { name: 'Perihal' })).toHaveValue(`Cara menghitung IPM (${stamp})`);
  });

  await test.step('"answered, no need to ask" ends here, and no consultation is opened', async () => {
    await page.getByRole('region', { name: 'Saran dari basis pengetahuan' }).getByRole('button', { name: IPM, exact: true }).click();
    await page.getByRole('dialog', { name: IPM }).getByRole('button', { name: 'Terjawab, tidak perlu bertanya' }).click();
    await expect(page.getByRole('heading', { name: 'Senang pertanyaan Anda sudah terjawab' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Buka artikel' })).toHaveAttribute('href', '/knowledge/ipm-dimensi-dan-cara-menghitung');
    await snap(page, testInfo, '03-answered');
    await navigate(page, isMobile, 'Konsultasi saya');
    await expect(page.getByText('Anda belum pernah mengajukan konsultasi.')).toBeVisible();
  });
});

test('an officer publishes an article of the unit and the public search finds it within seconds', async ({ page, browser, request }, testInfo) => {
  const stamp = `${testInfo.project.name} ${Date.now()}`;
  const title = `Jam layanan PST Banjarnegara saat libur sekolah ${stamp}`;

  await logIn(page, OFFICER.email, OFFICER.password);
  await expect(page).toHaveURL('/staff');

  await test.step('the dashboard leads to the knowledge base and a new article', async () => {
    const card = page.getByRole('region', { name: 'Basis pengetahuan' });
    await expect(card.getByText(/^\d+ draf · \d+ perlu dikurasi$/)).toBeVisible();
    await card.getByRole('link', { name: 'Kelola pengetahuan' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Kelola pengetahuan' })).toBeVisible();
    await expect(page.getByRole('tab', { name: 'Draf', selected: true })).toBeVisible();
    await page.getByRole('tab', { name: 'Terbit' }).click();
    // The unit's own published articles: the demo data has two for Banjarnegara.
    await expect(page.getByRole('article').first()).toBeVisible();
    await snap(page, testInfo, '00-staff-knowledge');
    await page.getByRole('link', { name: 'Tulis artikel' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Artikel baru' })).toBeVisible();
  });

  await test.step('the officer writes the article with a markdown answer and checks the preview', async () => {
    await page.getByRole('textbox', { name: 'Judul' }).fill(title);
    await page.getByRole('textbox', { name: 'Pertanyaan' }).fill('Apakah PST BPS Kabupaten Banjarnegara tetap buka saat libur sekolah?');
    await page
      .getByRole('textbox', { name: 'Jawaban' })
      .fill('PST tetap buka pada **hari kerja** selama libur sekolah:\n\n- Senin–Kamis 08.00–15.30 WIB\n- Jumat 08.00–16.00 WIB\n\nKonsultasi online dapat diajukan kapan saja.');
    await expect(page.getByRole('textbox', { name: 'Unit' })).toHaveValue('BPS Kabupaten Banjarnegara');
    await page.getByRole('combobox', { name: 'Kategori' }).click();
    await page.getByRole('option', { name: 'Data', exact: true }).click();
    await page.getByRole('combobox', { name: 'Label' }).fill('jam layanan');
    await page.getByRole('combobox', { name: 'Label' }).press('Enter');
    await page.getByRole('tab', { name: 'Pratinjau' }).click();
    const preview = page.getByRole('region', { name: 'Pratinjau' });
    await expect(preview.locator('strong')).toHaveText('hari kerja');
    await expect(preview.getByRole('listitem')).toHaveCount(2);
    await page.getByRole('radio', { name: /^Terbit/ }).check();
    await snap(page, testInfo, '01-editor');
    await page.getByRole('button', { name: 'Simpan' }).click();
    await expect(page.getByText('Artikel dibuat.')).toBeVisible();
    await expect(page).toHaveURL(/\/staff\/knowledge\/jam-layanan-pst-banjarnegara-[\w-]+\/edit$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Ubah artikel' })).toBeVisible();
  });

  await test.step('a visitor without an account finds it in the search', async () => {
    const words = `jam layanan PST Banjarnegara libur sekolah ${stamp}`;
    // The index takes the article a moment after it is saved: wait for the search to find it (as the
    // page asks for it), however slowly the page itself loads, then search as the visitor.
    await expect
      .poll(
        async () => {
          const response = await request.get('/api/v1/knowledge/search', { params: { q: words, page: 1, per_page: 10 } });
          return response.ok() ? ((await response.json()) as { hits: { title: string }[] }).hits.map((hit) => hit.title) : [];
        },
        { timeout: 15_000, message: 'the new article in the search index' },
      )
      .toContain(title);
    const visitorContext = await browser.newContext();
    const visitor = await visitorContext.newPage();
    await visitor.goto(`/knowledge?q=${encodeURIComponent(words)}`);
    const hit = visitor.getByRole('article', { name: title });
    await expect(hit).toBeVisible();
    await expect(hit.getByText('BPS Kabupaten Banjarnegara')).toBeVisible();
    await snap(visitor, testInfo, '02-found-by-visitor');
    await hit.getByRole('link', { name: title }).click();
    await expect(visitor.getByRole('heading', { level: 1, name: title })).toBeVisible();
    await expect(visitor.getByRole('listitem').filter({ hasText: 'Jumat 08.00–16.00 WIB' })).toBeVisible();
    await visitorContext.close();
  });
});
