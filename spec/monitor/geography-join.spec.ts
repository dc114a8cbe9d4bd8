/**
 * The monitor's map: result rows joined to a geography on `properties.pcod`, drawn with Polygon
 * and MultiPolygon areas; lon-lat rows as points. A small FeatureCollection as FlowAPI sends it.
 */
import type { FeatureCollection } from 'flowclient-rx';
import { choropleth } from '../../monitor/page/choropleth.js';
import { joinRowsToGeography } from '../../monitor/page/geography-join.js';

const square = (x: number, y: number): number[][][] => [[[x, y], [x + 1, y], [x + 1, y + 1], [x, y + 1], [x, y]]];

/** Three areas as FlowAPI's geography gives them: `pcod` in properties, MultiPolygon shapes (one Polygon too). */
const GEOGRAPHY: FeatureCollection = {
  type: 'FeatureCollection',
  features: [
    { type: 'Feature', id: 1, geometry: { type: 'MultiPolygon', coordinates: [square(0, 0), square(3, 0)] }, properties: { pcod: 'NPL.1', name: 'Island district' } },
    { type: 'Feature', id: 2, geometry: { type: 'MultiPolygon', coordinates: [square(1, 0)] }, properties: { pcod: 'NPL.2', name: 'Hills' } },
    { type: 'Feature', id: 3, geometry: { type: 'Polygon', coordinates: square(2, 0) }, properties: { pcod: 'NPL.3', name: 'Plains' } },
  ],
};

function joined(rows: Array<Record<string, unknown>>, unit = 'admin3'): FeatureCollection {
  const result = joinRowsToGeography(rows, GEOGRAPHY, unit);
  if ('problem' in result) throw new Error(result.problem);
  return result.collection;
}

describe('monitor · rows joined to geography on pcod', () => {
  it('adds each row to the area with its pcod, and keeps areas without a row (redacted) without value', () => {
    const collection = joined([{ pcod: 'NPL.1', value: 40 }, { pcod: 'NPL.3', value: 18 }]);
    expect(collection.features.map((f) => [f.properties?.['pcod'], f.properties?.['value']])).toEqual([
      ['NPL.1', 40],
      ['NPL.2', undefined],
      ['NPL.3', 18],
    ]);
    expect(collection.features[0]?.geometry).toBe(GEOGRAPHY.features[0]?.geometry);
  });

  it('draws every area, both parts of a MultiPolygon, coloured by value, an area without a row in grey', () => {
    const figure = choropleth(joined([{ pcod: 'NPL.1', value: 40 }, { pcod: 'NPL.3', value: 18 }]), 'test');
    const paths = [...figure.querySelectorAll('path')];
    expect(paths.length).toBe(3);
    expect(paths.map((p) => p.querySelector('title')?.textContent)).toEqual(['Island district: 40', 'Hills: no data', 'Plains: 18']);
    expect(paths[0]?.getAttribute('d')?.match(/M/g)?.length).toBe(2); // two islands
    expect(paths[1]?.getAttribute('fill')).toBe('#d9d9d9');
    expect(paths[0]?.getAttribute('fill')).not.toBe(paths[2]?.getAttribute('fill'));
    expect(figure.querySelector('.legend')?.textContent).toContain('no data');
  });

  it('sums several rows of one area (one per label) and says so', () => {
    const result = joinRowsToGeography([{ pcod: 'NPL.2', label: 'home', value: 5 }, { pcod: 'NPL.2', label: 'work', value: 7 }], GEOGRAPHY, 'admin3');
    if ('problem' in result) throw new Error(result.problem);
    expect(result.collection.features[1]?.properties?.['value']).toBe(12);
    expect(result.notes).toEqual(['areas with several rows show their sum']);
  });

  it("draws inflows (plain pcod, as FlowMachine's InOutFlow names it) and leaves out an outer join's null-located row with a note", () => {
    const result = joinRowsToGeography([{ pcod: 'NPL.2', value: 30 }, { pcod: null, value: 20 }], GEOGRAPHY, 'admin3');
    if ('problem' in result) throw new Error(result.problem);
    expect(result.collection.features.map((f) => f.properties?.['value'])).toEqual([undefined, 30, undefined]);
    expect(result.notes).toEqual(["1 row without a location (pcod null: an outer join's unmatched side) left out"]);
  });

  it('places lon-lat rows at their own coordinates, without geography', () => {
    const result = joinRowsToGeography([{ lon: 85.3, lat: 27.7, value: 3 }, { lon: 84.1, lat: 28.2, value: 9 }], undefined, 'lon-lat');
    if ('problem' in result) throw new Error(result.problem);
    expect(result.collection.features.map((f) => f.geometry)).toEqual([
      { type: 'Point', coordinates: [85.3, 27.7] },
      { type: 'Point', coordinates: [84.1, 28.2] },
    ]);
    expect(choropleth(result.collection, 'points').querySelectorAll('circle').length).toBe(2);
  });

  const cannot: Array<[string, Array<Record<string, unknown>>, string]> = [
    ['rows without pcod (flows)', [{ pcod_from: 'NPL.1', pcod_to: 'NPL.2', value: 3 }], 'no pcod column'],
    ['rows whose pcod is no area of the geography', [{ pcod: 'XXX.9', value: 3 }], "None of the rows' pcod values"],
  ];
  for (const [what, rows, problem] of cannot) {
    it(`says why it cannot draw ${what}`, () => {
      const result = joinRowsToGeography(rows, GEOGRAPHY, 'admin3');
      expect('problem' in result ? result.problem : 'drawn').toContain(problem);
    });
  }
});
