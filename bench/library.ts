/**
 * The library as its users run it: the build in `dist/` (`npm run bench` builds it first), typed
 * by the sources. Measuring the sources through tsx would add tsx's own cost (it keeps function
 * names by redefining `name` on every closure it creates).
 */
import type * as Library from '../src/index.js';

const built = new URL('../dist/src/index.js', import.meta.url);

/** The built library's exports. */
export const lib = (await import(built.href)) as typeof Library;
