/**
 * Irregular nested regions on a jittered grid: the country is a blob of grid cells, split by
 * seeded region growing into admin1 areas, each of those into admin2 areas, each into admin3
 * areas, so every region is a union of cells of exactly one parent.
 */
import { stream } from './hash.js';

/** The grid the country is drawn on: `cols` × `rows` cells of a jittered lattice. */
export interface Grid {
  /** Cells per row. */
  readonly cols: number;
  /** Rows of cells. */
  readonly rows: number;
  /** Longitude of lattice vertex `(i, j)` at `j * (cols + 1) + i`. */
  readonly lon: Float64Array;
  /** Latitude of lattice vertex `(i, j)`. */
  readonly lat: Float64Array;
}

/** Longitude/latitude box of the country. */
export const COUNTRY_BOX = { west: 80, south: 26, east: 88, north: 30 } as const;
const COLS = 48;
const ROWS = 24;

/** A jittered lattice over the country box. */
export function makeGrid(seed: number): Grid {
  const rand = stream(seed ^ 0x51ed270b);
  const lon = new Float64Array((COLS + 1) * (ROWS + 1));
  const lat = new Float64Array((COLS + 1) * (ROWS + 1));
  const dx = (COUNTRY_BOX.east - COUNTRY_BOX.west) / COLS;
  const dy = (COUNTRY_BOX.north - COUNTRY_BOX.south) / ROWS;
  for (let j = 0; j <= ROWS; j++) {
    for (let i = 0; i <= COLS; i++) {
      const k = j * (COLS + 1) + i;
      lon[k] = Math.round((COUNTRY_BOX.west + (i + (rand() - 0.5) * 0.6) * dx) * 1e6) / 1e6;
      lat[k] = Math.round((COUNTRY_BOX.south + (j + (rand() - 0.5) * 0.6) * dy) * 1e6) / 1e6;
    }
  }
  return { cols: COLS, rows: ROWS, lon, lat };
}

const neighbours = (grid: Grid, c: number): number[] => {
  const i = c % grid.cols;
  const j = Math.floor(c / grid.cols);
  const out: number[] = [];
  if (i > 0) out.push(c - 1);
  if (i < grid.cols - 1) out.push(c + 1);
  if (j > 0) out.push(c - grid.cols);
  if (j < grid.rows - 1) out.push(c + grid.cols);
  return out;
};

/** The country's cells: a noisy ellipse, its largest 4-connected piece. */
export function countryCells(grid: Grid, seed: number): number[] {
  const rand = stream(seed ^ 0x2c1b3c6d);
  const phases = [rand(), rand(), rand()].map((p) => p * 2 * Math.PI);
  const inside = new Uint8Array(grid.cols * grid.rows);
  for (let c = 0; c < inside.length; c++) {
    const u = (((c % grid.cols) + 0.5) / grid.cols) * 2 - 1;
    const v = ((Math.floor(c / grid.cols) + 0.5) / grid.rows) * 2 - 1;
    const angle = Math.atan2(v, u);
    const edge = 0.9 + 0.07 * Math.sin(3 * angle + (phases[0] ?? 0)) + 0.05 * Math.sin(5 * angle + (phases[1] ?? 0)) + 0.03 * Math.sin(9 * angle + (phases[2] ?? 0));
    inside[c] = Math.hypot(u, v) <= edge ? 1 : 0;
  }
  let best: number[] = [];
  const seen = new Uint8Array(inside.length);
  for (let c = 0; c < inside.length; c++) {
    if (!inside[c] || seen[c]) continue;
    const piece = [c];
    seen[c] = 1;
    for (let k = 0; k < piece.length; k++) {
      for (const n of neighbours(grid, piece[k] ?? 0)) {
        if (inside[n] && !seen[n]) {
          seen[n] = 1;
          piece.push(n);
        }
      }
    }
    if (piece.length > best.length) best = piece;
  }
  return best.sort((a, b) => a - b);
}

/**
 * Split a connected set of cells into `parts` connected regions by seeded growth from spread-out
 * seeds (each round every region claims one random cell of its frontier).
 * @returns the cells of each part, sorted
 */
export function grow(grid: Grid, cells: readonly number[], parts: number, seed: number): number[][] {
  const rand = stream(seed);
  const owner = new Map<number, number>(cells.map((c) => [c, -1]));
  const centre = (c: number): [number, number] => [c % grid.cols, Math.floor(c / grid.cols)];
  const seeds: number[] = [cells[Math.floor(rand() * cells.length)] ?? 0];
  while (seeds.length < Math.min(parts, cells.length)) {
    let pick = -1;
    let far = -1;
    for (let t = 0; t < 24; t++) {
      const c = cells[Math.floor(rand() * cells.length)] ?? 0;
      if (seeds.includes(c)) continue;
      const [x, y] = centre(c);
      const d = Math.min(...seeds.map((s) => Math.hypot(x - centre(s)[0], y - centre(s)[1])));
      if (d > far) [far, pick] = [d, c];
    }
    if (pick < 0) pick = cells.find((c) => !seeds.includes(c)) ?? 0;
    seeds.push(pick);
  }
  const regions: number[][] = seeds.map((s, r) => {
    owner.set(s, r);
    return [s];
  });
  const frontier: number[][] = seeds.map((s) => neighbours(grid, s).filter((n) => owner.get(n) === -1));
  let open = true;
  while (open) {
    open = false;
    for (let r = 0; r < regions.length; r++) {
      const f = frontier[r] ?? [];
      while (f.length > 0) {
        const k = Math.floor(rand() * f.length);
        const c = f[k] ?? 0;
        f[k] = f[f.length - 1] ?? 0;
        f.pop();
        if (owner.get(c) !== -1) continue;
        owner.set(c, r);
        regions[r]?.push(c);
        for (const n of neighbours(grid, c)) if (owner.get(n) === -1) f.push(n);
        break;
      }
      if (f.length > 0) open = true;
    }
  }
  return regions.map((r) => r.sort((a, b) => a - b));
}

type Point = [number, number];

/** Whether the point (`x`, `y`) is inside the closed ring or on its boundary (ray casting). */
export function insideRing(ring: readonly (readonly number[])[], x: number, y: number): boolean {
  let inside = false;
  for (let a = 0, b = ring.length - 1; a < ring.length; b = a++) {
    const [xa = 0, ya = 0] = ring[a] ?? [];
    const [xb = 0, yb = 0] = ring[b] ?? [];
    const cross = (xb - xa) * (y - ya) - (yb - ya) * (x - xa);
    if (Math.abs(cross) < 1e-12 && x >= Math.min(xa, xb) && x <= Math.max(xa, xb) && y >= Math.min(ya, yb) && y <= Math.max(ya, yb)) return true;
    if (ya > y !== yb > y && x < ((xb - xa) * (y - ya)) / (yb - ya) + xa) inside = !inside;
  }
  return inside;
}

const areaOf = (ring: readonly Point[]): number =>
  ring.reduce((s, [x, y], k) => {
    const [x2, y2] = ring[(k + 1) % ring.length] ?? [0, 0];
    return s + x * y2 - x2 * y;
  }, 0) / 2;

/**
 * The outline of a set of cells as GeoJSON MultiPolygon coordinates (outer rings counter-clockwise,
 * holes clockwise, rings closed), on the jittered lattice.
 */
export function outline(grid: Grid, cells: readonly number[]): number[][][][] {
  const set = new Set(cells);
  const W = grid.cols + 1;
  const edges = new Map<number, number[]>();
  const add = (from: number, to: number) => {
    const list = edges.get(from);
    if (list) list.push(to);
    else edges.set(from, [to]);
  };
  for (const c of cells) {
    const i = c % grid.cols;
    const j = Math.floor(c / grid.cols);
    const v00 = j * W + i;
    const v10 = v00 + 1;
    const v11 = v10 + W;
    const v01 = v00 + W;
    if (j === 0 || !set.has(c - grid.cols)) add(v00, v10);
    if (i === grid.cols - 1 || !set.has(c + 1)) add(v10, v11);
    if (j === grid.rows - 1 || !set.has(c + grid.cols)) add(v11, v01);
    if (i === 0 || !set.has(c - 1)) add(v01, v00);
  }
  const xy = (v: number): Point => [v % W, Math.floor(v / W)];
  const rings: Point[][] = [];
  for (const start of [...edges.keys()].sort((a, b) => a - b)) {
    while ((edges.get(start)?.length ?? 0) > 0) {
      const ring: number[] = [start];
      let prev = start;
      let at = edges.get(start)?.shift() ?? start;
      while (at !== start) {
        ring.push(at);
        const out = edges.get(at) ?? [];
        let pick = 0;
        if (out.length > 1) {
          // At a pinch vertex take the left-most turn, so rings touching at a corner separate.
          const [px, py] = xy(prev);
          const [ax, ay] = xy(at);
          const turn = (v: number) => {
            const [bx, by] = xy(v);
            return (ax - px) * (by - ay) - (ay - py) * (bx - ax);
          };
          pick = out.reduce((best, v, k) => (turn(v) > turn(out[best] ?? v) ? k : best), 0);
        }
        const next = out[pick] ?? start;
        out.splice(pick, 1);
        prev = at;
        at = next;
      }
      rings.push(ring.map(xy));
    }
  }
  const outers = rings.filter((r) => areaOf(r) > 0);
  const holes = rings.filter((r) => areaOf(r) < 0);
  const polygons: Point[][][] = outers.map((r) => [r]);
  for (const hole of holes) {
    const [hx, hy] = hole[0] ?? [0, 0];
    const [nx, ny] = hole[1] ?? [0, 0];
    // A point just to the left of the hole's first edge lies inside the region.
    const probe: Point = [(hx + nx) / 2 - (ny - hy) * 0.25, (hy + ny) / 2 + (nx - hx) * 0.25];
    const home = polygons.find((p) => insideRing(p[0] ?? [], probe[0], probe[1])) ?? polygons[0];
    home?.push(hole);
  }
  const toLonLat = ([x, y]: Point): number[] => {
    const k = y * W + x;
    return [grid.lon[k] ?? 0, grid.lat[k] ?? 0];
  };
  return polygons.map((rings) => rings.map((ring) => [...ring, ring[0] ?? [0, 0]].map(toLonLat)));
}

/** The centre of a grid cell in lon/lat (the mean of its four jittered corners). */
export function cellCentre(grid: Grid, cell: number): [number, number] {
  const W = grid.cols + 1;
  const i = cell % grid.cols;
  const j = Math.floor(cell / grid.cols);
  const corners = [j * W + i, j * W + i + 1, (j + 1) * W + i, (j + 1) * W + i + 1];
  const mean = (a: Float64Array) => Math.round((corners.reduce((s, k) => s + (a[k] ?? 0), 0) / 4) * 1e6) / 1e6;
  return [mean(grid.lon), mean(grid.lat)];
}
