// What `npm pack` puts in the tarball: the built entries of every export and bin, the guides the
// README links to, LICENSE (MPL-2.0) and CHANGELOG; every relative link of the README and the
// guides resolves inside it; publint (strict) finds nothing. Builds dist/ once if it is missing.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { publint } from 'publint';

interface PackageJson {
  license: string;
  exports: Record<string, string | Record<string, string>>;
  bin: Record<string, string>;
}

const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as PackageJson;
/** Every file the package's exports and bins point at, as a path inside the package. */
const entries = [
  ...Object.values(pkg.exports).flatMap((target) => (typeof target === 'string' ? [target] : Object.values(target))),
  ...Object.values(pkg.bin),
].map((path) => normalize(path));

/** Relative link targets of a Markdown file (no URL, no in-page anchor), as paths inside the package. */
function relativeLinks(file: string): string[] {
  const text = readFileSync(file, 'utf8').replace(/^```[\s\S]*?^```$/gm, ''); // links, not code
  return [...text.matchAll(/\]\(([^)\s]+)\)/g)]
    .map((m) => (m[1] ?? '').split('#')[0] ?? '')
    .filter((target) => target !== '' && !/^[a-z][a-z0-9+.-]*:/i.test(target))
    .map((target) => normalize(join(dirname(file), target)));
}

describe('the npm package', () => {
  let packed: Set<string>;
  beforeAll(() => {
    if (!entries.every((entry) => existsSync(entry))) execFileSync('npm', ['run', 'build'], { stdio: 'ignore' });
    const [pack] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })) as Array<{ files: Array<{ path: string }> }>;
    packed = new Set((pack?.files ?? []).map((f) => normalize(f.path)));
  }, 120_000);

  it('holds the built file of every export and bin', () => {
    expect(entries.length).toBeGreaterThan(6);
    expect(entries.filter((entry) => !packed.has(entry))).toEqual([]);
  });

  it('holds every guide, the README, LICENSE and CHANGELOG', () => {
    const guides = readdirSync(join('docs', 'guides')).filter((f) => f.endsWith('.md')).map((f) => join('docs', 'guides', f));
    expect(guides.length).toBeGreaterThan(5);
    expect([...guides, 'README.md', 'LICENSE', 'CHANGELOG.md', 'package.json'].filter((file) => !packed.has(file))).toEqual([]);
  });

  it("ships FlowKit's licence, MPL-2.0, and a changelog of this version", () => {
    expect(pkg.license).toBe('MPL-2.0');
    expect(readFileSync('LICENSE', 'utf8')).toMatch(/^Mozilla Public License Version 2\.0\n/);
    const version = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version;
    expect(readFileSync('CHANGELOG.md', 'utf8')).toContain(`\n## ${version}\n`);
  });

  it('ships nothing of the tests, the bench or the monitor', () => {
    expect([...packed].filter((file) => /^(spec|bench|monitor|scripts|src|server|cli)\//.test(file))).toEqual([]);
  });

  it('has every relative link of the README and the packed guides resolve inside the tarball', () => {
    const documents = [...packed].filter((file) => file.endsWith('.md'));
    const links = documents.flatMap((file) => relativeLinks(file).map((target) => `${file} → ${target}`));
    expect(links.length).toBeGreaterThan(5);
    expect(links.filter((link) => !packed.has(link.split(' → ')[1] ?? ''))).toEqual([]);
  });

  it('passes publint in strict mode', async () => {
    const { messages } = await publint({ pkgDir: '.', strict: true, pack: 'npm' });
    expect(messages.map((m) => `${m.type} ${m.code} ${m.path.join('.')}`)).toEqual([]);
  });
});
