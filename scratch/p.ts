import { populationFor } from '../server/population/population.js';
import { fillDay, newDay } from '../server/population/activity.js';
const dates = Object.fromEntries(['calls','sms','mds','topups'].map((t) => [t, Array.from({ length: 7 }, (_, i) => `2016-01-0${i + 1}`)]));
let t = performance.now();
const pop = populationFor({ dates });
console.log('build', performance.now() - t);
const day = newDay();
for (let rep = 0; rep < 3; rep++) {
  t = performance.now();
  let x = 0;
  for (let s = 0; s < pop.subscribers.size; s++) { fillDay(pop, s, 16801, day); x += day.counts[0] ?? 0; }
  console.log('fillDay 100k', (performance.now() - t).toFixed(1), x);
}
