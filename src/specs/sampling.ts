/**
 * Random samples of subscriber-level queries (flowclient's `random_sample_spec`): a shallow copy
 * of the query with a `sampling` key added; the kind is the query's own.
 * @module
 */
import { checkOptions, fail, toNumber } from './checks.js';
import { entry, field, type BuilderChecks } from './fields.js';
import { SAMPLEABLE_KINDS } from './kinds.js';
import type { Sampled, SampleableSpec } from './types.js';
import { DEFAULT_ESTIMATE_COUNT, DEFAULT_SAMPLING_METHOD, SAMPLING_METHODS, type SamplingMethod } from './values.js';

/** Options of {@link randomSampleSpec} other than the sample size. */
interface RandomSampleBaseOptions<S extends SampleableSpec> {
  /** The query to sample (a subscriber-level query whose FlowMachine schema takes `sampling`). */
  readonly query: S;
  /** Seed for repeatable samples; in [-1, 1] for `random_ids`. */
  readonly seed: number;
  /** How rows are drawn. @defaultValue 'random_ids' */
  readonly samplingMethod?: SamplingMethod | undefined;
  /** Estimate the row count from table statistics rather than counting. @defaultValue true */
  readonly estimateCount?: boolean | undefined;
}

/** Options of {@link randomSampleSpec}: exactly one of `size` (rows, integer ≥ 1) and `fraction` (0 < f < 1). */
export type RandomSampleOptions<S extends SampleableSpec = SampleableSpec> = RandomSampleBaseOptions<S> &
  (
    | {
        /** Number of rows to draw (integer ≥ 1). */
        readonly size: number;
        /** Leave unset when `size` is given. */
        readonly fraction?: null | undefined;
      }
    | {
        /** Leave unset when `fraction` is given. */
        readonly size?: null | undefined;
        /** Fraction of rows to draw, strictly between 0 and 1. */
        readonly fraction: number;
      }
  );

const RANDOM_SAMPLE: BuilderChecks = {
  builder: 'randomSampleSpec',
  queryKind: null,
  fields: [
    /* @__PURE__ */ field('query', 'query', { kind: 'query', queryKinds: SAMPLEABLE_KINDS }, { required: true }),
    /* @__PURE__ */ field('seed', 'seed', { kind: 'number' }, { required: true }),
    /* @__PURE__ */ field('samplingMethod', 'sampling_method', { kind: 'enum', values: SAMPLING_METHODS }, {
      nullable: false,
      default: DEFAULT_SAMPLING_METHOD,
    }),
    /* @__PURE__ */ field('size', 'size', { kind: 'integer', min: 1 }, {}),
    /* @__PURE__ */ field('fraction', 'fraction', { kind: 'number', min: 0, max: 1, exclusive: true }, {
    }),
    /* @__PURE__ */ field('estimateCount', 'estimate_count', { kind: 'boolean' }, {
      nullable: false,
      default: DEFAULT_ESTIMATE_COUNT,
    }),
  ],
};

/**
 * Spec of a random sample of `query`: a shallow copy of it with `sampling` =
 * `{seed, sampling_method, size, fraction, estimate_count}`.
 * @example `randomSampleSpec({ query: dailyLocationSpec({...}), seed: 0.5, size: 1000 })`
 */
export function randomSampleSpec<S extends SampleableSpec>(options: RandomSampleOptions<S>): Sampled<S> {
  const { builder } = RANDOM_SAMPLE;
  checkOptions(RANDOM_SAMPLE, options);
  const samplingMethod = options.samplingMethod ?? DEFAULT_SAMPLING_METHOD;
  const size = options.size ?? null;
  const fraction = options.fraction ?? null;
  if ((size === null) === (fraction === null)) {
    fail(builder, 'size', options.size, 'exactly one of size (an integer >= 1) and fraction (a number > 0 and < 1), the other unset');
  }
  const seed = toNumber(options.seed);
  if (samplingMethod === 'random_ids' && (seed === undefined || seed < -1 || seed > 1)) {
    fail(builder, 'seed', options.seed, "a number from -1 to 1 (with samplingMethod 'random_ids')");
  }
  return {
    ...options.query,
    sampling: {
      seed: options.seed,
      sampling_method: samplingMethod,
      size,
      fraction,
      estimate_count: options.estimateCount ?? DEFAULT_ESTIMATE_COUNT,
    },
  };
}

/** Registry entries of this module's builders. @internal */
export const SAMPLING_BUILDERS = {
  randomSampleSpec: /* @__PURE__ */ entry(RANDOM_SAMPLE, (options: RandomSampleOptions) => randomSampleSpec(options)),
} as const;
