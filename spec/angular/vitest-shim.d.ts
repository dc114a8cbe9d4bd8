/**
 * The part of Vitest's API that the Angular guide's Vitest recipe (spec/angular/guide/src/app/dashboard.spec.ts)
 * uses, so `tsc` type-checks the recipe here; Vitest itself is not installed in this repository.
 */
declare module 'vitest' {
  /** Assertions on a value polled until they pass (or the timeout ends). */
  interface PollAssertion<T> {
    toBe(expected: T): Promise<void>;
    toEqual(expected: T): Promise<void>;
    toMatch(expected: RegExp | string): Promise<void>;
    toContain(expected: string): Promise<void>;
  }
  /** Assertions on a value. */
  interface Assertion<T> {
    toBe(expected: T): void;
    toEqual(expected: T): void;
    toMatch(expected: RegExp | string): void;
    toContain(expected: string): void;
  }
  interface ExpectStatic {
    <T>(actual: T): Assertion<T>;
    poll<T>(read: () => T | Promise<T>, options?: { timeout?: number; interval?: number }): PollAssertion<Awaited<T>>;
  }
  export const expect: ExpectStatic;
  export function describe(name: string, body: () => void): void;
  export function it(name: string, body: () => unknown, timeoutMs?: number): void;
  export function beforeAll(hook: () => unknown, timeoutMs?: number): void;
  export function afterAll(hook: () => unknown, timeoutMs?: number): void;
}
