/**
 * Numbers, times and tokens in words for the page.
 * @module
 */

/** A duration: `850 ms`, `3.2 s`, `2 min 05 s`, `1 h 02 min`. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.max(0, Math.round(ms))} ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const totalSeconds = Math.floor(ms / 1000);
  const hours = Math.floor(totalSeconds / 3600);
  const minutes = Math.floor((totalSeconds % 3600) / 60);
  const seconds = totalSeconds % 60;
  return hours > 0 ? `${hours} h ${String(minutes).padStart(2, '0')} min` : `${minutes} min ${String(seconds).padStart(2, '0')} s`;
}

/** Time left until `expiresAt` (or since, when past): `in 59 min 58 s`, `expired 12 s ago`. */
export function formatCountdown(expiresAt: Date, now: number): string {
  const left = expiresAt.getTime() - now;
  const span = (ms: number): string => formatDuration(Math.floor(ms / 1000) * 1000).replace(/\.0 s$/, ' s');
  return left > 0 ? `in ${span(left)}` : `expired ${span(-left)} ago`;
}

/** A token shown without giving it away: its first and last few characters. */
export function maskToken(token: string): string {
  return token.length <= 16 ? '•'.repeat(token.length) : `${token.slice(0, 6)}…${token.slice(-6)}`;
}

/** A table cell's text: numbers grouped, objects as JSON, null as an empty cell. */
export function formatCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isInteger(value) ? value.toLocaleString('en-GB') : value.toLocaleString('en-GB', { maximumFractionDigits: 4 });
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** A number for a legend: short, grouped. */
export function formatNumber(value: number): string {
  return Math.abs(value) >= 100 || Number.isInteger(value)
    ? Math.round(value).toLocaleString('en-GB')
    : value.toLocaleString('en-GB', { maximumSignificantDigits: 3 });
}
