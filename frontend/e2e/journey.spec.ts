import { expect, test } from '@playwright/test';

import { navigate, openPhoneMenu, snap } from './support/app';
import { expectNoSeriousA11yFindings } from './support/axe';
import { latestMailTo, linkTo } from './support/mailbox';

test('a member of the public registers, verifies the email, logs in, reads Kota Tarakan’s standard and logs out', async ({
  page,
  isMobile,
}, testInfo) => {
  const email = `warga.${testInfo.project.name}.${Date.now()}@statkonsul.test`;
  const password = 'Kopi-Tubruk-2026';

  await test.step('home page', async () => {
    await page.goto('/');
    await expect(page.getByRole('heading', { name: 'Konsultasi statistik dengan petugas BPS' })).toBeVisible();
    await expect(page.getByRole('link', { name: /BPS Kota Tarakan/ })).toBeVisible();
    await snap(page, testInfo, '01-home');
  });

  await test.step('register', async () => {
    await navigate(page, isMobile, 'Daftar');
    await expect(page.getByRole('heading', { name: 'Daftar akun' })).toBeVisible();
    await page.getByRole('textbox', { name: 'Email', exact: true }).fill(email);
    await page.getByRole('textbox', { name: 'Nama lengkap', exact: true }).fill('Siti Rahma');
    // The person's own name is refused before anything is sent; the meter says why.
    await page.getByRole('textbox', { name: 'Kata sandi', exact: true }).fill('SitiRahma2026');
    const meter = page.getByRole('meter', { name: 'Kekuatan kata sandi' });
    await expect(meter).toHaveAttribute('aria-valuetext', 'Lemah');
    await expect(page.getByText('Jangan memakai nama atau alamat email Anda.')).toBeVisible();
    await page.getByRole('button', { name: 'Daftar' }).click();
    await expect(page.getByText(/^Kata sandi ini terlalu mudah ditebak/)).toBeVisible();
    await expectNoSeriousA11yFindings(page, 'the registration form refusing a weak password');
    await snap(page, testInfo, '02-register-weak-password');
    await page.getByRole('textbox', { name: 'Kata sandi', exact: true }).fill(password);
    await expect(meter).toHaveAttribute('aria-valuetext', 'Sangat kuat');
    await page.getByLabel(/Instansi/).fill('Universitas Borneo Tarakan');
    await snap(page, testInfo, '02-register-form');
    await page.getByRole('button', { name: 'Daftar' }).click();
    await expect(page.getByRole('heading', { name: 'Periksa email Anda' })).toBeVisible();
    await expect(page.getByText(email)).toBeVisible();
    await snap(page, testInfo, '03-registered');
  });

  await test.step('verify the email from the link it carries', async () => {
    const mail = await latestMailTo(email, /Verifikasi alamat email/);
    const link = linkTo(mail.text, '/verify-email');
    await page.goto(link);
    await expect(page.getByText('Email terverifikasi')).toBeVisible();
    await snap(page, testInfo, '04-verified');
  });

  await test.step('log in', async () => {
    await page.getByRole('main').getByRole('link', { name: 'Masuk' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Masuk' })).toBeVisible();
    await expect(page.getByRole('textbox', { name: 'Email', exact: true })).toHaveValue(email);
    await page.getByRole('textbox', { name: 'Kata sandi', exact: true }).fill(password);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await expect(page).toHaveURL('/');
    if (!isMobile) await expect(page.getByRole('banner').getByRole('link', { name: 'Siti Rahma' })).toBeVisible();
    await expect(page.getByRole('link', { name: 'Dasbor petugas' })).toHaveCount(0);
    await snap(page, testInfo, '05-logged-in');
  });

  await test.step('read Kota Tarakan’s service standard', async () => {
    await page.getByRole('link', { name: /BPS Kota Tarakan/ }).click();
    await expect(page).toHaveURL('/units/6571');
    await expect(page.getByRole('heading', { level: 1, name: 'BPS Kota Tarakan' })).toBeVisible();
    await expect(page.getByText('Nomor SK: 24E Tahun 2024')).toBeVisible();
    await expect(page.getByText('Tidak dipungut biaya')).toBeVisible();
    await expect(page.getByText('Zona waktu: WITA (Asia/Makassar)')).toBeVisible();
    await expect(page.getByText(/ditutup setelah 7 hari/)).toBeVisible();
    await expect(page.getByRole('region', { name: 'Persyaratan' }).getByRole('tab', { name: 'Datang langsung' })).toBeVisible();
    const complaints = page.getByRole('region', { name: 'Penanganan pengaduan, saran, dan masukan' });
    await expect(complaints.getByRole('link', { name: '0851-8310-6571' })).toHaveAttribute('href', 'https://wa.me/6285183106571');
    await snap(page, testInfo, '06-tarakan-standard');
  });

  await test.step('see the own profile', async () => {
    await navigate(page, isMobile, isMobile ? 'Profil saya' : 'Siti Rahma');
    await expect(page.getByRole('heading', { level: 1, name: 'Profil saya' })).toBeVisible();
    await expect(page.getByRole('textbox', { name: 'Email', exact: true })).toHaveValue(email);
    await expect(page.getByRole('textbox', { name: 'Instansi' })).toHaveValue('Universitas Borneo Tarakan');
    await snap(page, testInfo, '07-profile');
  });

  await test.step('log out', async () => {
    if (isMobile) {
      await openPhoneMenu(page);
      await snap(page, testInfo, '08-menu', false);
      await page.getByRole('button', { name: 'Tutup menu' }).click();
    }
    await navigate(page, isMobile, 'Keluar');
    await expect(page).toHaveURL('/');
    if (isMobile) await openPhoneMenu(page);
    await expect(page.getByRole('link', { name: 'Masuk' }).first()).toBeVisible();
    await snap(page, testInfo, '09-logged-out');
  });
});

test('the supervisor of Kota Tarakan reaches the staff dashboard', async ({ page, isMobile }, testInfo) => {
  await page.goto('/login');
  await page.getByRole('textbox', { name: 'Email', exact: true }).fill('supervisor.6571@statkonsul.test');
  await page.getByRole('textbox', { name: 'Kata sandi', exact: true }).fill('Staff-Demo-2026!');
  await page.getByRole('button', { name: 'Masuk' }).click();

  await expect(page).toHaveURL('/staff');
  await expect(page.getByRole('heading', { name: 'Dasbor petugas' })).toBeVisible();
  await expect(page.getByLabel(/Tenggat online/)).toHaveValue('3');
  await snap(page, testInfo, '01-staff-unit');

  await page.getByRole('tab', { name: 'Petugas' }).click();
  await expect(page.getByText('officer.6571@statkonsul.test').filter({ visible: true })).toBeVisible();
  await snap(page, testInfo, '02-staff-list');

  await expect(page.getByRole('region', { name: 'Konsultasi online' }).getByRole('link', { name: 'Buka konsol konsultasi' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Layanan tatap muka' }).getByRole('link', { name: 'Buka layanan tatap muka' })).toBeVisible();

  const reports = page.getByRole('region', { name: 'Laporan' });
  await expect(reports).toContainText(/IKM bulan ini|Belum ada penilaian bulan ini/);
  await expect(reports.getByRole('link', { name: 'Buka laporan' })).toHaveAttribute('href', '/staff/reports');
  await expect(page.getByRole('tab', { name: 'Segera hadir' })).toHaveCount(0);
  await snap(page, testInfo, '03-staff-reports-card');

  await navigate(page, isMobile, 'Keluar');
  await expect(page).toHaveURL('/');
});

test('the administrator changes a unit’s settings and reads the holiday calendar', async ({ page, isMobile }, testInfo) => {
  // Both projects share one database: each sets its own value, so every run changes something.
  const autoCloseDays = isMobile ? '6' : '5';
  // The holiday calendar offers the years around "now"; the loaded calendar is 2026's, so the
  // page's clock says mid-2026 whatever the year the test runs in (timers run as usual).
  await page.clock.setFixedTime(new Date('2026-07-01T10:00:00+07:00'));

  await page.goto('/login');
  await page.getByRole('textbox', { name: 'Email', exact: true }).fill('admin@statkonsul.test');
  await page.getByRole('textbox', { name: 'Kata sandi', exact: true }).fill('Admin-Demo-2026!');
  await page.getByRole('button', { name: 'Masuk' }).click();
  await expect(page).toHaveURL('/staff');

  await page.getByRole('combobox', { name: 'Unit' }).click();
  await page.getByRole('option', { name: /3375 · BPS Kota Pekalongan/ }).click();
  const autoClose = page.getByLabel(/Tutup otomatis/);
  await expect(autoClose).toHaveValue(/^\d+$/);
  await autoClose.fill(autoCloseDays);
  await page.getByRole('button', { name: 'Simpan' }).click();
  await expect(page.getByText('Pengaturan unit disimpan.')).toBeVisible();
  await snap(page, testInfo, '01-settings-saved');

  await page.getByRole('tab', { name: 'Hari libur' }).click();
  await page.getByRole('combobox', { name: 'Tahun' }).click();
  await page.getByRole('option', { name: '2026' }).click();
  await expect(page.getByText('Tahun Baru 2026 Masehi').filter({ visible: true })).toBeVisible();
  await expect(page.getByText('25 hari')).toBeVisible();
  await snap(page, testInfo, '02-holidays');

  await page.goto('/units/3375');
  await expect(page.getByText(`ditutup setelah ${autoCloseDays} hari`)).toBeVisible();
  await snap(page, testInfo, '03-pekalongan');
});
