/**
 * Field groups FlowMachine's schemas share (its `field_mixins.py` and `custom_fields.py`): event
 * types, subscriber subset, hours, the geography-override strings, and nested plain schemas.
 */
import { integer, list, makeField, oneOf, OPTIONAL, string, type FieldOptions } from './fields.js';
import { MSG } from './messages.js';
import { loadObject, type Field, type ObjectSchema } from './schema.js';

/** Event types FlowMachine's `EventTypes` field accepts. */
export const EVENT_TYPES: readonly string[] = ['calls', 'sms', 'mds', 'topups'];

/** `fields.Nested(schema)`: a plain nested object schema. */
export function nested(schema: ObjectSchema, options: FieldOptions = {}): Field {
  return makeField((value, ctx) => {
    const loaded = loadObject(value, schema, ctx);
    return loaded.ok ? { ok: true, value: loaded.values } : loaded;
  }, options);
}

/** `EventTypes`: `null`, or a non-empty list drawn from {@link EVENT_TYPES}. */
export const eventTypes: Field = list(oneOf(EVENT_TYPES), { ...OPTIONAL, tag: 'event_types' }, { minLength: 1 });

const anyString = string(OPTIONAL);

/**
 * `SubscriberSubset`: `null` (all subscribers) or the id of a query the server knows (FlowMachine's
 * `NoneOrQuery` validator, checked at FlowKit 019663b).
 */
export const subscriberSubset: Field = makeField((value, ctx) => {
  const loaded = anyString.load(value, ctx);
  if (!loaded.ok || ctx.knownQueryId === undefined || ctx.knownQueryId(String(loaded.value))) return loaded;
  return { ok: false, error: [MSG.queryId] };
}, OPTIONAL);

const hour = integer({ required: true }, { min: 0, max: 24 });

/** FlowMachine's `Hours` schema: `{start_hour, end_hour}`, integers 0–24 (inclusive). */
export const HOURS_SCHEMA: ObjectSchema = { fields: { start_hour: hour, end_hour: hour } };

/** The optional `hours` field (`Nested(Hours, allow_none=True)`). */
export const hours: Field = nested(HOURS_SCHEMA, OPTIONAL);

/** The optional geography overrides every spatial kind takes (flowclient's "GO"). */
export const GEO_OPTIONAL: Readonly<Record<string, Field>> = {
  mapping_table: string(OPTIONAL),
  geom_table: string(OPTIONAL),
  geom_table_join_column: string(OPTIONAL),
};

/** `event_types` + `subscriber_subset` (flowclient's "CO" without hours). */
export const EVENTS_AND_SUBSET: Readonly<Record<string, Field>> = {
  event_types: eventTypes,
  subscriber_subset: subscriberSubset,
};

/** `event_types`, `subscriber_subset`, `hours` (flowclient's "CO"). */
export const COMMON_OPTIONAL: Readonly<Record<string, Field>> = { ...EVENTS_AND_SUBSET, hours };
