import { expect, test } from '@playwright/test';

import { logIn } from './support/accounts';
import { navigate, snap } from './support/app';
import { expectNoSeriousA11yFindings } from './support/axe';

const OFFICER = { email: 'officer.3304@statkonsul.test', password: 'Staff-Demo-2026!' };

test('an officer writes an answer template for the unit, finds it by its shortcut and deletes it, on a desktop and on a phone', async ({ page, isMobile }, testInfo) => {
  const shortcut = `uji-${testInfo.project.name}-${Date.now()}`;
  const title = `Templat uji ${testInfo.project.name}`;

  await test.step('the officer opens the templates from the menu', async () => {
    await logIn(page, OFFICER.email, OFFICER.password);
    await navigate(page, isMobile, 'Templat jawaban');
    await expect(page).toHaveURL(/\/staff\/templates$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Templat jawaban' })).toBeVisible();
    await expect(page.getByRole('status')).toBeVisible();
    await expectNoSeriousA11yFindings(page, 'the templates list');
    await snap(page, testInfo, 'templates-01-list');
  });

  await test.step('writes a template with a variable put in by its button', async () => {
    await page.getByRole('button', { name: 'Buat templat' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Templat baru' });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('textbox', { name: /^Unit/ })).toHaveValue('BPS Kabupaten Banjarnegara');
    await dialog.getByRole('textbox', { name: /^Judul/ }).fill(title);
    await dialog.getByRole('textbox', { name: /^Pintasan/ }).fill(shortcut);
    const body = dialog.getByRole('textbox', { name: /^Isi templat/ });
    await body.fill('Selamat siang , terima kasih.');
    await body.evaluate((area: HTMLTextAreaElement) => area.setSelectionRange(14, 14));
    await dialog.getByRole('button', { name: /^Sisipkan \{nama\}/ }).click();
    await expect(body).toHaveValue('Selamat siang {nama}, terima kasih.');
    await expectNoSeriousA11yFindings(page, 'the template dialog');
    await snap(page, testInfo, 'templates-02-dialog');
    await dialog.getByRole('button', { name: 'Simpan' }).click();
    await expect(dialog).toBeHidden();
  });

  await test.step('finds it by the start of its shortcut', async () => {
    await page.getByRole('searchbox', { name: /^Cari templat/ }).fill(shortcut.slice(0, -3));
    const card = page.getByRole('article', { name: title });
    await expect(card).toBeVisible();
    await expect(card.getByText(`/${shortcut}`)).toBeVisible();
    await expect(card.getByText('Unit: BPS Kabupaten Banjarnegara')).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expectNoSeriousA11yFindings(page, 'the templates list with a result');
    await snap(page, testInfo, 'templates-03-found');
  });

  await test.step('a second template with the same shortcut is refused on the shortcut field', async () => {
    await page.getByRole('button', { name: 'Buat templat' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Templat baru' });
    await dialog.getByRole('textbox', { name: /^Judul/ }).fill(`${title} kedua`);
    await dialog.getByRole('textbox', { name: /^Pintasan/ }).fill(shortcut);
    await dialog.getByRole('textbox', { name: /^Isi templat/ }).fill('Isi lain.');
    await dialog.getByRole('button', { name: 'Simpan' }).click();
    await expect(dialog.getByRole('textbox', { name: /^Pintasan/ })).toHaveAttribute('aria-invalid', 'true');
    await snap(page, testInfo, 'templates-04-taken');
    await dialog.getByRole('button', { name: 'Batal' }).click();
    await expect(dialog).toBeHidden();
  });

  await test.step('deletes it after confirming', async () => {
    await page.getByRole('article', { name: title }).getByRole('button', { name: `Hapus templat ${title}` }).click();
    const confirm = page.getByRole('dialog', { name: 'Hapus templat?' });
    await expect(confirm).toBeVisible();
    await confirm.getByRole('button', { name: 'Hapus', exact: true }).click();
    await expect(page.getByRole('article', { name: title })).toHaveCount(0);
  });
});
