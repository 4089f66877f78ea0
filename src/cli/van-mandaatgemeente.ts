import type { BegrotingInvoer, Euro, Gemeente, Ledger, Maybe, RegionalePost } from '../domain';
import { euro, regelingLines, REGIONALE_POSTEN, regioLeden, regionalLine } from '../domain';
import { UsageError } from './args';

/**
 * `--van-mandaatgemeente 2025=120000,2027=20000` (`begroting`, `werkboek`): what the member gemeente's
 * mandaatgemeente passes on per year, in whole euros (the mandaatgemeente's letter or raadsbesluit);
 * the domain's `BegrotingInvoer.vanMandaatgemeente`, the werkmap's Invoer_Van_Mandaatgemeente. A year
 * goes to the regional post whose line the region receives that year (`regionalLine`: SPUK IZA to
 * 2026, SPUK AZWA regionaal from 2027); a year left out keeps the planned share (`geplandAandeel`).
 *
 * Returns the typed amounts per post × edition year (undefined where not given). Throws UsageError in
 * Dutch, naming the fix: no gemeente, a gemeente in no region or the region's mandaatgemeente itself, a
 * part not JAAR=BEDRAG, an amount that is not whole euros ≥ 0, a year twice, a year in which the region
 * receives no regional money.
 */
export function parseVanMandaatgemeente(
  text: string,
  ledger: Ledger,
  gemeente: Gemeente | undefined,
): NonNullable<BegrotingInvoer['vanMandaatgemeente']> {
  if (gemeente === undefined)
    throw new UsageError(
      '--van-mandaatgemeente hoort bij één ledengemeente van een SPUK IZA-regio: geef ook --gemeente CODE|NAAM.',
    );
  const regio = ledger.regios.find((r) => regioLeden(ledger, r.naam).leden.includes(gemeente.code));
  if (regio === undefined)
    throw new UsageError(
      `${gemeente.naam} (${gemeente.code}) hoort bij geen SPUK IZA-regio: er is niets van een mandaatgemeente te ontvangen. Laat --van-mandaatgemeente weg.`,
    );
  if (regio.mandaatgemeenteCode === gemeente.code)
    throw new UsageError(
      `${gemeente.naam} is de mandaatgemeente van ${regio.naam}: zij ontvangt het regiobedrag zelf. --van-mandaatgemeente is voor een ledengemeente; laat het weg (de verdeling: 'spuk-begroting regioverdeling --gemeente ${gemeente.naam}').`,
    );
  const years = ledger.years;
  // The post of each year in which the region receives regional money.
  const postOf = new Map<number, RegionalePost>();
  for (const jaar of years) {
    const nr = regionalLine(ledger, jaar).nr;
    const post = REGIONALE_POSTEN.find((p) => regelingLines(ledger.lines, p).some((l) => l.nr === nr));
    if (post !== undefined && ledger.regio(regio.naam, nr, jaar).bedrag > 0) postOf.set(jaar, post);
  }
  const kies = `Kies uit ${[...postOf.keys()].join(', ')}.`;
  const out: Record<RegionalePost, Maybe<Euro>[]> = {
    'SPUK IZA': years.map(() => undefined),
    'SPUK AZWA regionaal': years.map(() => undefined),
  };
  const seen = new Set<number>();
  for (const part of text.split(/[,;]/).map((p) => p.trim())) {
    const m = /^(\d{4})\s*=\s*(\d{1,3}(?:\.\d{3})+|\d+)$/.exec(part);
    if (!m)
      throw new UsageError(
        `"${part}" in --van-mandaatgemeente is geen bedrag per jaar. Schrijf JAAR=BEDRAG in hele euro's, gescheiden door komma's, bijvoorbeeld 2025=120000,2027=20000.`,
      );
    const jaar = Number(m[1]);
    const post = postOf.get(jaar);
    if (post === undefined)
      throw new UsageError(
        `In ${jaar} ontvangt de regio ${regio.naam} geen regionaal SPUK-geld: er is dan niets door te geven. ${kies}`,
      );
    if (seen.has(jaar))
      throw new UsageError(`${jaar} staat twee keer in --van-mandaatgemeente. Geef elk jaar één keer.`);
    seen.add(jaar);
    out[post][years.indexOf(jaar)] = euro(Number((m[2] ?? '').replace(/\./g, '')));
  }
  return out;
}
