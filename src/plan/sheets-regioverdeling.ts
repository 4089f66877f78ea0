import type { CellValue, DefinedNameSpec } from './types';
import type { EditionYear, Ledger, RegioVastBedrag, RegioVerdeling, ResolvedEdition } from '../domain';
import { aandeelGewicht, regioLeden, regioVerdeling, sisaCodeFor } from '../domain';
import { columnLetter, rangeOf } from './a1';
import { SheetRange } from './anchors';
import { SHEETS } from './layout';
import type { SplitSteps } from './largest-remainder';
import { REMAINDER_FORMULAS, RemainderSteps } from './largest-remainder';
import { SheetBuilder } from './sheet-builder';
import { wrapText } from './text-fit';

/**
 * The sheet Regioverdeling (issue 9 §5): how the mandaatgemeente passes its region's amount on, per
 * year of the edition (`ledger.years`, columns from E), as live formulas with the largest-remainder rounding shown (as on
 * Afronding). Inputs (yellow, preserved by the add-in): the regional activities with their fixed
 * amounts, and each member's weight per year. The method is expressed by the inputs: the weights
 * start as the `aandeel` weights (each member's Brede SPUK amount of the year; 2027–2029 its SPUK
 * AZWA lokaal amount), own weights make it `gewichten`, fixed amounts make it `vast`. The domain's
 * `regioVerdeling` gives every expected value (proven by HyperFormula in regio-verdeling-sheet.test.ts).
 *
 * build.ts adds it for one region: a mandaatgemeente's (its first region) or a member gemeente's own
 * region (its Beschikking's planned share reads the member's line live). The regional amount is
 * written as values from the Ledger (a live link to the IZA sheet's amounts is not made yet).
 */

export const REGIOVERDELING_SHEET = SHEETS.regioverdeling;
/** Rows for regional activities (fixed amounts); empty rows are 0. */
export const ACTIVITY_ROWS = 6;
const FIRST_YEAR_COL = 5; // E

export const REGIO_INPUT_NAMES = {
  activities: 'Invoer_Regio_Activiteiten',
  fixed: 'Invoer_Regio_Vast',
  weights: 'Invoer_Regio_Gewichten',
} as const;

export interface RegioverdelingInputs {
  /** Fixed amounts per activity, the same for every year (default none). */
  readonly vast?: readonly RegioVastBedrag[];
  /** Own weights per member code and year (default: the `aandeel` weights). */
  readonly gewichten?: ReadonlyMap<string, Readonly<Partial<Record<EditionYear, number>>>>;
}

export interface RegioverdelingSheet {
  readonly sheet: SheetBuilder;
  readonly names: readonly DefinedNameSpec[];
  /** The domain's split per year, for the tests. */
  readonly splits: readonly RegioVerdeling[];
  /** The split's result: one row per member (`leden` order), one column per year of `years`. */
  readonly shares: RegioShares;
}

/**
 * Where the sheet puts each member's amount (floor + correction): `range` (absolute sheet ranges)
 * has a row per member in `leden` order and a column per year in `years` (the years with regional
 * money, from E). A member gemeente's Beschikking reads its planned share here.
 */
export interface RegioShares {
  readonly range: SheetRange;
  readonly leden: readonly string[];
  readonly years: readonly EditionYear[];
}

/** The rows of the sheet, top down, for `n` members (each block's first row). */
function regioRows(n: number) {
  const amount = 5;
  const act = 9;
  const vast = act + ACTIVITY_ROWS;
  const teVerdelen = vast + 1;
  const weights = teVerdelen + 3;
  const weightTotal = weights + n;
  const rest = weightTotal + 3;
  const floor = rest + n + 1;
  const d = floor + n;
  const t = d + 1;
  const g = t + 1;
  const corr = g + 2;
  const out = corr + n + 2;
  const check = out + n;
  return { amount, act, vast, teVerdelen, weights, weightTotal, rest, floor, d, t, g, corr, out, check };
}
type Rows = ReturnType<typeof regioRows>;

/** What the sections share. */
interface Regio {
  readonly b: SheetBuilder;
  readonly rows: Rows;
  readonly leden: readonly string[];
  readonly splits: readonly RegioVerdeling[];
  /** Code and name per member (the label columns A:B). */
  readonly labels: CellValue[][];
  /** The year columns (one per year of the edition, from E) of `rows` rows from `row`, local A1. */
  across(row: number, rows?: number): string;
  /** The same as a local range. */
  at(row: number, rows?: number): SheetRange;
}

const E = columnLetter(FIRST_YEAR_COL);
const byYear =
  (splits: readonly RegioVerdeling[], f: (s: RegioVerdeling, i: number) => CellValue) =>
  (_r: number, c: number) => {
    const s = splits[c];
    return s ? f(s, c) : 0;
  };
const memberParts = (s: RegioVerdeling) => s.delen.filter((d) => d.soort === 'lid');

/**
 * Builds Regioverdeling for `regio` (its mandaatgemeente divides the regional amount): the domain's
 * `regioVerdeling` per year with `inputs` (fixed amounts, own weights) gives every expected value.
 * Returns the sheet, its input names, and the splits. Throws RangeError for an unknown region, too
 * many activities or a split the domain rejects.
 */
export function buildRegioverdeling(
  ledger: Ledger,
  regio: string,
  inputs: RegioverdelingInputs = {},
): RegioverdelingSheet {
  const r = ledger.regios.find((x) => x.naam === regio);
  if (!r) throw new RangeError(`Unknown SPUK IZA region ${regio}`);
  const { leden } = regioLeden(ledger, regio);
  const naamOf = new Map(ledger.input.base.gemeenten.map((g) => [g.code as string, g.naam]));
  const vast = inputs.vast ?? [];
  if (vast.length > ACTIVITY_ROWS) throw new RangeError(`At most ${ACTIVITY_ROWS} activities`);
  const weight = (code: string, jaar: EditionYear): number =>
    inputs.gewichten?.get(code)?.[jaar] ?? aandeelGewicht(ledger, code as never, jaar);
  // The years in which a regional line pays: not 2030 of vws-2026-04 (the SPUK regelingen have ended,
  // the BFU is an open post without an amount), where a fixed amount could never be covered.
  const years = ledger.years.filter((y) =>
    ledger.lines.some((l) => l.ontvanger === 'mandaatgemeente' && ledger.national(l.nr, y).bedrag > 0),
  );
  const splits = years.map((jaar) => {
    const s = regioVerdeling(ledger, regio, jaar, {
      methode: vast.length > 0 ? 'vast' : 'gewichten',
      ...(vast.length > 0 ? { vast } : {}),
      gewichten: leden.map((code) => ({ code, gewicht: weight(code, jaar) })),
    });
    if (!s.ok) throw new RangeError(`Regioverdeling ${regio} ${jaar}: ${JSON.stringify(s.failures)}`);
    return s.value;
  });

  const n = leden.length;
  const b = new SheetBuilder(REGIOVERDELING_SHEET, 'berekening');
  const v: Regio = {
    b,
    rows: regioRows(n),
    leden,
    splits,
    labels: leden.map((c) => [c, naamOf.get(c) ?? c]),
    across: (row, rows = 1) => rangeOf(row, FIRST_YEAR_COL, rows, years.length),
    at: (row, rows = 1) =>
      SheetRange.at(REGIOVERDELING_SHEET, row, FIRST_YEAR_COL, rows, years.length).local(),
  };
  b.value('A1', `Regioverdeling: ${r.naam} (mandaatgemeente ${r.mandaatgemeente})`, 'title');
  // A region whose only member is its mandaatgemeente (Utrecht): nothing is passed on (#18 review 12).
  const alleenZelf = n === 1 && leden[0] === r.mandaatgemeenteCode;
  const intro = alleenZelf
    ? `De regio ${r.naam} heeft één gemeente, de mandaatgemeente ${r.mandaatgemeente} zelf: er wordt niets doorgegeven aan ledengemeenten; het hele regiobedrag is eigen uitvoering van ${r.mandaatgemeente}.`
    : 'Wat de mandaatgemeente doorgeeft aan de ledengemeenten (medeoverheden) en aan regionale activiteiten (eigen uitvoering), tot op de euro, met de SiSa-code waar de editie die noemt (onder de verdeling). Gele cellen zijn invoer: vaste bedragen per activiteit en gewichten per ledengemeente (standaard het eigen Brede SPUK-bedrag van het jaar; 2027–2029 SPUK AZWA lokaal).';
  // The introduction runs on over the printed columns a line per row (A2, A3), measured in the font
  // at 85 % of the printed width (LibreOffice's wider fallback font), so no line is cut at the page's
  // edge (#18); what a narrow edition's print cannot hold in two lines stays in A3.
  const printedWidth = 28 + 22 + 8 + 12 + 15 * years.length;
  const introLines = wrapText(intro, printedWidth, {}, 0.85);
  b.values('A2', [[introLines[0] ?? ''], [introLines.slice(1).join(' ')]], 'note');
  b.values('A4', [['Onderdeel', '', '', '', ...years.map(String)]], 'header');
  amountSection(v, vast);
  weightsSection(v);
  roundingSection(v);
  // The SiSa codes per year as the edition states them for that year's regeling (as the CLI
  // `regioverdeling` does: SPUK IZA H35/H35B; the SPUK AZWA none in vws-2026-04): never invented.
  const sisa = splits.map((s) => sisaOfSplit(ledger.input.edition, s));
  splitSection(v, r.mandaatgemeenteCode, sisa);
  const noteLines = sisaNote(v, sisa, ledger.input.edition.manifest.id, printedWidth);
  if (alleenZelf) {
    // The split of the amount over the mandaatgemeente itself stays live (its Beschikking and the
    // Begrotingstoets read the result rows) but hidden: the page says it in one line instead (the
    // intro) with the SiSa code of the whole amount.
    b.value(
      `A${v.rows.amount + 2}`,
      `SiSa: ${sisaLabel(sisa, 'eigen')} (eigen uitvoering) over het hele regiobedrag.`,
      'note',
    );
    b.hideRows(v.rows.act - 1, v.rows.check + 1 + noteLines);
  }
  b.width('A', 28).width('B', 22).width('C', 8).width('D', 12);
  // Wide enough for a region's amount (€ 12.345.678) and the exact shares.
  for (let i = 0; i < years.length; i++) b.width(columnLetter(FIRST_YEAR_COL + i), 15);
  // The print: the amounts up to the last year (the rounding's helper columns after them stay on screen).
  b.printAs('landscape', true).printLayout({ fitToHeight: 0 });
  b.printColumns('A', columnLetter(FIRST_YEAR_COL + years.length - 1));
  b.validation({
    range: rangeOf(v.rows.act, FIRST_YEAR_COL, ACTIVITY_ROWS, years.length),
    type: 'whole',
    min: 0,
    prompt: "Vast bedrag voor de regionale activiteit in hele euro's (leeg = 0).",
    error: "Vul een heel, niet-negatief bedrag in euro's in (zonder centen).",
  });
  // Whole weights, as the domain takes them (`RegioGewicht.gewicht`, refused otherwise as
  // `RegioBadWeight`) and as the format #,##0 shows them: the rounding rows compute the rest as
  // MOD(N·gewicht; W), exact in whole numbers only. (A weights file may hold decimals: its reader
  // scales them to whole numbers, which a typed cell cannot do.)
  b.validation({
    range: rangeOf(v.rows.weights, FIRST_YEAR_COL, n, years.length),
    type: 'whole',
    min: 0,
    prompt:
      'Gewicht van de ledengemeente, een heel getal (standaard het eigen Brede SPUK-bedrag; 0 = krijgt niets).',
    error: 'Vul een heel gewicht van 0 of meer in, zonder decimalen (1,5 en 2,25: typ 150 en 225).',
  });
  const shares = {
    range: SheetRange.at(REGIOVERDELING_SHEET, v.rows.out, FIRST_YEAR_COL, n, years.length),
    leden,
    years,
  };
  return { sheet: b, names: inputNames(v.rows, n, years.length), splits, shares };
}

/** The regional amount and its source, the fixed amounts for activities (input), what is left (N). */
function amountSection(v: Regio, vast: readonly RegioVastBedrag[]): void {
  const { b, rows, splits } = v;
  b.value(`A${rows.amount}`, 'Regiobedrag (SPUK IZA 16 / SPUK AZWA regionaal 18)', 'rowHeader');
  b.values(`${E}${rows.amount}`, [splits.map((s) => s.bedrag.bedrag)], 'euro');
  b.value(`A${rows.amount + 1}`, 'Bron', 'rowHeader');
  // Right-aligned under the amounts (#18: "afgeleid … raming" sat half a column left of them).
  b.values(`${E}${rows.amount + 1}`, [splits.map((s) => s.bedrag.bron)], 'right');
  // Fixed amounts for activities (input).
  b.value(`A${rows.act - 1}`, 'Vaste bedragen voor regionale activiteiten (invoer)', 'subtitle');
  const actNames: CellValue[][] = [];
  const actAmounts: CellValue[][] = [];
  for (let i = 0; i < ACTIVITY_ROWS; i++) {
    const x = vast[i];
    actNames.push([x ? x.activiteit : '']);
    actAmounts.push(splits.map(() => (x ? x.bedrag : 0)));
  }
  b.values(`A${rows.act}`, actNames, 'input');
  b.values(`${E}${rows.act}`, actAmounts, 'inputEuro');
  b.value(`A${rows.vast}`, 'Σ vaste bedragen', 'rowHeader');
  b.formula(
    v.across(rows.vast),
    `SUM(${E}${rows.act}:${E}${rows.vast - 1})`,
    byYear(splits, (s) => s.vast),
    'euroTotal',
  );
  b.value(`A${rows.teVerdelen}`, 'Te verdelen over de leden (N)', 'rowHeader');
  b.formula(
    v.across(rows.teVerdelen),
    `${E}${rows.amount}-${E}${rows.vast}`,
    byYear(splits, (s) => s.teVerdelen),
    'euroTotal',
  );
}

/** Weights per member and year (input, keyed by CBS code) and their total W. */
function weightsSection(v: Regio): void {
  const { b, rows, splits } = v;
  b.value(`A${rows.weights - 1}`, 'Gewichten per ledengemeente (invoer)', 'subtitle');
  b.values(`A${rows.weights}`, v.labels, 'text');
  b.values(
    `${E}${rows.weights}`,
    v.leden.map((_c, i) => splits.map((s) => memberParts(s)[i]?.gewicht ?? 0)),
    'input',
  );
  b.format(v.across(rows.weights, v.leden.length), 'integer');
  b.value(`A${rows.weightTotal}`, 'W = Σ gewichten', 'rowHeader');
  b.formula(
    v.across(rows.weightTotal),
    `SUM(${E}${rows.weights}:${E}${rows.weightTotal - 1})`,
    byYear(splits, (s) => s.totaalGewicht),
    'integer',
  );
}

/** The engine's steps of a year's split over the members (t: the d-th largest rest; g: rests above t). */
function stepsOf(s: RegioVerdeling | undefined): SplitSteps {
  const parts = s ? memberParts(s) : [];
  const rests = parts.map((d) => d.rest);
  const handedOut = s?.uitgedeeld ?? 0;
  const threshold = [...rests].sort((a, z) => z - a)[Math.max(handedOut, 1) - 1] ?? 0;
  return {
    rests,
    corrections: parts.map((d) => d.correctie),
    handedOut,
    threshold,
    above: rests.filter((x) => x > threshold).length,
  };
}

/** Rounding, as on Afronding: rest, floor, d, threshold t, g above t, correction. */
function roundingSection(v: Regio): void {
  const { b, rows, splits } = v;
  const n = v.leden.length;
  const steps = new RemainderSteps(
    b,
    {
      members: 'rows',
      rests: v.at(rows.rest, n),
      corrections: v.at(rows.corr, n),
      handedOut: v.at(rows.d),
      threshold: v.at(rows.t),
      above: v.at(rows.g),
    },
    (c) => stepsOf(splits[c]),
    false,
  );
  const N = v.at(rows.teVerdelen).cell().fixRow();
  const w = v.at(rows.weights).cell().rel();
  const W = `MAX(${v.at(rows.weightTotal).cell().fixRow()},1)`;
  b.value(`A${rows.rest - 1}`, 'Afronding (grootste-restmethode): rest = (N · gewicht) mod W', 'subtitle');
  b.values(`A${rows.rest}`, v.labels, 'text');
  steps.rests(N, w, W);
  b.value(`A${rows.floor - 1}`, 'Naar beneden afgerond: (N · gewicht − rest) / W', 'subtitle');
  b.values(`A${rows.floor}`, v.labels, 'text');
  b.formula(
    v.at(rows.floor, n).address(),
    REMAINDER_FORMULAS.floor(N, w, v.at(rows.rest).cell().rel(), W),
    (row, c) => (splits[c] ? (memberParts(splits[c])[row]?.omlaag ?? 0) : 0),
    'euro',
  );
  b.value(`A${rows.d}`, 'd = N − Σ afgerond (uit te delen euro’s)', 'rowHeader');
  steps.handedOutFromFloors(v.at(rows.teVerdelen).cell().rel(), v.at(rows.floor, n));
  b.value(`A${rows.t}`, 't = de d-de grootste rest', 'rowHeader');
  steps.threshold();
  b.value(`A${rows.g}`, 'g = aantal resten boven t', 'rowHeader');
  steps.above();
  b.value(
    `A${rows.corr - 1}`,
    'Correctie: 1 euro voor de grootste resten (gelijke resten: eerste rij eerst)',
    'subtitle',
  );
  b.values(`A${rows.corr}`, v.labels, 'text');
  steps.corrections();
  // The steps stay live (the split below reads them) but are hidden rows: on screen they can be shown
  // again, on paper the reader sees the result, not the machinery (#18, as on the IZA sheet). Rows
  // with cells only: ExcelJS writes no empty row, so an empty row cannot carry "hidden".
  b.hideRows(rows.rest - 1, rows.corr + n - 1);
}

/** The SiSa codes of a year's split: its regeling's (the regeling of its line) as the edition states them. */
interface SplitSisa {
  readonly jaar: EditionYear;
  /** The regeling's name, e.g. SPUK IZA, SPUK AZWA. */
  readonly regeling: string;
  /** The code for eigen uitvoering (the mandaatgemeente's part); undefined: the edition states none. */
  readonly eigen: string | undefined;
  /** The code for medeoverheden (a member gemeente's part); undefined: the edition states none. */
  readonly leden: string | undefined;
}

function sisaOfSplit(edition: ResolvedEdition, s: RegioVerdeling): SplitSisa {
  const id = edition.lines.find((l) => l.nr === s.nr)?.regeling.id ?? '';
  return {
    jaar: s.jaar,
    regeling: s.regeling,
    eigen: sisaCodeFor(edition, id, 'eigen uitvoering'),
    leden: sisaCodeFor(edition, id, 'medeoverheden'),
  };
}

/** Consecutive runs of years with the same key: [key, first year, last year]. */
function runs<K>(
  items: readonly { readonly jaar: EditionYear }[],
  key: (i: number) => K,
): [K, number, number][] {
  const out: [K, number, number][] = [];
  items.forEach((x, i) => {
    const k = key(i);
    const last = out[out.length - 1];
    if (last !== undefined && last[0] === k) last[2] = x.jaar;
    else out.push([k, x.jaar, x.jaar]);
  });
  return out;
}

const yearsText = (first: number, last: number): string => (first === last ? `${first}` : `${first}–${last}`);

/**
 * The SiSa code of a member's part over the years: the code where every year has the same one, else
 * the code with its years ("H35B 2023–2026": the SPUK AZWA years after it have none in vws-2026-04),
 * "geen" where no year has one. Never a code for a year whose regeling the edition gives none.
 */
export function sisaLabel(sisa: readonly SplitSisa[], deel: 'eigen' | 'leden'): string {
  const parts = runs(sisa, (i) => sisa[i]?.[deel] ?? '');
  const known = parts.filter(([code]) => code !== '');
  if (known.length === 0) return 'geen';
  if (parts.length === 1) return known[0]?.[0] ?? '';
  return known.map(([code, a, z]) => `${code} ${yearsText(a, z)}`).join(', ');
}

/**
 * Under the check: where the column of SiSa codes comes from, per regeling and years (the edition's
 * codes; a regeling for which the edition states none says so), a line per row over the printed width.
 * Returns the number of lines.
 */
function sisaNote(v: Regio, sisa: readonly SplitSisa[], editie: string, printedWidth: number): number {
  const key = (x: SplitSisa | undefined) => `${x?.regeling}|${x?.eigen ?? ''}|${x?.leden ?? ''}`;
  const parts = runs(sisa, (i) => key(sisa[i])).map(([k, a, z]) => {
    const [regeling, eigen, leden] = k.split('|');
    const codes =
      eigen === '' && leden === ''
        ? 'geen SiSa-code in de editie (niet ingevuld)'
        : [
            eigen !== '' ? `${eigen} (eigen uitvoering, de mandaatgemeente)` : '',
            leden !== '' ? `${leden} (medeoverheden, de ledengemeenten)` : '',
          ]
            .filter((t) => t !== '')
            .join(' en ');
    return `${regeling ?? ''} ${yearsText(a, z)}: ${codes}`;
  });
  const text = `SiSa-code (naast de naam van de gemeente in de verdeling) volgens editie ${editie}, per regeling: ${parts.join('; ')}.`;
  const lines = wrapText(text, printedWidth, {}, 0.85);
  v.b.values(
    `A${v.rows.check + 2}`,
    lines.map((l) => [l]),
    'note',
  );
  return lines.length;
}

/**
 * The split: per member floor + correction, labelled with the SiSa code of its part per year
 * (`sisaLabel`: eigen uitvoering for the mandaatgemeente, medeoverheden for the others), and the check.
 */
function splitSection(v: Regio, mandaatCode: string | undefined, sisa: readonly SplitSisa[]): void {
  const { b, rows, splits } = v;
  const n = v.leden.length;
  b.value(
    `A${rows.out - 1}`,
    // No screen row numbers on paper (#18 review 12); the method is named on the sheet Afronding.
    "Verdeling: bedrag per ledengemeente, afgerond op hele euro's zo dat de som precies het regiobedrag is (als op het blad Afronding)",
    'subtitle',
  );
  b.values(
    `A${rows.out}`,
    v.leden.map((c, i) => [...(v.labels[i] ?? []), sisaLabel(sisa, c === mandaatCode ? 'eigen' : 'leden')]),
    'text',
  );
  b.formula(
    v.at(rows.out, n).address(),
    `${E}${rows.floor}+${E}${rows.corr}`,
    (row, c) => (splits[c] ? (memberParts(splits[c])[row]?.bedrag ?? 0) : 0),
    'euro',
  );
  b.value(`A${rows.check}`, 'Controle: Σ leden + Σ vast − regiobedrag (0 = goed)', 'rowHeader');
  b.formula(
    v.across(rows.check),
    `SUM(${E}${rows.out}:${E}${rows.check - 1})+${E}${rows.vast}-${E}${rows.amount}`,
    () => 0,
    'euroTotal',
  );
}

/** The input names of the sheet (activities, fixed amounts, weights keyed by CBS code). */
function inputNames(rows: Rows, n: number, yearCount: number): DefinedNameSpec[] {
  const ref = (range: string) => `${REGIOVERDELING_SHEET}!${range.replace(/([A-Z]+)(\d+)/g, '$$$1$$$2')}`;
  return [
    {
      name: REGIO_INPUT_NAMES.activities,
      ref: ref(rangeOf(rows.act, 1, ACTIVITY_ROWS, 1)),
      comment: 'Regionale activiteiten met een vast bedrag (invoer).',
      input: true,
    },
    {
      name: REGIO_INPUT_NAMES.fixed,
      ref: ref(rangeOf(rows.act, FIRST_YEAR_COL, ACTIVITY_ROWS, yearCount)),
      comment: 'Vaste bedragen per activiteit en jaar, hele euro’s (invoer).',
      input: true,
    },
    {
      name: REGIO_INPUT_NAMES.weights,
      ref: ref(rangeOf(rows.weights, FIRST_YEAR_COL, n, yearCount)),
      comment: 'Gewicht per ledengemeente en jaar (invoer; standaard het eigen Brede SPUK-bedrag).',
      input: true,
      keyRef: ref(rangeOf(rows.weights, 1, n, 1)),
    },
  ];
}
