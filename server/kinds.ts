/**
 * What the server needs from the query-kinds module (`server/query-kinds/`), as an interface so
 * the server can be started with any implementation of it (the real one is bound in `start.ts`).
 */

/** A validated query spec, as the query-kinds module describes it. */
export interface ParsedQuery {
  /** Top-level `query_kind`. */
  kind: string;
  /** Top-level aggregation unit, or `'nonspatial'`. */
  unit: string;
  /** Every `query_kind` anywhere in the spec, including the top-level one, unique. */
  kinds: string[];
  /** Sub-queries including the query itself (at least 1). */
  parts: number;
  /** Every `YYYY-MM-DD` date the spec reads. */
  dates: string[];
  /** Event types the spec reads, or `null` for all. */
  eventTypes: string[] | null;
  /** Aggregation unit of the result's geography (for `.geojson`), or `null` if it has none. */
  resultUnit: string | null;
}

/** Outcome of validating a query spec. */
export type ValidationResult = { ok: true; query: ParsedQuery } | { ok: false; message: string };

/** A JSON object as parsed from a request body. */
export type JsonObject = Record<string, unknown>;

/** The query-kinds module's functions, as the server uses them. */
export interface QueryKinds {
  /** Validate a spec (`knownQueryId` checks `subscriber_subset` ids); the failure message is FlowAPI's full 400 `msg` text. */
  validateQuerySpec(spec: JsonObject & { query_kind: unknown }, knownQueryId?: (id: string) => boolean): ValidationResult;
  /** Every `<unit>:<top_level_kind>:<kind>` scope. */
  allQueryScopes(): string[];
  /** Result rows of a completed query (`rowCount` overrides the kind's own size). */
  resultRows(spec: JsonObject, queryId: string, rowCount?: number): Iterable<JsonObject>;
  /** Result rows of a completed query as GeoJSON Feature objects (`rowCount` as above). */
  resultFeatures(spec: JsonObject, queryId: string, rowCount?: number): Iterable<JsonObject>;
  /** Features of an aggregation unit's geography, or `null` for an unknown unit. */
  geographyFeatures(unit: string): Iterable<JsonObject> | null;
  /** Every aggregation unit. */
  readonly AGGREGATION_UNITS: readonly string[];
}
