import { BUILDERS, BUILDER_NAMES } from '../../src/forms.js';
import { thrown, VALID_OPTIONS } from './fixtures.js';

// FlowAPI's schemas (StartAndEndField) take any two dates; the builders refuse only what cannot be
// a period (an end before its start). A period that starts and ends on the same instant is left to
// FlowMachine, as Python flowclient leaves it — except modalLocationFromDatesSpec, which needs a
// day to build one daily location from (FlowMachine refuses a modal location of none).
describe('builders over a period: an end equal to the start', () => {
  const periods = BUILDER_NAMES.flatMap((name) =>
    BUILDERS[name].fields
      .filter((f) => f.type.kind === 'date' && f.name.startsWith('start'))
      .map((f) => [name, f.name, f.name.replace(/^start/, 'end')] as const)
      .filter(([, , end]) => BUILDERS[name].fields.some((f) => f.name === end)),
  );

  it('finds every period of the builders', () => {
    expect(periods.length).toBe(23);
  });

  for (const [name, start, end] of periods) {
    const build = () => BUILDERS[name].build({ ...VALID_OPTIONS[name](), [start]: '2016-01-02', [end]: '2016-01-02' } as never);
    if (name === 'modalLocationFromDatesSpec') {
      it(`${name} refuses ${end} equal to ${start}: no day to locate`, () => {
        expect(thrown(build)).toEqual(jasmine.objectContaining({ name: 'QuerySpecError', builder: name, field: end }));
      });
    } else {
      it(`${name} accepts ${end} equal to ${start}, sending both as given`, () => {
        const spec = build() as unknown as Record<string, unknown>;
        const keyOf = (option: string) => BUILDERS[name].fields.find((f) => f.name === option)?.key ?? option;
        expect([spec[keyOf(start)], spec[keyOf(end)]]).toEqual(['2016-01-02', '2016-01-02']);
      });
    }
  }
});
