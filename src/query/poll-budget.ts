/**
 * A connection's poll budget: at most `maxPollsPerSecond` polls in any one-second window, across
 * every query the connection watches. A poll that fits goes out at once; the others wait in one
 * queue, and each time room frees up it goes to the waiting query most likely to have finished
 * (its {@link PollEstimate.pDone}), raised by how long it has waited so that none starves.
 * @module
 */
import { asyncScheduler, type SchedulerAction, type SchedulerLike, type Subscription, type Unsubscribable } from 'rxjs';

/** Something waiting for a poll slot (a watched query's loop). */
export interface BudgetClient {
  /** Called once when the slot is granted: poll now. */
  grant(): void;
}

interface Waiting {
  readonly client: BudgetClient;
  readonly priority: number;
  readonly since: number;
}

/** Default cap on a connection's polls per second, all watched queries together. */
export const DEFAULT_MAX_POLLS_PER_SECOND = 100;

const WINDOW_MS = 1000;

/** The poll budget of one connection (see the module's text). */
export class PollBudget {
  /** The cap, polls per second. */
  declare readonly maxPollsPerSecond: number;
  readonly #scheduler: SchedulerLike;
  readonly #agingMs: number;
  /** Send times of the latest polls, a ring of `maxPollsPerSecond` entries. */
  readonly #sent: number[];
  #next = 0;
  readonly #waiting: Waiting[] = [];
  #timer: Subscription | undefined;
  #granted = 0;

  /**
   * @param maxPollsPerSecond - the cap (a positive integer; `Infinity` for none)
   * @param agingMs - waiting this long adds 1 to a query's priority (more than any `pDone`)
   */
  constructor(maxPollsPerSecond: number, agingMs = 3000, scheduler: SchedulerLike = asyncScheduler) {
    this.maxPollsPerSecond = maxPollsPerSecond;
    this.#agingMs = agingMs;
    this.#scheduler = scheduler;
    this.#sent = Number.isFinite(maxPollsPerSecond) ? new Array<number>(maxPollsPerSecond).fill(-Infinity) : [];
  }

  /** Polls granted so far. */
  get granted(): number {
    return this.#granted;
  }

  /**
   * How much of the budget the last second used, 0 to 1 (1 also while queries wait for a slot);
   * 0 without a cap. A predictive watch spaces its polls wider as it rises.
   */
  load(): number {
    if (this.#sent.length === 0) return 0;
    if (this.#waiting.length > 0) return 1;
    const since = this.#scheduler.now() - WINDOW_MS;
    let recent = 0;
    for (const at of this.#sent) if (at > since) recent += 1;
    return recent / this.#sent.length;
  }

  /** Queries waiting for a slot now. */
  get waiting(): number {
    return this.#waiting.length;
  }

  /**
   * Ask for a slot: `client.grant()` is called now if the window has room, else later by
   * priority. Unsubscribing the returned handle withdraws a request still waiting.
   */
  request(client: BudgetClient, priority: number): Unsubscribable {
    if (this.#waiting.length === 0 && this.#roomAt(this.#scheduler.now())) {
      this.#send(client);
      return NOTHING;
    }
    const entry: Waiting = { client, priority, since: this.#scheduler.now() };
    this.#waiting.push(entry);
    this.#arm();
    return { unsubscribe: () => this.#withdraw(entry) };
  }

  #roomAt(now: number): boolean {
    return this.#sent.length === 0 || now - (this.#sent[this.#next] ?? -Infinity) >= WINDOW_MS;
  }

  #send(client: BudgetClient): void {
    if (this.#sent.length > 0) {
      this.#sent[this.#next] = this.#scheduler.now();
      this.#next = (this.#next + 1) % this.#sent.length;
    }
    this.#granted += 1;
    client.grant();
  }

  #withdraw(entry: Waiting): void {
    const i = this.#waiting.indexOf(entry);
    if (i >= 0) this.#waiting.splice(i, 1);
    if (this.#waiting.length === 0) {
      this.#timer?.unsubscribe();
      this.#timer = undefined;
    }
  }

  /** One timer for the whole queue: when the oldest poll in the window leaves it. */
  #arm(): void {
    if (this.#timer !== undefined || this.#waiting.length === 0) return;
    const wait = Math.max(0, (this.#sent[this.#next] ?? -Infinity) + WINDOW_MS - this.#scheduler.now());
    this.#timer = this.#scheduler.schedule<PollBudget>(PollBudget.#release, wait, this);
  }

  static #release(this: SchedulerAction<PollBudget>, budget?: PollBudget): void {
    if (budget === undefined) return;
    budget.#timer = undefined;
    const now = budget.#scheduler.now();
    while (budget.#waiting.length > 0 && budget.#roomAt(now)) {
      const i = budget.#best(now);
      const [entry] = budget.#waiting.splice(i, 1);
      if (entry !== undefined) budget.#send(entry.client);
    }
    budget.#arm();
  }

  /** Index of the waiting query to serve first. */
  #best(now: number): number {
    let best = 0;
    let bestScore = -Infinity;
    for (let i = 0; i < this.#waiting.length; i++) {
      const w = this.#waiting[i];
      if (w === undefined) continue;
      const score = w.priority + (now - w.since) / this.#agingMs;
      if (score > bestScore) {
        bestScore = score;
        best = i;
      }
    }
    return best;
  }
}

const NOTHING: Unsubscribable = { unsubscribe: () => undefined };
