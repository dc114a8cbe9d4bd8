/**
 * The subscribers of the synthetic country, as typed-array columns: home and work sites,
 * activity, handset, top-up habits, contacts.
 */
import { gaussian, type Network } from './country.js';
import { stream } from './hash.js';

/** Subscriber columns (index = subscriber number). */
export interface Subscribers {
  /** Number of subscribers. */
  readonly size: number;
  /** Home site (night location). */
  readonly home: Int32Array;
  /** Work site (daytime location on weekdays); the home site for non-commuters. */
  readonly work: Int32Array;
  /** 1 for commuters (work elsewhere on weekdays). */
  readonly commuter: Uint8Array;
  /** Mean calls + SMS + data sessions per day. */
  readonly activity: Float32Array;
  /** Handset model (index into the handset catalogue). */
  readonly handset: Uint8Array;
  /** Probability of a top-up on a given day. */
  readonly topupRate: Float32Array;
  /** Mean top-up amount. */
  readonly topupMean: Float32Array;
  /** Distinct contacts the subscriber talks to. */
  readonly contacts: Uint16Array;
}

/** Cumulative weights of sites, for weighted draws. */
export function cumulative(weights: Float64Array): Float64Array {
  const out = new Float64Array(weights.length);
  let sum = 0;
  weights.forEach((w, k) => (out[k] = sum += w));
  return out;
}

/** Index drawn from cumulative weights with a uniform `u`. */
export function pick(cum: Float64Array, u: number): number {
  const target = u * (cum[cum.length - 1] ?? 0);
  let lo = 0;
  let hi = cum.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((cum[mid] ?? 0) > target) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** Share of subscribers who commute on weekdays. */
const COMMUTERS = 0.38;

/** Build `size` subscribers over a network (a few milliseconds per 100,000). */
export function buildSubscribers(seed: number, size: number, network: Network, handsets: number): Subscribers {
  const rand = stream(seed ^ 0x6a09e667);
  const cum = cumulative(network.weight);
  const home = new Int32Array(size);
  const work = new Int32Array(size);
  const commuter = new Uint8Array(size);
  const activity = new Float32Array(size);
  const handset = new Uint8Array(size);
  const topupRate = new Float32Array(size);
  const topupMean = new Float32Array(size);
  const contacts = new Uint16Array(size);
  for (let s = 0; s < size; s++) {
    const h = pick(cum, rand());
    home[s] = h;
    work[s] = h;
    if (rand() < COMMUTERS) {
      commuter[s] = 1;
      // Most commute within their district; the rest to anywhere, drawn to the cities.
      const near = network.admin2Sites[network.region[2]?.[h] ?? 0] ?? new Int32Array(0);
      const w = rand() < 0.6 && near.length > 1 ? (near[Math.floor(rand() * near.length)] ?? h) : pick(cum, rand());
      work[s] = w;
    }
    activity[s] = Math.max(0.3, Math.exp(1.6 + 0.7 * gaussian(rand)));
    handset[s] = Math.floor(rand() * rand() * handsets * 1.999) % handsets;
    topupRate[s] = 0.05 + 0.25 * rand();
    topupMean[s] = Math.round(Math.exp(3 + 0.8 * gaussian(rand)) * 100) / 100;
    contacts[s] = 3 + Math.floor(Math.exp(2.5 + 0.6 * gaussian(rand)));
  }
  return { size, home, work, commuter, activity, handset, topupRate, topupMean, contacts };
}
