import type { CellValue, DefinedNameSpec } from './types';
import type { EditionYear, Ledger, RegioVastBedrag, RegioVerdeling } from '../domain';
import { aandeelGewicht, EDITION_YEARS, regioLeden, regioVerdeling } from '../domain';
import { columnLetter, rangeOf } from './a1';
import { SheetBuilder } from './sheet-builder';

/**
 * The sheet Regioverdeling (issue 9 §5): how the mandaatgemeente passes its region's amount on, per
 * year 2023–2029 (columns E..K), as live formulas with the largest-remainder rounding shown (as on
 * Afronding). Inputs (yellow, preserved by the add-in): the regional activities with their fixed
 * amounts, and each member's weight per year. The method is expressed by the inputs: the weights
 * start as the `aandeel` weights (each member's Brede SPUK amount of the year; 2027–2029 its SPUK
 * AZWA lokaal amount), own weights make it `gewichten`, fixed amounts make it `vast`. The domain's
 * `regioVerdeling` gives every expected value (proven by HyperFormula in regio-verdeling-sheet.test.ts).
 *
 * Not yet wired into build.ts: the regional amount is written as values from the Ledger (the live link
 * to the IZA sheet's amounts is the next step), and the sheet is built for one region.
 */

export const REGIOVERDELING_SHEET = 'Regioverdeling';
/** Rows for regional activities (fixed amounts); empty rows are 0. */
export const ACTIVITY_ROWS = 6;
const FIRST_YEAR_COL = 5; // E
const YEARS: readonly EditionYear[] = EDITION_YEARS;

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
}

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
  const splits = YEARS.map((jaar) => {
    const s = regioVerdeling(ledger, regio, jaar, {
      methode: vast.length > 0 ? 'vast' : 'gewichten',
      ...(vast.length > 0 ? { vast } : {}),
      gewichten: leden.map((code) => ({ code, gewicht: weight(code, jaar) })),
    });
    if (!s.ok) throw new RangeError(`Regioverdeling ${regio} ${jaar}: ${JSON.stringify(s.failures)}`);
    return s.value;
  });

  const n = leden.length;
  const E = columnLetter(FIRST_YEAR_COL);
  const across = (row: number, rows = 1) => rangeOf(row, FIRST_YEAR_COL, rows, YEARS.length);
  const byYear = (f: (s: RegioVerdeling, i: number) => CellValue) => (_r: number, c: number) => {
    const s = splits[c];
    return s ? f(s, c) : 0;
  };
  const b = new SheetBuilder(REGIOVERDELING_SHEET, 'berekening');
  b.value('A1', `Regioverdeling: ${r.naam} (mandaatgemeente ${r.mandaatgemeente})`, 'title');
  b.value(
    'A2',
    'Wat de mandaatgemeente doorgeeft aan de ledengemeenten (medeoverheden, SiSa H35B) en aan regionale activiteiten (eigen uitvoering, H35), tot op de euro. Gele cellen zijn invoer: vaste bedragen per activiteit en gewichten per ledengemeente (standaard het eigen Brede SPUK-bedrag van het jaar; 2027–2029 SPUK AZWA lokaal).',
    'note',
  );
  b.values('A4', [['Onderdeel', '', '', '', ...YEARS.map(String)]], 'header');
  const ROW_AMOUNT = 5;
  b.value(`A${ROW_AMOUNT}`, 'Regiobedrag (SPUK IZA 16 / SPUK AZWA regionaal 18)', 'rowHeader');
  b.values(`${E}${ROW_AMOUNT}`, [splits.map((s) => s.bedrag.bedrag)], 'euro');
  b.value(`A${ROW_AMOUNT + 1}`, 'Bron', 'rowHeader');
  b.values(`${E}${ROW_AMOUNT + 1}`, [splits.map((s) => s.bedrag.bron)], 'text');

  // Fixed amounts for activities (input).
  const ROW_ACT = 9;
  b.value(`A${ROW_ACT - 1}`, 'Vaste bedragen voor regionale activiteiten (invoer)', 'subtitle');
  const actNames: CellValue[][] = [];
  const actAmounts: CellValue[][] = [];
  for (let i = 0; i < ACTIVITY_ROWS; i++) {
    const v = vast[i];
    actNames.push([v ? v.activiteit : '']);
    actAmounts.push(YEARS.map(() => (v ? v.bedrag : 0)));
  }
  b.values(`A${ROW_ACT}`, actNames, 'input');
  b.values(`${E}${ROW_ACT}`, actAmounts, 'inputEuro');
  const ROW_VAST = ROW_ACT + ACTIVITY_ROWS;
  b.value(`A${ROW_VAST}`, 'Σ vaste bedragen', 'rowHeader');
  b.formula(
    across(ROW_VAST),
    `SUM(${E}${ROW_ACT}:${E}${ROW_VAST - 1})`,
    byYear((s) => s.vast),
    'euroTotal',
  );
  const ROW_TV = ROW_VAST + 1;
  b.value(`A${ROW_TV}`, 'Te verdelen over de leden (N)', 'rowHeader');
  b.formula(
    across(ROW_TV),
    `${E}${ROW_AMOUNT}-${E}${ROW_VAST}`,
    byYear((s) => s.teVerdelen),
    'euroTotal',
  );

  // Weights (input), keyed by CBS code.
  const ROW_W = ROW_TV + 3;
  b.value(`A${ROW_W - 1}`, 'Gewichten per ledengemeente (invoer)', 'subtitle');
  b.values(
    `A${ROW_W}`,
    leden.map((c) => [c, naamOf.get(c) ?? c]),
    'text',
  );
  const memberPart = (s: RegioVerdeling, i: number) => s.delen.filter((d) => d.soort === 'lid')[i];
  b.values(
    `${E}${ROW_W}`,
    leden.map((_c, i) => splits.map((s) => memberPart(s, i)?.gewicht ?? 0)),
    'input',
  );
  const ROW_WT = ROW_W + n;
  b.value(`A${ROW_WT}`, 'W = Σ gewichten', 'rowHeader');
  b.formula(
    across(ROW_WT),
    `SUM(${E}${ROW_W}:${E}${ROW_WT - 1})`,
    byYear((s) => s.totaalGewicht),
    'integer',
  );

  // Rounding, as on Afronding: floor, rest, d, threshold t, g above t, correction.
  const ROW_REST = ROW_WT + 3;
  b.value(`A${ROW_REST - 1}`, 'Afronding (grootste-restmethode): rest = (N · gewicht) mod W', 'subtitle');
  b.values(
    `A${ROW_REST}`,
    leden.map((c) => [c, naamOf.get(c) ?? c]),
    'text',
  );
  const cell = (col: string, row: number) => `${col}${row}`;
  b.formula(
    rangeOf(ROW_REST, FIRST_YEAR_COL, n, YEARS.length),
    `MOD(${E}$${ROW_TV}*${cell(E, ROW_W)},MAX(${E}$${ROW_WT},1))`,
    (row, c) => (splits[c] ? (memberPart(splits[c], row)?.rest ?? 0) : 0),
    'integer',
  );
  const ROW_FLOOR = ROW_REST + n + 1;
  b.value(`A${ROW_FLOOR - 1}`, 'Naar beneden afgerond: (N · gewicht − rest) / W', 'subtitle');
  b.values(
    `A${ROW_FLOOR}`,
    leden.map((c) => [c, naamOf.get(c) ?? c]),
    'text',
  );
  b.formula(
    rangeOf(ROW_FLOOR, FIRST_YEAR_COL, n, YEARS.length),
    `(${E}$${ROW_TV}*${cell(E, ROW_W)}-${cell(E, ROW_REST)})/MAX(${E}$${ROW_WT},1)`,
    (row, c) => (splits[c] ? (memberPart(splits[c], row)?.omlaag ?? 0) : 0),
    'euro',
  );
  const ROW_D = ROW_FLOOR + n;
  const rests = `${E}$${ROW_REST}:${E}$${ROW_REST + n - 1}`;
  b.value(`A${ROW_D}`, 'd = N − Σ afgerond (uit te delen euro’s)', 'rowHeader');
  b.formula(
    across(ROW_D),
    `${E}${ROW_TV}-SUM(${E}${ROW_FLOOR}:${E}${ROW_FLOOR + n - 1})`,
    byYear((s) => s.uitgedeeld),
    'integer',
  );
  const ROW_T = ROW_D + 1;
  const expectedT = (s: RegioVerdeling) => {
    const rs = s.delen.filter((d) => d.soort === 'lid').map((d) => d.rest);
    return [...rs].sort((a, z) => z - a)[Math.max(s.uitgedeeld, 1) - 1] ?? 0;
  };
  b.value(`A${ROW_T}`, 't = de d-de grootste rest', 'rowHeader');
  b.formula(across(ROW_T), `LARGE(${rests},MAX(${E}${ROW_D},1))`, byYear(expectedT), 'integer');
  const ROW_G = ROW_T + 1;
  b.value(`A${ROW_G}`, 'g = aantal resten boven t', 'rowHeader');
  b.formula(
    across(ROW_G),
    `COUNTIF(${rests},">"&${E}${ROW_T})`,
    byYear((s) => s.delen.filter((d) => d.soort === 'lid' && d.rest > expectedT(s)).length),
    'integer',
  );
  const ROW_CORR = ROW_G + 2;
  b.value(
    `A${ROW_CORR - 1}`,
    'Correctie: 1 euro voor de grootste resten (gelijke resten: eerste rij eerst)',
    'subtitle',
  );
  b.values(
    `A${ROW_CORR}`,
    leden.map((c) => [c, naamOf.get(c) ?? c]),
    'text',
  );
  b.formula(
    rangeOf(ROW_CORR, FIRST_YEAR_COL, n, YEARS.length),
    `(${E}$${ROW_D}>0)*((${cell(E, ROW_REST)}>${E}$${ROW_T})+(${cell(E, ROW_REST)}=${E}$${ROW_T})*(COUNTIF(${E}$${ROW_REST}:${cell(E, ROW_REST)},${E}$${ROW_T})<=${E}$${ROW_D}-${E}$${ROW_G}))`,
    (row, c) => (splits[c] ? (memberPart(splits[c], row)?.correctie ?? 0) : 0),
    'integer',
  );

  // The split.
  const ROW_OUT = ROW_CORR + n + 2;
  b.value(`A${ROW_OUT - 1}`, 'Verdeling: bedrag per ledengemeente (afgerond + correctie)', 'subtitle');
  b.values(
    `A${ROW_OUT}`,
    leden.map((c) => [c, naamOf.get(c) ?? c, c === r.mandaatgemeenteCode ? 'H35' : 'H35B']),
    'text',
  );
  b.formula(
    rangeOf(ROW_OUT, FIRST_YEAR_COL, n, YEARS.length),
    `${cell(E, ROW_FLOOR)}+${cell(E, ROW_CORR)}`,
    (row, c) => (splits[c] ? (memberPart(splits[c], row)?.bedrag ?? 0) : 0),
    'euro',
  );
  const ROW_CHECK = ROW_OUT + n;
  b.value(`A${ROW_CHECK}`, 'Controle: Σ leden + Σ vast − regiobedrag (0 = goed)', 'rowHeader');
  b.formula(
    across(ROW_CHECK),
    `SUM(${E}${ROW_OUT}:${E}${ROW_CHECK - 1})+${E}${ROW_VAST}-${E}${ROW_AMOUNT}`,
    () => 0,
    'check',
  );
  b.width('A', 28).width('B', 22).width('C', 8).width('D', 12);
  // Wide enough for a region's amount (€ 12.345.678) and the exact shares.
  for (let i = 0; i < YEARS.length; i++) b.width(columnLetter(FIRST_YEAR_COL + i), 15);
  b.printAs('landscape', true);
  b.validation({
    range: rangeOf(ROW_ACT, FIRST_YEAR_COL, ACTIVITY_ROWS, YEARS.length),
    type: 'whole',
    min: 0,
    prompt: "Vast bedrag voor de regionale activiteit in hele euro's (leeg = 0).",
    error: "Vul een heel, niet-negatief bedrag in euro's in (zonder centen).",
  });
  b.validation({
    range: rangeOf(ROW_W, FIRST_YEAR_COL, n, YEARS.length),
    type: 'decimal',
    min: 0,
    prompt: 'Gewicht van de ledengemeente (standaard het eigen Brede SPUK-bedrag; 0 = krijgt niets).',
    error: 'Vul een gewicht van 0 of meer in.',
  });

  const ref = (range: string) => `${REGIOVERDELING_SHEET}!${range.replace(/([A-Z]+)(\d+)/g, '$$$1$$$2')}`;
  const names: DefinedNameSpec[] = [
    {
      name: REGIO_INPUT_NAMES.activities,
      ref: ref(rangeOf(ROW_ACT, 1, ACTIVITY_ROWS, 1)),
      comment: 'Regionale activiteiten met een vast bedrag (invoer).',
      input: true,
    },
    {
      name: REGIO_INPUT_NAMES.fixed,
      ref: ref(rangeOf(ROW_ACT, FIRST_YEAR_COL, ACTIVITY_ROWS, YEARS.length)),
      comment: 'Vaste bedragen per activiteit en jaar, hele euro’s (invoer).',
      input: true,
    },
    {
      name: REGIO_INPUT_NAMES.weights,
      ref: ref(rangeOf(ROW_W, FIRST_YEAR_COL, n, YEARS.length)),
      comment: 'Gewicht per ledengemeente en jaar (invoer; standaard het eigen Brede SPUK-bedrag).',
      input: true,
      keyRef: ref(rangeOf(ROW_W, 1, n, 1)),
    },
  ];
  return { sheet: b, names, splits };
}
