/**
 * Begrotingstoets, the plafond sections: the rules' parameters; per line the edition's amount for
 * the gemeente on Overzicht and the plafond (the beschikking where entered); per regeling the
 * plafond with the source of its amount.
 */
import type { BegrotingRegeling, EditionYear, Euro, Grondslag, RuleParameter } from '../../domain';
import { BEGROTING_REGELINGEN, editionAmount, editionLabel, euro, regelingLabel } from '../../domain';
import { columnLetter } from '../a1';
import { SheetRange } from '../anchors';
import type { ChooserCells } from '../chooser';
import { PERIOD_COL, SHEETS } from '../layout';
import type { CellValue } from '../types';
import type { BeschikkingCells } from './beschikking-sheet';
import type { BeschikkingKey } from './keys';
import { onderdeelKey, regelingKey } from './keys';
import type { ToetsSection } from './toets-section';
import { verdelingSection } from './toets-verdeling';
import { nextYear, sectionTitle, yearsAt, yearsRange } from './toets-section';

/** The rules' percentages (the edition's parameters, with their sources), column E. */
export interface ToetsParameters {
  readonly schuifruimte: SheetRange;
  readonly overheveling2023: SheetRange;
  readonly overheveling2025: SheetRange;
  /** The two carry-over limits (per onderdeel, of the total): the input the sheet Verantwoording refers to. */
  readonly limieten: SheetRange;
}

/** Per line (its nr in column A): the plafond, which Overzicht shows as the gemeente's amount. */
export interface PerLineCells {
  readonly values: SheetRange;
  /** The source of each amount of `values` (same rows): `beschikking` where the Beschikking sheet gives it. */
  readonly bron: SheetRange;
  readonly nrs: SheetRange;
  /** The line numbers the block has (lines without a begroting post have no row). */
  readonly lineNrs: readonly number[];
  /** The row of one beschikking key's line (`BS01`..`BS15`, `IZA`, …), its year columns. */
  row(key: string): SheetRange;
  /** Whether the edition has a line for the key. */
  has(key: string): boolean;
}

/** Per regeling (BEGROTING_REGELINGEN order) × year: the plafond and the source of its amount. */
export interface PlafondCells {
  readonly plafond: SheetRange;
  readonly bron: SheetRange;
}

const regelingen = BEGROTING_REGELINGEN;

/**
 * 0. The rules' parameters: the edition's values (`v.regels`, from the manifests), with their
 * sources (constants, not inputs).
 */
export function parametersSection(v: ToetsSection): ToetsParameters {
  const { s, rows, regels } = v;
  sectionTitle(v, 'Regels (percentages)');
  const paramRow = rows.take(3);
  const tot = regels.onderdeelJaren[regels.onderdeelJaren.length - 1];
  const o = regels.overhevelingPerOnderdeel;
  const r = regels.overhevelingTotaal;
  // The source of each rule as the edition states it: its date here, its own words on Bronnen.
  const cite = (p: RuleParameter | undefined): string =>
    p === undefined
      ? 'geen bron: 0%'
      : `${p.grondslag === undefined ? 'bron' : GRONDSLAG_TEKST[p.grondslag]} (zie Bronnen)`;
  s.values(`B${paramRow}`, [
    [
      `Tot en met ${tot ?? ''}: schuiven tussen onderdelen van een hoofdthema, % van het plafond`,
      cite(regels.schuifruimte),
    ],
    [
      `Overheveling ${o.vanJaar} naar ${nextYear(v, o.vanJaar)}, hoogstens % van het budget ${o.vanJaar} per onderdeel`,
      cite(o.rule),
    ],
    [
      `Overheveling ${r.vanJaar} naar ${nextYear(v, r.vanJaar)}, hoogstens % van het budget ${r.vanJaar}`,
      cite(r.rule),
    ],
  ]);
  s.format(`C${paramRow}:C${paramRow + 2}`, 'note');
  s.values(`E${paramRow}`, [[regels.schuifruimte?.waarde ?? 0], [o.pct], [r.pct]], 'integer');
  // Their own heading on the section's title row; the sheet's year heading follows these rows (#18: 15,
  // 20 and 10 printed under "2023").
  s.value(`${columnLetter(PERIOD_COL)}${paramRow - 1}`, 'Percentage', 'header');
  const at = (i: number) => SheetRange.at(SHEETS.toets, paramRow + i, PERIOD_COL);
  // The carry-over limits are the one input of the rule (kept on refresh as Invoer_Overheveling_Limiet):
  // the sheet Verantwoording refers to them, so a controller changes a limit once.
  const limieten = SheetRange.at(SHEETS.toets, paramRow + 1, PERIOD_COL, 2);
  s.format(limieten.address(), 'input');
  s.validation({
    range: limieten.address(),
    type: 'decimal',
    min: 0,
    max: 100,
    prompt: 'Percentage van 0 tot en met 100 (de editie: zie Bronnen).',
    error: 'Vul een percentage van 0 tot en met 100 in.',
  });
  return { schuifruimte: at(0), overheveling2023: at(1), overheveling2025: at(2), limieten };
}

/** Per line: the edition's amount for the gemeente on Overzicht (from Allocatie); returns its years. */
function editieSection(
  v: ToetsSection,
  lineKeys: readonly BeschikkingKey[],
  labels: CellValue[][],
  years: SheetRange,
  from: PerLineFrom,
): SheetRange {
  const { ctx, s, rows } = v;
  const code = ctx.chosen === undefined ? undefined : ctx.gemeenten[ctx.chosen]?.code;
  sectionTitle(v, 'Volgens de editie, voor de gemeente op Overzicht');
  const editie = yearsAt(v, rows.take(lineKeys.length), lineKeys.length);
  s.values(`A${editie.top}`, labels);
  const helper = from.helper;
  s.value(`${columnLetter(helper.left)}${helper.top - 1}`, 'Rij in Allocatie; regels per jaar', 'note');
  s.formula(
    helper.cell(0).address(),
    from.chooser.row.abs(),
    () => (ctx.chosen ?? ctx.gemeenten.length) + 1,
    'integer',
  );
  s.formula(
    helper.cell(1).address(),
    `COLUMNS(${from.allocatie.lineNrs.abs()})`,
    () => ctx.allocLines.length,
    'integer',
  );
  const year = years.local().cell();
  const nr = SheetRange.at(SHEETS.toets, editie.top, 1).local().fixCol();
  s.formula(
    editie.address(),
    `INDEX(${from.allocatie.amounts.abs()},${helper.cell(0).local().abs()},(${year.fixRow()}-${year.abs()})*${helper.cell(1).local().abs()}+MATCH(${nr},${from.allocatie.lineNrs.abs()},0))`,
    (r, c) => {
      const nr = lineKeys[r]?.nr;
      return nr === undefined ? 0 : editionAmount(ctx.ledger, code, nr, ctx.years[c] as EditionYear).bedrag;
    },
    'euro',
  );
  return editie;
}

interface PerLineFrom {
  readonly chooser: ChooserCells;
  readonly allocatie: { readonly amounts: SheetRange; readonly lineNrs: SheetRange };
  readonly beschikking: BeschikkingCells;
  /** The hidden helper cells of the sheet (two): the row in Allocatie, the lines per year. */
  readonly helper: SheetRange;
  /** Per Brede SPUK onderdeel and year: the plafond (the beschikking where entered). */
  readonly perOnderdeel: (nr: number, jaar: EditionYear) => Euro;
}

/**
 * 1. Per line: the edition's amount for the gemeente on Overzicht (from Allocatie), then the plafond:
 * the beschikking where it is entered for that gemeente. Overzicht shows these amounts. `years` is
 * the header row's years (from E).
 */
export function perLineSection(
  v: ToetsSection,
  keys: readonly BeschikkingKey[],
  years: SheetRange,
  from: PerLineFrom,
): PerLineCells {
  const { s, rows, t } = v;
  const lineKeys = keys.filter((k) => k.nr !== undefined);
  const labels = lineKeys.map((k) => [k.nr ?? null, k.omschrijving.replace(/^\d+\. /, '')]);
  const editie = editieSection(v, lineKeys, labels, years, from);
  const spread = verdelingSection(v, editie, from.beschikking);
  rows.skip();
  sectionTitle(v, 'Plafond per onderdeel en regeling (beschikking, anders de editie)');
  const values = yearsAt(v, rows.take(lineKeys.length), lineKeys.length);
  s.values(`A${values.top}`, labels);
  // Beschikking rows of the line keys are consecutive (BS01..AZWA-R), as are these rows.
  const besAt = (r: number): string =>
    from.beschikking
      .row(lineKeys[r]?.key ?? 'BS01')
      .cell()
      .rel();
  const perLineAmount = (k: BeschikkingKey | undefined, c: number): Euro => {
    if (k?.nr === undefined) return euro(0);
    if (k.regeling === 'Brede SPUK') return from.perOnderdeel(k.nr, v.ctx.years[c] as EditionYear);
    return t.plafond[k.regeling][c]?.bedrag ?? euro(0);
  };
  const applies = from.beschikking.applies.abs();
  const own = (r: number) => `AND(${applies}=1,ISNUMBER(${besAt(r)}))`;
  const ed = (r: number) => editie.local().cell(r).rel();
  // The onderdelen (the first rows): their own amount, else their share of a spread total, else the edition.
  const nO = v.regels.onderdelen.length;
  const S = spread.verdeeld.local().cell().fixRow();
  s.formula(
    values.rows(0, nO).address(),
    `IF(${own(0)},${besAt(0)},${S}*${spread.amounts.local().cell().rel()}+(1-${S})*${ed(0)})`,
    (r, c) => perLineAmount(lineKeys[r], c),
    'euro',
  );
  if (lineKeys.length > nO)
    s.formula(
      values.rows(nO, lineKeys.length - nO).address(),
      `IF(${own(nO)},${besAt(nO)},${ed(nO)})`,
      (r, c) => perLineAmount(lineKeys[nO + r], c),
      'euro',
    );
  const bron = bronPerLine(v, lineKeys, { labels, own, S, nO });
  const index = (key: string): number => lineKeys.findIndex((k) => k.key === key);
  return {
    values,
    bron,
    nrs: SheetRange.at(SHEETS.toets, values.top, 1, lineKeys.length),
    lineNrs: lineKeys.flatMap((k) => (k.nr === undefined ? [] : [k.nr])),
    row: (key) => values.rows(index(key)),
    has: (key) => index(key) >= 0,
  };
}

/**
 * Per line: the source of its amount, live (Overzicht shows it): `beschikking` where the Beschikking
 * sheet gives the amount for the gemeente on Overzicht (its own amount, or a share of a spread
 * total), else the edition's label (constants, the scenario's `editieBron`: the same for every gemeente).
 */
function bronPerLine(
  v: ToetsSection,
  lineKeys: readonly BeschikkingKey[],
  at: {
    readonly labels: CellValue[][];
    /** Whether the Beschikking gives the line's own amount (the formula for the block's row `r`). */
    readonly own: (r: number) => string;
    readonly S: string;
    readonly nO: number;
  },
): SheetRange {
  const { s, rows, ctx } = v;
  const n = lineKeys.length;
  rows.skip();
  sectionTitle(v, 'Bron van het bedrag per onderdeel en regeling');
  const editie = yearsAt(v, rows.take(n), n);
  s.values(
    `A${editie.top}`,
    lineKeys.map((k) => [k.nr ?? null, 'bron volgens de editie']),
  );
  s.values(
    editie.cell().address(),
    lineKeys.map((k) => ctx.years.map((y) => (k.nr === undefined ? '' : ctx.scenario.editieBron(k.nr, y)))),
    'note',
  );
  const bron = yearsAt(v, rows.take(n), n);
  s.values(`A${bron.top}`, at.labels);
  const ed = (r: number) => editie.local().cell(r).rel();
  const expected = (r: number, c: number) => {
    const nr = lineKeys[r]?.nr;
    return nr === undefined ? '' : ctx.scenario.amount(nr, ctx.years[c] as EditionYear).bron;
  };
  s.formula(
    bron.rows(0, at.nO).address(),
    // `&""`: an empty label cell (no money that year) reads as "" in Excel, not as 0.
    `IF(OR(${at.own(0)},${at.S}=1),"beschikking",${ed(0)}&"")`,
    expected,
    'note',
  );
  if (n > at.nO)
    s.formula(
      bron.rows(at.nO, n - at.nO).address(),
      `IF(${at.own(at.nO)},"beschikking",${ed(at.nO)}&"")`,
      (r, c) => expected(at.nO + r, c),
      'note',
    );
  // The sources right-aligned, under the amounts of their year (#18).
  s.format(editie.address(), 'right').format(bron.address(), 'right');
  // The edition's labels are machinery (constants the formulas read): hidden, so the print shows the
  // source of each amount once, in words (#18: helper rows out of the print).
  s.hideRows(editie.top, editie.bottom);
  return bron;
}

/** 2. Plafond per regeling with its source (the beschikking, else the edition's label). */
export function plafondSection(
  v: ToetsSection,
  perLine: PerLineCells,
  beschikking: BeschikkingCells,
): PlafondCells {
  const { s, rows, t } = v;
  rows.skip();
  sectionTitle(v, 'Plafond per regeling en de bron van het bedrag');
  const plafond = yearsAt(v, rows.take(regelingen.length), regelingen.length);
  s.values(
    `B${plafond.top}`,
    regelingen.map((r) => [r]),
  );
  const bsTotal = beschikking.row('BS').cell().rel();
  const { first, last } = onderdeelKeys(v);
  const onderdelen = perLine.row(first).cell().through(perLine.row(last).top).local().rel();
  s.formula(
    yearsRange(v, plafond.top),
    `IF(AND(${beschikking.applies.abs()}=1,ISNUMBER(${bsTotal})),${bsTotal},SUM(${onderdelen}))`,
    (_r, c) => t.plafond['Brede SPUK'][c]?.bedrag ?? 0,
    'euro',
  );
  (['SPUK IZA', 'SPUK AZWA lokaal', 'SPUK AZWA regionaal'] as const).forEach((reg, i) => {
    const key = regelingKey(reg);
    // A regeling the edition does not have (the SPUK AZWA before vws-2026-04): only a beschikking.
    const bes = beschikking.row(key).cell().rel();
    s.formula(
      yearsRange(v, plafond.top + 1 + i),
      perLine.has(key) ? perLine.row(key).local().cell().rel() : `IF(ISNUMBER(${bes}),${bes},0)`,
      (_r, c) => t.plafond[reg][c]?.bedrag ?? 0,
      'euro',
    );
  });
  verschilRow(v, plafond, onderdelen);
  const bron = bronRows(v, plafond, beschikking);
  return { plafond, bron };
}

/**
 * The Brede SPUK plafond minus the sum of its onderdelen (a check, 0 = in orde): non-zero where a
 * beschikking total could not be spread (below the onderdelen entered). `onderdelen`: the first year's
 * cells of the per-line onderdelen rows.
 */
function verschilRow(v: ToetsSection, plafond: SheetRange, onderdelen: string): void {
  const { s, rows, t } = v;
  const r = rows.take();
  s.values(`A${r}`, [
    [null, 'Brede SPUK: totaal min de som van de onderdelen', v.uitleg['beschikking-totaal']],
  ]);
  s.format(`C${r}`, 'note');
  const range = yearsAt(v, r);
  s.formula(
    range.address(),
    `${plafond.local().cell().rel()}-SUM(${onderdelen})`,
    (_r, c) => t.verschilTotaalOnderdelen[c] ?? 0,
    'euro',
  );
  v.checks.push({ range, value: (_r, c) => t.verschilTotaalOnderdelen[c] ?? 0 });
}

/**
 * The edition's label of each regeling and year when a gemeente receives money (a constant, the same
 * for every gemeente), the label for the gemeente on Overzicht ('geen' without money), then the one
 * shown: 'beschikking' where the beschikking gives the amount.
 */
function bronRows(v: ToetsSection, plafond: SheetRange, beschikking: BeschikkingCells): SheetRange {
  const { ctx, s, rows, t } = v;
  const n = regelingen.length;
  const constRow = rows.take(n);
  s.values(
    `B${constRow}`,
    regelingen.map((r) => [`Bron van de editie als er geld is: ${r}`]),
    'note',
  );
  s.values(
    `E${constRow}`,
    regelingen.map((reg) => ctx.years.map((y) => regelingLabel(ctx.ledger, reg, y))),
    'note',
  );
  const labelRow = rows.take(n);
  s.values(
    `B${labelRow}`,
    regelingen.map((r) => [`Bron volgens de editie: ${r}`]),
    'note',
  );
  s.formula(
    yearsRange(v, labelRow, n),
    `IF(${plafond.local().cell().rel()}=0,"geen",E${constRow})`,
    (r, c) => {
      const reg = regelingen[r] as BegrotingRegeling;
      return editionLabel(ctx.ledger, reg, ctx.years[c] as EditionYear, t.plafond[reg][c]?.bedrag ?? euro(0));
    },
    'note',
  );
  const bronRow = rows.take(n);
  // The sources right-aligned, under the amounts of their year (#18).
  s.format(yearsRange(v, constRow, 3 * n), 'right');
  // The edition's labels and the gemeente's label are the steps to the source (machinery): hidden;
  // the rows "Bron: …" below say it in words (#18: helper rows out of the print).
  s.hideRows(constRow, labelRow + n - 1);
  s.values(
    `B${bronRow}`,
    regelingen.map((r) => [`Bron: ${r}`]),
  );
  const bsTotal = beschikking.row('BS').cell().rel();
  const { first, last } = onderdeelKeys(v);
  const bs01 = beschikking.row(first).cell().through(beschikking.row(last).top).fixRow();
  s.formula(
    yearsRange(v, bronRow),
    `IF(OR(ISNUMBER(${bsTotal}),COUNT(${bs01})=ROWS(${bs01})),"beschikking",E${labelRow})`,
    (_r, c) => t.plafond['Brede SPUK'][c]?.bron ?? 'geen',
    'text',
  );
  (['SPUK IZA', 'SPUK AZWA lokaal', 'SPUK AZWA regionaal'] as const).forEach((reg, i) => {
    const b = beschikking.row(regelingKey(reg)).cell().rel();
    s.formula(
      yearsRange(v, bronRow + 1 + i),
      `IF(ISNUMBER(${b}),"beschikking",E${labelRow + 1 + i})`,
      (_r, c) => t.plafond[reg][c]?.bron ?? 'geen',
      'text',
    );
  });
  return yearsAt(v, bronRow, n);
}

/** The keys of the first and the last Brede SPUK onderdeel (`BS01`, `BS15` shipped): their rows are consecutive. */
function onderdeelKeys(v: ToetsSection): { first: string; last: string } {
  const nrs = v.regels.onderdelen;
  return { first: onderdeelKey(nrs[0] ?? 1), last: onderdeelKey(nrs[nrs.length - 1] ?? 1) };
}

/** How a rule's kind of source reads on the sheet (the manifest's `grondslag`). */
const GRONDSLAG_TEKST: Readonly<Record<Grondslag, string>> = {
  regeling: 'de regeling',
  brief: 'brief minister',
  praktijk: 'praktijk',
  aanname: 'aanname, geen bron',
};
