/** Ports of the servers the browser tests start; fixed defaults so they are known before start-up. */
export const appPort = Number(process.env.E2E_PORT ?? 18080);
export const smtpPort = Number(process.env.E2E_SMTP_PORT ?? 2526);
export const mailApiPort = Number(process.env.E2E_MAIL_API_PORT ?? 18025);

export const appUrl = `http://127.0.0.1:${appPort}`;
export const mailApiUrl = `http://127.0.0.1:${mailApiPort}`;
