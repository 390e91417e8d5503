/**
 * The labelled query sets and how they are scored, shared by the quality test
 * (test/core/search-quality.test.ts) and the benchmark (bench/search.bench.ts).
 * Both sets were frozen before the matcher was tuned: queries.json by the
 * search engineer, queries-fresh.json by a helper who saw only the matter list
 * and the sample data, no code and no everyday-word table.
 */

export interface Labelled {
  q: string;
  /** Acceptable answers: exact names on the real list, ids on the sample data. */
  accept: string[];
}

export interface QuerySet {
  real: Labelled[];
  sample: Labelled[];
}

export interface Quality {
  queries: number;
  /** Share of queries with an acceptable answer among the first five. */
  recall5: number;
  /** Mean of 1 / rank of the first acceptable answer (0 when none in the first ten). */
  mrr: number;
  misses: { q: string; accept: string[]; got: string[] }[];
}

/** The real list as a document: names and departments, no aliases, no venues. */
export function realDocument(list: { matters: { name: string; department: string }[] }): object {
  return {
    version: 1,
    title: '广安区事项清单',
    venues: [],
    matters: list.matters.map((matter, i) => ({
      id: `ga-${String(i + 1).padStart(4, '0')}`,
      name: matter.name,
      department: matter.department,
    })),
  };
}

/** Scores `answers(q)` (best first, as names or ids) against the labelled queries. */
export function evaluate(queries: Labelled[], answers: (q: string) => string[]): Quality {
  let found = 0;
  let reciprocal = 0;
  const misses: Quality['misses'] = [];
  for (const { q, accept } of queries) {
    const got = answers(q).slice(0, 10);
    const rank = got.findIndex((answer) => accept.includes(answer));
    if (rank >= 0 && rank < 5) found++;
    if (rank >= 0) reciprocal += 1 / (rank + 1);
    if (rank < 0 || rank >= 5) misses.push({ q, accept, got: got.slice(0, 5) });
  }
  return {
    queries: queries.length,
    recall5: found / queries.length,
    mrr: reciprocal / queries.length,
    misses,
  };
}

/** Both frozen sets, one after the other. */
export function joinSets(...sets: QuerySet[]): QuerySet {
  return {
    real: sets.flatMap((set) => set.real),
    sample: sets.flatMap((set) => set.sample),
  };
}
