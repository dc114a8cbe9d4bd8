/** Helpers of the Angular specs: wait for what a view shows, without polling or detectChanges. */
import { Input } from '@angular/core';

/**
 * Resolve with every distinct non-empty text `element` showed, once its text satisfies `done`; checks on
 * each DOM change (a MutationObserver), so it sees what change detection rendered and nothing
 * else. Rejects after `timeoutMs` with the texts seen.
 */
export function textUntil(element: Element, done: (text: string) => boolean, timeoutMs = 15_000): Promise<string[]> {
  const seen: string[] = [];
  const text = () => (element.textContent ?? '').replace(/\s+/g, ' ').trim();
  const record = () => {
    const now = text();
    if (now !== '' && seen.at(-1) !== now) seen.push(now); // '' before the first render
    return done(now);
  };
  return new Promise((resolve, reject) => {
    if (record()) return resolve(seen);
    const observer = new MutationObserver(() => {
      if (!record()) return;
      finish();
      resolve(seen);
    });
    const timer = setTimeout(() => {
      finish();
      reject(new Error(`view never matched; it showed: ${JSON.stringify(seen)}`));
    }, timeoutMs);
    const finish = () => {
      observer.disconnect();
      clearTimeout(timer);
    };
    observer.observe(element, { subtree: true, childList: true, characterData: true });
  });
}

/** The text of the first element matching `selector` under `root`. */
export function textOf(root: Element, selector: string): string {
  return (root.querySelector(selector)?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/**
 * Declare `names` as signal inputs (`input()`, `input.required()`) of `component` for Angular's
 * JIT compiler, as the Angular CLI's JIT transform does (its `@Input({ isSignal: true })`): this
 * repository compiles components just in time, without the CLI. Call before the component is
 * first used.
 */
export function signalInputs(component: object, ...names: string[]): void {
  const propDecorators = Object.fromEntries(names.map((name) => [name, [{ type: Input, args: [{ isSignal: true, alias: name, required: true }] }]]));
  Object.defineProperty(component, 'propDecorators', { value: propDecorators, configurable: true });
}
