import { expect } from '@playwright/test';

import { mailApiUrl } from './env';

export type Mail = { id: number; from: string; to: string[]; subject: string; text: string; html: string | null };

async function mailsTo(address: string): Promise<Mail[]> {
  const response = await fetch(`${mailApiUrl}/messages?to=${encodeURIComponent(address)}`);
  if (!response.ok) throw new Error(`mail capture answered ${response.status}`);
  return (await response.json()) as Mail[];
}

/** The newest email to `address` whose subject matches, waiting for the outbox to deliver it. */
export async function latestMailTo(address: string, subject: RegExp, timeout = 20_000): Promise<Mail> {
  let found: Mail | undefined;
  await expect
    .poll(
      async () => {
        found = (await mailsTo(address)).filter((m) => subject.test(m.subject)).at(-1);
        return found !== undefined;
      },
      { timeout, message: `an email to ${address} with subject ${String(subject)}` },
    )
    .toBe(true);
  return found as Mail;
}

/** The first link in a text that leads to `path` (e.g. "/verify-email"). */
export function linkTo(text: string, path: string): string {
  const link = text.match(/https?:\/\/[^\s<>"]+/g)?.find((url) => new URL(url).pathname === path);
  if (!link) throw new Error(`no link to ${path} in:\n${text}`);
  return link;
}
