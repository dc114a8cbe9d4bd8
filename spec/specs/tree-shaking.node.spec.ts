/**
 * Pay for what you import: small entries bundled from the sources with esbuild for the browser,
 * as bench/bundle.ts bundles (minified, rxjs/axios/jwt-decode external, the package's
 * `sideEffects: false` in force), keep only the builders and wrappers they import, and the main
 * entry leaves the `BUILDERS` registry to `flowclient-rx/forms`.
 */
import { bundled as bundle } from '../../bench/bundle.js';
import { QUERY_KINDS } from '../../src/specs/kinds.js';

interface Bundled {
  /** The minified code. */
  code: string;
  /** Source files (relative to the repository) that put bytes into it. */
  modules: string[];
}

/** `source` bundled as the bundle benchmark does (bench/bundle.ts), the code as text. */
async function bundled(source: string): Promise<Bundled> {
  const { code, modules } = await bundle(source);
  return { code: new TextDecoder().decode(code), modules: modules.map((m) => m.path) };
}

/** The `query_kind` strings that appear quoted in `code`. */
const kindsIn = (code: string): string[] => QUERY_KINDS.filter((kind) => code.includes(`"${kind}"`) || code.includes(`'${kind}'`));

describe('tree-shaking', () => {
  it('dailyLocationSpec alone carries no other kind', async () => {
    const { code, modules } = await bundled("export { dailyLocationSpec } from './src/index.js';");
    expect(kindsIn(code)).toEqual(['daily_location']);
    expect(modules).toContain('src/specs/locations.ts');
    expect(modules.filter((m) => /specs\/(aggregates|flows|metrics|meaningful-locations|registry|wrappers)\.ts$/.test(m))).toEqual([]);
  }, 30_000);

  it('a wrapper pulls its own spec module, not every wrapper\'s', async () => {
    const { code, modules } = await bundled("export { flows } from './src/index.js';");
    const specModules = modules.filter((m) => m.startsWith('src/specs/') && !/(checks|fields|common-fields|values|kinds|aggregation-units|wrappers|tuples)\.ts$/.test(m));
    expect(specModules).toEqual(['src/specs/flows.ts']);
    // flows takes location specs of these kinds (FlowAPI's InputToFlowsSchema); nothing else.
    expect(kindsIn(code).sort()).toEqual(
      ['coalesced_location', 'daily_location', 'flows', 'majority_location', 'modal_location', 'most_frequent_location', 'unique_locations'].sort(),
    );
  }, 30_000);

  it('spatialAggregate and dailyLocationSpec keep two builder modules', async () => {
    const { code, modules } = await bundled("export { spatialAggregate, dailyLocationSpec } from './src/index.js';");
    expect(modules.filter((m) => /specs\/(flows|metrics|metrics-statistics|meaningful-locations|derived-locations|location-counts|network-objects|reference-location-counts|sampling|registry)\.ts$/.test(m))).toEqual([]);
    expect(kindsIn(code)).not.toContain('histogram_aggregate');
    expect(kindsIn(code)).not.toContain('meaningful_locations_aggregate');
  }, 30_000);

  it('the main entry leaves BUILDERS to flowclient-rx/forms', async () => {
    const main = await bundled("export * from './src/index.js';");
    expect(main.modules).not.toContain('src/specs/registry.ts');
    const forms = await bundled("export { BUILDERS } from './src/forms.js';");
    expect(forms.modules).toContain('src/specs/registry.ts');
    expect(kindsIn(forms.code).length).toBe(QUERY_KINDS.length);
  }, 30_000);
});
