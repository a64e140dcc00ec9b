import { fileURLToPath } from 'node:url';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

import { defineConfig } from '@playwright/test';

import { appPort, appUrl, mailApiPort, mailApiUrl, smtpPort } from './e2e/support/env';

const here = fileURLToPath(new URL('.', import.meta.url));
const serverBinary = resolve(here, process.env.STATKONSUL_BIN ?? '../target/debug/statkonsul');
// One fixed folder per port, emptied at every start: each run begins with a fresh database.
const dataDir = join(tmpdir(), `statkonsul-e2e-${appPort}`);

export default defineConfig({
  testDir: './e2e',
  globalSetup: './e2e/support/global-setup.ts',
  outputDir: process.env.E2E_OUT ?? './test-results',
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  // A ceiling for whole multi-person journeys on a busy machine (the walk-in one takes 50 s with both
  // cores loaded), not a speed target.
  timeout: 180_000,
  expect: { timeout: 20_000 },
  reporter: [['list'], ['html', { open: 'never', outputFolder: process.env.E2E_REPORT ?? 'playwright-report' }]],
  use: {
    baseURL: appUrl,
    screenshot: 'on',
    trace: 'retain-on-failure',
    locale: 'id-ID',
    timezoneId: 'Asia/Jakarta',
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        '--disable-quic',
      ],
    },
  },
  projects: [
    { name: 'desktop', use: { browserName: 'chromium', viewport: { width: 1280, height: 800 } } },
    {
      name: 'phone',
      use: {
        browserName: 'chromium',
        viewport: { width: 390, height: 844 },
        deviceScaleFactor: 2,
        isMobile: true,
        hasTouch: true,
      },
    },
  ],
  // Started in this order: the mail capture must listen before the app server sends anything.
  webServer: [
    {
      name: 'mail',
      command: 'node e2e/support/mail-capture.mjs',
      env: { SMTP_PORT: String(smtpPort), MAIL_API_PORT: String(mailApiPort) },
      url: `${mailApiUrl}/health`,
      reuseExistingServer: false,
      stdout: 'pipe',
      timeout: 15_000,
    },
    {
      name: 'statkonsul',
      command: 'sh -c \'rm -rf "$DATA_DIR" && mkdir -p "$DATA_DIR" && "$BIN" seed --demo && exec "$BIN" serve\'',
      env: {
        BIN: serverBinary,
        DATA_DIR: dataDir,
        DATABASE_URL: `sqlite://${dataDir}/e2e.db?mode=rwc`,
        // E2E_DIST: another built copy of the app (e.g. `vite build --outDir`), for side-by-side runs.
        STATIC_DIR: resolve(here, process.env.E2E_DIST ?? 'dist'),
        BIND_ADDR: `127.0.0.1:${appPort}`,
        PUBLIC_URL: appUrl,
        SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
        MAIL_FROM: 'layanan@statkonsul.test',
        OUTBOX_POLL_SECONDS: '1',
        APP_ENV: 'dev',
        RUST_LOG: 'info',
      },
      url: `${appUrl}/readyz`,
      reuseExistingServer: false,
      stdout: 'pipe',
      timeout: 120_000,
      gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
    },
  ],
});
