/** The claims the client reads from an access token: who it is for and when it expires. */
export type AccessClaims = { sub: string; exp: number };

/**
 * Reads (never verifies: the server does) the payload of a JWT access token; null when the
 * token is not a JWT.
 */
export function accessClaims(token: string): AccessClaims | null {
  const payload = token.split('.')[1];
  if (!payload) return null;
  try {
    const base64 = payload.replace(/-/g, '+').replace(/_/g, '/');
    const parsed = JSON.parse(atob(base64.padEnd(Math.ceil(base64.length / 4) * 4, '='))) as Partial<AccessClaims>;
    return typeof parsed.sub === 'string' && typeof parsed.exp === 'number' ? { sub: parsed.sub, exp: parsed.exp } : null;
  } catch {
    return null;
  }
}

/** Whether the token expires within `marginSeconds` (unknown tokens are given the benefit of the doubt). */
export function expiresSoon(token: string, marginSeconds: number, now = Date.now()): boolean {
  const claims = accessClaims(token);
  return claims !== null && claims.exp * 1000 - now < marginSeconds * 1000;
}
