import { RequestAbort, RequestSignal } from '../../src/http/request-abort.js';

describe('RequestSignal', () => {
  it('calls each abort listener once, with the signal as this, and reports aborted', () => {
    const signal = new RequestSignal();
    const seen: unknown[] = [];
    signal.addEventListener('abort', function (this: RequestSignal, event) {
      seen.push([this, event.type]);
    });
    expect(signal.aborted).toBeFalse();
    signal.abort();
    signal.abort();
    expect(signal.aborted).toBeTrue();
    expect(seen).toEqual([[signal, 'abort']]);
    expect(signal.reason).toBeUndefined();
  });

  it('forgets removed listeners and ignores other event types and listeners added after the abort', () => {
    const signal = new RequestSignal();
    const removed = jasmine.createSpy('removed');
    const other = jasmine.createSpy('other');
    signal.addEventListener('abort', removed);
    signal.removeEventListener('abort', removed);
    signal.addEventListener('progress', other);
    signal.abort();
    const late = jasmine.createSpy('late');
    signal.addEventListener('abort', late);
    expect(removed).not.toHaveBeenCalled();
    expect(other).not.toHaveBeenCalled();
    expect(late).not.toHaveBeenCalled();
  });

  it('has no unsubscribe member, which axios would take for its own listener removal', () => {
    expect('unsubscribe' in new RequestSignal()).toBeFalse();
  });
});

describe('RequestAbort', () => {
  it('aborts its signal on unsubscribe while the request is in flight', () => {
    const lifetime = new RequestAbort();
    const listener = jasmine.createSpy('listener');
    lifetime.signal.addEventListener('abort', listener);
    lifetime.unsubscribe();
    expect(lifetime.signal.aborted).toBeTrue();
    expect(listener).toHaveBeenCalledTimes(1);
  });

  // Real timers, short: Jasmine's clock cannot install over zone.js' timers in the whole Karma bundle.
  const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

  it('aborts its signal when timeoutMs pass first, with the timeout as the reason', async () => {
    const lifetime = new RequestAbort(30);
    const listener = jasmine.createSpy('listener');
    lifetime.signal.addEventListener('abort', listener);
    expect(lifetime.signal.aborted).toBeFalse();
    await sleep(80);
    expect(listener).toHaveBeenCalledTimes(1);
    expect(lifetime.timedOut).toBeTrue();
    expect(lifetime.signal.reason?.message).toBe('timeout of 30ms exceeded');
    expect(lifetime.signal.reason?.code).toBe('ECONNABORTED');
  });

  it('clears its timer when the request settles or is unsubscribed, and has none with timeoutMs 0', async () => {
    const settled = new RequestAbort(30);
    settled.settle();
    const unsubscribed = new RequestAbort(30);
    unsubscribed.unsubscribe();
    const unlimited = new RequestAbort(0);
    await sleep(80);
    expect(settled.signal.aborted).toBeFalse();
    expect(unsubscribed.timedOut).withContext('aborted by unsubscribe, not by time').toBeFalse();
    expect(unsubscribed.signal.reason).toBeUndefined();
    expect(unlimited.signal.aborted).toBeFalse();
  });

  it('leaves a settled request alone', () => {
    const lifetime = new RequestAbort();
    const listener = jasmine.createSpy('listener');
    lifetime.signal.addEventListener('abort', listener);
    lifetime.settle();
    lifetime.unsubscribe();
    expect(lifetime.signal.aborted).toBeFalse();
    expect(listener).not.toHaveBeenCalled();
  });
});
