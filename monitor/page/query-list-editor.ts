/**
 * A non-empty list of nested queries (e.g. the daily locations of a modal location): one editor
 * per item, with add and remove.
 * @module
 */
import { h, notifyInput } from './dom.js';
import type { Editor, Reading } from './field-editors.js';

/** A non-empty list of nested queries, with add and remove. */
export class QueryListEditor implements Editor {
  readonly element: HTMLElement;
  readonly #items = h('ol', { class: 'query-list-items' });
  readonly #editors: Editor[] = [];
  readonly #make: (index: number) => Editor;
  #next = 0;

  /** `make(index)` gives the editor of one item (its index never reused, so field paths stay unique). */
  constructor(make: (index: number) => Editor) {
    this.#make = make;
    const add = h('button', { type: 'button', class: 'small', onclick: () => this.#add() }, '+ add another');
    this.element = h('div', { class: 'query-list-editor' }, this.#items, add);
    this.#add(false);
  }

  read(): Reading {
    const readings = this.#editors.map((e) => e.read());
    if (readings.some((r) => 'problem' in r)) return { problem: '' };
    const values = readings.flatMap((r) => ('value' in r && r.value !== undefined ? [r.value] : []));
    return { value: values.length === 0 ? undefined : values };
  }

  #add(notify = true): void {
    const editor = this.#make(this.#next++);
    this.#editors.push(editor);
    const item = h('li', {}, editor.element);
    if (this.#editors.length > 1) {
      item.prepend(
        h('button', {
          type: 'button',
          class: 'small remove',
          'aria-label': 'remove',
          onclick: () => {
            this.#editors.splice(this.#editors.indexOf(editor), 1);
            item.remove();
            notifyInput(this.element);
          },
        }, '×'),
      );
    }
    this.#items.append(item);
    if (notify) notifyInput(this.element);
  }
}
