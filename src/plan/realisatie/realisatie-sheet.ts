/**
 * The sheet Realisatie (the user's, like the Begroting): the Excel table `Realisatie` of what was
 * spent per activity and year (the Begroting's columns, then `Prognose`), created once; afterwards
 * the add-in rewrites only its heading rows and its blocks beside the table (SheetPlan.userOwned),
 * so rows the user adds, deletes or sorts survive every refresh.
 *
 * Beside the table, live formulas over it (the checked capacity, `BEGROTING_CAPACITEIT` rows):
 * - the peiljaar: the prognose year (E4) when a row has a prognose, else the last year with
 *   realisatie (0: none), as `verantwoording()` (src/domain/verantwoording) takes it;
 * - per regeling with a verantwoording and year: realisatie (SUMIFS), prognose (in the prognose year:
 *   Σ prognose + the realisatie of rows without one), begroting (SUMIFS over the Begroting table),
 *   besteding (after the peiljaar the begroting, else the prognose where given, else the realisatie)
 *   and what the sheet Verantwoording reads as its besteding (in the per-onderdeel years: without
 *   the onderdelen's);
 * - per onderdeel in the per-onderdeel years (Brede SPUK 2023–2024): realisatie, begroting and
 *   besteding (a prognose counts per regeling; the prognose year lies after those years);
 * - per table row: its key (Regeling|Onderdeel|Activiteit) and whether a Begroting row has that key;
 *   A3 counts the rows without one (signal).
 * Expected values: the scenario's verantwoording (every total) and `keyMisses` (the keys).
 */
import type { EditionYear } from '../../domain';
import { BEGROTING_CAPACITEIT } from '../../domain';
import type { RegelingVerantwoording, RealisatieInvoer } from '../../domain/verantwoording';
import { cellAddress, columnLetter } from '../a1';
import { RowCursor, SheetRange } from '../anchors';
import { begrotingTable } from '../begroting/fixed-cells';
import type { PlanContext } from '../context';
import { SHEETS } from '../layout';
import { SheetBuilder } from '../sheet-builder';
import type { Built } from '../sheet-builder';
import type { CellValue, DefinedNameSpec } from '../types';
import type { RealisatieTableCells } from './fixed-cells';
import { PROGNOSE_KOLOM, realisatieKolommen, realisatieSchema, realisatieTable } from './fixed-cells';
import type { KeyedRow } from './keys';
import { keyMisses, keyText, prognoseJaarOf } from './keys';

/** What the sheet Verantwoording reads of one regeling (cells on this sheet). */
export interface BestedingFeed {
  /** Per year of the regeling: its besteding (per-onderdeel years: without the onderdelen's). */
  readonly invoer: SheetRange;
  /** Onderdelen (the verantwoording's order) × per-onderdeel years: their besteding. */
  readonly onderdelen: SheetRange | undefined;
}

export interface RealisatieCells {
  /** By regeling id (`brede-spuk`, `spuk-iza`). */
  readonly feed: ReadonlyMap<string, BestedingFeed>;
  readonly peiljaar: SheetRange;
  /** The number of rows whose key matches no Begroting row. */
  readonly zonderBegroting: SheetRange;
  readonly table: RealisatieTableCells;
  /** `Invoer_Prognosejaar` (the year of the column Prognose). */
  readonly names: readonly DefinedNameSpec[];
}

/** The name of the prognose year's input cell. */
export const PROGNOSEJAAR_NAME = 'Invoer_Prognosejaar';

/**
 * The sheet, or undefined when the scenario has no verantwoording (no gemeente or no realisatie):
 * the table filled with `realisatie`'s rows (at least one empty row), the blocks beside it.
 */
export function buildRealisatie(
  ctx: PlanContext,
  realisatie: RealisatieInvoer | undefined,
  begroting: { readonly regels: readonly KeyedRow[] },
): Built<RealisatieCells> | undefined {
  const v = ctx.scenario.verantwoording;
  if (v === undefined || realisatie === undefined) return undefined;
  const years = ctx.years;
  const table = realisatieTable(years);
  const schema = realisatieSchema(years);
  const kolommen = realisatieKolommen(years);
  const s = new SheetBuilder(SHEETS.realisatie, 'invoer');
  s.value('A1', 'Realisatie: wat per activiteit en jaar is besteed', 'title');
  s.value(
    'A2',
    `Eén rij per activiteit, met dezelfde kolommen als de tabel op het blad ${SHEETS.begroting} (kopieer die rijen en overschrijf de bedragen): per jaar wat besteed is, hele euro's; Prognose: het verwachte totaal van het prognosejaar (leeg: de realisatie telt). Voeg rijen toe of sorteer ze: de add-in laat de tabel staan. Het blad ${SHEETS.verantwoording} rekent met de totalen rechts.`,
    'subtitle',
  );
  const P = prognoseJaarOf(ctx, realisatie);
  s.value('A4', 'Tabelversie', 'note').value(schema.versionCell, schema.version, 'note');
  s.value(cellAddress(4, table.prognoseJaar.left - 1), 'Prognosejaar', 'note');
  s.value(table.prognoseJaar.address(), P, 'input');
  const last = years[years.length - 1] ?? P;
  s.validation({
    range: table.prognoseJaar.address(),
    type: 'whole',
    min: years[0] ?? P,
    max: last,
    prompt: 'Het jaar waarvan de kolom Prognose het verwachte totaal geeft (meestal het lopende jaar).',
    error: `Vul een jaar van ${years[0] ?? P} tot en met ${last} in.`,
  });
  // The table: the realisatie's rows as the file has them (or one empty row).
  const regels = realisatie.regels;
  s.values(table.header.cell().address(), [[...kolommen]]);
  const body: CellValue[][] = regels.map((r) => [
    r.regeling,
    r.onderdeel ?? null,
    r.activiteit,
    r.taakveld,
    r.uitvoerder,
    r.aard ?? null,
    ...r.lasten.map((x) => (x === 0 ? null : x)),
    r.andereDekking,
    r.opmerking,
    r.prognose ?? null,
  ]);
  if (body.length === 0) body.push(kolommen.map(() => null));
  const n = body.length;
  s.values(`A${table.firstRow}`, body);
  s.table({
    name: schema.name,
    range: `${table.header.cell().address()}:${columnLetter(table.header.right)}${table.firstRow + n - 1}`,
    style: 'TableStyleMedium4',
  });
  inputsOfTable(s, table, n, years);
  // Beside the table: the totals the Verantwoording reads, then the keys.
  const totals = totalsSection(s, ctx, table, v.regelingen, P);
  const keys = keySection(s, ctx, table, regels, begroting.regels, totals.right + 2);
  s.userOwned([table.addinRange.address(), totals.range.address(), keys.range.address()], schema);
  const widths: [number, number][] = kolommen.map((k, i) => [
    i + 1,
    k === 'Activiteit' ? 36 : k === 'Regeling' || k === 'Uitvoerder' ? 16 : 12,
  ]);
  for (const [c, w] of widths) s.width(columnLetter(c), w);
  s.width(columnLetter(table.besideCol), 40);
  s.freezeAt(table.headerRow, 3);
  s.printAs('landscape', true).printLayout({ titleRows: `${table.headerRow}:${table.headerRow}` });
  return {
    sheet: s,
    cells: {
      feed: totals.feed,
      peiljaar: totals.peiljaar,
      zonderBegroting: keys.count,
      table,
      names: [
        {
          name: PROGNOSEJAAR_NAME,
          ref: table.prognoseJaar.abs(),
          comment: 'Het jaar van de kolom Prognose van de tabel Realisatie (invoer)',
          input: true,
        },
      ],
    },
  };
}

/** Formats and validations of the table's columns (Excel extends them to the rows the table grows by). */
function inputsOfTable(
  s: SheetBuilder,
  table: RealisatieTableCells,
  n: number,
  years: readonly EditionYear[],
): void {
  const cap = (name: string) => table.column(name).rows(0, n).address();
  for (const name of [
    'Regeling',
    'Onderdeel',
    'Activiteit',
    'Uitvoerder',
    'Aard lasten',
    'Andere dekking',
    'Opmerking',
  ])
    s.format(cap(name), 'input');
  s.format(cap('Taakveld'), 'inputText');
  const amounts = `${table.years.rows(0, n).address().split(':')[0] ?? ''}:${columnLetter(table.column(PROGNOSE_KOLOM).left)}${table.firstRow + n - 1}`;
  s.format(table.years.rows(0, n).address(), 'inputEuro').format(cap(PROGNOSE_KOLOM), 'inputEuro');
  s.validation({
    range: table.years.rows(0, n).address(),
    type: 'whole',
    min: 0,
    prompt: `Besteed in dat jaar, hele euro's (${years.join(', ')}).`,
    error: "Vul een heel, niet-negatief bedrag in euro's in (zonder centen).",
  });
  s.validation({
    range: cap(PROGNOSE_KOLOM),
    type: 'whole',
    min: 0,
    prompt: "Het verwachte totaal van het prognosejaar (cel E4), hele euro's; leeg: de realisatie telt.",
    error: "Vul een heel, niet-negatief bedrag in euro's in, of laat de cel leeg.",
  });
  void amounts;
}

interface Totals {
  readonly feed: Map<string, BestedingFeed>;
  readonly peiljaar: SheetRange;
  readonly range: SheetRange;
  readonly right: number;
}

/** The block beside the table: peiljaar, per regeling and per onderdeel the besteding per year. */
function totalsSection(
  s: SheetBuilder,
  ctx: PlanContext,
  table: RealisatieTableCells,
  regelingen: readonly RegelingVerantwoording[],
  P: EditionYear,
): Totals {
  const years = ctx.years;
  const c0 = table.besideCol;
  const yc = c0 + 3;
  const Y = (y: EditionYear) => yc + years.indexOf(y);
  const right = yc + years.length - 1;
  const begr = begrotingTable(years);
  const rows = new RowCursor(table.headerRow);
  const head = rows.take();
  s.values(
    cellAddress(head, c0),
    [['Besteding per regeling en jaar', 'Regeling', 'Onderdeel', ...years]],
    'header',
  );
  const yearHead = (y: EditionYear) => `${columnLetter(Y(y))}$${head}`;
  const L = (r: SheetRange) => r.local();
  const realCol = L(table.years.cols(0));
  const prog = L(table.column(PROGNOSE_KOLOM)).abs();
  const regCol = L(table.column('Regeling')).abs();
  const ondCol = L(table.column('Onderdeel')).abs();
  const span = (row: number, from: EditionYear, count: number) =>
    `${cellAddress(row, Y(from))}:${cellAddress(row, Y(from) + count - 1)}`;
  // A year with realisatie: some row has a non-zero amount in it.
  const metReal = rows.take();
  s.value(cellAddress(metReal, c0), 'Jaar met realisatie (0: geen)', 'note');
  const v = ctx.scenario.verantwoording;
  const realised = new Set(
    years.filter((_, i) => v !== undefined && regelsOf(ctx).some((r) => (r.lasten[i] ?? 0) !== 0)),
  );
  s.formula(
    span(metReal, years[0] ?? P, years.length),
    `IF(COUNTIF(${realCol.fixRow()},">0")+COUNTIF(${realCol.fixRow()},"<0")>0,${yearHead(years[0] ?? P)},0)`,
    (_r, c) => (realised.has(years[c] ?? 0) ? (years[c] ?? 0) : 0),
    'integer',
  );
  // The prognose year when a row has a prognose (1), else 0: where the prognose counts.
  const metProg = rows.take();
  s.value(cellAddress(metProg, c0), 'Prognosejaar met een prognose (1: ja)', 'note');
  s.formula(
    span(metProg, years[0] ?? P, years.length),
    `(${yearHead(years[0] ?? P)}=${table.prognoseJaar.local().abs()})*(COUNT(${prog})>0)`,
    (_r, c) => (years[c] === ctx.scenario.request.realisatie?.prognoseJaar ? 1 : 0),
    'integer',
  );
  const progOn = (y: EditionYear) => `${columnLetter(Y(y))}$${metProg}`;
  const peilRow = rows.take();
  s.value(
    cellAddress(peilRow, c0),
    'Peiljaar (het prognosejaar als een rij een prognose heeft, anders het laatste jaar met realisatie)',
    'rowHeader',
  );
  const peiljaar = SheetRange.at(SHEETS.realisatie, peilRow, yc);
  s.formula(
    peiljaar.address(),
    `IF(COUNT(${prog})>0,${table.prognoseJaar.local().abs()},MAX(${span(metReal, years[0] ?? P, years.length)}))`,
    () => v?.peiljaar ?? 0,
    'integer',
  );
  const peil = peiljaar.local().abs();
  const feed = new Map<string, BestedingFeed>();
  for (const r of regelingen) {
    rows.skip();
    const jaren = r.regels.jaren;
    const first = jaren[0] ?? P;
    const row = (label: string): number => {
      const at = rows.take();
      s.values(cellAddress(at, c0), [[label, r.regels.post, null]]);
      return at;
    };
    s.value(cellAddress(rows.take(), c0), r.regels.naam, 'rowHeader');
    const exp = (f: (k: number) => CellValue) => (_r: number, c: number) => f(c);
    const jaar = (k: number) => r.jaren[k];
    const rReal = row('Realisatie');
    const crit = (at: number) => `${regCol},$${columnLetter(c0 + 1)}$${at}`;
    const yRel = (): string => L(table.years.cols(years.indexOf(first))).fixRow();
    s.formula(
      span(rReal, first, jaren.length),
      `SUMIFS(${yRel()},${crit(rReal)})`,
      exp((k) => jaar(k)?.realisatie ?? 0),
      'euro',
    );
    const rProg = row('Prognose (prognosejaar, als een rij een prognose heeft)');
    s.formula(
      span(rProg, first, jaren.length),
      `IF(${progOn(first)}=1,SUMIFS(${prog},${crit(rProg)})+SUMIFS(${yRel()},${crit(rProg)},${prog},""),"")`,
      exp((k) => jaar(k)?.prognose ?? ''),
      'euro',
    );
    const rBegr = row(`Begroting (blad ${SHEETS.begroting})`);
    const bCol = begr.column(String(first)).fixRow();
    s.formula(
      span(rBegr, first, jaren.length),
      `SUMIFS(${bCol},${begr.column('Regeling').abs()},$${columnLetter(c0 + 1)}$${rBegr})`,
      exp((k) => jaar(k)?.begroting ?? 0),
      'euro',
    );
    const rBest = row('Besteding (na het peiljaar: de begroting)');
    const C = columnLetter(Y(first));
    s.formula(
      span(rBest, first, jaren.length),
      `IF(${C}$${head}>${peil},${C}${rBegr},${C}${rReal}+ISNUMBER(${C}${rProg})*(N(${C}${rProg})-${C}${rReal}))`,
      exp((k) => jaar(k)?.besteding ?? 0),
      'euroTotal',
    );
    const yearCol = (y: EditionYear): string => L(table.years.cols(years.indexOf(y))).fixRow();
    const onderdelen = onderdelenBlock(s, rows, r, {
      c0,
      Y,
      head,
      peil,
      table,
      begr,
      yRel: yearCol,
      regCol,
      ondCol,
    });
    const rInvoer = row(
      `Naar blad ${SHEETS.verantwoording}${onderdelen ? ' (jaren per onderdeel: buiten de onderdelen)' : ''}`,
    );
    jaren.forEach((y, k) => {
      const Cy = columnLetter(Y(y));
      const j = r.jaren[k];
      const o = onderdelen?.years.indexOf(y) ?? -1;
      const perO = r.onderdelen.reduce(
        (a, x) => a + (o >= 0 ? (x.jaren.find((z) => z.jaar === y)?.besteding ?? 0) : 0),
        0,
      );
      const formula =
        o >= 0 && onderdelen
          ? `${Cy}${rBest}-SUM(${onderdelen.besteding.cols(o).local().abs()})`
          : `${Cy}${rBest}`;
      s.formula(cellAddress(rInvoer, Y(y)), formula, () => (j?.besteding ?? 0) - perO, 'euro');
    });
    feed.set(r.regels.regeling, {
      invoer: SheetRange.at(SHEETS.realisatie, rInvoer, Y(first), 1, jaren.length),
      onderdelen: onderdelen?.besteding,
    });
  }
  const bottom = rows.next - 1;
  return {
    feed,
    peiljaar,
    range: SheetRange.at(SHEETS.realisatie, head, c0, bottom - head + 1, right - c0 + 1),
    right,
  };
}

function regelsOf(ctx: PlanContext): readonly { readonly lasten: readonly number[] }[] {
  return ctx.scenario.request.realisatie?.regels ?? [];
}

interface OnderdelenAt {
  readonly c0: number;
  readonly Y: (y: EditionYear) => number;
  readonly head: number;
  readonly peil: string;
  readonly table: RealisatieTableCells;
  readonly begr: ReturnType<typeof begrotingTable>;
  readonly yRel: (jaar: EditionYear) => string;
  readonly regCol: string;
  readonly ondCol: string;
}

/** Per onderdeel in the per-onderdeel years: realisatie, begroting and besteding (rows = onderdelen). */
function onderdelenBlock(
  s: SheetBuilder,
  rows: RowCursor,
  r: RegelingVerantwoording,
  at: OnderdelenAt,
): { readonly besteding: SheetRange; readonly years: readonly EditionYear[] } | undefined {
  const years = r.regels.perOnderdeelJaren.filter((y) => r.regels.jaren.includes(y));
  if (r.onderdelen.length === 0 || years.length === 0) return undefined;
  const first = years[0] ?? 0;
  const nrs = r.onderdelen.map((o) => o.nr);
  const n = nrs.length;
  const { c0, Y } = at;
  const C = columnLetter(Y(first));
  const block = (label: string): number => {
    s.value(cellAddress(rows.take(), c0), `${r.regels.naam}: ${label} per onderdeel`, 'rowHeader');
    const top = rows.take(n);
    s.values(
      cellAddress(top, c0),
      nrs.map((nr) => [`${nr}.`, r.regels.post, nr]),
    );
    return top;
  };
  const exp =
    (f: (j: { besteding: number; begroting: number; realisatie: number }) => number) =>
    (row: number, c: number) =>
      f(
        r.onderdelen[row]?.jaren.find((j) => j.jaar === years[c]) ?? {
          besteding: 0,
          begroting: 0,
          realisatie: 0,
        },
      );
  const range = (top: number) => `${C}${top}:${columnLetter(Y(first) + years.length - 1)}${top + n - 1}`;
  const reg = (top: number) => `$${columnLetter(c0 + 1)}${top}`;
  const nr = (top: number) => `$${columnLetter(c0 + 2)}${top}`;
  const tReal = block('realisatie');
  s.formula(
    range(tReal),
    `SUMIFS(${at.yRel(first)},${at.regCol},${reg(tReal)},${at.ondCol},${nr(tReal)})`,
    exp((j) => j.realisatie),
    'euro',
  );
  const tBegr = block('begroting');
  const b = at.begr;
  const bCol = b.column(String(first)).fixRow();
  s.formula(
    range(tBegr),
    `SUMIFS(${bCol},${b.column('Regeling').abs()},${reg(tBegr)},${b.column('Onderdeel').abs()},${nr(tBegr)})`,
    exp((j) => j.begroting),
    'euro',
  );
  const tBest = block('besteding');
  s.formula(
    range(tBest),
    `IF(${C}$${at.head}>${at.peil},${C}${tBegr},${C}${tReal})`,
    exp((j) => j.besteding),
    'euro',
  );
  return { besteding: SheetRange.at(SHEETS.realisatie, tBest, Y(first), n, years.length), years };
}

/**
 * Per table row (the checked capacity): the key Regeling|Onderdeel|Activiteit of the Begroting row
 * and of the Realisatie row, and 1 where a filled Realisatie row's key is no Begroting row's; A3
 * shows their count (the signal).
 */
function keySection(
  s: SheetBuilder,
  ctx: PlanContext,
  table: RealisatieTableCells,
  regels: RealisatieInvoer['regels'],
  begroting: readonly KeyedRow[],
  left: number,
): { readonly range: SheetRange; readonly count: SheetRange } {
  const b = begrotingTable(ctx.years);
  const head = table.headerRow;
  const top = table.firstRow;
  const cap = BEGROTING_CAPACITEIT;
  s.values(
    cellAddress(head, left),
    [['Sleutel begroting', 'Sleutel realisatie', 'Zonder begrotingsregel']],
    'header',
  );
  const col = (dc: number) => SheetRange.at(SHEETS.realisatie, top, left + dc, cap);
  const key = (reg: SheetRange, ond: SheetRange, act: SheetRange) =>
    `${reg.cell().fixCol()}&"|"&${ond.cell().fixCol()}&"|"&${act.cell().fixCol()}`;
  const bKeys = begroting.map((r) => keyText(r));
  s.formula(
    col(0).address(),
    key(b.column('Regeling'), b.column('Onderdeel'), b.column('Activiteit')),
    (row) => bKeys[row] ?? '||',
    'note',
  );
  const t = (name: string) => table.column(name).local();
  const rKeys = regels.map((r) => keyText(r));
  s.formula(
    col(1).address(),
    key(t('Regeling'), t('Onderdeel'), t('Activiteit')),
    (row) => rKeys[row] ?? '||',
    'note',
  );
  const misses = keyMisses(regels, begroting);
  const act = t('Activiteit').cell().fixCol();
  s.formula(
    col(2).address(),
    `IF(${act}="",0,--ISNA(MATCH(${col(1).local().cell().fixCol()},${col(0).local().abs()},0)))`,
    (row) => (misses[row] === true ? 1 : 0),
    'integer',
  );
  const count = SheetRange.at(SHEETS.realisatie, 3, 1);
  const total = `SUM(${col(2).local().abs()})`;
  const missCount = misses.filter((x) => x).length;
  s.formula(
    count.address(),
    `"Rijen zonder begrotingsregel: "&${total}&IF(${total}=0," (geen)"," (zie kolom ${columnLetter(left + 2)})")`,
    () =>
      `Rijen zonder begrotingsregel: ${missCount}${missCount === 0 ? ' (geen)' : ` (zie kolom ${columnLetter(left + 2)})`}`,
    'rowHeader',
  );
  for (let c = 0; c < 3; c++) s.width(columnLetter(left + c), 14);
  return { range: SheetRange.at(SHEETS.realisatie, head, left, cap + 1, 3), count };
}
