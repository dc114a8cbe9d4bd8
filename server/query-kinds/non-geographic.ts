/** Kinds whose results carry no geography (no `.geojson`), whatever their unit. */
export const NON_GEOGRAPHIC_KINDS: readonly string[] = ['dummy_query', 'histogram_aggregate'];
