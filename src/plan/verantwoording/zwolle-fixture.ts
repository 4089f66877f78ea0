/**
 * Test fixture (imported by tests only, never by the plan): the Verantwoording of Zwolle (GM0193) in
 * vws-2026-04 with a Brede SPUK beschikking of € 2.035.253 (2025) and € 1.732.939 (2026), as
 * verantwoording-sheet.test.ts and schuifruimte.test.ts build it. Plain data and pure functions, no
 * test framework.
 */
import { defaultReferenceData, editionInput } from '../../data';
import type { BeschikkingRegel, CbsCode, Euro } from '../../domain';
import { builtInKey, Ledger, legeBegroting, plafonds } from '../../domain';
import type { RealisatieInvoer, Verantwoording, VerantwoordingAannames } from '../../domain/verantwoording';
import { verantwoording } from '../../domain/verantwoording';
import { parsedRealisatie } from '../../../test/support/parsed';
import { buildWorkbookPlan } from '../build';
import type { WorkbookPlan } from '../types';

export const input = editionInput('vws-2026-04');
export const ledger = new Ledger(input, builtInKey('spuk-2025', defaultReferenceData()));
export const ZWOLLE = 'GM0193' as CbsCode;
/** The beschikking: Brede SPUK totals only (no onderdeel). */
export const BESCHIKKING: BeschikkingRegel[] = [
  { regeling: 'Brede SPUK', onderdeel: undefined, jaar: 2025, bedrag: 2_035_253 as Euro },
  { regeling: 'Brede SPUK', onderdeel: undefined, jaar: 2026, bedrag: 1_732_939 as Euro },
];
/** Zwolle's plafonds with that beschikking (whole euros per onderdeel and year, per regeling and year). */
export const { perOnderdeel, perRegeling } = plafonds(ledger, ZWOLLE, BESCHIKKING);
/** The numbers (nr) of the Brede SPUK's onderdelen, in the ledger's order. */
export const ONDERDELEN = ledger.lines.filter((l) => l.begroting === 'Brede SPUK').map((l) => l.nr);
/** The heading row of a realisatie (or begroting) CSV of this edition, `;`-separated. */
export const H =
  'Regeling;Onderdeel;Activiteit;Taakveld;Uitvoerder;Aard lasten;2023;2024;2025;2026;2027;2028;2029;Andere dekking;Opmerking';

/** The realisatie `csv` (heading H) as parsed input; throws with the failures when it does not parse. */
export function realisatie(csv: string): RealisatieInvoer {
  return parsedRealisatie(csv, input.edition);
}

/**
 * The domain's Verantwoording of Zwolle with BESCHIKKING, no begroting (`legeBegroting`), the
 * realisatie `csv` and, when given, the `aannames`.
 */
export function zwolleVerantwoording(csv: string, aannames?: VerantwoordingAannames): Verantwoording {
  return verantwoording({
    ledger,
    gemeente: input.base.gemeenten.find((g) => g.code === ZWOLLE)!,
    gemeenten: input.base.gemeenten,
    beschikking: BESCHIKKING,
    begroting: legeBegroting(input.edition),
    realisatie: realisatie(csv),
    ...(aannames ? { aannames } : {}),
  });
}

/** Zwolle's werkmap plan with BESCHIKKING, the realisatie `csv` and, when given, the `aannames`. */
export function zwollePlan(csv: string, aannames?: VerantwoordingAannames): WorkbookPlan {
  return buildWorkbookPlan(input, {
    key: 'spuk-2025',
    gemeente: ZWOLLE,
    beschikking: BESCHIKKING,
    realisatie: realisatie(csv),
    ...(aannames ? { aannames } : {}),
  });
}
