import { expect, type Page } from '@playwright/test';

import { latestMailTo, linkTo } from './mailbox';

/**
 * A new member of the public with a verified email: registered through the API (the journey
 * spec covers the form), verified through the link of the email the server sent.
 */
export async function registerVerifiedUser(page: Page, account: { email: string; password: string; fullName: string }) {
  const response = await page.request.post('/api/v1/auth/register', {
    data: { email: account.email, password: account.password, full_name: account.fullName },
  });
  expect(response.status()).toBe(202);
  const mail = await latestMailTo(account.email, /Verifikasi alamat email/);
  await page.goto(linkTo(mail.text, '/verify-email'));
  await expect(page.getByText('Email terverifikasi')).toBeVisible();
}

/** Logs in through the form. */
export async function logIn(page: Page, email: string, password: string) {
  await page.goto('/login');
  await page.getByRole('textbox', { name: 'Email', exact: true }).fill(email);
  await page.getByRole('textbox', { name: 'Kata sandi', exact: true }).fill(password);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await expect(page).not.toHaveURL(/\/login/);
}
