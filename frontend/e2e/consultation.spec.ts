import { readFileSync } from 'node:fs';

import { expect, test } from '@playwright/test';

import { logIn, registerVerifiedUser } from './support/accounts';
import { navigate, snap } from './support/app';

const OFFICER = { email: 'officer.3304@statkonsul.test', password: 'Staff-Demo-2026!', name: 'Petugas PST 3304' };

test('a member of the public consults BPS Kabupaten Banjarnegara live with an officer and rates the service', async ({
  page,
  browser,
  isMobile,
}, testInfo) => {
  // Both projects share one database: everything this run creates carries its own stamp.
  const stamp = `${testInfo.project.name}-${Date.now()}`;
  const user = { email: `konsultasi.${stamp}@statkonsul.test`, password: 'Kopi-Tubruk-2026', fullName: `Rahma ${stamp}` };
  const subject = `Kemiskinan Banjarnegara 2025 (${stamp})`;

  // The officer works in a second browser of their own, at the same screen size.
  const officerContext = await browser.newContext();
  const officer = await officerContext.newPage();
  const officerSnap = (step: string) => snap(officer, testInfo, `officer-${step}`);

  await test.step('the officer opens the queue of the unit', async () => {
    await logIn(officer, OFFICER.email, OFFICER.password);
    await expect(officer).toHaveURL('/staff');
    const card = officer.getByRole('region', { name: 'Konsultasi online' });
    await expect(card).toBeVisible();
    await card.getByRole('link', { name: 'Buka konsol konsultasi' }).click();
    await expect(officer.getByRole('heading', { level: 1, name: 'Konsultasi online' })).toBeVisible();
    await expect(officer.getByRole('tab', { name: 'Antrean', selected: true })).toBeVisible();
    await expect(officer.getByText('Pembaruan langsung aktif')).toBeVisible();
    await officerSnap('01-queue');
  });

  await test.step('a new member of the public registers, verifies and logs in', async () => {
    await registerVerifiedUser(page, user);
    await logIn(page, user.email, user.password);
    await expect(page).toHaveURL('/');
  });

  await test.step('the unit page invites an online consultation', async () => {
    await page.goto('/units/3304');
    await expect(page.getByRole('heading', { level: 1, name: 'BPS Kabupaten Banjarnegara' })).toBeVisible();
    await page.getByRole('link', { name: 'Ajukan konsultasi online di unit ini' }).click();
    await expect(page).toHaveURL('/consultations/new?unit=3304');
  });

  await test.step('the form checks what is missing before sending', async () => {
    await expect(page.getByRole('heading', { level: 1, name: 'Konsultasi baru' })).toBeVisible();
    await expect(page.getByRole('combobox', { name: 'Unit layanan' })).toHaveValue('BPS Kabupaten Banjarnegara');
    await expect(page.getByRole('region', { name: 'Saran dari basis pengetahuan' })).toContainText('Mulailah menulis perihal dan pertanyaan');
    await page.getByRole('button', { name: 'Ajukan konsultasi' }).click();
    await expect(page.getByText('Perihal harus 3 sampai 200 karakter.')).toBeVisible();
    await expect(page.getByText('Pertanyaan harus 10 sampai 10.000 karakter.')).toBeVisible();
  });

  await test.step('the user opens a consultation and waits in the queue', async () => {
    await page.getByRole('radio', { name: /^Data/ }).click();
    await page.getByRole('textbox', { name: 'Perihal' }).fill(subject);
    await page
      .getByRole('textbox', { name: 'Pertanyaan' })
      .fill('Berapa persentase penduduk miskin Kabupaten Banjarnegara tahun 2025, dan apakah ada rinciannya per kecamatan?');
    await snap(page, testInfo, '01-new-consultation');
    await page.getByRole('button', { name: 'Ajukan konsultasi' }).click();
    await expect(page).toHaveURL(/\/consultations\/[0-9a-f-]{36}$/);
    const summary = page.getByRole('region', { name: subject });
    await expect(summary.getByText('Menunggu')).toBeVisible();
    await expect(summary.getByText(/^Antrean ke-\d+$/)).toBeVisible();
    await expect(summary.getByText(/^3304-\d{4}-\d{6}$/)).toBeVisible();
    await expect(page.getByText('Pembaruan langsung aktif')).toBeVisible();
    await snap(page, testInfo, '02-waiting');
  });

  await test.step('the officer sees it arrive in the queue without reloading, and takes it', async () => {
    const row = officer.getByRole('link', { name: subject }).filter({ visible: true });
    await expect(row).toBeVisible();
    await officerSnap('02-queue-with-new');
    await row.click();
    // On a phone the summary opens on request.
    if (isMobile) await officer.getByRole('region', { name: subject }).getByRole('button', { name: 'Lihat rincian' }).click();
    await expect(officer.getByRole('region', { name: subject }).getByText(user.fullName)).toBeVisible();
    await officer.getByRole('button', { name: 'Ambil konsultasi' }).click();
    await expect(officer.getByText('Konsultasi diambil. Silakan menyapa pengguna.')).toBeVisible();
    await expect(officer.getByRole('region', { name: subject }).getByText('Aktif', { exact: true })).toBeVisible();
    await officerSnap('03-claimed');
  });

  await test.step('the user sees the consultation become active, live', async () => {
    const summary = page.getByRole('region', { name: subject });
    await expect(summary.getByText('Aktif', { exact: true })).toBeVisible();
    if (isMobile) {
      // On a phone the summary shows its number, status and subject until the details are asked for.
      const toggle = summary.getByRole('button', { name: 'Lihat rincian' });
      await expect(toggle).toHaveAttribute('aria-expanded', 'false');
      await expect(summary.getByText(OFFICER.name)).toBeHidden();
      await toggle.click();
      await expect(summary.getByRole('button', { name: 'Sembunyikan rincian' })).toHaveAttribute('aria-expanded', 'true');
    }
    await expect(summary.getByText(OFFICER.name)).toBeVisible();
    await expect(summary.getByText(/^Antrean ke-/)).toHaveCount(0);
  });

  const greeting = `Selamat siang, angka kemiskinan 2025 tersedia di tingkat kabupaten (${stamp}).`;
  const reply = `Terima kasih, apakah ada tabel per kecamatan? (${stamp})`;

  await test.step('they write to each other and read it at once on the other side', async () => {
    await officer.getByRole('textbox', { name: 'Pesan' }).fill(greeting);
    if (isMobile) await officer.getByRole('button', { name: 'Kirim', exact: true }).click();
    else await officer.getByRole('textbox', { name: 'Pesan' }).press('Enter');
    await expect(officer.getByRole('log').getByText(greeting)).toBeVisible();
    await expect(page.getByRole('log').getByText(greeting)).toBeVisible();

    await page.getByRole('textbox', { name: 'Pesan' }).fill(reply);
    await expect(officer.getByText('Pengguna layanan sedang mengetik…')).toBeVisible();
    // On a phone Enter starts a new line; the button sends.
    if (isMobile) await page.getByRole('button', { name: 'Kirim', exact: true }).click();
    else await page.getByRole('textbox', { name: 'Pesan' }).press('Enter');
    await expect(page.getByRole('log').getByText(reply)).toBeVisible();
    await expect(officer.getByRole('log').getByText(reply)).toBeVisible();
  });

  await test.step('the user attaches a table and the officer downloads it', async () => {
    const table = 'kecamatan,persentase\nBanjarnegara,14.2\nWanadadi,16.8\n';
    await page.getByRole('textbox', { name: 'Pesan' }).fill('Ini tabel yang saya punya.');
    await page.locator('input[type=file]').setInputFiles({ name: 'tabel-kecamatan.csv', mimeType: 'text/csv', buffer: Buffer.from(table) });
    await expect(page.getByRole('log').getByText('Ini tabel yang saya punya.')).toBeVisible();
    const attachment = officer.getByRole('log').getByRole('button', { name: 'Unduh tabel-kecamatan.csv' });
    await expect(attachment).toBeVisible();
    const [download] = await Promise.all([officer.waitForEvent('download'), attachment.click()]);
    expect(download.suggestedFilename()).toBe('tabel-kecamatan.csv');
    const path = await download.path();
    expect(readFileSync(path, 'utf8')).toBe(table);
    await snap(page, testInfo, '03-conversation');
    await officerSnap('04-conversation');
  });

  await test.step('the officer marks the request clear: the deadline appears on both sides', async () => {
    await expect(page.getByText('Dihitung setelah petugas menandai permintaan jelas dan lengkap')).toBeVisible();
    await officer.getByRole('button', { name: 'Tandai jelas dan lengkap' }).click();
    const officerSummary = officer.getByRole('region', { name: subject });
    // The deadline's own field: the time the request was made may read 23.59 too when the test runs then.
    await expect(officerSummary.getByRole('group', { name: 'Tenggat' }).getByText(/23[.:]59 WIB$/)).toBeVisible();
    await expect(page.getByRole('region', { name: subject }).getByRole('group', { name: 'Tenggat' }).getByText(/23[.:]59 WIB$/)).toBeVisible();
    await expect(officer.getByRole('button', { name: 'Tandai jelas dan lengkap' })).toHaveCount(0);
  });

  await test.step('the officer closes it as answered, with a summary', async () => {
    await officer.getByRole('button', { name: 'Tutup konsultasi' }).click();
    const dialog = officer.getByRole('dialog', { name: 'Tutup konsultasi' });
    await expect(dialog.getByRole('radio', { name: 'Terjawab' })).toBeChecked();
    await dialog.getByRole('textbox', { name: 'Ringkasan jawaban' }).fill('Angka kemiskinan 2025 tingkat kabupaten; rincian kecamatan belum tersedia.');
    await officerSnap('05-close');
    await dialog.getByRole('button', { name: 'Tutup' , exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(officer.getByRole('region', { name: subject }).getByText('Selesai · Terjawab')).toBeVisible();
    await officerSnap('06-closed');
  });

  await test.step('the user sees it closed, live, and rates the service', async () => {
    const summary = page.getByRole('region', { name: subject });
    await expect(summary.getByText('Selesai · Terjawab')).toBeVisible();
    await expect(summary.getByText('Angka kemiskinan 2025 tingkat kabupaten; rincian kecamatan belum tersedia.')).toBeVisible();
    await expect(page.getByText('Konsultasi ini sudah selesai.')).toBeVisible();
    const survey = page.getByRole('region', { name: 'Nilai layanan ini' });
    await expect(survey).toBeVisible();
    await survey.getByRole('button', { name: 'Kirim penilaian' }).click();
    await expect(survey.getByText('Beri nilai untuk setiap unsur.').first()).toBeVisible();
    for (const element of [
      'Persyaratan',
      'Sistem, mekanisme, dan prosedur',
      'Waktu penyelesaian',
      'Biaya/tarif',
      'Produk spesifikasi jenis pelayanan',
      'Kompetensi pelaksana',
      'Perilaku pelaksana',
      'Sarana dan prasarana',
      'Penanganan pengaduan, saran, dan masukan',
    ]) {
      await survey
        .getByRole('radiogroup', { name: new RegExp(`^\\d\\. ${element.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}`) })
        .getByRole('radio', { name: /\(4\)$/ })
        .check();
    }
    await survey.getByRole('textbox', { name: /Saran dan masukan/ }).fill('Petugas cepat dan jelas.');
    await snap(page, testInfo, '04-rating');
    await survey.getByRole('button', { name: 'Kirim penilaian' }).click();
    await expect(page.getByText('Terima kasih', { exact: true })).toBeVisible();
    await expect(page.getByRole('region', { name: 'Nilai layanan ini' })).toHaveCount(0);
    // The scores given are read back, and cannot be changed.
    const given = page.getByRole('region', { name: 'Penilaian Anda' });
    await expect(given.getByText(/\(4\)$/)).toHaveCount(9);
    await expect(given.getByText('Gratis (4)')).toBeVisible();
    await expect(given.getByText('Petugas cepat dan jelas.')).toBeVisible();
    await snap(page, testInfo, '05-rated');
  });

  await test.step('the user finds it among their consultations', async () => {
    await navigate(page, isMobile, 'Konsultasi saya');
    await expect(page.getByRole('heading', { level: 1, name: 'Konsultasi saya' })).toBeVisible();
    const item = page.getByRole('article', { name: subject });
    await expect(item.getByText('Selesai · Terjawab')).toBeVisible();
    await expect(item.getByText(/^Tenggat: .*23[.:]59 WIB$/)).toBeVisible();
    await snap(page, testInfo, '06-my-consultations');
  });

  await test.step('the officer turns the answer into a draft article for the knowledge base', async () => {
    await officer.getByRole('button', { name: 'Jadikan artikel' }).click();
    const dialog = officer.getByRole('dialog', { name: 'Jadikan artikel basis pengetahuan' });
    await expect(dialog.getByRole('checkbox', { name: greeting })).toBeChecked();
    await officerSnap('07-promote');
    await dialog.getByRole('button', { name: 'Buat draf' }).click();
    await expect(officer).toHaveURL(/\/staff\/knowledge\/[\w-]+\/edit$/);
    await expect(officer.getByText('Draf artikel dibuat. Periksa dan terbitkan bila sudah tepat.')).toBeVisible();
    await expect(officer.getByRole('textbox', { name: 'Judul' })).toHaveValue(/^Kemiskinan Banjarnegara 2025/);
    await expect(officer.getByRole('textbox', { name: 'Jawaban' })).toHaveValue(/angka kemiskinan 2025 tersedia di tingkat kabupaten/);
    await expect(officer.getByRole('radio', { name: /^Draf/ })).toBeChecked();
    await officerSnap('08-draft');
  });

  await officerContext.close();
});
