import { randomSampleSpec } from '../../src/specs/index.js';
import { daily, dailyJson, expectJson, radius, RADIUS_JSON } from './fixtures.js';

describe('randomSampleSpec (golden JSON of flowclient)', () => {
  it('adds sampling to a shallow copy of the query, with the catalogue defaults', () => {
    const query = daily();
    const spec = randomSampleSpec({ query, seed: 0.5, size: 10 });
    expectJson(spec, {
      ...dailyJson(),
      sampling: { seed: 0.5, sampling_method: 'random_ids', size: 10, fraction: null, estimate_count: true },
    });
    expect(spec as unknown).not.toBe(query);
    expect('sampling' in query).toBeFalse();
    expect(Object.keys(spec).at(-1)).toBe('sampling');
  });

  it('sends a fraction, another method and estimate_count as given', () => {
    expectJson(randomSampleSpec({ query: radius(), seed: 42, samplingMethod: 'bernoulli', fraction: 1e-06, estimateCount: false }), {
      ...RADIUS_JSON,
      sampling: { seed: 42, sampling_method: 'bernoulli', size: null, fraction: 0.000001, estimate_count: false },
    });
  });

  it('keeps the query kind, so a sampled daily location still nests where a daily location does', () => {
    const spec = randomSampleSpec({ query: daily(), seed: -1, samplingMethod: 'system', size: 1 });
    expect(spec.query_kind).toBe('daily_location');
    expect(spec.sampling).toEqual({ seed: -1, sampling_method: 'system', size: 1, fraction: null, estimate_count: true });
  });
});
