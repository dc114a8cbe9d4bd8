/**
 * The synthetic country: admin0 → 4 admin1 → 18 admin2 → 72 admin3 regions of irregular,
 * nested polygons with FlowKit-style p-codes (`NPL`, `NPL.1`, `NPL.1.2`, `NPL.1.2.3`), sites
 * (2–4 per admin3) and their cells (1–3 per site).
 */
import { hash3, stream } from './hash.js';
import { cellCentre, countryCells, grow, makeGrid, outline } from './partition.js';

/** One admin region. */
export interface Region {
  /** P-code, e.g. `NPL.1.2.3`. */
  readonly pcod: string;
  /** Admin level 0–3. */
  readonly level: number;
  /** Index of the parent region in the level above (-1 for admin0). */
  readonly parent: number;
  /** GeoJSON MultiPolygon coordinates. */
  readonly coordinates: number[][][][];
  /** Centroid `[lon, lat]` (area-weighted). */
  readonly centroid: readonly [number, number];
  /** Area in square degrees. */
  readonly area: number;
}

/** Sites and cells, as columns. */
export interface Network {
  /** Site longitude. */
  readonly lon: Float64Array;
  /** Site latitude. */
  readonly lat: Float64Array;
  /** Index of each site's region, per admin level (`[0]` admin0 … `[3]` admin3). */
  readonly region: readonly Int32Array[];
  /** Site of each cell. */
  readonly cellSite: Int32Array;
  /** First cell of each site, and one past the last at `[sites]`. */
  readonly siteCells: Int32Array;
  /** Relative resident population of each site. */
  readonly weight: Float64Array;
  /** Sites of each admin2, for short trips near home. */
  readonly admin2Sites: readonly Int32Array[];
}

/** The whole country. */
export interface Country {
  /** Regions per admin level 0–3. */
  readonly levels: readonly (readonly Region[])[];
  /** Sites and cells. */
  readonly network: Network;
}

/** Admin2 areas per admin1 (4 admin1, 18 admin2). */
const ADMIN2_PER_ADMIN1 = [5, 4, 5, 4];
/** Admin3 areas per admin2. */
const ADMIN3_PER_ADMIN2 = 4;

function centroidOf(coordinates: number[][][][]): { centroid: [number, number]; area: number } {
  let a = 0;
  let cx = 0;
  let cy = 0;
  for (const polygon of coordinates) {
    for (const [r, ring] of polygon.entries()) {
      const sign = r === 0 ? 1 : 1; // holes are clockwise: their signed area is already negative
      for (let k = 0; k + 1 < ring.length; k++) {
        const [x0 = 0, y0 = 0] = ring[k] ?? [];
        const [x1 = 0, y1 = 0] = ring[k + 1] ?? [];
        const cross = (x0 * y1 - x1 * y0) * sign;
        a += cross;
        cx += (x0 + x1) * cross;
        cy += (y0 + y1) * cross;
      }
    }
  }
  const round = (n: number) => Math.round(n * 1e6) / 1e6;
  return { centroid: [round(cx / (3 * a)), round(cy / (3 * a))], area: a / 2 };
}

/** Build the country of `seed` (geometry, sites, cells); takes a few milliseconds. */
export function buildCountry(seed: number): Country {
  const grid = makeGrid(seed);
  const all = countryCells(grid, seed);
  const cellsOf: number[][][] = [[all]];
  const parents: number[][] = [[-1]];
  const pcods: string[][] = [['NPL']];
  for (let level = 1; level <= 3; level++) {
    const cells: number[][] = [];
    const parent: number[] = [];
    const codes: string[] = [];
    (cellsOf[level - 1] ?? []).forEach((region, p) => {
      const parts = level === 1 ? ADMIN2_PER_ADMIN1.length : level === 2 ? (ADMIN2_PER_ADMIN1[p] ?? 4) : ADMIN3_PER_ADMIN2;
      grow(grid, region, parts, hash3(seed, level, p)).forEach((part, k) => {
        cells.push(part);
        parent.push(p);
        codes.push(`${pcods[level - 1]?.[p] ?? ''}.${k + 1}`);
      });
    });
    cellsOf.push(cells);
    parents.push(parent);
    pcods.push(codes);
  }
  const levels = cellsOf.map((regions, level) =>
    regions.map((cells, k): Region => {
      const coordinates = outline(grid, cells);
      const { centroid, area } = centroidOf(coordinates);
      return { pcod: pcods[level]?.[k] ?? '', level, parent: parents[level]?.[k] ?? -1, coordinates, centroid, area };
    }),
  );
  return { levels, network: buildNetwork(seed, grid, cellsOf[3] ?? [], levels) };
}

function buildNetwork(seed: number, grid: ReturnType<typeof makeGrid>, admin3Cells: number[][], levels: readonly (readonly Region[])[]): Network {
  const rand = stream(seed ^ 0x3e1f0c55);
  const lon: number[] = [];
  const lat: number[] = [];
  const admin3: number[] = [];
  const weight: number[] = [];
  const siteCells: number[] = [0];
  const cellSite: number[] = [];
  admin3Cells.forEach((cells, r) => {
    // A few admin3 areas are cities: lognormal population weights.
    const people = Math.exp(1.1 * gaussian(rand)) * (rand() < 0.12 ? 6 : 1);
    const sites = Math.min(cells.length, 2 + Math.floor(rand() * 3));
    const picked = new Set<number>();
    while (picked.size < sites) picked.add(cells[Math.floor(rand() * cells.length)] ?? 0);
    for (const cell of [...picked].sort((a, b) => a - b)) {
      const [x, y] = cellCentre(grid, cell);
      lon.push(x);
      lat.push(y);
      admin3.push(r);
      weight.push((people / sites) * (0.5 + rand()));
      const cellsHere = 1 + Math.floor(rand() * 3);
      for (let c = 0; c < cellsHere; c++) cellSite.push(lon.length - 1);
      siteCells.push(cellSite.length);
    }
  });
  const region: Int32Array[] = [new Int32Array(lon.length), new Int32Array(lon.length), new Int32Array(lon.length), Int32Array.from(admin3)];
  for (let level = 2; level >= 0; level--) {
    const below = region[level + 1] ?? new Int32Array(0);
    const target = region[level] ?? new Int32Array(0);
    below.forEach((r, s) => (target[s] = levels[level + 1]?.[r]?.parent ?? 0));
  }
  const admin2Sites = (levels[2] ?? []).map((_, r) => Int32Array.from([...(region[2] ?? [])].flatMap((x, s) => (x === r ? [s] : []))));
  return {
    lon: Float64Array.from(lon),
    lat: Float64Array.from(lat),
    region,
    cellSite: Int32Array.from(cellSite),
    siteCells: Int32Array.from(siteCells),
    weight: Float64Array.from(weight),
    admin2Sites,
  };
}

/** A standard normal draw (Box–Muller). */
export function gaussian(rand: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
}
