/**
 * The queries on the page: each run once, then watched through the library's shared status
 * stream; newest first. `items$` is what the dashboard line watches.
 * @module
 */
import { BehaviorSubject, Subject, shareReplay, switchMap, takeUntil, type Observable } from 'rxjs';
import type { APIQuery, WatchState } from '../../src/index.js';
import { h } from './dom.js';
import { queryCard } from './query-card.js';

/** One query on the page. */
export interface QueryItem {
  /** The query. */
  readonly query: APIQuery;
  /**
   * Its states: runs the query, then watches it; replays the latest state to late subscribers
   * and completes after the final one (or fails, e.g. when the server rejects the spec).
   */
  readonly states$: Observable<WatchState>;
}

/** The list of query cards. */
export class QueryList {
  /** The list, for the page. */
  readonly element: HTMLElement;
  /** The queries on the page, newest first. */
  readonly items$ = new BehaviorSubject<readonly QueryItem[]>([]);
  readonly #empty = h('p', { class: 'empty muted' }, 'No queries yet: fill in the form and press Run.');

  constructor() {
    this.element = h('div', { class: 'query-list', 'data-testid': 'query-list' }, this.#empty);
  }

  /** Run `query` and show it at the top of the list. */
  add(query: APIQuery): void {
    const removed = new Subject<void>();
    const states$ = query.run().pipe(
      switchMap(() => query.watch()),
      takeUntil(removed),
      shareReplay({ bufferSize: 1, refCount: false }),
    );
    const item: QueryItem = { query, states$ };
    const card = queryCard(item, () => {
      removed.next();
      removed.complete();
      card.subscription.unsubscribe();
      card.element.remove();
      this.items$.next(this.items$.value.filter((i) => i !== item));
      this.#empty.hidden = this.items$.value.length > 0;
    });
    this.element.prepend(card.element);
    this.#empty.hidden = true;
    this.items$.next([item, ...this.items$.value]);
  }
}
