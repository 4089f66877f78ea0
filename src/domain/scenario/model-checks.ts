import type { EditionReport } from '../edition-controle';
import type { Ledger } from '../ledger';
import type { GalaTableReport } from '../gala-table';
import type { CbsCode, Gemeente, Maybe } from '../types';
import type { Verdeelsleutel } from '../verdeelsleutel';

/**
 * The model checks of the sheet Controle, by id (the sheet's Dutch names are display texts). Each
 * counts deviations of the model's integrity, never a user's deliberate input (a national amount or a
 * mutation typed over the edition's).
 */
export const MODEL_CHECKS = [
  'verdeling',
  'afronding',
  'afronding-2a',
  'bijlage-2a',
  'gewichten',
  'begroting-kolommen',
  'begroting-tekst',
  'volgorde',
  'som-gewichten',
  'gala-tabel',
  'samenstelling',
  'raming-azwa',
  'regios',
  'afronding-regios',
  'iza-indeling',
  'keuze',
  'overzicht',
  'aansluiting',
  'samenvatting',
  'beschikking-jaren',
  'beschikking-tekst',
  'invoer-tekst',
  'landelijk-tekst',
  'sleutel-bron',
  'realisatie-sleutel',
  'realisatie-uitvoerder',
] as const;
export type ModelCheckId = (typeof MODEL_CHECKS)[number];

/** The deviations of the edition's checks whose id starts with `prefix` (rows that do not match). */
function deviations(report: EditionReport, prefix: string): number {
  return report.checks
    .filter((c) => c.id.startsWith(prefix) && c.status === 'verschil')
    .reduce((a, c) => a + Math.max(1, c.afwijkingen), 0);
}

/**
 * What each model check must count for a freshly built workbook, from the domain's own
 * reconciliation of the same data (not assumed zeros): the GALA table's totals against the published
 * ones, Σ recipients = national per split line (`verdeling:` checks; the key splits and the regional
 * splits), Bijlage 2A per gemeente, the AZWA raming's lines against its total, the key's weights
 * (negative, or a total ≤ 0), the gemeenten's CBS order, gemeenten without a SPUK IZA region, and a
 * chosen gemeente that is not in the data, and the derived national composition against Σ Bijlage 2A;
 * `begroting-kolommen` (headings of the Begroting table not where the formulas read them) and
 * `begroting-tekst` (text in its amount cells, which SUMIFS skips) are 0: a built workbook has neither;
 * `aansluiting` (Overzicht against the Begrotingstoets) is 0 here and set per gemeente by `resolveScenario`. The rounding checks count what the largest-remainder rule
 * hands out against d: the same splits as `verdeling`. Overzicht's typed-over guard is 0 at build.
 */
export function modelCheckExpectations(from: {
  readonly ledger: Ledger;
  readonly key: Verdeelsleutel;
  readonly gemeente: Maybe<CbsCode>;
  readonly report: EditionReport;
  readonly galaReport: GalaTableReport;
}): Readonly<Record<ModelCheckId, number>> {
  const { ledger, key, report, galaReport } = from;
  const input = ledger.input;
  const gemeenten = input.base.gemeenten;
  const regional = new Set(
    input.edition.lines.filter((l) => l.ontvanger === 'mandaatgemeente').map((l) => l.nr),
  );
  const splitDeviations = (regionalLines: boolean): number =>
    report.checks.filter((c) => {
      if (!c.id.startsWith('verdeling:') || c.status !== 'verschil') return false;
      return regional.has(Number(c.id.split(':')[1])) === regionalLines;
    }).length;
  const withRegion = new Set(input.base.lidmaatschap.map((m) => m.code));
  const outOfOrder = gemeenten.filter((g, i) => i > 0 && (gemeenten[i - 1]?.code ?? '') >= g.code).length;
  return {
    // Allocatie's NL row of a regional line is Σ of every region (SamenTwente's included) − national.
    verdeling: splitDeviations(false) + splitDeviations(true),
    afronding: splitDeviations(false),
    'afronding-2a': deviations(report, '2a:'),
    'bijlage-2a': deviations(report, '2a:'),
    gewichten: key.weights.filter((w) => !Number.isFinite(w) || w < 0).length,
    // The plan writes the Begroting table with its headings where its formulas read them, and the
    // domain's begroting holds numbers only (the CSV reader refuses a text amount): both 0 at build.
    'begroting-kolommen': 0,
    'begroting-tekst': 0,
    volgorde: outOfOrder,
    'som-gewichten': key.total > 0 ? 0 : 1,
    'gala-tabel': galaReport.checks.filter((c) => c.id.startsWith('totaal:') && c.status === 'verschil')
      .length,
    samenstelling: compositionDeviations(ledger),
    'raming-azwa': deviations(report, 'azwa-totaal:'),
    regios: splitDeviations(true),
    'afronding-regios': splitDeviations(true),
    'iza-indeling': gemeenten.filter((g) => !withRegion.has(g.code)).length,
    keuze: keuze(gemeenten, from.gemeente),
    overzicht: 0,
    // The national view has no beschikking: Overzicht and the Begrotingstoets agree (see `aansluiting`).
    aansluiting: 0,
    // The Samenvatting's baten against the Begrotingstoets (`samenvattingVerschil`): set per scenario.
    samenvatting: 0,
    // A beschikking only in its regeling's years: the readers and `plafonds` refuse any other, so a
    // built werkmap has none; typed on the sheet Beschikking it counts (issue 16, SPUK AZWA 2030).
    'beschikking-jaren': 0,
    // Text in the input amounts of Beschikking, the Begrotingstoets and Landelijk (issue #17 item 3):
    // the readers refuse text, so a built werkmap has none.
    'beschikking-tekst': 0,
    'invoer-tekst': 0,
    'landelijk-tekst': 0,
    // A built-in key's weights against their source on Verdeelsleutel: equal by construction
    // (`builtInKey` takes them from there); an own key has no source (issue #17 item 4).
    'sleutel-bron': 0,
    // Realisatie rows whose key (Regeling|Onderdeel|Activiteit) is no Begroting row's: 0 here (no
    // gemeente, no realisatie); `resolveScenario` counts them against the werkmap's rows (`zonderBegroting`).
    'realisatie-sleutel': 0,
    // A mandaatgemeente's SPUK IZA realisatie rows whose Uitvoerder is neither empty, the gemeente
    // itself nor a medeoverheid on the sheet (issue #19): 0 here; `resolveScenario` counts the
    // verantwoording's (`IzaSisa.onbekend`).
    'realisatie-uitvoerder': 0,
  };
}

/** The check `keuze`: 1 when a gemeente is chosen that is not in the data. */
function keuze(gemeenten: readonly Gemeente[], gemeente: Maybe<CbsCode>): number {
  return gemeente === undefined || gemeenten.some((g) => g.code === gemeente) ? 0 : 1;
}

/**
 * The expectations of the national view (`modelCheckExpectations` without a gemeente) for a chosen
 * gemeente: only `keuze` depends on the choice. The same object when it does not change.
 */
export function withChoice(
  national: Readonly<Record<ModelCheckId, number>>,
  gemeenten: readonly Gemeente[],
  gemeente: Maybe<CbsCode>,
): Readonly<Record<ModelCheckId, number>> {
  const k = keuze(gemeenten, gemeente);
  return k === national.keuze ? national : { ...national, keuze: k };
}

/** Years whose derived national composition (Σ lines) differs from Σ Bijlage 2A (Landelijk's check). */
function compositionDeviations(ledger: Ledger): number {
  const { edition, bijlage2A } = ledger.input;
  let off = 0;
  for (const jaar of ledger.years) {
    const regelingen = new Set(
      ledger.lines
        .filter((l) => edition.rule(l.regeling.id, jaar)?.spec.regel === 'bijlage-2a')
        .map((l) => l.regeling.id),
    );
    if (regelingen.size === 0) continue;
    const derived = ledger.lines
      .filter((l) => regelingen.has(l.regeling.id))
      .reduce((a, l) => a + ledger.national(l.nr, jaar).bedrag, 0);
    const published = bijlage2A.filter((p) => p.jaar === jaar).reduce((a, p) => a + p.bedrag, 0);
    if (derived !== published) off++;
  }
  return off;
}
