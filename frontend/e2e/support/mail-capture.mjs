// @ts-check
/**
 * A tiny SMTP server that keeps every message it receives, for the browser tests: the app server
 * sends its emails here (SMTP_URL), and tests read them back over HTTP:
 *   GET /health                       → 200 "ok"
 *   GET /messages?to=<address>        → JSON array of the messages to that address, oldest first
 * Run by Playwright as a webServer, before the app server starts.
 */
import { createServer as createHttpServer } from 'node:http';
import { createServer as createSmtpServer } from 'node:net';

const smtpPort = Number(process.env.SMTP_PORT ?? 2526);
const apiPort = Number(process.env.MAIL_API_PORT ?? 18025);
const host = '127.0.0.1';

/** @typedef {{ id: number, from: string, to: string[], subject: string, text: string, html: string | null, receivedAt: string }} Mail */

/** @type {Mail[]} */
const messages = [];

/** @param {string} input */
function decodeQuotedPrintable(input) {
  const bytes = [];
  const soft = input.replace(/=\r?\n/g, '');
  for (let i = 0; i < soft.length; i += 1) {
    const hex = soft.slice(i + 1, i + 3);
    if (soft[i] === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(Number.parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(...Buffer.from(soft[i] ?? '', 'utf8'));
    }
  }
  return Buffer.from(bytes).toString('utf8');
}

/** @param {string} body @param {string} encoding */
function decodeBody(body, encoding) {
  switch (encoding.toLowerCase()) {
    case 'base64':
      return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
    case 'quoted-printable':
      return decodeQuotedPrintable(body);
    default:
      return body;
  }
}

/** RFC 2047 encoded words, e.g. =?utf-8?b?…?= in a Subject. @param {string} value */
function decodeHeaderValue(value) {
  // Whitespace between two encoded words is not part of the text.
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?([^?]+)\?([bBqQ])\?([^?]*)\?=/g, (_, _charset, kind, text) =>
      kind.toLowerCase() === 'b'
        ? Buffer.from(text, 'base64').toString('utf8')
        : decodeQuotedPrintable(text.replace(/_/g, ' ')),
    );
}

/** @param {string} raw */
function splitHeaders(raw) {
  const end = raw.indexOf('\r\n\r\n');
  const head = end === -1 ? raw : raw.slice(0, end);
  const body = end === -1 ? '' : raw.slice(end + 4);
  /** @type {Record<string, string>} */
  const headers = {};
  for (const line of head.replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { headers, body };
}

/** The text/plain and text/html bodies of a (possibly multipart) entity. @param {string} raw */
function extractBodies(raw) {
  const { headers, body } = splitHeaders(raw);
  const type = headers['content-type'] ?? 'text/plain';
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (type.toLowerCase().startsWith('multipart/') && boundary) {
    const parts = body.split(`--${boundary}`).slice(1);
    /** @type {{ text: string | null, html: string | null }} */
    const found = { text: null, html: null };
    for (const part of parts) {
      if (part.startsWith('--')) break;
      const inner = extractBodies(part.replace(/^\r\n/, ''));
      found.text ??= inner.text;
      found.html ??= inner.html;
    }
    return found;
  }
  const decoded = decodeBody(body, headers['content-transfer-encoding'] ?? '7bit');
  return type.toLowerCase().startsWith('text/html')
    ? { text: null, html: decoded }
    : { text: decoded, html: null };
}

/** @param {string} from @param {string[]} to @param {string} raw */
function store(from, to, raw) {
  const { headers } = splitHeaders(raw);
  const { text, html } = extractBodies(raw);
  messages.push({
    id: messages.length + 1,
    from,
    to,
    subject: decodeHeaderValue(headers.subject ?? ''),
    text: text ?? '',
    html,
    receivedAt: new Date().toISOString(),
  });
}

/** @param {string} argument e.g. "FROM:<a@b.c> BODY=8BITMIME" */
function address(argument) {
  return (/<([^>]*)>/.exec(argument)?.[1] ?? argument.split(':')[1] ?? '').trim().toLowerCase();
}

const smtp = createSmtpServer((socket) => {
  let buffer = '';
  let inData = false;
  let from = '';
  /** @type {string[]} */
  let to = [];
  /** @param {string} line */
  const reply = (line) => socket.write(`${line}\r\n`);
  const reset = () => {
    from = '';
    to = [];
  };

  reply('220 statkonsul-e2e ESMTP mail capture');
  socket.setEncoding('utf8');
  socket.on('error', () => socket.destroy());
  socket.on('data', (chunk) => {
    buffer += chunk;
    for (;;) {
      if (inData) {
        const end = buffer.indexOf('\r\n.\r\n');
        // The terminator may also directly follow the DATA reply when the message is empty.
        const emptyEnd = buffer.startsWith('.\r\n') ? 0 : -1;
        if (end === -1 && emptyEnd === -1) return;
        const content = emptyEnd === 0 ? '' : buffer.slice(0, end);
        buffer = buffer.slice(emptyEnd === 0 ? 3 : end + 5);
        inData = false;
        const unstuffed = content
          .split('\r\n')
          .map((line) => (line.startsWith('..') ? line.slice(1) : line))
          .join('\r\n');
        store(from, to, unstuffed);
        reset();
        reply('250 OK: message stored');
        continue;
      }
      const newline = buffer.indexOf('\r\n');
      if (newline === -1) return;
      const line = buffer.slice(0, newline);
      buffer = buffer.slice(newline + 2);
      const [verb = '', ...rest] = line.split(' ');
      const argument = rest.join(' ');
      switch (verb.toUpperCase()) {
        case 'EHLO':
          socket.write('250-statkonsul-e2e\r\n250-8BITMIME\r\n250-SMTPUTF8\r\n250 HELP\r\n');
          break;
        case 'HELO':
          reply('250 statkonsul-e2e');
          break;
        case 'MAIL':
          reset();
          from = address(argument);
          reply('250 OK');
          break;
        case 'RCPT':
          to.push(address(argument));
          reply('250 OK');
          break;
        case 'DATA':
          if (to.length === 0) {
            reply('503 RCPT first');
            break;
          }
          inData = true;
          reply('354 End data with <CR><LF>.<CR><LF>');
          break;
        case 'RSET':
          reset();
          reply('250 OK');
          break;
        case 'NOOP':
          reply('250 OK');
          break;
        case 'QUIT':
          reply('221 Bye');
          socket.end();
          return;
        default:
          reply('502 Command not implemented');
      }
    }
  });
});

const api = createHttpServer((request, response) => {
  const url = new URL(request.url ?? '/', `http://${host}`);
  if (url.pathname === '/health') {
    response.writeHead(200, { 'Content-Type': 'text/plain' }).end('ok');
    return;
  }
  if (url.pathname === '/messages' && request.method === 'GET') {
    const recipient = url.searchParams.get('to')?.toLowerCase();
    const selected = recipient ? messages.filter((m) => m.to.includes(recipient)) : messages;
    response.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(selected));
    return;
  }
  response.writeHead(404).end();
});

smtp.listen(smtpPort, host, () => {
  api.listen(apiPort, host, () => {
    console.log(`mail capture: SMTP on ${host}:${smtpPort}, messages on http://${host}:${apiPort}/messages`);
  });
});

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    smtp.close();
    api.close();
    process.exit(0);
  });
}
