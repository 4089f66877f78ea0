/**
 * Samenvatting, block "Mutaties voor de eigen begroting": the begroting's mutations in the shape
 * gemeenten put in their own begroting (begroting-practice.md, layout 3), laid out as the CLI's
 * `begroting --formaat mutaties`: the columns Taakveld | Omschrijving | Inc. | Struc. | the years,
 * per taakveld (ascending Iv3 order) per activity a lasten line and a baten line, then "Totaal taakveld
 * …"; bedragen × € 1.000, rounded per amount half away from zero (the domain's `naarDuizenden`:
 * Excel's ROUND), + = voordelig, − = nadelig. Plain values a controller selects and pastes: no
 * merged cells, one header row.
 *
 * Live: formulas over the Begroting table (the full-capacity references `table.column(…)` and
 * `table.years` the Samenvatting's other formulas use, so Controle's `begroting-kolommen` check
 * covers them), with the domain's `begrotingMutaties` as their expected values. How the order is
 * made without sorting functions (Excel 2016, LibreOffice and HyperFormula alike):
 * - per row of the table (the `BEGROTING_CAPACITEIT` rows the toets checks) hidden helper columns
 *   right of the print area: whether it gives lines (an activity with any lasten ≠ 0), its taakveld
 *   (empty: the domain's `defaultTaakveld`), a sort key (major·100 + minor, ×10, then the code's
 *   length: "6.01" before "6.1", as `compareTaakveld`), its number among the rows of the same key so
 *   far (1 = the taakveld's first row), the line of its lasten (2 × the rows sorted before it + the
 *   taakvelden before it + 1; the baten line follows) and, on a taakveld's first row, the line of the
 *   taakveld's total;
 * - per line of the block: MATCH of the line number in those columns gives the table row (lasten,
 *   baten or total), INDEX reads its texts and amounts; a total is the SUMIFS of the lines above it
 *   with its taakveld's key (the lines of a taakveld are contiguous).
 *
 * Rows: a fixed number per werkmap, `mutatieRegels(needed)`: the lines the begroting needs when the
 * werkmap is made plus `SPARE_LINES`, at least `MIN_LINES` (one printed page). The number of taakvelden
 * and activities is not fixed (up to 500 rows, so up to 1.500 lines), and a block of that size would
 * print 40 empty pages; the add-in remakes the Samenvatting on every refresh, so the block grows with
 * the begroting. Lines that do not fit are counted in the row under the block (0 = every line shown).
 */
import type { BegrotingRegel, EditionYear } from '../../domain';
import { BEGROTING_CAPACITEIT, begrotingMutaties, TAAKVELDEN } from '../../domain';
import { columnLetter, rangeOf } from '../a1';
import type { RowCursor } from '../anchors';
import { SheetRange } from '../anchors';
import { PERIOD_COL, SHEETS } from '../layout';
import { SheetBuilder } from '../sheet-builder';
import { COLORS } from '../styles';
import { linesHeight } from '../text-fit';
import type { BegrotingTableCells } from './fixed-cells';

/** Spare lines beyond what the begroting needs when the werkmap is made (room for new activities). */
export const SPARE_LINES = 12;
/** The block's minimum number of lines (with its heading, one printed page). */
export const MIN_LINES = 24;

/** The block's number of lines for a begroting that needs `needed` lines. */
export function mutatieRegels(needed: number): number {
  return Math.max(MIN_LINES, needed + SPARE_LINES);
}

/** The lines the domain's export has (per taakveld its lines and its total). */
export function neededLines(regels: readonly BegrotingRegel[], years: readonly EditionYear[]): number {
  return begrotingMutaties(regels, years).reduce((a, t) => a + t.mutaties.length + 1, 0);
}

/** The column widths the block needs on the Samenvatting: A Taakveld, B Omschrijving, C Inc., D Struc. */
export const MUTATIE_WIDTHS = { A: 38, B: 32, C: 5, D: 6 } as const;

/** Where the block is: its header row, first line row and number of lines (for tests). */
export interface MutatieCells {
  readonly header: number;
  readonly first: number;
  readonly lines: number;
  /** The cell counting the lines that do not fit. */
  readonly overflow: SheetRange;
}

/** The label of a taakveld as the CLI writes it: "7.1 Volksgezondheid", an unknown code alone. */
function taakveldLabel(code: string): string {
  const naam = TAAKVELDEN.find((t) => t.code === code)?.naam;
  return naam === undefined ? code : `${code} ${naam}`;
}

/** The sort key the helper column computes (see the module comment); 999999 for text that is no code. */
function sortKey(code: string): number {
  const m = /^(\d+)\.(\d+)$/.exec(code);
  if (!m) return 999999;
  return (Number(m[1]) * 100 + Number(m[2])) * 10 + 5 - code.length;
}

/**
 * Builds the block from row `rows.next` (title, note, header, lines, overflow row) and its hidden
 * helper columns right of `printRight` (the Samenvatting's last printed column). `regels` are the rows
 * the plan writes into the table (in its order), `years` the axis.
 */
export function mutatiesSection(
  s: SheetBuilder,
  rows: RowCursor,
  at: {
    readonly table: BegrotingTableCells;
    readonly regels: readonly BegrotingRegel[];
    readonly years: readonly EditionYear[];
    readonly printRight: number;
  },
): MutatieCells {
  const { table, regels, years } = at;
  const domain = begrotingMutaties(regels, years);
  const needed = domain.reduce((a, t) => a + t.mutaties.length + 1, 0);
  const lines = mutatieRegels(needed);
  const cap = BEGROTING_CAPACITEIT;

  // Title, note, header.
  const title = rows.take();
  s.pageBreakBefore(title);
  s.value(`A${title}`, 'Mutaties voor de eigen begroting: per taakveld, bedragen × € 1.000', 'rowHeader');
  s.value(
    `A${rows.take()}`,
    'Per activiteit een regel lasten en een regel baten (de SPUK, incidenteel); + = voordelig, − = nadelig; afgerond per bedrag, dus elk taakveld telt op tot 0 (budgettair neutraal).',
    'note',
  );
  s.value(
    `A${rows.take()}`,
    'Selecteer de kop en de regels en plak ze (als waarden) in het format van de eigen begroting. Dezelfde regels: begroting --formaat mutaties.',
    'note',
  );
  const header = rows.take();
  s.values(
    `A${header}`,
    [['Taakveld', 'Omschrijving (bedragen × € 1.000)', 'Inc.', 'Struc.', ...years.map(String)]],
    'header',
  );
  const first = rows.take(lines);
  const last = first + lines - 1;

  // Hidden helper columns, one row per table row (from row `first`, so they sit beside the block).
  const h = at.printRight + 2;
  const col = (i: number) => columnLetter(h + i);
  const [INC, TV, KEY, NTH, POS, TOT] = [0, 1, 2, 3, 4, 5].map(col) as [
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  const hTop = first;
  const hBottom = first + cap - 1;
  const whole = (c: string) => `$${c}$${hTop}:$${c}$${hBottom}`;
  const k = `ROW()-${hTop - 1}`;
  const ix = (name: string) => `INDEX(${table.column(name).abs()},${k})`;
  const yearCols = years.map((_, y) => table.years.cols(y).abs());
  const labels = ['Regels', 'Taakveld', 'Sleutel', 'Nr', 'Regel lasten', 'Regel totaal'];
  s.values(`${col(0)}${hTop - 1}`, [labels]);
  s.values(`${col(6)}${hTop - 1}`, [['Lasten', 'Baten', 'Totaal', 'Rij', 'Sleutel']]);
  labels.forEach((_, i) => s.hiddenColumn(col(i)));
  for (let i = 6; i < 11; i++) s.hiddenColumn(col(i));

  // Mirror of the helper formulas (their expected values), per table row.
  const helper = Array.from({ length: cap }, (_, i) => {
    const r = regels[i];
    const inc = r !== undefined && r.activiteit.trim() !== '' && r.lasten.some((x) => x !== 0);
    return { inc, tv: inc && r ? r.taakveld : '', key: inc && r ? sortKey(r.taakveld) : undefined };
  });
  const keys = helper.map((x) => x.key);
  const nth = keys.map((key, i) =>
    key === undefined ? undefined : keys.slice(0, i + 1).filter((x) => x === key).length,
  );
  const before = (key: number, orEqual: boolean) =>
    keys.filter((x) => x !== undefined && (orEqual ? x <= key : x < key)).length;
  const groupsBefore = (key: number, orEqual: boolean) =>
    keys.filter((x, i) => x !== undefined && nth[i] === 1 && (orEqual ? x <= key : x < key)).length;
  const pos = keys.map((key, i) =>
    key === undefined ? '' : 2 * (before(key, false) + (nth[i] ?? 1) - 1) + groupsBefore(key, false) + 1,
  );
  const tot = keys.map((key, i) =>
    key === undefined || nth[i] !== 1 ? '' : 2 * before(key, true) + groupsBefore(key, true),
  );

  const hr = (c: string) => `${c}${hTop}:${c}${hBottom}`;
  s.formula(
    hr(INC),
    `IF(AND(TRIM(${ix('Activiteit')}&"")<>"",SUMSQ(${yearCols.map((c) => `INDEX(${c},${k})`).join(',')})>0),1,0)`,
    (r) => (helper[r]?.inc ? 1 : 0),
  );
  // The taakveld as the domain reads it: empty → defaultTaakveld; a number (typed without the text
  // format) as its text with a point.
  const reg = ix('Regeling');
  const ond = ix('Onderdeel');
  const tvCell = ix('Taakveld');
  const defaultTv = `IF(AND(${reg}="Brede SPUK",${ond}<>""),IF(${ond}<=2,"5.1",IF(AND(${ond}>=10,${ond}<=13),"6.1","7.1")),"7.1")`;
  s.formula(
    hr(TV),
    `IF(${INC}${hTop}=0,"",IF(TRIM(${tvCell}&"")="",${defaultTv},IF(ISNUMBER(${tvCell}),SUBSTITUTE(${tvCell}&"",",","."),TRIM(${tvCell}))))`,
    (r) => helper[r]?.tv ?? '',
  );
  const t = `${TV}${hTop}`;
  s.formula(
    hr(KEY),
    `IF(${t}="","",IFERROR((VALUE(LEFT(${t},FIND(".",${t})-1))*100+VALUE(MID(${t},FIND(".",${t})+1,9)))*10+5-LEN(${t}),999999))`,
    (r) => keys[r] ?? '',
  );
  const key = `${KEY}${hTop}`;
  s.formula(hr(NTH), `IF(${key}="","",COUNTIF($${KEY}$${hTop}:${KEY}${hTop},${key}))`, (r) => nth[r] ?? '');
  const n = `${NTH}${hTop}`;
  s.formula(
    hr(POS),
    `IF(${key}="","",2*(COUNTIF(${whole(KEY)},"<"&${key})+${n}-1)+COUNTIFS(${whole(NTH)},1,${whole(KEY)},"<"&${key})+1)`,
    (r) => pos[r] ?? '',
  );
  s.formula(
    hr(TOT),
    `IF(${n}=1,2*COUNTIF(${whole(KEY)},"<="&${key})+COUNTIFS(${whole(NTH)},1,${whole(KEY)},"<="&${key}),"")`,
    (r) => tot[r] ?? '',
  );

  // Per line: the table row of its lasten (L), baten (B) or total (T), the row (R) and its key (S).
  type Line = { soort: 'lasten' | 'baten' | 'totaal'; row: number } | undefined;
  const lineOf: Line[] = Array.from({ length: lines }, (_, p) => {
    const i = pos.indexOf(p + 1);
    if (i >= 0) return { soort: 'lasten', row: i };
    const j = pos.indexOf(p);
    if (p > 0 && j >= 0) return { soort: 'baten', row: j };
    const g = tot.indexOf(p + 1);
    return g >= 0 ? { soort: 'totaal', row: g } : undefined;
  });
  const [L, B, T, R, S] = [6, 7, 8, 9, 10].map(col) as [string, string, string, string, string];
  const p = `ROW()-${first - 1}`;
  const lr = (c: string) => `${c}${first}:${c}${last}`;
  s.formula(lr(L), `IFERROR(MATCH(${p},${whole(POS)},0),0)`, (r) =>
    lineOf[r]?.soort === 'lasten' ? (lineOf[r]?.row ?? 0) + 1 : 0,
  );
  s.formula(lr(B), `IFERROR(MATCH(${p}-1,${whole(POS)},0),0)`, (r) =>
    lineOf[r]?.soort === 'baten' ? (lineOf[r]?.row ?? 0) + 1 : 0,
  );
  s.formula(lr(T), `IFERROR(MATCH(${p},${whole(TOT)},0),0)`, (r) =>
    lineOf[r]?.soort === 'totaal' ? (lineOf[r]?.row ?? 0) + 1 : 0,
  );
  s.formula(lr(R), `${L}${first}+${B}${first}+${T}${first}`, (r) =>
    lineOf[r] === undefined ? 0 : (lineOf[r]?.row ?? 0) + 1,
  );
  s.formula(lr(S), `IF(${L}${first}+${B}${first}>0,INDEX(${whole(KEY)},${R}${first}),"")`, (r) => {
    const x = lineOf[r];
    return x === undefined || x.soort === 'totaal' ? '' : (keys[x.row] ?? '');
  });

  // The visible lines, expected from the domain's export (flattened as the CLI writes it).
  const flat: {
    taakveld: string;
    omschrijving: string;
    inc: string;
    struc: string;
    bedragen: readonly number[];
  }[] = [];
  for (const tv of domain) {
    const label = tv.naam === undefined ? tv.taakveld : `${tv.taakveld} ${tv.naam}`;
    for (const m of tv.mutaties) {
      const wat = `${m.activiteit} (${m.regeling}${m.onderdeel !== undefined ? `, onderdeel ${m.onderdeel}` : ''})`;
      flat.push({
        taakveld: label,
        omschrijving: `${wat} – ${m.soort}`,
        inc: m.aard === 'incidenteel' ? 'x' : '',
        struc: m.aard === 'structureel' ? 'x' : '',
        bedragen: m.duizenden,
      });
    }
    flat.push({
      taakveld: label,
      omschrijving: `Totaal taakveld ${tv.taakveld}`,
      inc: '',
      struc: '',
      bedragen: tv.totaalDuizenden,
    });
  }
  const at1 = (r: number) => flat[r];
  const RR = `$${R}${first}`;
  const LL = `$${L}${first}`;
  const BB = `$${B}${first}`;
  const TT = `$${T}${first}`;
  const tvOf = (row: string) => `INDEX(${whole(TV)},${row})`;
  const labelFormula = TAAKVELDEN.reduceRight(
    (acc, x) => `IF(${tvOf(RR)}="${x.code}","${taakveldLabel(x.code)}",${acc})`,
    tvOf(RR),
  );
  s.formula(`A${first}:A${last}`, `IF(${RR}=0,"",${labelFormula})`, (r) => at1(r)?.taakveld ?? '');
  const ixAt = (name: string, row: string) => `INDEX(${table.column(name).abs()},${row})`;
  s.formula(
    `B${first}:B${last}`,
    `IF(${LL}+${BB}>0,${ixAt('Activiteit', RR)}&" ("&${ixAt('Regeling', RR)}&IF(${ixAt('Onderdeel', RR)}="","",", onderdeel "&${ixAt('Onderdeel', RR)})&") – "&IF(${LL}>0,"lasten","baten"),IF(${TT}>0,"Totaal taakveld "&${tvOf(TT)},""))`,
    (r) => at1(r)?.omschrijving ?? '',
    'wrap',
  );
  const aard = (row: string) => ixAt('Aard lasten', row);
  s.formula(
    `C${first}:C${last}`,
    `IF(${LL}>0,IF(${aard(LL)}="incidenteel","x",""),IF(${BB}>0,"x",""))`,
    (r) => at1(r)?.inc ?? '',
    'center',
  );
  s.formula(
    `D${first}:D${last}`,
    `IF(${LL}>0,IF(${aard(LL)}="structureel","x",""),"")`,
    (r) => at1(r)?.struc ?? '',
    'center',
  );
  const y0 = table.years.cols(0).fixRow();
  const E = columnLetter(PERIOD_COL);
  const amounts = rangeOf(first, PERIOD_COL, lines, years.length);
  s.formula(
    amounts,
    `IF(${LL}>0,-ROUND(INDEX(${y0},${LL})/1000,0),IF(${BB}>0,ROUND(INDEX(${y0},${BB})/1000,0),IF(${TT}>0,SUMIFS(${E}$${first - 1}:${E}${first - 1},$${S}$${first - 1}:$${S}${first - 1},INDEX(${whole(KEY)},${TT})),"")))`,
    (r, c) => {
      const x = at1(r);
      return x === undefined ? '' : (x.bedragen[c] ?? 0);
    },
    'integer',
  );
  // A taakveld's total line bold on grey, as the Samenvatting's totals (it moves with the lines).
  s.conditional({
    range: rangeOf(first, 1, lines, PERIOD_COL - 1 + years.length),
    formula: `${TT}>0`,
    fill: COLORS.totalFill,
    fontColor: COLORS.text,
    bold: true,
    priority: 1,
  });
  // Row heights for the Omschrijving as it reads when the werkmap is made.
  flat.forEach((x, r) => {
    const n = SheetBuilder.linesFor(x.omschrijving, MUTATIE_WIDTHS.B);
    if (n > 1) s.rowHeight(first + r, linesHeight(n, {}));
  });

  const o = rows.take();
  s.value(
    `A${o}`,
    'Regels die niet in dit blok passen (0 = alle regels staan erin; meer: vernieuw de werkmap)',
    'note',
  );
  s.formula(
    `${E}${o}`,
    `MAX(0,2*SUM(${whole(INC)})+COUNTIF(${whole(NTH)},1)-${lines})`,
    () => Math.max(0, needed - lines),
    'check',
  );
  return { header, first, lines, overflow: SheetRange.at(SHEETS.samenvatting, o, PERIOD_COL) };
}
