/**
 * FlowMachine's `Statistic`s over a list of numbers (`count`, `sum`, `avg`, `max`, `min`,
 * `median`, `stddev`, `variance`, `mode`), with PostgreSQL's sample variance.
 */

/** The statistic `name` of `xs` (`NaN` for an empty list). */
export function statistic(name: string, xs: readonly number[]): number {
  const n = xs.length;
  if (n === 0) return Number.NaN;
  const sum = xs.reduce((a, b) => a + b, 0);
  const mean = sum / n;
  switch (name) {
    case 'count':
      return n;
    case 'sum':
      return sum;
    case 'max':
      return xs.reduce((a, b) => (b > a ? b : a), -Infinity);
    case 'min':
      return xs.reduce((a, b) => (b < a ? b : a), Infinity);
    case 'median': {
      const sorted = [...xs].sort((a, b) => a - b);
      const mid = Math.floor(n / 2);
      return n % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
    }
    case 'stddev':
    case 'variance': {
      if (n < 2) return 0;
      const variance = xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (n - 1);
      return name === 'variance' ? variance : Math.sqrt(variance);
    }
    case 'mode': {
      const counts = new Map<number, number>();
      let best = xs[0] ?? 0;
      for (const x of xs) {
        const c = (counts.get(x) ?? 0) + 1;
        counts.set(x, c);
        if (c > (counts.get(best) ?? 0) || (c === counts.get(best) && x < best)) best = x;
      }
      return best;
    }
    default:
      return mean;
  }
}
