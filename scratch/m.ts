import { queryKindsFor } from '../server/query-kinds/index.js';
const dates = Object.fromEntries(['calls','sms','mds','topups'].map((t) => [t, Array.from({ length: 7 }, (_, i) => `2016-01-0${i + 1}`)]));
const k = queryKindsFor({ dates, subscribers: 20000 });
const DAYTIME = Array.from({ length: 24 }, (_, h) => (h >= 7 && h < 19 ? 1 : -1));
const m = (label: string, hs: number[]) => ({ query_kind: 'meaningful_locations_aggregate', start_date: '2016-01-01', end_date: '2016-01-08', aggregation_unit: 'admin0', label,
  labels: { evening: { type: 'Polygon', coordinates: [[[-1, 1], [-1, -1], [-0.00001, -1], [-0.00001, 1], [-1, 1]]] }, day: { type: 'Polygon', coordinates: [[[0.00001, 1], [0.00001, -1], [1, -1], [1, 1], [0.00001, 1]]] } },
  tower_day_of_week_scores: { monday: 0.5, tuesday: 0.5, wednesday: 0.5, thursday: 0.5, friday: 0.5, saturday: -0.5, sunday: -0.5 }, tower_hour_of_day_scores: hs });
for (const [l, h] of [['day', DAYTIME], ['evening', DAYTIME], ['unknown', DAYTIME], ['day', DAYTIME.map(x=>-x)], ['evening', DAYTIME.map(x=>-x)], ['unknown', DAYTIME.map(x=>-x)]] as const)
  console.log(l, JSON.stringify([...k.resultRows(m(l, [...h]), 'x')]));
