/** The token of an `Authorization: Bearer …` header (also accepted bare in WebSocket connectionParams). */
export function bearer(header: string | undefined | null): string | null {
  if (!header) return null;
  const m = /^Bearer\s+(\S+)$/i.exec(header.trim());
  return m?.[1] ?? null;
}
