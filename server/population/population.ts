/**
 * The synthetic population a test server computes every result from: the country, its
 * subscribers and the days they have events on, built once per (seed, subscribers, dates) and
 * shared by every server of the process that asks for the same.
 */
import { EVENT_TYPES, TYPES, type DayWorld } from './activity.js';
import { buildCountry, type Country } from './country.js';
import { HANDSETS } from './handsets.js';
import { buildSubscribers, cumulative } from './subscribers.js';

/** Default number of subscribers. */
export const DEFAULT_SUBSCRIBERS = 100_000;
/** Default seed. */
export const DEFAULT_SEED = 1;

/** What a population is built from. */
export interface PopulationOptions {
  /** Country seed. @defaultValue {@link DEFAULT_SEED} */
  readonly seed?: number;
  /** Subscribers. @defaultValue {@link DEFAULT_SUBSCRIBERS} */
  readonly subscribers?: number;
  /** Dates with events, per event type (`calls`, `sms`, `mds`, `topups`; others ignored). */
  readonly dates: Readonly<Record<string, readonly string[]>>;
}

/** A built population. */
export interface Population extends DayWorld {
  /** Key it is memoized under. */
  readonly key: string;
  /** The country. */
  readonly country: Country;
  /** Days (since 1970-01-01) with events, per event type index. */
  readonly days: readonly ReadonlySet<number>[];
}

const DAY_MS = 86_400_000;

/** Day number (days since 1970-01-01) of a `YYYY-MM-DD` date, or `NaN`. */
export function dayNumber(date: string): number {
  return Math.round(Date.parse(`${date.slice(0, 10)}T00:00:00Z`) / DAY_MS);
}

/** `YYYY-MM-DD` of a day number. */
export function dateOf(dayNo: number): string {
  return new Date(dayNo * DAY_MS).toISOString().slice(0, 10);
}

const built = new Map<string, Population>();
const countries = new Map<number, Country>();

/**
 * The population for `options`, built on first use and memoized for the life of the process
 * (its days are generated when first read; see `fillDay`).
 */
export function populationFor(options: PopulationOptions): Population {
  const seed = Math.trunc(options.seed ?? DEFAULT_SEED);
  const size = Math.max(1, Math.trunc(options.subscribers ?? DEFAULT_SUBSCRIBERS));
  const days = EVENT_TYPES.map((t) => new Set((options.dates[t] ?? []).map(dayNumber).filter(Number.isFinite)));
  const key = `${seed}/${size}/${days.map((d) => [...d].sort((a, b) => a - b).join(',')).join('|')}`;
  const known = built.get(key);
  if (known) return known;
  let country = countries.get(seed);
  if (!country) {
    country = buildCountry(seed);
    countries.set(seed, country);
  }
  const subscribers = buildSubscribers(seed, size, country.network, HANDSETS.length);
  const population: Population = {
    key,
    seed,
    country,
    network: country.network,
    siteCum: cumulative(country.network.weight),
    subscribers,
    days: days.slice(0, TYPES),
    typesOn: (dayNo) => days.reduce((mask, set, t) => (set.has(dayNo) ? mask | (1 << t) : mask), 0),
    dayTables: new Map(),
  };
  built.set(key, population);
  return population;
}
