import type { BegrotingToets } from './begroting';
import { REGIONALE_POSTEN } from './begroting';
import type { EditionYear } from './edition';
import type { EditionReport } from './edition-controle';
import type { Ledger } from './ledger';
import type { Euro } from './money';
import { ZERO } from './money';
import { regioLeden } from './regio-verdeling';
import type { CbsCode, Maybe } from './types';

/**
 * The warnings that concern one gemeente's own amounts, for its Samenvatting (Dutch texts:
 * `gemeenteWaarschuwingText` in src/messages/begroting.nl.ts). Facts only, from the edition's
 * reconciliation and the begroting's toets:
 * - `bodem`: the gemeente had a bodembedrag in Bijlage 2A (its 2026/2025 ratio differs from the
 *   rest: the edition's warning `FloorNotInAzwa`), and the SPUK AZWA lokaal is split with the Brede
 *   SPUK key without a floor: its own money drops from the last Brede SPUK year to the first SPUK
 *   AZWA year (Rozendaal € 72.896 → € 54.233). Whether the SPUK AZWA has a floor is not known (open post).
 * - `verdeelsleutel-vooralsnog`: the SPUK AZWA amounts (lokaal, regionaal, or passed on by the
 *   mandaatgemeente) come from a key VWS calls "vooralsnog" (VWS/LZJS to VNG 22-04-2026,
 *   1097348-DMO; ../shared/docs/editions-facts.md §5): a raming until a beschikking is entered.
 * - `regio-zonder-gemeente`: the gemeente's SPUK IZA region is paid to a body that is no gemeente
 *   (Twente: SamenTwente, an openbaar lichaam); what it passes on is the member's baat.
 */
export type GemeenteWaarschuwing =
  | {
      readonly soort: 'bodem';
      readonly vanJaar: EditionYear;
      readonly naarJaar: EditionYear;
      readonly van: Euro;
      readonly naar: Euro;
    }
  | { readonly soort: 'verdeelsleutel-vooralsnog'; readonly jaren: readonly EditionYear[] }
  | { readonly soort: 'regio-zonder-gemeente'; readonly regio: string; readonly ontvanger: string };

/**
 * The warnings for gemeente `code` (undefined, the national view: none), in the order bodem,
 * verdeelsleutel, regio. `toets` is the scenario's `toetsBegroting` for the gemeente (its plafonds,
 * with the beschikking, and what the mandaatgemeente passes on).
 */
export function gemeenteWaarschuwingen(
  ledger: Ledger,
  report: EditionReport,
  code: Maybe<CbsCode>,
  toets: BegrotingToets,
): GemeenteWaarschuwing[] {
  if (code === undefined) return [];
  const years = ledger.years;
  const out: GemeenteWaarschuwing[] = [];
  const at = (values: readonly { readonly bedrag: Euro }[] | undefined, jaar: EditionYear): Euro =>
    values?.[years.indexOf(jaar)]?.bedrag ?? ZERO;
  // Bodem: the edition's FloorNotInAzwa names the Bijlage 2A rows with a floor (names as in the source).
  const floor = report.warnings.find((w) => w.kind === 'FloorNotInAzwa');
  const naam = ledger.input.base.bijlage2A.find((r) => r.code === code)?.naamInBron;
  if (floor?.kind === 'FloorNotInAzwa' && naam !== undefined && floor.gemeenten.includes(naam)) {
    const naarJaar = floor.jaar;
    const vanJaar = years[years.indexOf(naarJaar) - 1];
    if (vanJaar !== undefined)
      out.push({
        soort: 'bodem',
        vanJaar,
        naarJaar,
        van: at(toets.plafond['Brede SPUK'], vanJaar),
        naar: at(toets.plafond['SPUK AZWA lokaal'], naarJaar),
      });
  }
  // Vooralsnog: the SPUK AZWA years with money the beschikking has not (yet) settled.
  const azwa = ['SPUK AZWA lokaal', 'SPUK AZWA regionaal'] as const;
  const jaren = years.filter((jaar, i) => {
    const own = azwa.some((p) => {
      const pl = toets.plafond[p][i];
      return pl !== undefined && pl.bedrag !== 0 && pl.bron !== 'beschikking';
    });
    const passed = toets.vanMandaatgemeente['SPUK AZWA regionaal'][i]?.bron === 'regioverdeling';
    return own || passed;
  });
  if (jaren.length > 0) out.push({ soort: 'verdeelsleutel-vooralsnog', jaren });
  // A region paid to a body that is no gemeente (its mandaatgemeente has no CBS code).
  const regio = ledger.regios.find(
    (r) =>
      r.mandaatgemeenteCode === undefined &&
      REGIONALE_POSTEN.some((p) => toets.vanMandaatgemeente[p].some((v) => v.gepland !== 0)) &&
      regioLeden(ledger, r.naam).leden.includes(code),
  );
  if (regio)
    out.push({ soort: 'regio-zonder-gemeente', regio: regio.naam, ontvanger: regio.mandaatgemeente });
  return out;
}
