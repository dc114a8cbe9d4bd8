/**
 * Small DOM helpers: `h` builds an element from a tag, attributes and children; `svg` the same
 * in the SVG namespace. Event listeners are attributes starting with `on`.
 * @module
 */

/** Something `h` can append: nodes and text; `null`, `undefined` and `false` are skipped. */
export type Child = Node | string | number | null | undefined | false;

/** Attributes: strings and numbers are set, `true` sets an empty attribute, `false`/null/undefined skip; `on*` functions listen. */
export type Attrs = Readonly<Record<string, string | number | boolean | null | undefined | ((event: Event) => void)>>;

function apply(element: Element, attrs: Attrs, children: readonly Child[]): void {
  for (const [name, value] of Object.entries(attrs)) {
    if (typeof value === 'function') element.addEventListener(name.slice(2).toLowerCase(), value);
    else if (value === true) element.setAttribute(name, '');
    else if (value !== false && value !== null && value !== undefined) element.setAttribute(name, String(value));
  }
  append(element, ...children);
}

/** Append children (text as text nodes, never parsed as HTML). */
export function append(parent: Element, ...children: readonly Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.append(typeof child === 'number' ? String(child) : child);
  }
}

/** Replace all children of `parent`. */
export function replace(parent: Element, ...children: readonly Child[]): void {
  parent.replaceChildren();
  append(parent, ...children);
}

/**
 * An HTML element.
 * @example `h('button', { type: 'button', onclick: () => run() }, 'Run')`
 */
export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: readonly Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  apply(element, attrs, children);
  return element;
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** An SVG element. @example `svg('path', { d: 'M0 0L1 1', fill: '#08519c' })` */
export function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: readonly Child[]): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG_NS, tag);
  apply(element, attrs, children);
  return element;
}

/** The element with this id in `root` (the page by default), or an error naming it (the page's skeleton is in `index.html`). */
export function byId(id: string, root: Document = document): HTMLElement {
  const element = root.getElementById(id);
  if (element === null) throw new Error(`The page has no #${id}.`);
  return element;
}

/** Tell listeners that something in a form changed, as typing would (the spec preview listens for `input`). */
export function notifyInput(element: Element): void {
  element.dispatchEvent(new Event('input', { bubbles: true }));
}

/** Offer `content` as a file download named `filename`. */
export function download(filename: string, type: string, content: string): void {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const link = h('a', { href: url, download: filename, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
