/**
 * Zwolle (GM0193) in vws-2026-04 with the sample begroting and realisatie (voorbeelden/), as
 * `werkboek --gemeente Zwolle --begroting voorbeelden/begroting.csv --realisatie voorbeelden/realisatie.csv`
 * makes it: the setup the HyperFormula and LibreOffice tests on that werkmap share
 * (src/plan/realisatie-checks.test.ts, test/libreoffice/realisatie-checks.test.ts,
 * test/libreoffice/print-measure.test.ts, src/plan/verantwoording/lid-h35.test.ts). Throws when a
 * sample file does not parse.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { editionInput } from '../../src/data';
import type { BegrotingInvoer, CbsCode } from '../../src/domain';
import type { RealisatieInvoer } from '../../src/domain/verantwoording';
import { buildWorkbookPlan } from '../../src/plan';
import type { PlanOptions, WorkbookPlan } from '../../src/plan';
import { parsedBegroting, parsedRealisatie } from './parsed';

export const input = editionInput('vws-2026-04');
export const ZWOLLE = 'GM0193' as CbsCode;

/** The text of the sample file `file` in voorbeelden/. */
export function voorbeeld(file: string): string {
  return readFileSync(join(__dirname, '../../voorbeelden', file), 'utf8');
}

/** voorbeelden/begroting.csv as parsed input. */
export const begroting: BegrotingInvoer = parsedBegroting(voorbeeld('begroting.csv'), input.edition);
/** voorbeelden/realisatie.csv as parsed input. */
export const realisatie: RealisatieInvoer = parsedRealisatie(voorbeeld('realisatie.csv'), input.edition);

/**
 * Zwolle's werkmap plan (key spuk-2025) with the sample begroting and realisatie; `extra` adds build
 * options (e.g. `vorige`, the edition compared with, as `werkboek` does by default).
 */
export function zwolleVoorbeeldenPlan(extra: Partial<PlanOptions> = {}): WorkbookPlan {
  return buildWorkbookPlan(input, { key: 'spuk-2025', gemeente: ZWOLLE, begroting, realisatie, ...extra });
}
