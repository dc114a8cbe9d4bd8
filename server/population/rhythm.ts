/**
 * The time-of-day rhythm of the synthetic country: relative activity per hour, and the three
 * blocks of a day (night before 07:00 and after 19:00 at the night location, daytime elsewhere).
 */

/** Relative event rate per hour of the day (0–23): quiet nights, a morning rise, an evening peak. */
export const HOUR_WEIGHTS: readonly number[] = [
  0.6, 0.3, 0.2, 0.15, 0.2, 0.5, 1.2, 2.4, 3.6, 4.2, 4.4, 4.5, 4.8, 4.6, 4.4, 4.4, 4.6, 5.0, 5.6, 6.0, 5.6, 4.6, 3.0, 1.6,
];

/** Blocks of a day: 0 = early (00–06, night location), 1 = day (07–18), 2 = evening (19–23, night location). */
export const BLOCKS = 3;
/** Index of the daytime block. */
export const DAY_BLOCK = 1;
/** First hour of each block, and the hour after the last. */
export const BLOCK_START: readonly number[] = [0, 7, 19, 24];

const sum = (from: number, to: number): number => HOUR_WEIGHTS.slice(from, to).reduce((a, b) => a + b, 0);
const TOTAL = sum(0, 24);

/** Share of a day's events in each block. */
export const BLOCK_SHARE: readonly number[] = [0, 1, 2].map((b) => sum(BLOCK_START[b] ?? 0, BLOCK_START[b + 1] ?? 24) / TOTAL);

/** Block of an hour. */
export function blockOf(hour: number): number {
  return hour < 7 ? 0 : hour < 19 ? 1 : 2;
}

/** Whether `hour` is inside FlowMachine's `hours` window `[start, end)` (wrapping past midnight). */
export function inHours(hour: number, start: number, end: number): boolean {
  if (start === end) return true;
  return start < end ? hour >= start && hour < end : hour >= start || hour < end;
}

/** Share of each block's events inside the hours window (1 for every block without a window). */
export function blockFractions(hours: { start: number; end: number } | null): number[] {
  return [0, 1, 2].map((b) => {
    const from = BLOCK_START[b] ?? 0;
    const to = BLOCK_START[b + 1] ?? 24;
    if (hours === null) return 1;
    let inside = 0;
    for (let h = from; h < to; h++) if (inHours(h, hours.start, hours.end)) inside += HOUR_WEIGHTS[h] ?? 0;
    return inside / sum(from, to);
  });
}

/** Hour of an event of `block` whose uniform draw is `u` (inverse of the block's hourly distribution). */
export function hourIn(block: number, u: number): number {
  const from = BLOCK_START[block] ?? 0;
  const to = BLOCK_START[block + 1] ?? 24;
  let left = u * sum(from, to);
  for (let h = from; h < to; h++) {
    left -= HOUR_WEIGHTS[h] ?? 0;
    if (left < 0) return h;
  }
  return to - 1;
}
