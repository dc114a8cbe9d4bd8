// The Angular guide shows the app of spec/angular/guide/ file for file: each ```ts <path> or
// ```json <path> block of docs/guides/angular.md must be that file, byte for byte
// (spec/angular/guide.spec.ts bootstraps the app in Chromium; tsc type-checks every file).
import { readFileSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const guide = readFileSync(resolve('docs', 'guides', 'angular.md'), 'utf8');
const dir = resolve('spec', 'angular', 'guide');
const blocks = new Map([...guide.matchAll(/^```(?:ts|json) (\S+)\n([\s\S]*?)^```$/gm)].map((m) => [m[1] ?? '', m[2] ?? '']));
const files = readdirSync(dir, { recursive: true, encoding: 'utf8' })
  .filter((f) => /\.(ts|json)$/.test(f))
  .map((f) => relative(dir, join(dir, f)).split('\\').join('/'));

describe('the Angular guide', () => {
  it('shows every file of the app, and no other named block', () => {
    expect([...blocks.keys()].sort()).toEqual(files.sort());
  });

  for (const file of files) {
    it(`shows ${file} exactly as compiled`, () => {
      expect(blocks.get(file)).toBe(readFileSync(join(dir, file), 'utf8'));
    });
  }

  it('has no unnamed TypeScript block that nothing compiles', () => {
    expect(guide.match(/^```ts\s*$/gm)).toBeNull();
  });

  it("keeps the CLI's bootstrap, selector and global error listeners", () => {
    expect(blocks.get('src/main.ts')).toContain('bootstrapApplication(App, appConfig)');
    expect(blocks.get('src/app/app.ts')).toContain("selector: 'app-root'");
    expect(blocks.get('src/app/app.config.ts')).toContain('provideBrowserGlobalErrorListeners(),');
  });
});
