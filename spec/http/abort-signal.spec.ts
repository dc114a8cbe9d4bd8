import { RequestAbort } from '../../src/http/abort-signal.js';

describe('RequestAbort', () => {
  it('calls each abort listener once, with the signal as this, and reports aborted', () => {
    const signal = new RequestAbort();
    const seen: unknown[] = [];
    signal.addEventListener('abort', function (this: RequestAbort, event) {
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
    const signal = new RequestAbort();
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
});
