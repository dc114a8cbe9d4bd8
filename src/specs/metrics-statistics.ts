/**
 * Subscriber metrics computed with a statistic (top-up balance and amount, displacement) and the
 * categorical handset metric (flowclient's `topup_balance_spec`, `topup_amount_spec`,
 * `displacement_spec`, `handset_spec`).
 * @module
 */
import { checkOptions, commonJson, hoursJson } from './checks.js';
import * as F from './common-fields.js';
import { entry, field, type BuilderChecks, type CommonOptions, type DateRangeOptions } from './fields.js';
import type { CommonJson, HoursJson, HoursRange, PeriodJson, ReferenceLocationSpec, SamplingKey, SubscriberSubset } from './types.js';
import { DEFAULT_CHARACTERISTIC, DEFAULT_HANDSET_METHOD, HANDSET_CHARACTERISTICS, LOCATION_METHODS, type HandsetCharacteristic, type LocationMethod, type Statistic } from './values.js';

/** Options of {@link topupBalanceSpec} and {@link topupAmountSpec} (no event types: top-ups only). */
export interface TopupOptions extends DateRangeOptions {
  /** Statistic over each subscriber's top-ups. */
  readonly statistic: Statistic;
  /** Subscribers to include: `null` for all, a query id, or a query spec. @defaultValue null */
  readonly subscriberSubset?: SubscriberSubset | undefined;
  /** Hours of the day to include, `[startHour, endHour]`, integers 0–24; `null` for all. @defaultValue null */
  readonly hours?: HoursRange | null | undefined;
}

/** Keys of a top-up metric spec. */
interface TopupJson extends PeriodJson, SamplingKey {
  /** Statistic over each subscriber's top-ups. */
  readonly statistic: Statistic;
  /** Subscribers included; `null` for all. */
  readonly subscriber_subset: SubscriberSubset;
  /** Hours of the day included; `null` for all. */
  readonly hours: HoursJson | null;
}

/** A `topup_balance` spec: a statistic of each subscriber's account balance. */
export interface TopupBalanceSpec extends TopupJson {
  /** The kind. */
  readonly query_kind: 'topup_balance';
}

/** A `topup_amount` spec: a statistic of each subscriber's top-up amounts. */
export interface TopupAmountSpec extends TopupJson {
  /** The kind. */
  readonly query_kind: 'topup_amount';
}

/** Options of {@link displacementSpec}. */
export interface DisplacementOptions extends DateRangeOptions, CommonOptions {
  /** Statistic of each subscriber's distances from their reference location. */
  readonly statistic: Statistic;
  /** Each subscriber's reference location (daily, modal, most-frequent, majority or coalesced location). */
  readonly referenceLocation: ReferenceLocationSpec;
}

/** A `displacement` spec: a statistic of each subscriber's distance (km) from a reference location. */
export interface DisplacementSpec extends PeriodJson, CommonJson, SamplingKey {
  /** The kind. */
  readonly query_kind: 'displacement';
  /** Statistic of the distances. */
  readonly statistic: Statistic;
  /** The reference location. */
  readonly reference_location: ReferenceLocationSpec;
}

/** Options of {@link handsetSpec}. */
export interface HandsetOptions extends DateRangeOptions, CommonOptions {
  /** Handset characteristic reported. @defaultValue 'hnd_type' */
  readonly characteristic?: HandsetCharacteristic | undefined;
  /** Handset chosen: the last used, or the most common. @defaultValue 'last' */
  readonly method?: LocationMethod | undefined;
}

/** A `handset` spec: a characteristic of each subscriber's handset (categorical: aggregate it with method `distr`). */
export interface HandsetSpec extends PeriodJson, CommonJson, SamplingKey {
  /** The kind. */
  readonly query_kind: 'handset';
  /** Characteristic reported. */
  readonly characteristic: HandsetCharacteristic;
  /** Handset chosen. */
  readonly method: LocationMethod;
}

const topupDescriptor = (builder: string, queryKind: string): BuilderChecks => ({
  builder,
  queryKind,
  fields: [F.startDate, F.endDate, F.statistic, F.subscriberSubset, F.hours],
});

const TOPUP_BALANCE = /* @__PURE__ */ topupDescriptor('topupBalanceSpec', 'topup_balance');

/** Spec of a statistic of each subscriber's top-up balance over a period. */
export function topupBalanceSpec(options: TopupOptions): TopupBalanceSpec {
  checkOptions(TOPUP_BALANCE, options);
  return {
    query_kind: 'topup_balance',
    start_date: options.startDate,
    end_date: options.endDate,
    statistic: options.statistic,
    subscriber_subset: options.subscriberSubset ?? null,
    hours: hoursJson(options.hours),
  };
}

const TOPUP_AMOUNT = /* @__PURE__ */ topupDescriptor('topupAmountSpec', 'topup_amount');

/** Spec of a statistic of each subscriber's top-up amounts over a period. */
export function topupAmountSpec(options: TopupOptions): TopupAmountSpec {
  checkOptions(TOPUP_AMOUNT, options);
  return {
    query_kind: 'topup_amount',
    start_date: options.startDate,
    end_date: options.endDate,
    statistic: options.statistic,
    subscriber_subset: options.subscriberSubset ?? null,
    hours: hoursJson(options.hours),
  };
}

const DISPLACEMENT: BuilderChecks = {
  builder: 'displacementSpec',
  queryKind: 'displacement',
  fields: [F.startDate, F.endDate, F.statistic, F.referenceLocation, F.eventTypes, F.subscriberSubset, F.hours],
};

/**
 * Spec of a statistic of each subscriber's distance (km) from a reference location.
 * @example `displacementSpec({ startDate: '2016-01-01', endDate: '2016-01-08', statistic: 'avg', referenceLocation: dailyLocationSpec({...}) })`
 */
export function displacementSpec(options: DisplacementOptions): DisplacementSpec {
  checkOptions(DISPLACEMENT, options);
  return {
    query_kind: 'displacement',
    start_date: options.startDate,
    end_date: options.endDate,
    statistic: options.statistic,
    reference_location: options.referenceLocation,
    ...commonJson(options),
  };
}

const HANDSET: BuilderChecks = {
  builder: 'handsetSpec',
  queryKind: 'handset',
  fields: [
    F.startDate,
    F.endDate,
    /* @__PURE__ */ field('characteristic', 'characteristic', { kind: 'enum', values: HANDSET_CHARACTERISTICS }, {
      nullable: false,
      default: DEFAULT_CHARACTERISTIC,
    }),
    /* @__PURE__ */ field('method', 'method', { kind: 'enum', values: LOCATION_METHODS }, {
      nullable: false,
      default: DEFAULT_HANDSET_METHOD,
    }),
    F.eventTypes,
    F.subscriberSubset,
    F.hours,
  ],
};

/** Spec of a characteristic of each subscriber's handset over a period. */
export function handsetSpec(options: HandsetOptions): HandsetSpec {
  checkOptions(HANDSET, options);
  return {
    query_kind: 'handset',
    start_date: options.startDate,
    end_date: options.endDate,
    characteristic: options.characteristic ?? DEFAULT_CHARACTERISTIC,
    method: options.method ?? DEFAULT_HANDSET_METHOD,
    ...commonJson(options),
  };
}

/** Registry entries of this module's builders. @internal */
export const STATISTIC_METRIC_BUILDERS = {
  topupBalanceSpec: /* @__PURE__ */ entry(TOPUP_BALANCE, topupBalanceSpec),
  topupAmountSpec: /* @__PURE__ */ entry(TOPUP_AMOUNT, topupAmountSpec),
  displacementSpec: /* @__PURE__ */ entry(DISPLACEMENT, displacementSpec),
  handsetSpec: /* @__PURE__ */ entry(HANDSET, handsetSpec),
} as const;
