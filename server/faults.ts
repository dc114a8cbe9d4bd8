/**
 * Fault injection state: latency per route, and lists of bursts, resets, stalls, dripped replies
 * and cut result streams whose entries are consumed in order (each use decrements `count`).
 */
import { json, type Answer } from './responses.js';
import type { FaultOptions, RouteName } from './types.js';

interface Counted {
  route?: RouteName;
  count: number;
}

function take<T extends Counted>(list: T[] | undefined, route: RouteName | null): T | null {
  const entry = list?.find((e) => e.count > 0 && (route === null || e.route === undefined || e.route === route));
  if (!entry) return null;
  entry.count -= 1;
  return entry;
}

/** The faults active on a server. */
export class Faults {
  private active: FaultOptions = {};

  constructor(faults?: FaultOptions) {
    this.set(faults ?? {});
  }

  /** Replace the active faults (a copy is kept, so the caller's object is not consumed). */
  set(faults: FaultOptions): void {
    this.active = structuredClone(faults);
  }

  /** Added latency for a request to `route`, in milliseconds. */
  latencyFor(route: RouteName): number {
    const latency = this.active.latencyMs;
    if (typeof latency === 'number') return latency;
    return latency?.[route] ?? 0;
  }

  /** Milliseconds the next request to `route` must stall, if a stall applies. */
  takeStall(route: RouteName): number | null {
    return take(this.active.stalls, route)?.ms ?? null;
  }

  /** Milliseconds between two body bytes of the next reply to `route`, if a drip applies. */
  takeDrip(route: RouteName): number | null {
    return take(this.active.drips, route)?.intervalMs ?? null;
  }

  /** Whether the next request to `route` must lose its connection. */
  takeReset(route: RouteName): boolean {
    return take(this.active.resets, route) !== null;
  }

  /** The injected answer for the next request to `route`, if a burst applies. */
  takeBurst(route: RouteName): Answer | null {
    const burst = take(this.active.bursts, route);
    if (!burst) return null;
    const base =
      burst.body === undefined
        ? json(burst.status, { status: 'error', msg: `Injected ${burst.status}` })
        : { status: burst.status, body: burst.body, contentType: burst.contentType ?? 'application/json' };
    return { ...base, headers: { ...(burst.headers ?? {}) } };
  }

  /** Bytes after which the next result stream must be cut, if a cut applies. */
  takeCut(): number | null {
    const list = this.active.cutResults;
    const entry = list?.find((e) => e.count > 0);
    if (!entry) return null;
    entry.count -= 1;
    return entry.afterBytes;
  }
}
