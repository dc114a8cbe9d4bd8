import { aggregateNetworkObjectsSpec, totalNetworkObjectsSpec } from '../../src/specs/index.js';
import { expectJson, networkObjects, NETWORK_OBJECTS_JSON } from './fixtures.js';

describe('network object spec builders (golden JSON of flowclient)', () => {
  it('totalNetworkObjectsSpec defaults total_by to day', () => {
    expectJson(totalNetworkObjectsSpec({ startDate: '2016-01-01', endDate: '2016-01-02', aggregationUnit: 'admin3' }), NETWORK_OBJECTS_JSON);
  });

  it('totalNetworkObjectsSpec sends total_by given', () => {
    expectJson(totalNetworkObjectsSpec({ startDate: '2016-01-01', endDate: '2016-01-02', aggregationUnit: 'admin3', totalBy: 'hour' }), {
      ...NETWORK_OBJECTS_JSON,
      total_by: 'hour',
    });
  });

  it('aggregateNetworkObjectsSpec defaults aggregate_by to day', () => {
    expectJson(aggregateNetworkObjectsSpec({ totalNetworkObjects: networkObjects(), statistic: 'max' }), {
      query_kind: 'aggregate_network_objects',
      total_network_objects: NETWORK_OBJECTS_JSON,
      statistic: 'max',
      aggregate_by: 'day',
    });
  });

  it('aggregateNetworkObjectsSpec takes century', () => {
    expectJson(aggregateNetworkObjectsSpec({ totalNetworkObjects: networkObjects(), statistic: 'avg', aggregateBy: 'century' }), {
      query_kind: 'aggregate_network_objects',
      total_network_objects: NETWORK_OBJECTS_JSON,
      statistic: 'avg',
      aggregate_by: 'century',
    });
  });
});
