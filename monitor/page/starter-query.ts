/**
 * The query the form starts with, so that a first click on Run runs something: a spatial
 * aggregate of daily locations at admin3, method `last`, on the first date with data.
 * @module
 */
import { filter, map, type Observable } from 'rxjs';

/** Field values of the starter query, by the form's field path (the date comes from the server). */
export const STARTER_FIELDS: Readonly<Record<string, string>> = {
  'locations.aggregationUnit': 'admin3',
  'locations.method': 'last',
};

/** Form path of the starter query's date. */
export const STARTER_DATE_FIELD = 'locations.date';

/** The earliest date with data of any event type, from the server's available dates (nothing when there is none). */
export function firstAvailableDate(availableDates$: Observable<Readonly<Record<string, readonly string[]>>>): Observable<string> {
  return availableDates$.pipe(
    map((byType) => Object.values(byType).flat().sort()[0]),
    filter((date): date is string => date !== undefined),
  );
}

/**
 * Put `values` into the form's still empty inputs and selects (a field the user filled, or a
 * kind without such a field, is left alone); returns whether anything changed.
 */
export function fillEmptyFields(form: ParentNode, values: Readonly<Record<string, string>>): boolean {
  let changed = false;
  for (const [path, value] of Object.entries(values)) {
    const control = form.querySelector<HTMLInputElement | HTMLSelectElement>(`[data-field="${path}"] input, [data-field="${path}"] select`);
    if (control === null || control.value !== '') continue;
    if (control instanceof HTMLSelectElement && ![...control.options].some((o) => o.value === value)) continue;
    control.value = value;
    changed = true;
  }
  return changed;
}
