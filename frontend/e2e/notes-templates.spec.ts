import { expect, test } from '@playwright/test';

import { logIn, registerVerifiedUser } from './support/accounts';
import { expectNoSeriousA11yFindings } from './support/axe';
import { snap } from './support/app';

const OFFICER = { email: 'officer.3304@statkonsul.test', password: 'Staff-Demo-2026!', name: 'Petugas PST 3304' };

test('an officer answers with a template typed after "/", leaves an internal note, and the user never sees the note', async ({ page, browser, isMobile }, testInfo) => {
  const stamp = `${testInfo.project.name}-${Date.now()}`;
  const user = { email: `catatan.${stamp}@statkonsul.test`, password: 'Kopi-Tubruk-2026', fullName: `Ayu ${stamp}` };
  const subject = `Data IPM Banjarnegara (${stamp})`;
  const note = `Pemohon ini dosen, prioritaskan tabel IPM 2024 (${stamp}).`;

  await test.step('a member of the public asks BPS Kabupaten Banjarnegara', async () => {
    await registerVerifiedUser(page, user);
    await logIn(page, user.email, user.password);
    await page.goto('/consultations/new?unit=3304');
    await page.getByRole('radio', { name: /^Data/ }).click();
    await page.getByRole('textbox', { name: 'Perihal' }).fill(subject);
    await page.getByRole('textbox', { name: 'Pertanyaan' }).fill('Di mana saya bisa mengunduh tabel IPM Kabupaten Banjarnegara menurut tahun?');
    await page.getByRole('button', { name: 'Ajukan konsultasi' }).click();
    await expect(page).toHaveURL(/\/consultations\/[0-9a-f-]{36}$/);
    await expect(page.getByText('Pembaruan langsung aktif')).toBeVisible();
  });
  const consultationUrl = new URL(page.url()).pathname;
  const id = consultationUrl.split('/').at(-1) ?? '';

  const officerContext = await browser.newContext();
  const officer = await officerContext.newPage();

  await test.step('the officer takes it and answers with the greeting template, filled and edited', async () => {
    await logIn(officer, OFFICER.email, OFFICER.password);
    await officer.goto(`/staff/consultations/${id}`);
    await officer.getByRole('button', { name: 'Ambil konsultasi' }).click();
    await expect(officer.getByText('Konsultasi diambil. Silakan menyapa pengguna.')).toBeVisible();
    const box = officer.getByRole('textbox', { name: 'Pesan' });
    await box.click();
    await box.pressSequentially('/sal');
    const option = officer.getByRole('option', { name: 'Salam pembuka /salam' });
    await expect(option).toBeVisible();
    await expect(option).toContainText(user.fullName);
    await snap(officer, testInfo, 'officer-01-template-menu');
    await expectNoSeriousA11yFindings(officer, 'the composer with its template menu');
    await box.press('Enter');
    await expect(box).toHaveValue(new RegExp(`^Selamat datang di layanan konsultasi statistik BPS Kabupaten Banjarnegara, ${user.fullName}\\. Saya ${OFFICER.name}`));
    await box.press('End');
    await box.pressSequentially(' Tabel IPM ada di menu Tabel Statistik.');
    // On a phone Enter starts a new line and the button sends.
    if (isMobile) await officer.getByRole('button', { name: 'Kirim', exact: true }).click();
    else await box.press('Enter');
    await expect(officer.getByRole('log').getByText(/Tabel IPM ada di menu Tabel Statistik\.$/)).toBeVisible();
  });

  await test.step('the user reads the filled answer live', async () => {
    await expect(page.getByRole('log').getByText(new RegExp(`${user.fullName}\\. Saya ${OFFICER.name}.*Tabel Statistik\\.$`))).toBeVisible();
  });

  await test.step('the officer leaves an internal note, shown to staff as a note', async () => {
    await officer.locator('label').filter({ hasText: /^Catatan internal$/ }).click();
    const noteBox = officer.getByRole('textbox', { name: 'Catatan internal' });
    await noteBox.fill(note);
    await officer.getByRole('button', { name: 'Simpan catatan' }).click();
    const saved = officer.getByRole('log').getByRole('article', { name: 'Catatan internal: Anda' });
    await expect(saved).toContainText(note);
    await snap(officer, testInfo, 'officer-02-note');
    await expectNoSeriousA11yFindings(officer, 'the conversation with an internal note');
    // Back to answering the user: the next reply shows the note was not the last thing the user got.
    await officer.locator('label').filter({ hasText: /^Balasan$/ }).click();
    await officer.getByRole('textbox', { name: 'Pesan' }).fill(`Ada lagi yang bisa dibantu? (${stamp})`);
    if (isMobile) await officer.getByRole('button', { name: 'Kirim', exact: true }).click();
    else await officer.getByRole('textbox', { name: 'Pesan' }).press('Enter');
  });

  await test.step('the user gets the next reply but never the note, live or after reloading', async () => {
    await expect(page.getByRole('log').getByText(`Ada lagi yang bisa dibantu? (${stamp})`)).toBeVisible();
    await expect(page.getByText(note)).toHaveCount(0);
    await page.reload();
    await expect(page.getByRole('log').getByText(`Ada lagi yang bisa dibantu? (${stamp})`)).toBeVisible();
    await expect(page.getByText(note)).toHaveCount(0);
    await expect(page.getByText('Catatan internal')).toHaveCount(0);
    await snap(page, testInfo, '01-user-without-note');
  });

  await officerContext.close();
});
