/**
 * One subscriber's day, recomputed on demand from (seed, subscriber, day): where they sleep and
 * where they spend the daytime (home, work, a short trip nearby or a journey across the country),
 * and how many calls, SMS, data sessions and top-ups they make in each block of the day.
 */
import { hash3, mix32 } from './hash.js';
import { BLOCK_SHARE } from './rhythm.js';
import type { Network } from './country.js';
import type { Subscribers } from './subscribers.js';
import { pick } from './subscribers.js';

/** Event types, in FlowMachine's order of `EventTypes`. */
export const EVENT_TYPES: readonly string[] = ['calls', 'sms', 'mds', 'topups'];
/** Number of event types. */
export const TYPES = 4;

/** The day of one subscriber (a reusable record: {@link fillDay} overwrites it). */
export interface Day {
  /** Site of the night blocks (home, or the destination of a journey). */
  night: number;
  /** Site of the daytime block. */
  day: number;
  /** Events per block and type at `block * TYPES + type`. */
  readonly counts: Int32Array;
  /** Amount of the day's top-up (0 without one). */
  topup: number;
  /** Spare uniforms for rounding filtered counts (hours, direction), fixed per subscriber-day. */
  readonly spare: Float64Array;
  /** Event types the population has on this day (bit `t` for type `t`). */
  avail: number;
}

/** A fresh {@link Day} record. */
export function newDay(): Day {
  return { night: 0, day: 0, counts: new Int32Array(3 * TYPES), topup: 0, spare: new Float64Array(4), avail: 0 };
}

/** Probability of a journey away from home on a given day. */
const JOURNEY = 0.03;
/** Probability of a daytime visit elsewhere in the home district (non-working days). */
const OUTING = 0.2;
/** Probability of a day without any event. */
const SILENT = 0.05;

let state = 0;
const next = (): number => {
  state = mix32(state + 0x6d2b79f5);
  return state / 0x1_0000_0000;
};

/** Day of the week of a day number (days since 1970-01-01): 0 = Sunday … 6 = Saturday. */
export function weekday(dayNo: number): number {
  return (((dayNo + 4) % 7) + 7) % 7;
}

/** What the world a day is generated in holds. */
export interface DayWorld {
  /** The country's seed. */
  readonly seed: number;
  /** Sites and cells. */
  readonly network: Network;
  /** Cumulative site weights (journey destinations). */
  readonly siteCum: Float64Array;
  /** Subscribers. */
  readonly subscribers: Subscribers;
  /** Event types present on a day (bit `t` for type `t`). */
  typesOn(dayNo: number): number;
  /** Generated days, most recently used last (bounded; see {@link fillDay}). */
  readonly dayTables: Map<number, DayTable>;
}

/** All subscribers' records of one day, as columns. */
interface DayTable {
  readonly night: Uint16Array;
  readonly day: Uint16Array;
  readonly counts: Uint8Array;
  readonly spare: Uint8Array;
  readonly topup: Float32Array;
  readonly avail: number;
}

/** Subscriber-days kept generated per population (24 bytes each: 24 days of 100,000 subscribers, about 58 MB). */
const SUBSCRIBER_DAYS_KEPT = 2_400_000;

function generateDay(world: DayWorld, dayNo: number): DayTable {
  const size = world.subscribers.size;
  const table: DayTable = {
    night: new Uint16Array(size),
    day: new Uint16Array(size),
    counts: new Uint8Array(size * 3 * TYPES),
    spare: new Uint8Array(size * 4),
    topup: new Float32Array(size),
    avail: world.typesOn(dayNo),
  };
  const out = newDay();
  for (let s = 0; s < size; s++) {
    generate(world, s, dayNo, out);
    table.night[s] = out.night;
    table.day[s] = out.day;
    for (let k = 0; k < 3 * TYPES; k++) table.counts[s * 3 * TYPES + k] = Math.min(255, out.counts[k] ?? 0);
    for (let k = 0; k < 4; k++) table.spare[s * 4 + k] = Math.floor((out.spare[k] ?? 0) * 256);
    table.topup[s] = out.topup;
  }
  return table;
}

let lastWorld: DayWorld | undefined;
let lastDayNo = Number.NaN;
let lastTable: DayTable | undefined;

/**
 * Fill `out` with subscriber `s`'s day `dayNo` (days since 1970-01-01). The whole day of every
 * subscriber is generated on first use and kept while the population keeps fewer than
 * {@link SUBSCRIBER_DAYS_KEPT} subscriber-days; later days are generated record by record.
 */
export function fillDay(world: DayWorld, s: number, dayNo: number, out: Day): void {
  let table = lastWorld === world && lastDayNo === dayNo ? lastTable : undefined;
  if (table === undefined) {
    table = world.dayTables.get(dayNo);
    if (table === undefined) {
      if ((world.dayTables.size + 1) * world.subscribers.size > SUBSCRIBER_DAYS_KEPT) {
        generate(world, s, dayNo, out);
        out.avail = world.typesOn(dayNo);
        return;
      }
      table = generateDay(world, dayNo);
      world.dayTables.set(dayNo, table);
    }
    lastWorld = world;
    lastDayNo = dayNo;
    lastTable = table;
  }
  out.night = table.night[s] ?? 0;
  out.day = table.day[s] ?? 0;
  const base = s * 3 * TYPES;
  for (let k = 0; k < 3 * TYPES; k++) out.counts[k] = table.counts[base + k] ?? 0;
  for (let k = 0; k < 4; k++) out.spare[k] = ((table.spare[s * 4 + k] ?? 0) + 0.5) / 256;
  out.topup = table.topup[s] ?? 0;
  out.avail = table.avail;
}

/** Generate subscriber `s`'s day `dayNo` into `out`. */
function generate(world: DayWorld, s: number, dayNo: number, out: Day): void {
  const subs = world.subscribers;
  state = hash3(world.seed, s, dayNo);
  const home = subs.home[s] ?? 0;
  const dow = weekday(dayNo);
  const working = dow !== 0 && dow !== 6;
  let night = home;
  let day = home;
  const roll = next();
  if (roll < JOURNEY) {
    night = pick(world.siteCum, next());
    day = night;
  } else if (working && subs.commuter[s] === 1) {
    day = subs.work[s] ?? home;
  } else if (next() < OUTING) {
    const near = world.network.admin2Sites[world.network.region[2]?.[home] ?? 0];
    day = near === undefined || near.length === 0 ? home : (near[Math.floor(next() * near.length)] ?? home);
  }
  out.night = night;
  out.day = day;
  const counts = out.counts;
  counts.fill(0);
  const rate = (subs.activity[s] ?? 1) * (working ? 1 : 0.85);
  const silent = next() < SILENT;
  const n = silent ? 0 : Math.floor(rate * (0.35 + 1.3 * next()) + next());
  let early = Math.floor(n * (BLOCK_SHARE[0] ?? 0) + next());
  let evening = Math.floor(n * (BLOCK_SHARE[2] ?? 0) + next());
  if (early > n) early = n;
  if (early + evening > n) evening = n - early;
  for (let b = 0; b < 3; b++) {
    const k = b === 0 ? early : b === 2 ? evening : n - early - evening;
    let calls = Math.floor(k * 0.45 + next());
    if (calls > k) calls = k;
    let sms = Math.floor(k * 0.35 + next());
    if (calls + sms > k) sms = k - calls;
    counts[b * TYPES] = calls;
    counts[b * TYPES + 1] = sms;
    counts[b * TYPES + 2] = k - calls - sms;
  }
  out.topup = 0;
  if (!silent && next() < (subs.topupRate[s] ?? 0)) {
    counts[TYPES + 3] = 1;
    out.topup = Math.round((subs.topupMean[s] ?? 10) * (0.5 + next()) * 100) / 100;
  }
  // Stored as the day tables store them, so a record is the same whether it was cached or not.
  for (let k = 0; k < out.spare.length; k++) out.spare[k] = (Math.floor(next() * 256) + 0.5) / 256;
  for (let k = 0; k < counts.length; k++) if ((counts[k] ?? 0) > 255) counts[k] = 255;
  out.topup = Math.fround(out.topup);
}
