/**
 * Parse-or-throw for test setup: a CSV a test writes (or a sample file it reads) must parse, and a test
 * whose input is refused fails at once with the reader's failures rather than on a later figure.
 */
import { parseBegrotingCsv } from '../../src/data/begroting-input';
import { parseRealisatieCsv } from '../../src/data/realisatie-input';
import type { BegrotingInvoer, ResolvedEdition } from '../../src/domain';
import type { RealisatieInvoer } from '../../src/domain/verantwoording';

/** The value of a reader's result; throws an Error with the failures (as JSON) when it has none. */
export function parsed<T>(r: { ok: true; value: T } | { ok: false; failures: unknown }): T {
  if (!r.ok) throw new Error(JSON.stringify(r.failures));
  return r.value;
}

/** The realisatie `csv` read by the strict reader (`parseRealisatieCsv`) for `edition`; throws when refused. */
export function parsedRealisatie(csv: string, edition: ResolvedEdition): RealisatieInvoer {
  return parsed(parseRealisatieCsv(csv, { edition }));
}

/** The begroting `csv` read by `parseBegrotingCsv` for `edition`; throws when refused. */
export function parsedBegroting(csv: string, edition: ResolvedEdition): BegrotingInvoer {
  return parsed(parseBegrotingCsv(csv, { edition }));
}
