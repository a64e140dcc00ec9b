const digitWords = ['nol', 'satu', 'dua', 'tiga', 'empat', 'lima', 'enam', 'tujuh', 'delapan', 'sembilan'] as const;

/** A whole number (0–999 999) as Indonesian words: 11 → "sebelas", 21 → "dua puluh satu". */
export function indonesianNumber(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 999_999) return String(n);
  if (n < 10) return digitWords[n] ?? String(n);
  if (n === 10) return 'sepuluh';
  if (n === 11) return 'sebelas';
  if (n < 20) return `${digitWords[n - 10]} belas`;
  const join = (head: string, rest: number) => (rest === 0 ? head : `${head} ${indonesianNumber(rest)}`);
  if (n < 100) return join(`${digitWords[Math.floor(n / 10)]} puluh`, n % 10);
  if (n < 1000) {
    const hundreds = Math.floor(n / 100);
    return join(hundreds === 1 ? 'seratus' : `${digitWords[hundreds]} ratus`, n % 100);
  }
  const thousands = Math.floor(n / 1000);
  return join(thousands === 1 ? 'seribu' : `${indonesianNumber(thousands)} ribu`, n % 1000);
}

/** A ticket number spelled the way it is called: "K-007" → "K nol nol tujuh". */
export function spokenTicketNumber(number: string): string {
  return [...number]
    .filter((c) => c !== '-' && c.trim() !== '')
    .map((c) => (/\d/.test(c) ? digitWords[Number(c)] : c.toUpperCase()))
    .join(' ');
}

/** A desk name with its numbers as words: "Meja 2" → "Meja dua", "Meja 12" → "Meja dua belas". */
export function spokenDeskName(desk: string): string {
  return desk.replace(/\d+/g, (digits) => indonesianNumber(Number(digits))).replace(/\s+/g, ' ').trim();
}

/**
 * What the board says aloud for a call (and shows under it, so a person can check it):
 * "Nomor antrean K nol nol tujuh, silakan menuju Meja dua". Always Indonesian: it is read by an
 * Indonesian voice, whatever language the board's text is in.
 */
export function voiceLine(number: string, desk: string): string {
  return `Nomor antrean ${spokenTicketNumber(number)}, silakan menuju ${spokenDeskName(desk)}`;
}
