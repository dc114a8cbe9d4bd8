/**
 * The synthetic country: a nested grid of admin regions (admin3 cells inside admin2 inside admin1
 * inside admin0) with FlowKit-style p-codes (`NPL`, `NPL.1`, `NPL.1.2`, `NPL.1.2.3`), and `lon-lat`
 * points at the admin3 centroids.
 */

/** One region of an admin level (or one lon-lat point, whose box is empty). */
export interface Region {
  /** P-code (`NPL.1.2`); for lon-lat points `"<lon>,<lat>"`. */
  readonly pcod: string;
  /** Human name. */
  readonly name: string;
  /** Bounding box `[minLon, minLat, maxLon, maxLat]` (the region is exactly this box). */
  readonly box: readonly [number, number, number, number];
  /** Centroid `[lon, lat]`. */
  readonly centroid: readonly [number, number];
}

/** The whole country's box. */
const COUNTRY: Region['box'] = [80, 26, 88, 30];
/** Admin1 regions (vertical strips of the country). */
const ADMIN1_COUNT = 5;
/** Admin2 regions per admin1 (horizontal bands). */
const ADMIN2_PER_ADMIN1 = 3;
/** Admin3 cells per admin2, by admin2 index: 10 × 3 + 5 × 2 = 40. */
const admin3Count = (admin2Index: number): number => (admin2Index < 10 ? 3 : 2);

const round = (n: number): number => Math.round(n * 1e6) / 1e6;

function region(pcod: string, name: string, box: Region['box']): Region {
  return { pcod, name, box, centroid: [round((box[0] + box[2]) / 2), round((box[1] + box[3]) / 2)] };
}

/** Split `box` into `n` parts along longitude (`vertical`) or latitude. */
function split(box: Region['box'], n: number, vertical: boolean): Region['box'][] {
  const [x0, y0, x1, y1] = box;
  const edge = (lo: number, hi: number, k: number): number => (k === n ? hi : round(lo + ((hi - lo) * k) / n));
  return Array.from({ length: n }, (_, k) =>
    vertical
      ? ([edge(x0, x1, k), y0, edge(x0, x1, k + 1), y1] as const)
      : ([x0, edge(y0, y1, k), x1, edge(y0, y1, k + 1)] as const),
  );
}

function build(): Record<string, Region[]> {
  const admin0 = [region('NPL', 'Nepal', COUNTRY)];
  const admin1 = split(COUNTRY, ADMIN1_COUNT, true).map((box, i) => region(`NPL.${i + 1}`, `Province ${i + 1}`, box));
  const admin2 = admin1.flatMap((parent) =>
    split(parent.box, ADMIN2_PER_ADMIN1, false).map((box, j) =>
      region(`${parent.pcod}.${j + 1}`, `District ${parent.pcod.slice(4)}.${j + 1}`, box),
    ),
  );
  const admin3 = admin2.flatMap((parent, index) =>
    split(parent.box, admin3Count(index), true).map((box, k) =>
      region(`${parent.pcod}.${k + 1}`, `Municipality ${parent.pcod.slice(4)}.${k + 1}`, box),
    ),
  );
  const lonLat = admin3.map((cell) => {
    const [lon, lat] = cell.centroid;
    return { pcod: `${lon},${lat}`, name: cell.name, box: [lon, lat, lon, lat] as const, centroid: cell.centroid };
  });
  return { admin0, admin1, admin2, admin3, 'lon-lat': lonLat };
}

const REGIONS = build();

/** The regions of an aggregation unit, or `undefined` for an unknown unit. */
export function regionsOf(unit: string): readonly Region[] | undefined {
  return Object.hasOwn(REGIONS, unit) ? REGIONS[unit] : undefined;
}

/** Admin level number of an admin unit (`admin2` → 2), or `undefined` (e.g. `lon-lat`). */
export function adminLevel(unit: string): number | undefined {
  const m = /^admin([0-3])$/.exec(unit);
  return m === null ? undefined : Number(m[1]);
}
