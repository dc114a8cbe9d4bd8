/**
 * The monitor page laid out at common desktop widths: rendered in an iframe of each width (the
 * page's own skeleton and style sheet, its panels on a real connection to the test server),
 * before any query, every control of the side panel lies inside the panel's box.
 */
import { connect, type Connection } from 'flowclient-rx';
import type { Subscription } from 'rxjs';
import { mountPage } from '../../monitor/page/page.js';
import skeleton from '../../monitor/page/index.html' with { type: 'text' };
import styleSheet from '../../monitor/page/style.css' with { type: 'text' };
import { startTestServer, type BrowserTestServer } from '../support/test-server.js';
import { until } from './support/until.js';

const WIDTHS = [1280, 1400, 1920];
const HEIGHT = 900;

/** The page's skeleton with its style sheet inline, and without its script (the spec mounts the page). */
function pageHtml(): string {
  return skeleton
    .replace(/<script[^>]*><\/script>/g, '')
    .replace(/<link rel="stylesheet"[^>]*>/, `<style>${styleSheet}</style>`);
}

async function frameOfWidth(width: number): Promise<HTMLIFrameElement> {
  const frame = document.createElement('iframe');
  Object.assign(frame.style, { width: `${width}px`, height: `${HEIGHT}px`, border: '0', position: 'absolute', left: '0', top: '0' });
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.srcdoc = pageHtml();
  document.body.append(frame);
  await loaded;
  return frame;
}

/** Side-panel controls outside the panel's box or their card's, described; checks there are some. */
function controlsOutside(doc: Document, state: string): string[] {
  const side = doc.querySelector('.side') as HTMLElement;
  const panel = side.getBoundingClientRect();
  const controls = [...side.querySelectorAll<HTMLElement>('input, select, button, textarea')].filter((c) => c.getClientRects().length > 0);
  expect(controls.length).withContext(state).toBeGreaterThan(3);
  expect(controls.some((c) => c.textContent === 'Use token')).withContext(state).toBe(true);
  expect(controls.some((c) => c.matches('select[data-builder-choice=""]'))).withContext(state).toBe(true);
  expect(side.scrollWidth).withContext(`${state}: nothing to scroll sideways to`).toBeLessThanOrEqual(side.clientWidth);
  return controls.flatMap((control) => {
    const box = control.getBoundingClientRect();
    const card = (control.closest('.card') as HTMLElement).getBoundingClientRect();
    const inside = (outer: DOMRect): boolean => box.left >= outer.left - 0.5 && box.right <= outer.right + 0.5;
    return inside(panel) && inside(card) ? [] : [`${state}: ${control.outerHTML.slice(0, 50)}… ${box.left}–${box.right} (panel ${panel.left}–${panel.right})`];
  });
}

describe('monitor · page layout', () => {
  let server: BrowserTestServer;
  let connection: Connection;

  beforeAll(async () => {
    server = await startTestServer({});
    connection = connect({ url: server.url, token: server.token });
  });
  afterAll(async () => server.close());

  for (const width of WIDTHS) {
    it(`keeps every side-panel control inside the panel at ${width} px`, async () => {
      const frame = await frameOfWidth(width);
      let page: Subscription | undefined;
      try {
        const doc = frame.contentDocument as Document;
        page = mountPage(doc, { connection, config: { token: server.token, flowapiUrl: server.url, source: 'test-server' } });
        // Laid out as a newcomer first sees it: the dates and the starter query's date are in.
        await until(() => doc.querySelector<HTMLInputElement>('[data-field="locations.date"] input')?.value !== '');
        expect(frame.contentWindow?.innerWidth).toBe(width);

        expect(controlsOutside(doc, 'the starter query')).toEqual([]);
        // Another kind chosen: its fields empty, the spec preview says at length that none is made yet.
        const kind = doc.querySelector<HTMLSelectElement>('select[data-builder-choice=""]') as HTMLSelectElement;
        kind.value = [...kind.options].map((o) => o.value).find((v) => v !== kind.value) ?? kind.value;
        kind.dispatchEvent(new Event('change', { bubbles: true }));
        expect(doc.querySelector('[data-testid="spec-json"]')?.classList.contains('incomplete')).toBe(true);
        expect(controlsOutside(doc, 'an incomplete query')).toEqual([]);
      } finally {
        page?.unsubscribe();
        frame.remove();
      }
    });
  }
});
