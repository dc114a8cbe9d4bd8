/**
 * The predictive poll schedule: from what the server said about a query (its progress) and how
 * long this connection's earlier queries took, estimate when the query will finish and place the
 * next poll there — far apart while it is unlikely to be done, close together around its
 * expected end. A pure function: marble tests and the bench drive it directly.
 *
 * The model. Candidate end times (ages since watching began) come from the connection's recent
 * query durations, mixed with a log-uniform prior over 0.1 s … 2 h (alone when there is no
 * history yet). With FlowAPI 1.18's progress, each candidate is weighed by how likely the parts
 * seen so far are if the query ends then: a query's `n` sub-queries are stored at times spread
 * over its execution (as uniform order statistics), so `k` parts stored and `n − 1 − k` still
 * due after the last poll weigh a candidate execution time `X` by `X^−k · ((X − τ)/X)^(n−1−k)`.
 * The next poll then goes out at the latest moment that keeps the expected notice delay the poll
 * buys below a tolerance (`noticeShare` of the query's age, at least `minToleranceMs`): the
 * square-root rule of optimal inspection, sparse where the end is unlikely, dense where it is due.
 * @module
 */

/** What one query's watch has seen, in ms since watching began. */
export interface PollHistory {
  /** Now. */
  readonly ageMs: number;
  /** When the latest answer (not final) was read. */
  readonly lastPollMs: number;
  /** When the query was first seen executing, or `null`. */
  readonly executingAtMs: number | null;
  /** Parts stored at the latest answer, or `null` without progress (FlowAPI ≤ 1.17). */
  readonly completedParts: number | null;
  /** Parts in all, or `null` without progress. */
  readonly totalParts: number | null;
}

/** The settings of the predictive schedule. */
export interface PredictiveSettings {
  /** Longest wait between two polls, ms. */
  readonly pollInterval: number;
  /** Shortest wait between two polls, ms. @defaultValue 50 */
  readonly minWaitMs: number;
  /** Notice delay a poll may buy, as a share of the query's age. @defaultValue 0.006 */
  readonly noticeShare: number;
  /** … and at least this, ms. @defaultValue 14 */
  readonly minToleranceMs: number;
}

/** Defaults of the predictive schedule (`npm run bench polite` measures them). */
export const DEFAULT_PREDICTIVE: PredictiveSettings = { pollInterval: 3000, minWaitMs: 50, noticeShare: 0.006, minToleranceMs: 14 };

/** One decision of the predictive schedule (what debug logging shows). */
export interface PollEstimate {
  /** Wait before the next poll, ms. */
  readonly delayMs: number;
  /** Probability that the query has finished between its last poll and the next one (the budget's priority). */
  readonly pDone: number;
  /** Median of the estimated end, ms since watching began; `null` when nothing is left to go on or not asked for (`explain` false). */
  readonly expectedEndMs: number | null;
  /** What the estimate rests on. */
  readonly basis: 'history' | 'prior' | 'age';
}

/** Durations (ms) a connection remembers, newest last. */
export const DURATION_MEMORY = 64;

const PRIOR_MIN_MS = 100;
const PRIOR_MAX_MS = 2 * 3600_000;
const PRIOR_POINTS = 40;
const PRIOR_RATIO = (PRIOR_MAX_MS / PRIOR_MIN_MS) ** (1 / (PRIOR_POINTS - 1));
const PRIOR = /* @__PURE__ */ Array.from({ length: PRIOR_POINTS }, (_, i) => PRIOR_MIN_MS * PRIOR_RATIO ** i);
/** History needed before it outweighs the prior. */
const MIN_HISTORY = 3;

interface Candidates {
  readonly at: Float64Array;
  readonly spread: Float64Array;
  readonly weight: Float64Array;
}

/** P(end > t) under the candidates (logistic kernels), unnormalised. */
function survival(c: Candidates, t: number): number {
  let s = 0;
  for (let i = 0; i < c.at.length; i++) {
    const w = c.weight[i] ?? 0;
    if (w === 0) continue;
    s += w / (1 + Math.exp((t - (c.at[i] ?? 0)) / (c.spread[i] ?? 1)));
  }
  return s;
}

/** Candidate end times with their prior weights and kernel spreads. */
function candidates(durations: readonly number[]): { c: Candidates; basis: 'history' | 'prior' } {
  const history = durations.filter((d) => Number.isFinite(d) && d > 0);
  const useHistory = history.length >= MIN_HISTORY;
  const n = (useHistory ? history.length : 0) + PRIOR_POINTS;
  const c: Candidates = { at: new Float64Array(n), spread: new Float64Array(n), weight: new Float64Array(n) };
  let i = 0;
  if (useHistory) {
    // Kernel width by Silverman's rule on log-durations (scale-free), as a logistic scale: few
    // or scattered samples are smoothed more, so no gap between them passes for a safe wait.
    const logs = history.map(Math.log);
    const mu = logs.reduce((a, b) => a + b, 0) / logs.length;
    const sigma = Math.sqrt(logs.reduce((a, b) => a + (b - mu) ** 2, 0) / logs.length);
    const relative = Math.min(0.08, Math.max(0.03, (1.06 * sigma * logs.length ** -0.2) / 1.81));
    for (const d of history) {
      c.at[i] = d;
      c.spread[i] = Math.max(15, relative * d);
      c.weight[i] = 1;
      i++;
    }
  }
  const priorWeight = (useHistory ? 0.1 * history.length : 1) / PRIOR_POINTS;
  for (const p of PRIOR) {
    c.at[i] = p;
    c.spread[i] = 0.5 * (PRIOR_RATIO - 1) * p;
    c.weight[i] = priorWeight;
    i++;
  }
  return { c, basis: useHistory ? 'history' : 'prior' };
}

/** Weigh candidates by how likely the progress seen is if the query ends at each. */
function weighByProgress(c: Candidates, h: PollHistory): void {
  const { executingAtMs: e, completedParts: k, totalParts: n } = h;
  if (e === null || k === null || n === null || n < 2 || k >= n) return;
  const tau = Math.max(0, h.lastPollMs - e);
  const logs = new Float64Array(c.at.length);
  let best = -Infinity;
  for (let i = 0; i < c.at.length; i++) {
    const x = Math.max((c.at[i] ?? 0) - e, tau + 1, 1);
    const log = -k * Math.log(x) + (n - 1 - k) * Math.log((x - tau) / x);
    logs[i] = log;
    if (log > best) best = log;
  }
  for (let i = 0; i < c.at.length; i++) c.weight[i] = (c.weight[i] ?? 0) * Math.exp((logs[i] ?? 0) - best);
}

/** The median end after `from`, by bisection on the survival. */
function median(c: Candidates, from: number, sFrom: number, pollInterval: number): number {
  let lo = from;
  let hi = from + Math.max(pollInterval, 1000);
  while (survival(c, hi) > sFrom / 2 && hi < PRIOR_MAX_MS * 4) hi *= 2;
  for (let step = 0; step < 30; step++) {
    const mid = (lo + hi) / 2;
    if (survival(c, mid) > sFrom / 2) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

/**
 * The next poll of a query, predicted (see the module's text). Without anything to go on (the
 * query is older than every candidate) it falls back to waiting a quarter of its age.
 * @param explain - also work out `expectedEndMs` (for debug logging; about half the cost)
 */
export function estimateNextPoll(h: PollHistory, durations: readonly number[], settings: PredictiveSettings = DEFAULT_PREDICTIVE, explain = true): PollEstimate {
  const { c, basis } = candidates(durations);
  weighByProgress(c, h);
  const longest = Math.max(settings.minWaitMs, settings.pollInterval);
  const clamp = (d: number) => Math.round(Math.min(longest, Math.max(settings.minWaitMs, d)));
  const sLast = survival(c, h.lastPollMs);
  const sNow = survival(c, h.ageMs);
  if (!(sLast > 1e-12) || !(sNow > 1e-12 * sLast)) {
    return { delayMs: clamp(0.25 * h.ageMs), pDone: 1, expectedEndMs: null, basis: 'age' };
  }
  const tolerance = Math.max(settings.minToleranceMs, settings.noticeShare * h.ageMs) * sNow;
  // Largest d with ∫_now^{now+d} (S(t) − S(now+d)) dt ≤ tolerance · S(now): the expected delay this poll buys.
  let d = 0;
  let area = 0;
  let sPrev = sNow;
  while (d < longest) {
    const step = Math.max(5, 0.03 * (h.ageMs + d));
    const sNext = survival(c, h.ageMs + d + step);
    const nextArea = area + ((sPrev + sNext) / 2) * step;
    if (nextArea - (d + step) * sNext > tolerance) break;
    area = nextArea;
    d += step;
    sPrev = sNext;
  }
  const delayMs = clamp(d);
  const pDone = Math.min(1, Math.max(0, 1 - survival(c, h.ageMs + delayMs) / sLast));
  // The median costs more than the decision itself: worked out only for debug logging.
  const expectedEndMs = explain ? Math.round(median(c, h.ageMs, sNow, settings.pollInterval)) : null;
  return { delayMs, pDone, expectedEndMs, basis };
}
