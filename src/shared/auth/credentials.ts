/** The Authorization header's schemes: `Bearer <access token>` (users) and `ApiKey <secret>` (machine clients). */
export type Credentials = { scheme: 'bearer'; token: string } | { scheme: 'apikey'; secret: string } | { scheme: 'unknown' };

/** What an Authorization header carries; null when there is none (anonymous). */
export function parseAuthorization(header: string | undefined | null): Credentials | null {
  const value = header?.trim();
  if (!value) return null;
  const m = /^(\S+)\s+(\S+)$/.exec(value);
  if (!m?.[1] || !m[2]) return { scheme: 'unknown' };
  const scheme = m[1].toLowerCase();
  if (scheme === 'bearer') return { scheme: 'bearer', token: m[2] };
  if (scheme === 'apikey') return { scheme: 'apikey', secret: m[2] };
  return { scheme: 'unknown' };
}
