/** localStorage keys, prefixed so they never clash with another app on the same origin. */
export const storageKeys = {
  session: 'statkonsul.session',
  language: 'statkonsul.language',
  /** Followed by `.<unit code>`. */
  kioskToken: 'statkonsul.kioskToken',
  /** Followed by `.<unit code>`. */
  walkinDesk: 'statkonsul.walkinDesk',
  ticketPaper: 'statkonsul.ticketPaper',
  /** Followed by `.<unit code>`: the ticket a visitor took from their phone. */
  remoteTicket: 'statkonsul.remoteTicket',
} as const;
