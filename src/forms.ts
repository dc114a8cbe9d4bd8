/**
 * flowclient-rx/forms: the spec builders as data, for form generators (the monitor's query form,
 * the CLI's `spec` command). `BUILDERS` reaches every builder and its field descriptors, so it
 * lives in this entry of its own: an app that imports a few builders from the main entry does
 * not bundle the other forty.
 * @packageDocumentation
 */
export { BUILDERS, BUILDER_NAMES, buildersForKind } from './specs/registry.js';
export type { BuilderName } from './specs/registry.js';
export { describeFieldType } from './specs/fields.js';
export type { BuilderDescriptor, BuilderEntry, FieldDescriptor, FieldType } from './specs/fields.js';
export { isIsoDate, matchesFieldType } from './specs/checks.js';
