/**
 * What each builder and each of its options is, in words for people: the `description`s of
 * `BUILDERS`. Only the registry (the `flowclient-rx/forms` entry) reads this table, so an app that
 * imports builders from the main entry does not bundle these texts; the checks read the field
 * tables of the builder modules, which carry none.
 * @module
 */

/** Descriptions of the options that mean the same in the builders that take them, by option name (a builder's own words in {@link BUILDER_WORDS} win). */
const SHARED: Readonly<Record<string, string>> = {
  aggregateBy: 'Period the statistic is taken over.',
  aggregationUnit: 'Spatial unit to aggregate to, e.g. admin3.',
  bins: 'Number of equal bins, sent as {n_bins}; or bin edges, sent as {bin_list}.',
  characteristic: 'Handset characteristic reported.',
  countInterval: 'Time bucket of the counts, sent as interval.',
  date: 'The day (ISO date, e.g. 2016-01-01).',
  direction: 'Count incoming events, outgoing events, or both.',
  endDate: 'Day after the last day of the period: the end is exclusive (ISO date, e.g. 2016-01-08).',
  endDateA: 'Day after the last day of the first period (ISO date).',
  endDateB: 'Day after the last day of the second period (ISO date).',
  estimateCount: 'Estimate the row count from table statistics rather than counting.',
  eventTypes: 'Event types to include; null includes all.',
  fallbackLocation: 'Location used otherwise (a majority_location spec).',
  fraction: 'Fraction of rows to draw; give exactly one of size and fraction.',
  geomTable: 'Geometry table to aggregate to; null for the default.',
  geomTableJoinColumn: 'Column of geomTable to join on; null for the default.',
  hours: 'Hours of the day to include, [startHour, endHour], both inclusive; null for the whole day.',
  includeUnlocatable: 'Keep subscribers without a majority location, with a null location.',
  joinType: 'How origin and destination locations are joined.',
  labelA: 'Origin label.',
  labelB: 'Destination label.',
  mappingTable: 'Table mapping cells to the aggregation unit; null for the default.',
  minimumTotalWeight: 'A subscriber whose weights sum to less than this needs a location weighing more than half of it.',
  periodLength: 'Length of each period, in periodUnit units.',
  periodUnit: 'Unit of periodLength.',
  preferredLocation: 'Location used when a subscriber has one (a majority_location spec).',
  proportion: 'Proportion of interactions to account for, from 0 to 1.',
  query: 'The query to sample.',
  range: 'Bounds [lower, upper] of the histogram, sent as {lower_bound, upper_bound}; left out of the JSON when unset.',
  referenceLocation: 'Reference location of each subscriber (daily, modal, most-frequent, majority or coalesced location).',
  referenceLocations: 'Reference location of each subscriber (daily, modal, most-frequent, majority or coalesced location).',
  samplingMethod: 'How rows are drawn.',
  seed: 'Seed for repeatable samples; in [-1, 1] for random_ids.',
  size: 'Number of rows to draw; give exactly one of size and fraction.',
  startDate: 'First day of the period, inclusive (ISO date, e.g. 2016-01-01).',
  startDateA: 'First day of the first period, inclusive (ISO date).',
  startDateB: 'First day of the second period, inclusive (ISO date).',
  statistic: 'Statistic to compute.',
  stayLengthThreshold: 'Consecutive periods at one location for a subscriber to be classed stable.',
  subscriberSubset: 'Subscribers to include: null for all, or the id of a query already run.',
  totalBy: 'Period the totals are bucketed by.',
  totalNetworkObjects: 'The totals to aggregate (a total_network_objects spec).',
  totalPeriods: 'Number of periods.',
  towerClusterCallThreshold: 'Towers used on fewer days than this are left out of the clusters.',
  towerClusterRadius: 'Radius within which towers join a cluster, in km.',
  towerDayOfWeekScores: 'Score in [-1, 1] of an interaction on each day of the week (lower-case day names).',
  towerHourOfDayScores: 'Score in [-1, 1] of an interaction in each hour of the day, from midnight.',
  weightThreshold: 'Minimum weight of a fallback location.',
};

/** One builder's words: what it computes, and its options whose meaning differs between builders. */
interface BuilderWords {
  /** What the spec computes. */
  readonly description: string;
  /** Descriptions of its options that {@link SHARED} does not hold, by option name. */
  readonly fields?: Readonly<Record<string, string>>;
}

/** Each builder's words, by builder name. */
const BUILDER_WORDS: Readonly<Record<string, BuilderWords>> = {
  uniqueLocationsSpec: {
    description: 'The unique set of locations each subscriber visited in the period.',
  },
  mostFrequentLocationSpec: {
    description: 'The location each subscriber visited most often in the period.',
  },
  dailyLocationSpec: {
    description: 'Each subscriber\'s location on one day.',
    fields: {
      method: 'How a subscriber\'s daily location is chosen: their last location of the day, or the most common.',
    },
  },
  modalLocationSpec: {
    description: 'Each subscriber\'s most common location over a list of daily locations.',
    fields: {
      locations: 'Daily locations to take the mode of, all at the same aggregation unit.',
    },
  },
  modalLocationFromDatesSpec: {
    description: 'A modal location over one daily location per day of the period (end exclusive).',
    fields: {
      startDate: 'First day, inclusive (YYYY-MM-DD).',
      endDate: 'Day after the last day: exclusive, after startDate (YYYY-MM-DD).',
      method: 'How a subscriber\'s daily location is chosen: their last location of the day, or the most common.',
    },
  },
  radiusOfGyrationSpec: {
    description: 'Each subscriber\'s radius of gyration over the period, in km.',
  },
  totalActivePeriodsSpec: {
    description: 'In how many of a run of equal periods each subscriber was active.',
    fields: {
      startDate: 'First day of the first period (ISO date).',
    },
  },
  uniqueLocationCountsSpec: {
    description: 'How many distinct locations each subscriber visited in the period.',
  },
  topupBalanceSpec: {
    description: 'A statistic of each subscriber\'s balance.',
  },
  subscriberDegreeSpec: {
    description: 'How many distinct counterparts each subscriber interacted with.',
  },
  topupAmountSpec: {
    description: 'A statistic of each subscriber\'s top-up amounts.',
  },
  eventCountSpec: {
    description: 'How many events each subscriber had in the period.',
  },
  displacementSpec: {
    description: 'A statistic of each subscriber\'s distance (km) from their reference location.',
  },
  paretoInteractionsSpec: {
    description: 'The counterparts making up a proportion of each subscriber\'s interactions.',
  },
  nocturnalEventsSpec: {
    description: 'The share of each subscriber\'s events that happen at night.',
    fields: {
      hours: 'Night hours, [startHour, endHour], both inclusive.',
    },
  },
  handsetSpec: {
    description: 'A characteristic of each subscriber\'s handset.',
    fields: {
      method: 'Handset chosen: the last used, or the most common.',
    },
  },
  randomSampleSpec: { description: 'A random sample of a subscriber-level query\'s rows (the query\'s own kind, plus a sampling key).' },
  majorityLocationSpec: {
    description: 'Each subscriber\'s location holding more than half of their total weight.',
    fields: {
      subscriberLocationWeights: 'Weights of the locations of each subscriber (a location_visits spec).',
    },
  },
  locationVisitsSpec: {
    description: 'For each subscriber, each location and how many of the given daily or modal locations it was.',
    fields: {
      locations: 'Daily or modal locations, all at the same aggregation unit.',
    },
  },
  coalescedLocationSpec: {
    description: 'The preferred location of each subscriber, else their fallback location if weighted enough.',
    fields: {
      subscriberLocationWeights: 'Weights filtering the fallback location (a location_visits spec).',
    },
  },
  mobilityClassificationSpec: {
    description: 'Classifies each subscriber by how their reference location changes over consecutive periods.',
    fields: {
      locations: 'Coalesced locations of consecutive periods, oldest first, same aggregation unit.',
    },
  },
  locationEventCountsSpec: {
    description: 'Events per location and time bucket (end date exclusive).',
  },
  meaningfulLocationsAggregateSpec: {
    description: 'Subscribers\' tower clusters with a label, counted per location.',
    fields: {
      label: 'The label counted.',
      labels: 'Label name to GeoJSON geometry in (hour score, day score) space.',
    },
  },
  meaningfulLocationsBetweenLabelOdMatrixSpec: {
    description: 'Movement between meaningful locations of two labels, per pair of locations.',
    fields: {
      labels: 'Label name to GeoJSON geometry in (hour score, day score) space.',
    },
  },
  meaningfulLocationsBetweenDatesOdMatrixSpec: {
    description: 'Movement of meaningful locations with one label between two periods.',
    fields: {
      label: 'The label followed.',
      labels: 'Label name to GeoJSON geometry in (hour score, day score) space.',
    },
  },
  flowsSpec: {
    description: 'Subscribers moving between each pair of locations.',
    fields: {
      fromLocation: 'Origin locations (a reference location or unique locations).',
      toLocation: 'Destination locations, at the same aggregation unit.',
    },
  },
  inflowsSpec: {
    description: 'Subscribers arriving at each destination location.',
    fields: {
      fromLocation: 'Origin locations (a reference location or unique locations).',
      toLocation: 'Destination locations, at the same aggregation unit.',
    },
  },
  outflowsSpec: {
    description: 'Subscribers leaving each origin location.',
    fields: {
      fromLocation: 'Origin locations (a reference location or unique locations).',
      toLocation: 'Destination locations, at the same aggregation unit.',
    },
  },
  labelledFlowsSpec: {
    description: 'Flows between locations, split by a categorical label.',
    fields: {
      fromLocation: 'Origin locations (a coalesced_location spec).',
      toLocation: 'Destination locations (a coalesced_location spec).',
      labels: 'Labels to split the flows by (a mobility_classification spec).',
    },
  },
  uniqueSubscriberCountsSpec: {
    description: 'Distinct subscribers seen per location.',
  },
  locationIntroversionSpec: {
    description: 'Per location, the share of interactions with counterparts in the same location.',
  },
  totalNetworkObjectsSpec: {
    description: 'Active network objects per location and period.',
  },
  aggregateNetworkObjectsSpec: { description: 'A statistic of network-object totals per location.' },
  spatialAggregateSpec: {
    description: 'Subscribers counted per location.',
    fields: {
      locations: 'Reference locations to count (daily, modal, most-frequent, majority or coalesced location).',
    },
  },
  labelledSpatialAggregateSpec: {
    description: 'Subscribers counted per location and label.',
    fields: {
      locations: 'Locations to count (a coalesced_location spec).',
      labels: 'Labels to split the counts by (a mobility_classification spec).',
    },
  },
  consecutiveTripsOdMatrixSpec: {
    description: 'Subscribers making consecutive visits between each pair of locations.',
  },
  tripsOdMatrixSpec: {
    description: 'Subscribers visiting each pair of locations.',
  },
  unmovingCountsSpec: {
    description: 'Per location, subscribers who were seen only there.',
    fields: {
      uniqueLocations: 'Locations each subscriber visited (a unique_locations spec), sent as locations.',
    },
  },
  unmovingAtReferenceLocationCountsSpec: {
    description: 'Per location, subscribers who were seen only at their reference location.',
    fields: {
      uniqueLocations: 'Locations each subscriber visited (a unique_locations spec), sent as locations.',
    },
  },
  activeAtReferenceLocationCountsSpec: {
    description: 'Per location, subscribers who were active at their reference location.',
    fields: {
      uniqueLocations: 'Locations each subscriber visited (a unique_locations spec), sent as unique_locations.',
    },
  },
  joinedSpatialAggregateSpec: {
    description: 'A subscriber metric aggregated per location.',
    fields: {
      method: 'A statistic for a numeric metric; distr (only) for the categorical handset metric.',
      locations: 'Locations the metric is aggregated over.',
      metric: 'Subscriber metric to aggregate.',
    },
  },
  histogramAggregateSpec: {
    description: 'A histogram of a numeric subscriber metric.',
    fields: {
      metric: 'Numeric subscriber metric.',
    },
  },
};

/** What the builder named `builder` computes (empty for an unknown name). */
export function builderDescription(builder: string): string {
  return BUILDER_WORDS[builder]?.description ?? '';
}

/** What option `name` of the builder named `builder` is (empty for an unknown one). */
export function fieldDescription(builder: string, name: string): string {
  return BUILDER_WORDS[builder]?.fields?.[name] ?? SHARED[name] ?? '';
}
