/**
 * Branches whose queue is open whatever the real time: tickets are taken only while a branch is
 * open, and tests that are not about the day's hours should not depend on when they run.
 */

/** A fixed-offset zone where it is now about noon (Etc/GMT signs are inverted: Etc/GMT-3 is UTC+3). */
export function noonZone(now: Date = new Date()): string {
  const offset = 12 - now.getUTCHours();
  return offset === 0 ? 'Etc/GMT' : `Etc/GMT${offset > 0 ? '-' : '+'}${Math.abs(offset)}`;
}

/** Branch input overrides: open every day 09:00-18:00 in a zone where it is about noon now. */
export function openNow(now: Date = new Date()) {
  return { timezone: noonZone(now), workingHours: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, opens: '09:00', closes: '18:00' })) };
}
