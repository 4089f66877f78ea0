import type { Euro, PeriodTotals, Period } from '../domain';
import {
  euro,
  HOOFDTHEMAS,
  izaPerRegio,
  gemeenteTotals,
  nationalAmount,
  nationalTotals,
  PERIODS,
  splitBbv,
  splitStructural,
  YEARS,
} from '../domain';
import { columnLetter, rangeOf } from './a1';
import { RowCursor, SheetRange } from './anchors';
import type { PlanContext } from './context';
import { NATIONAL_CODE, PERIOD_COL, PERIOD_COUNT, SHEETS } from './layout';
import type { Built } from './sheet-builder';
import { SheetBuilder } from './sheet-builder';
import { periodHeaders } from './labels';
import type { LandelijkCells } from './sheets-landelijk';
import { lineAard } from './sheets-landelijk';
import type { AllocatieCells, VerdeelsleutelCells } from './sheets-gemeenten';
import type { IzaCells } from './sheets-iza';
import type { ControleCells } from './sheets-controle';
import { COLORS } from './styles';

/**
 * The fixed cells at the top of Overzicht: the chosen gemeente and its helpers. Fixed (not laid
 * out by a cursor) because Controle, built before Overzicht, checks the chosen code.
 */
export interface ChooserCells {
  /** C4: the chosen CBS code, or NL (input). */
  readonly code: SheetRange;
  /** C5: its name. */
  readonly name: SheetRange;
  /** C6: its row in Allocatie's lookup table (1 = first gemeente). */
  readonly row: SheetRange;
  /** C7: periods per line (the column stride in Allocatie). */
  readonly periods: SheetRange;
  /** C8: the master check, as text. */
  readonly check: SheetRange;
  /** E9:I9: period index 1..5 above the period columns. */
  readonly periodIndex: SheetRange;
  /** E10:I10: the period headers (the chart's categories). */
  readonly periodHeaders: SheetRange;
}

const CHOOSER_FIRST = 4;
const PERIOD_INDEX_ROW = 9;
const HEADER_ROW = 10;

export function chooserCells(): ChooserCells {
  const c = (row: number) => SheetRange.at(SHEETS.overzicht, row, 3);
  return {
    code: c(CHOOSER_FIRST),
    name: c(CHOOSER_FIRST + 1),
    row: c(CHOOSER_FIRST + 2),
    periods: c(CHOOSER_FIRST + 3),
    check: c(CHOOSER_FIRST + 4),
    periodIndex: SheetRange.at(SHEETS.overzicht, PERIOD_INDEX_ROW, PERIOD_COL, 1, PERIOD_COUNT),
    periodHeaders: SheetRange.at(SHEETS.overzicht, HEADER_ROW, PERIOD_COL, 1, PERIOD_COUNT),
  };
}

/** The anchors of Overzicht's sections (rows on Overzicht itself). */
export interface OverzichtCells {
  readonly chooser: ChooserCells;
  readonly amounts: AmountRows;
  readonly rijk: RijkRows;
  readonly bbv: BbvRows;
}

/** What every section needs: the sheet, the chosen gemeente's amounts as the engine has them. */
interface View {
  readonly ctx: PlanContext;
  readonly s: SheetBuilder;
  readonly rows: RowCursor;
  readonly nLines: number;
  readonly lineIdx: readonly number[];
  /** Amount of line li in period p for the chosen gemeente (or the nation). */
  amount(li: number, p: Period): Euro;
  totalsOf(lis: readonly number[]): PeriodTotals;
  readonly all: PeriodTotals;
  readonly brede: PeriodTotals;
}

const per = (row: number, rows = 1) => rangeOf(row, PERIOD_COL, rows, PERIOD_COUNT);
const years = (row: number, rows = 1) => rangeOf(row, PERIOD_COL, rows, YEARS.length);

export function buildOverzicht(
  ctx: PlanContext,
  chooser: ChooserCells,
  from: {
    readonly landelijk: Pick<LandelijkCells, 'aard' | 'bbvFlags'>;
    readonly verdeelsleutel: VerdeelsleutelCells;
    readonly allocatie: AllocatieCells;
    readonly iza: IzaCells;
    readonly controle: ControleCells;
  },
): Built<OverzichtCells> {
  const s = new SheetBuilder(SHEETS.overzicht, 'presentatie');
  const chosen = ctx.chosen;
  const amount = (li: number, p: Period): Euro => {
    if (chosen === undefined) {
      const line = ctx.lines[li];
      return line ? nationalAmount(line, p) : euro(0);
    }
    return ctx.allocation.amount(chosen, li, p).amount;
  };
  const totalsOf = (lis: readonly number[]) =>
    chosen === undefined
      ? nationalTotals(lis.map((i) => ctx.lines[i]).filter((l) => l !== undefined))
      : gemeenteTotals(ctx.allocation, chosen, lis);
  const lineIdx = ctx.lines.map((_, i) => i);
  const view: View = {
    ctx,
    s,
    rows: new RowCursor(HEADER_ROW + 1),
    nLines: ctx.lines.length,
    lineIdx,
    amount,
    totalsOf,
    all: totalsOf(lineIdx),
    brede: totalsOf(lineIdx.filter((i) => ctx.lines[i]?.fund === 'brede-spuk')),
  };

  chooserSection(view, chooser, from);
  const amounts = amountsSection(view, chooser, from);
  const rijk = rijkSection(view, amounts);
  const bbv = bbvSection(view, amounts, rijk, from.landelijk);
  afloopSection(view, amounts);
  bijlageSection(view, chooser, amounts, from.verdeelsleutel);
  izaSection(view, chooser, from.iza);
  legendSection(view);
  chartSection(view, chooser, rijk);

  s.freezeAt(HEADER_ROW, 2);
  s.width('A', 6).width('B', 50).width('C', 26).width('D', 18);
  for (let i = 0; i <= PERIOD_COUNT; i++) s.width(columnLetter(PERIOD_COL + i), 15);
  return { sheet: s, cells: { chooser, amounts, rijk, bbv } };
}

/** Title, the chosen gemeente (C4) with its name, row and the master check, and the period headers. */
function chooserSection(
  { ctx, s }: View,
  chooser: ChooserCells,
  from: {
    readonly verdeelsleutel: VerdeelsleutelCells;
    readonly allocatie: AllocatieCells;
    readonly controle: ControleCells;
  },
): void {
  const chosen = ctx.chosen;
  const nG = ctx.gemeenten.length;
  const chosenCode = chosen === undefined ? NATIONAL_CODE : (ctx.gemeenten[chosen]?.code ?? NATIONAL_CODE);
  const chosenName = chosen === undefined ? 'Nederland (totaal)' : (ctx.gemeenten[chosen]?.naam ?? '');
  const chosenRow = chosen === undefined ? nG + 1 : chosen + 1;
  const lookup = from.allocatie.byCode;
  s.value('A1', 'Overzicht Brede SPUK en SPUK IZA', 'title');
  s.value(
    'A2',
    `Kies in ${chooser.code.address()} een CBS-code (of ${NATIONAL_CODE} voor heel Nederland); alle bedragen volgen. Sleutel: ${ctx.key.id}; bedragen per gemeente zijn geschat.`,
    'subtitle',
  );
  s.values(
    `B${chooser.code.top}`,
    [['Gemeente (CBS-code)'], ['Naam'], ['Rij in Allocatie'], ['Perioden per onderdeel'], ['Modelcontrole']],
    'rowHeader',
  );
  s.value(chooser.code.address(), chosenCode, 'input');
  s.validation({
    range: chooser.code.address(),
    type: 'list',
    source: from.verdeelsleutel.choices.abs(),
    prompt: `Kies de CBS-code van een gemeente, of ${NATIONAL_CODE} voor heel Nederland.`,
    error: `Onbekende code. Kies een CBS-code uit de lijst (kolom A van ${SHEETS.verdeelsleutel}) of ${NATIONAL_CODE}.`,
  });
  s.formula(
    chooser.name.address(),
    `INDEX(${lookup.names.abs()},${chooser.row.local().abs()})`,
    () => chosenName,
    'rowHeader',
  );
  s.formula(
    chooser.row.address(),
    `MATCH(${chooser.code.local().abs()},${lookup.codes.abs()},0)`,
    () => chosenRow,
    'integer',
  );
  s.value(chooser.periods.address(), PERIOD_COUNT, 'integer');
  s.formula(
    chooser.check.address(),
    `IF(${from.controle.master.abs()}=0,"OK","FOUT: zie blad ${SHEETS.controle}")`,
    () => (ctx.report.ok ? 'OK' : `FOUT: zie blad ${SHEETS.controle}`),
    'check',
  );
  s.values(`A${PERIOD_INDEX_ROW}`, [['', 'Periode-index', '', '', 1, 2, 3, 4, 5]], 'note');
  s.values(
    `A${HEADER_ROW}`,
    [['Nr', 'Onderdeel', 'Hoofdthema', 'Aard (Rijk)', ...periodHeaders(), 'Totaal 2023–2026']],
    'header',
  );
}

/** Rows of the amounts section: one per line, then per hoofdthema, Brede SPUK and the grand total. */
export interface AmountRows {
  readonly first: number;
  readonly last: number;
  readonly thema: number;
  readonly brede: number;
  readonly grand: number;
}

/** Amounts per line (periods and the 2023–2026 total), per hoofdthema, Brede SPUK and the grand total. */
function amountsSection(
  { ctx, s, rows, nLines, lineIdx, amount, totalsOf, all, brede }: View,
  chooser: ChooserCells,
  from: { readonly landelijk: Pick<LandelijkCells, 'aard'>; readonly allocatie: AllocatieCells },
): AmountRows {
  const header = rows.take();
  const first = rows.take(nLines);
  const R: AmountRows = {
    first,
    last: first + nLines - 1,
    thema: rows.take(HOOFDTHEMAS.length),
    brede: rows.take(),
    grand: rows.take(),
  };
  const row = chooser.row.local().abs();
  s.value(`A${header}`, 'Bedragen per onderdeel (€)', 'rowHeader');
  s.values(
    `A${R.first}`,
    ctx.lines.map((l) => [l.nr, l.naam, l.hoofdthema]),
  );
  s.formula(`D${R.first}:D${R.last}`, `INDEX(${from.landelijk.aard.abs()},$A${R.first})`, (r) =>
    lineAard(ctx, r),
  );
  s.aardRules(`D${R.first}:D${R.last}`);
  s.formula(
    per(R.first, nLines),
    `INDEX(${from.allocatie.byCode.amounts.abs()},${row},($A${R.first}-1)*${chooser.periods.local().abs()}+${chooser.periodIndex.local().cell().fixRow()})`,
    (r, c) => amount(r, PERIODS[c] as Period),
    'euro',
  );
  s.formula(
    `J${R.first}:J${R.last}`,
    `SUM(E${R.first}:H${R.first})`,
    (r) => YEARS.reduce((a, y) => a + amount(r, y), 0),
    'euro',
  );
  s.values(
    `B${R.thema}`,
    HOOFDTHEMAS.map((h) => [h]),
    'rowHeader',
  );
  const themaTotals = HOOFDTHEMAS.map((h) => totalsOf(lineIdx.filter((i) => ctx.lines[i]?.hoofdthema === h)));
  s.formula(
    rangeOf(R.thema, PERIOD_COL, HOOFDTHEMAS.length, PERIOD_COUNT + 1),
    `SUMIF($C$${R.first}:$C$${R.last},$B${R.thema},E$${R.first}:E$${R.last})`,
    (r, c) => {
      const t = themaTotals[r];
      return t ? (c < PERIOD_COUNT ? t.perPeriod[PERIODS[c] as Period] : t.meerjarig) : 0;
    },
    'euroTotal',
  );
  const withTotal = (t: typeof all) => (c: number) =>
    c < PERIOD_COUNT ? t.perPeriod[PERIODS[c] as Period] : t.meerjarig;
  s.values(`B${R.brede}`, [['Totaal Brede SPUK (zonder IZA)'], ['Totaal inclusief IZA']], 'rowHeader');
  s.formula(
    rangeOf(R.brede, PERIOD_COL, 1, PERIOD_COUNT + 1),
    `SUM(E${R.thema}:E${R.brede - 1})`,
    (_r, c) => withTotal(brede)(c),
    'euroTotal',
  );
  s.formula(
    rangeOf(R.grand, PERIOD_COL, 1, PERIOD_COUNT + 1),
    `SUM(E${R.first}:E${R.last})`,
    (_r, c) => withTotal(all)(c),
    'euroTotal',
  );
  return R;
}

/** Rows of the Rijk reading: structural and incidental part per line, and their totals. */
export interface RijkRows {
  readonly structural: number;
  readonly incidental: number;
  /** E..I: Σ structural (Rijk) per period. */
  readonly structuralTotal: SheetRange;
  /** E..I: Σ incidental (Rijk) per period. */
  readonly incidentalTotal: SheetRange;
}

/** The Rijk's reading, per line: structural up to the level that continues after 2026, the rest incidental. */
function rijkSection({ ctx, s, rows, nLines, amount, all }: View, A: AmountRows): RijkRows {
  const rijk = (li: number, p: Period) =>
    splitStructural(amount(li, p), amount(li, 'structureel'), p).structureel;
  const structuralHeader = rows.skip().take();
  const structural = rows.take(nLines);
  const incidentalHeader = rows.take();
  const incidental = rows.take(nLines);
  const total = (row: number) => SheetRange.at(SHEETS.overzicht, row, PERIOD_COL, 1, PERIOD_COUNT);
  const R: RijkRows = {
    structural,
    incidental,
    structuralTotal: total(rows.skip().take()),
    incidentalTotal: total(rows.take()),
  };
  s.value(
    `A${structuralHeader}`,
    'Lezing Rijk: structureel deel (tot het structurele niveau dat na 2026 doorloopt)',
    'rowHeader',
  );
  s.values(
    `A${R.structural}`,
    ctx.lines.map((l) => [l.nr, l.naam]),
  );
  s.formula(
    per(R.structural, nLines),
    `MIN(E${A.first},$I${A.first})`,
    (r, c) => rijk(r, PERIODS[c] as Period),
    'euro',
  );
  s.value(
    `A${incidentalHeader}`,
    'Lezing Rijk: incidenteel deel (boven het structurele niveau, of het onderdeel stopt)',
    'rowHeader',
  );
  s.values(
    `A${R.incidental}`,
    ctx.lines.map((l) => [l.nr, l.naam]),
  );
  s.formula(
    per(R.incidental, nLines),
    `E${A.first}-E${R.structural}`,
    (r, c) => amount(r, PERIODS[c] as Period) - rijk(r, PERIODS[c] as Period),
    'euro',
  );
  s.values(
    `B${R.structuralTotal.top}`,
    [['Totaal structureel (Rijk)'], ['Totaal incidenteel (Rijk)']],
    'rowHeader',
  );
  s.formula(
    R.structuralTotal.address(),
    `SUM(E${R.structural}:E${R.structural + nLines - 1})`,
    (_r, c) => all.structureelPerPeriod[PERIODS[c] as Period],
    'euroTotal',
  );
  s.formula(
    R.incidentalTotal.address(),
    `SUM(E${R.incidental}:E${R.incidental + nLines - 1})`,
    (_r, c) => all.incidenteelPerPeriod[PERIODS[c] as Period],
    'euroTotal',
  );
  return R;
}

/** Rows of the BBV reading. */
export interface BbvRows {
  readonly structural: number;
  readonly incidental: number;
  readonly notBudgetable: number;
  readonly risk: number;
}

/** The BBV reading: structural only where Landelijk's flag says a new regeling fixes the line; the risk row. */
function bbvSection(
  { ctx, s, rows, nLines, lineIdx, amount, all }: View,
  A: AmountRows,
  rijk: RijkRows,
  landelijk: Pick<LandelijkCells, 'bbvFlags'>,
): BbvRows {
  const header = rows.skip().take();
  const R: BbvRows = {
    structural: rows.take(),
    incidental: rows.take(),
    notBudgetable: rows.take(),
    risk: rows.take(),
  };
  const sumS = rijk.structuralTotal.top;
  s.value(
    `A${header}`,
    'Lezing BBV (eigen begroting): geld onder een beschikking met einddatum is incidenteel, tot een nieuwe regeling het vastlegt (kolom L op Landelijk)',
    'rowHeader',
  );
  s.values(
    `B${R.structural}`,
    [
      ['Totaal structureel (BBV): alleen wat een nieuwe regeling vastlegt'],
      ['Totaal incidenteel (BBV)'],
      ['Na 2026 niet te begroten zolang er geen nieuwe regeling is'],
      ['Risico: structureel bij het Rijk, niet structureel volgens BBV'],
    ],
    'rowHeader',
  );
  // Expected values from the domain's BBV rule, line by line.
  const bbv = (p: Period) =>
    lineIdx.reduce(
      (acc, li) => {
        const b = splitBbv(
          amount(li, p),
          amount(li, 'structureel'),
          p,
          ctx.vastgelegd.has(ctx.lines[li]?.nr ?? 0),
        );
        return { s: acc.s + b.structureel, i: acc.i + b.incidenteel, n: acc.n + b.nietTeBegroten };
      },
      { s: 0, i: 0, n: 0 },
    );
  s.formula(
    per(R.structural),
    `SUMPRODUCT(E$${rijk.structural}:E$${rijk.structural + nLines - 1},${landelijk.bbvFlags.abs()})`,
    (_r, c) => bbv(PERIODS[c] as Period).s,
    'euroTotal',
  );
  s.formula(
    years(R.incidental),
    `E${A.grand}-E${R.structural}`,
    (_r, c) => bbv(PERIODS[c] as Period).i,
    'euroTotal',
  );
  s.formula(`I${R.notBudgetable}`, `I${A.grand}-I${R.structural}`, () => bbv('structureel').n, 'euroTotal');
  s.formula(
    per(R.risk),
    `E${sumS}-E${R.structural}`,
    (_r, c) => all.structureelPerPeriod[PERIODS[c] as Period] - bbv(PERIODS[c] as Period).s,
    'euroTotal',
  );
  s.format(per(R.risk), 'warning');
  return R;
}

/** Afloop: what stops after each year, in total and per line. */
function afloopSection({ ctx, s, rows, nLines, lineIdx, amount, all }: View, A: AmountRows): void {
  const header = rows.skip().take();
  const total = rows.take();
  const linesHeader = rows.take();
  const first = rows.take(nLines);
  const sum = rows.take();
  s.value(
    `A${header}`,
    'Afloop: wat valt weg na elk jaar (kolom Structureel = wat na 2026 doorloopt)',
    'rowHeader',
  );
  s.values(`B${total}`, [['Totaal per jaar (incl. IZA)']], 'rowHeader');
  s.formula(per(total), `E${A.grand}`, (_r, c) => all.perPeriod[PERIODS[c] as Period], 'euro');
  s.value(
    `A${linesHeader}`,
    'Valt weg na dit jaar, per onderdeel (€; daling, stijgingen niet verrekend)',
    'rowHeader',
  );
  s.values(
    `A${first}`,
    ctx.lines.map((l) => [l.nr, l.naam]),
  );
  const stops = (li: number, c: number) =>
    Math.max(0, amount(li, PERIODS[c] as Period) - amount(li, PERIODS[c + 1] as Period));
  s.formula(years(first, nLines), `MAX(0,E${A.first}-F${A.first})`, (r, c) => stops(r, c), 'euro');
  s.values(`B${sum}`, [['Totaal valt weg na dit jaar']], 'rowHeader');
  s.formula(
    years(sum),
    `SUM(E${first}:E${sum - 1})`,
    (_r, c) => lineIdx.reduce((a, li) => a + stops(li, c), 0),
    'euroTotal',
  );
}

/** Published Bijlage 2A totals against the estimate (Brede SPUK without IZA). */
function bijlageSection(
  { ctx, s, rows, brede }: View,
  chooser: ChooserCells,
  A: AmountRows,
  verdeelsleutel: VerdeelsleutelCells,
): void {
  const header = rows.skip().take();
  const b = rows.take(3);
  const row = chooser.row.local().abs();
  const row2A = ctx.chosen;
  const b2a = (y: 2025 | 2026) => {
    if (row2A === undefined)
      return ctx.data.bijlage2A.reduce((a, r) => a + (y === 2025 ? r.totaal2025 : r.totaal2026), 0);
    const code = ctx.gemeenten[row2A]?.code;
    const r = ctx.data.bijlage2A.find((x) => x.code === code);
    return r ? (y === 2025 ? r.totaal2025 : r.totaal2026) : 0;
  };
  s.value(
    `A${header}`,
    'Aansluiting met het gepubliceerde totaal (VWS-brief 12-09-2025, Bijlage 2A)',
    'rowHeader',
  );
  s.values(
    `B${b}`,
    [
      ['Gepubliceerd totaal Brede SPUK (Bijlage 2A)'],
      ['Geschat: som van de onderdelen (zonder IZA)'],
      ['Verschil (loon- en prijsbijstelling, mutaties 2026)'],
    ],
    'rowHeader',
  );
  s.formula(`G${b}`, `INDEX(${verdeelsleutel.bijlage2025.abs()},${row})`, () => b2a(2025), 'euro');
  s.formula(`H${b}`, `INDEX(${verdeelsleutel.bijlage2026.abs()},${row})`, () => b2a(2026), 'euro');
  s.formula(`G${b + 1}:H${b + 1}`, `G${A.brede}`, (_r, c) => brede.perPeriod[c === 0 ? 2025 : 2026], 'euro');
  s.formula(
    `G${b + 2}:H${b + 2}`,
    `G${b}-G${b + 1}`,
    (_r, c) => b2a(c === 0 ? 2025 : 2026) - brede.perPeriod[c === 0 ? 2025 : 2026],
    'euro',
  );
}

/** SPUK IZA: the gemeente's share above is part of a regional budget paid to the mandaatgemeente. */
function izaSection({ ctx, s, rows }: View, chooser: ChooserCells, iza: IzaCells): void {
  const header = rows.skip().take();
  const z = rows.take(4);
  const chosen = ctx.chosen;
  const code = chosen === undefined ? undefined : ctx.gemeenten[chosen]?.code;
  const chosenCode = chooser.code.local().abs();
  const regios = izaPerRegio(ctx.allocation, ctx.data.izaRegios, ctx.data.lidmaatschap);
  const regioNaam = ctx.data.lidmaatschap.find((m) => m.code === code)?.regio;
  const regio = regios.find((r) => r.regio.naam === regioNaam);
  const allRegions = `alle ${ctx.data.izaRegios.length} regio's`;
  const regionNames = iza.regions.abs();
  s.value(
    `A${header}`,
    'SPUK IZA: het IZA-bedrag hierboven is het aandeel in het regiobudget; het geld gaat naar de mandaatgemeente',
    'rowHeader',
  );
  s.values(
    `B${z}`,
    [
      ['SPUK IZA-regio'],
      ['Mandaatgemeente'],
      ['Regiobudget, schatting (som van de ledengemeenten)'],
      ['Regiobudget, gepubliceerd (Bijlage 2B)'],
    ],
    'rowHeader',
  );
  s.formula(
    `C${z}`,
    `IFERROR(INDEX(${iza.members.regions.abs()},${chooser.row.local().abs()}),"${allRegions}")`,
    () => regio?.regio.naam ?? allRegions,
  );
  s.formula(
    `C${z + 1}`,
    `IFERROR(INDEX(${iza.mandaat.abs()},MATCH(C${z},${regionNames},0)),"de mandaatgemeenten")`,
    () => regio?.regio.mandaatgemeente ?? 'de mandaatgemeenten',
  );
  s.formula(
    per(z + 2),
    `IF(${chosenCode}="${NATIONAL_CODE}",${iza.estimateTotals.cell().fixRow()},SUMIF(${regionNames},$C$${z},${iza.estimates.cols(0).fixRow()}))`,
    (_r, c) => {
      const p = PERIODS[c] as Period;
      return regio ? regio.schatting[p] : regios.reduce((a, r) => a + r.schatting[p], 0);
    },
    'euro',
  );
  s.formula(
    `G${z + 3}:H${z + 3}`,
    `IF(${chosenCode}="${NATIONAL_CODE}",${iza.publishedTotals.cell().fixRow()},SUMIF(${regionNames},$C$${z},${iza.published.cols(0).fixRow()}))`,
    (_r, c) => {
      const y = c === 0 ? 2025 : 2026;
      const pub = (r: (typeof regios)[number]) => (y === 2025 ? r.regio.totaal2025 : r.regio.totaal2026);
      return regio ? pub(regio) : regios.reduce((a, r) => a + pub(r), 0);
    },
    'euro',
  );
}

/** Legend: text and colour together. */
function legendSection({ s, rows }: View): void {
  const lg = rows.skip(2).take(7);
  s.value(`A${lg}`, 'Legenda', 'rowHeader');
  s.values(`B${lg + 1}`, [
    ['Invoer (geel): mag u wijzigen; alles rekent mee'],
    ['structureel: het Rijk zet het onderdeel na 2026 voort op dit niveau'],
    ['deels structureel: een deel loopt na 2026 door, de rest stopt'],
    ['incidenteel: stopt uiterlijk eind 2026'],
    ['BBV: zolang de beschikking een einddatum heeft, is alles incidenteel voor de eigen begroting'],
    [
      'geschat: bedrag per gemeente uit de verdeelsleutel; gepubliceerd: officieel cijfer (landelijk, Bijlage 2A/2B)',
    ],
  ]);
  s.format(`B${lg + 1}`, 'input');
  s.values(`A${lg + 2}`, [['structureel'], ['deels structureel'], ['incidenteel']]);
  s.aardRules(`A${lg + 2}:A${lg + 4}`);
}

/** The chart: structural and incidental per year (Rijk reading). */
function chartSection({ s }: View, chooser: ChooserCells, rijk: RijkRows): void {
  s.chart({
    name: 'Afloop',
    type: 'columnStacked',
    title: 'Structureel en incidenteel per jaar (lezing Rijk)',
    categories: chooser.periodHeaders.abs(),
    series: [
      {
        name: 'Structureel (Rijk)',
        values: rijk.structuralTotal.abs(),
        color: COLORS.structureelText,
      },
      {
        name: 'Incidenteel (Rijk)',
        values: rijk.incidentalTotal.abs(),
        color: COLORS.incidenteelText,
      },
    ],
    from: 'L3',
    to: 'T22',
  });
}
