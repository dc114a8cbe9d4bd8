// The Angular guide shows the example of spec/angular/guide/ file for file: each ```ts <file>
// block of docs/guides/angular.md must be that file, byte for byte (spec/angular/guide.spec.ts
// compiles and runs the files in Chromium).
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

const guide = readFileSync(resolve('docs', 'guides', 'angular.md'), 'utf8');
const dir = resolve('spec', 'angular', 'guide');
const blocks = new Map([...guide.matchAll(/^```ts (\S+)\n([\s\S]*?)^```$/gm)].map((m) => [m[1] ?? '', m[2] ?? '']));

describe('the Angular guide', () => {
  it('shows every file of the compiled example, and no other named block', () => {
    expect([...blocks.keys()].sort()).toEqual(readdirSync(dir).filter((f) => f.endsWith('.ts')).sort());
  });

  for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts'))) {
    it(`shows ${file} exactly as compiled`, () => {
      expect(blocks.get(file)).toBe(readFileSync(join(dir, file), 'utf8'));
    });
  }

  it('has no unnamed TypeScript block that nothing compiles', () => {
    expect(guide.match(/^```ts\s*$/gm)).toBeNull();
  });
});
