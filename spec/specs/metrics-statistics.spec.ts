import { displacementSpec, handsetSpec, topupAmountSpec, topupBalanceSpec } from '../../src/specs/index.js';
import { daily, dailyJson, expectJson, HANDSET_JSON, majority, MAJORITY_JSON } from './fixtures.js';

describe('statistic and handset metric spec builders (golden JSON of flowclient)', () => {
  it('topupBalanceSpec has no event_types key', () => {
    const spec = topupBalanceSpec({ startDate: '2016-01-01', endDate: '2016-01-02', statistic: 'avg' });
    expectJson(spec, {
      query_kind: 'topup_balance',
      start_date: '2016-01-01',
      end_date: '2016-01-02',
      statistic: 'avg',
      subscriber_subset: null,
      hours: null,
    });
    expect('event_types' in spec).toBeFalse();
  });

  it('topupAmountSpec sends subset and hours', () => {
    expectJson(topupAmountSpec({ startDate: '2016-01-01', endDate: '2016-01-02', statistic: 'median', subscriberSubset: 'q9', hours: [6, 18] }), {
      query_kind: 'topup_amount',
      start_date: '2016-01-01',
      end_date: '2016-01-02',
      statistic: 'median',
      subscriber_subset: 'q9',
      hours: { start_hour: 6, end_hour: 18 },
    });
  });

  it('displacementSpec nests its reference location', () => {
    expectJson(displacementSpec({ startDate: '2016-01-01', endDate: '2016-01-08', statistic: 'max', referenceLocation: daily() }), {
      query_kind: 'displacement',
      start_date: '2016-01-01',
      end_date: '2016-01-08',
      statistic: 'max',
      reference_location: dailyJson(),
      event_types: null,
      subscriber_subset: null,
      hours: null,
    });
  });

  it('displacementSpec takes a majority location as reference (FlowAPI accepts every reference location)', () => {
    expectJson(
      displacementSpec({ startDate: '2016-01-01', endDate: '2016-01-08', statistic: 'stddev', referenceLocation: majority(), eventTypes: ['calls'] }),
      {
        query_kind: 'displacement',
        start_date: '2016-01-01',
        end_date: '2016-01-08',
        statistic: 'stddev',
        reference_location: MAJORITY_JSON,
        event_types: ['calls'],
        subscriber_subset: null,
        hours: null,
      },
    );
  });

  it('handsetSpec defaults to hnd_type and last', () => {
    expectJson(handsetSpec({ startDate: '2016-01-01', endDate: '2016-01-02' }), HANDSET_JSON);
  });

  it('handsetSpec sends the characteristic and method given', () => {
    expectJson(handsetSpec({ startDate: '2016-01-01', endDate: '2016-01-02', characteristic: 'brand', method: 'most-common' }), {
      ...HANDSET_JSON,
      characteristic: 'brand',
      method: 'most-common',
    });
  });
});
