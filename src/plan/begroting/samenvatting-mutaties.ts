/**
 * Samenvatting, block "Mutaties voor de eigen begroting": the begroting's mutations in the shape
 * gemeenten put in their own begroting (begroting-practice.md, layout 3), laid out as the CLI's
 * `begroting --formaat mutaties`: the columns Taakveld | Omschrijving | Inc. | Struc. | the years,
 * per taakveld (TAAKVELDEN in order, then the group "overig" of every other code, each line with its
 * own code) per activity a lasten line and a baten line, then "Niet gedekt door de uitkering (eigen
 * middelen)" and "Totaal taakveld …"; bedragen × € 1.000, rounded per amount half away from zero (the domain's `naarDuizenden`:
 * Excel's ROUND), + = voordelig, − = nadelig. Plain values a controller selects and pastes: no
 * merged cells, one header row.
 *
 * Live: formulas over the Begroting table (the full-capacity references `table.column(…)` and
 * `table.years` the Samenvatting's other formulas use, read by position with INDEX, so rows the user
 * inserts, sorts or appends are read where they are), with the domain's `begrotingMutaties` as their
 * expected values. The order is made without sorting functions (Excel 2016, LibreOffice and
 * HyperFormula alike) in hidden helper columns right of the print area, each formula within the plan
 * linter's FAST rules (no number literals but the unit constants, at most one IF, ≤ 125 characters):
 * - a column Nr (1, 2, … written as values): the position in the table (per table row) and the line
 *   of the block (per line), so no formula needs its own row number;
 * - per table row: the sum of squares of its lasten (in parts of three years), whether it gives lines
 *   (an activity with any lasten ≠ 0), its taakveld (empty: the default taakveld from the labelled
 *   table under the block, whose values the domain's `defaultTaakveld` gives), a sort key (its
 *   position in TAAKVELDEN, else TAAKVELDEN's length + 1: the group "overig", as the dekking's rows),
 *   its number among the rows of the same key so far, the line of its lasten (lines per activity ×
 *   the rows sorted before it + lines per taakveld × the taakvelden before it + 1; the baten line
 *   follows) and, on a taakveld's first row, the line of the taakveld's total (its correction line is
 *   the one before); "lines per activity" (lasten, baten: 2) and "lines per taakveld" (correction,
 *   total: 2) are labelled helper cells;
 * - per line of the block: MATCH of the line number in those columns gives the table row (lasten,
 *   baten, correction or total), INDEX reads its texts and amounts; a correction line (per year, its
 *   own hidden columns) is ROUND((the Samenvatting's baten of the key's taakveld, i.e. Σ over the
 *   regelingen of the Begrotingstoets's dekking − SUMIFS of the table's lasten with that key)/1000):
 *   the domain's `TaakveldMutaties.nietGedekt`; a total is the SUMIFS of the lines above it with its
 *   taakveld's key (the lines of a taakveld are contiguous).
 *
 * Size: `mutatieRegels(needed)` lines (the lines the begroting needs when the werkmap is made plus
 * `SPARE_LINES`, at least `MIN_LINES`), and helper rows for the table's first
 * `helperRijen(lines, rows)` rows (the rows written plus `SPARE_LINES`, at least the lines; at most
 * the `BEGROTING_CAPACITEIT` rows the toets checks), not the full capacity: a block of 500 rows would
 * print 40 empty pages. The add-in remakes the Samenvatting on every refresh, so the block grows with
 * the begroting. The row under the block counts what it does not show: the lines that do not fit
 * plus the filled table rows below the rows it reads ("geen": every line shown; otherwise "vernieuw
 * de werkmap" beside the count). The rows it reads are labelled in the hidden helper columns, not in
 * the printed notes (#18: no machinery on the raad's page).
 */
import type { BegrotingRegel, BegrotingRegeling, EditionYear, TaakveldDekking } from '../../domain';
import {
  BEGROTING_CAPACITEIT,
  BEGROTING_REGELINGEN,
  begrotingMutaties,
  defaultTaakveld,
  TAAKVELDEN,
} from '../../domain';
import { mutatieExportRegels } from '../../messages/begroting.nl';
import { columnLetter, rangeOf } from '../a1';
import type { RowCursor } from '../anchors';
import { SheetRange } from '../anchors';
import { PERIOD_COL, SHEETS } from '../layout';
import { SheetBuilder } from '../sheet-builder';
import { linesHeight } from '../text-fit';
import type { BegrotingTableCells } from './fixed-cells';

/** The toets's dekking per regeling × year (`BegrotingToets.dekking`). */
type Dekking = Readonly<Record<BegrotingRegeling, readonly TaakveldDekking[]>>;
/** The Omschrijving of a taakveld's correction line (the CLI's `mutatieNietGedektText`). */
const NIET_GEDEKT = 'Niet gedekt door de uitkering (eigen middelen)';
/** The label of the group of taakvelden outside TAAKVELDEN (the domain's `TaakveldMutaties.taakveld`). */
const OVERIG = 'overig';
/** The lines of a taakveld besides its activities: its correction ("niet gedekt") and its total. */
const LINES_PER_TAAKVELD = 2;
/** Spare lines beyond what the begroting needs when the werkmap is made (room for new activities). */
export const SPARE_LINES = 12;
/** The block's minimum number of lines (with its heading, one printed page). */
export const MIN_LINES = 24;
/** The lines of one activity, in this order (the domain's `BegrotingMutatie.soort`). */
const SOORTEN = ['lasten', 'baten'] as const;
/** The Brede SPUK, the regeling whose onderdeel sets the default taakveld. */
const BREDE: (typeof BEGROTING_REGELINGEN)[number] = 'Brede SPUK';
/** How many years one helper column sums (three INDEX calls stay under 125 characters). */
const YEARS_PER_PART = 3;

/** The block's number of lines for a begroting that needs `needed` lines. */
export function mutatieRegels(needed: number): number {
  return Math.max(MIN_LINES, needed + SPARE_LINES);
}

/** The table rows the helper columns read: the rows written plus the spare lines, at least `lines`. */
export function helperRijen(lines: number, rows: number): number {
  return Math.min(BEGROTING_CAPACITEIT, Math.max(lines, rows + SPARE_LINES));
}

/** The lines the domain's export has (per taakveld its lines and its total). */
export function neededLines(
  regels: readonly BegrotingRegel[],
  years: readonly EditionYear[],
  dekking: Dekking,
): number {
  return begrotingMutaties(regels, years, dekking).reduce(
    (a, t) => a + t.mutaties.length + LINES_PER_TAAKVELD,
    0,
  );
}

/** The column widths the block needs on the Samenvatting: A Taakveld, B Omschrijving, C Inc., D Struc. */
export const MUTATIE_WIDTHS = { A: 38, B: 32, C: 5, D: 6 } as const;

/** Where the block is: its header row, first line row and number of lines (for tests). */
export interface MutatieCells {
  readonly header: number;
  readonly first: number;
  readonly lines: number;
  /** The table rows the helper columns read (from the table's first row). */
  readonly rows: number;
  /** The cell counting the lines that do not fit. */
  readonly overflow: SheetRange;
}

/**
 * The default taakveld of the Brede SPUK's onderdelen as runs (from onderdeel `vanaf` on: `taakveld`),
 * from the domain's `defaultTaakveld` over the edition's onderdelen, and the default of a row of
 * another regeling or without onderdeel. Throws when those two differ (one cell holds both).
 */
export function defaultTaakveldRuns(onderdelen: readonly number[]): {
  readonly runs: readonly { readonly vanaf: number; readonly taakveld: string }[];
  readonly anders: string;
} {
  const runs: { vanaf: number; taakveld: string }[] = [];
  for (const nr of [...onderdelen].sort((a, b) => a - b)) {
    const taakveld = defaultTaakveld(BREDE, nr);
    if (runs[runs.length - 1]?.taakveld !== taakveld) runs.push({ vanaf: nr, taakveld });
  }
  const anders = defaultTaakveld(BREDE, undefined);
  const other = BEGROTING_REGELINGEN.filter((r) => r !== BREDE).map((r) => defaultTaakveld(r, undefined));
  if (other.some((t) => t !== anders))
    throw new Error('defaultTaakveld differs per regeling without onderdeel');
  return { runs, anders };
}

/** The sort key the helper column computes: the position in TAAKVELDEN (1-based), else the "overig" group's. */
function sortKey(code: string): number {
  const k = TAAKVELDEN.findIndex((t) => t.code === code);
  return k < 0 ? TAAKVELDEN.length + 1 : k + 1;
}

/**
 * Builds the block from row `rows.next` (title, notes, header, lines, overflow row, the default
 * taakveld table) and its hidden helper columns right of `printRight` (the Samenvatting's last printed
 * column). `regels` are the rows the plan writes into the table (in its order), `years` the axis,
 * `onderdelen` the edition's Brede SPUK onderdelen.
 */
export function mutatiesSection(
  s: SheetBuilder,
  rows: RowCursor,
  at: {
    readonly table: BegrotingTableCells;
    readonly regels: readonly BegrotingRegel[];
    readonly years: readonly EditionYear[];
    /** The toets's dekking of the same regels (the domain's expected values). */
    readonly dekking: Dekking;
    /** The Samenvatting's rows of baten per taakveld (TAAKVELDEN, then "overig"; years from E). */
    readonly baten: { readonly first: number; readonly rows: number };
    readonly printRight: number;
    readonly onderdelen: readonly number[];
  },
): MutatieCells {
  const { table, regels, years } = at;
  const domain = begrotingMutaties(regels, years, at.dekking);
  const needed = domain.reduce((a, t) => a + t.mutaties.length + LINES_PER_TAAKVELD, 0);
  const lines = mutatieRegels(needed);
  const ht = helperRijen(lines, regels.length);
  const defaults = defaultTaakveldRuns(at.onderdelen);
  if (defaults.runs.length > years.length + 1)
    throw new RangeError(`${defaults.runs.length} default-taakveld runs do not fit the year columns`);

  // Title, notes, header.
  const title = rows.take();
  s.pageBreakBefore(title);
  s.value(`A${title}`, 'Mutaties voor de eigen begroting: per taakveld, bedragen × € 1.000', 'rowHeader');
  // The two notes as one block (one write and one format).
  const noteRow = rows.take(2);
  s.values(
    `A${noteRow}`,
    [
      [
        'Per activiteit een regel lasten en een regel baten (de SPUK, incidenteel); per taakveld wat de ontvangen uitkering niet dekt (eigen middelen, 0 als ze alles dekt) en het totaal. + = voordelig, − = nadelig; afgerond per bedrag.',
      ],
      [
        // No CLI command on the printed sheet (its readers have no command line); that the lines equal
        // `begroting --formaat mutaties` is proven in the tests (test/libreoffice/mutaties.test.ts).
        'Selecteer de kop en de regels en plak ze (als waarden) in het format van de eigen begroting.',
      ],
    ],
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
  const E = columnLetter(PERIOD_COL);

  // The overflow row's label and the note on the default taakveld (an assumption, with where it comes
  // from) as one block; then the table of default taakvelden (labels in A, values from E) in two.
  const overflowRow = rows.take(2);
  s.values(
    `A${overflowRow}`,
    [
      ['Regels die niet in dit blok staan'],
      [
        'Aanname (geen regeling legt dit vast; gangbare indeling in gemeentebegrotingen): het taakveld van een rij zonder Taakveld. Anders: vul per rij de kolom Taakveld van de Begroting.',
      ],
    ],
    'note',
  );
  const vanafRow = rows.take();
  const tvRow = rows.take();
  const andersRow = rows.take();
  s.values(`A${vanafRow}`, [
    [`${BREDE}, vanaf onderdeel`],
    ['Taakveld'],
    ['Andere regeling, of geen onderdeel: taakveld'],
  ]);
  s.values(
    `${E}${vanafRow}`,
    [
      defaults.runs.map((r) => r.vanaf),
      defaults.runs.map((r) => r.taakveld),
      defaults.runs.map((_, i) => (i === 0 ? defaults.anders : null)),
    ],
    'center',
  );
  const runEnd = columnLetter(PERIOD_COL + defaults.runs.length - 1);
  const thr = `$${E}$${vanafRow}:$${runEnd}$${vanafRow}`;
  const tvs = `$${E}$${tvRow}:$${runEnd}$${tvRow}`;
  const anders = `$${E}$${andersRow}`;

  // Hidden helper columns (from row `first`, so they sit beside the block).
  const parts = Math.ceil(years.length / YEARS_PER_PART);
  const names = [
    'NR',
    'LL',
    'BB',
    'TT',
    'RR',
    'SG',
    'S',
    'TVL',
    'DESC',
    'AARD',
    'KEY',
    'NTH',
    'POS',
    'TOT',
    'INC',
    'TV',
    'TVR',
    'OND',
    ...Array.from({ length: parts }, (_, j) => `SQ${j}`),
    'ONDT',
    'WAT',
    'CODE',
    'NAAM',
    'NG',
    ...years.map((_, j) => `NGJ${j}`),
  ];
  const labels: Record<string, string> = {
    NR: 'Nr',
    LL: 'Rij lasten',
    BB: 'Rij baten',
    TT: 'Rij totaal',
    RR: 'Rij',
    SG: 'Teken',
    S: 'Sleutel',
    TVL: 'Taakveld',
    DESC: 'Omschrijving',
    AARD: 'Aard',
    KEY: 'Sleutel',
    NTH: 'Nr in taakveld',
    POS: 'Regel lasten',
    TOT: 'Regel totaal',
    INC: 'Geeft regels',
    TV: 'Taakveld',
    TVR: 'Taakveld (ingevuld)',
    OND: 'Onderdeel (Brede SPUK)',
    ONDT: 'Onderdeel (tekst)',
    WAT: 'Activiteit (regeling)',
    CODE: 'Taakveld',
    NAAM: 'Naam',
    NG: 'Rij niet gedekt',
    ...Object.fromEntries(years.map((y, j) => [`NGJ${j}`, `Niet gedekt ${y}`])),
  };
  const h = at.printRight + 2;
  const L: Record<string, string> = {};
  names.forEach((n, i) => (L[n] = columnLetter(h + i)));
  const c = (n: string): string => L[n] ?? '';
  s.values(`${c('NR')}${header}`, [names.map((n) => labels[n] ?? `Kwadraten ${Number(n.slice(2)) + 1}`)]);
  names.forEach((n) => s.hiddenColumn(c(n)));
  // The labelled constant: lines per activity.
  s.values(`${c('NR')}${noteRow}`, [
    ['Regels per activiteit', SOORTEN.length],
    ['Regels per taakveld', LINES_PER_TAAKVELD],
  ]);
  // The rows of the Begroting the helper columns read (on screen, for who unhides them; not printed).
  s.values(`${c('BB')}${noteRow}`, [
    ['Begroting: eerste rij die het blok leest', table.firstRow],
    ['Begroting: laatste rij die het blok leest', table.firstRow + ht - 1],
  ]);
  const lpa = `$${c('LL')}$${noteRow}`;
  const lpt = `$${c('LL')}$${noteRow + 1}`;
  // The labelled texts: the correction line's Omschrijving and the "overig" group's label.
  s.values(`${c('NR')}${title}`, [['Niet gedekt', NIET_GEDEKT, 'Overige taakvelden', OVERIG]]);
  const ngText = `$${c('LL')}$${title}`;
  const ovLabel = `$${c('TT')}$${title}`;
  // The Iv3 names of the taakvelden (the domain's TAAKVELDEN).
  s.values(
    `${c('CODE')}${first}`,
    TAAKVELDEN.map((t) => [t.code, t.naam]),
  );
  const codes = `$${c('CODE')}$${first}:$${c('CODE')}$${first + TAAKVELDEN.length - 1}`;
  const naams = `$${c('NAAM')}$${first}:$${c('NAAM')}$${first + TAAKVELDEN.length - 1}`;
  // Nr: 1, 2, … over the helper rows and the lines.
  const nrRows = Math.max(ht, lines);
  s.values(
    `${c('NR')}${first}`,
    Array.from({ length: nrRows }, (_, i) => [i + 1]),
  );

  const hBottom = first + ht - 1;
  const whole = (n: string) => `$${c(n)}$${first}:$${c(n)}$${hBottom}`;
  const cell = (n: string) => `${c(n)}${first}`;
  const fixed = (n: string) => `$${c(n)}${first}`;
  const nr = fixed('NR');
  const ix = (name: string) => `INDEX(${table.column(name).abs()},${nr})`;
  const hr = (n: string) => `${c(n)}${first}:${c(n)}${hBottom}`;
  const lr = (n: string) => `${c(n)}${first}:${c(n)}${last}`;

  // Mirror of the helper formulas (their expected values), per table row.
  // MATCH(onderdeel, vanaf, 1): the last run starting at or below it; none (0: no onderdeel) → anders.
  const lookup = (ond: number): string =>
    defaults.runs.filter((r) => r.vanaf <= ond).pop()?.taakveld ?? defaults.anders;
  const helper = Array.from({ length: ht }, (_, i) => {
    const r = regels[i];
    const act = r?.activiteit ?? '';
    const inc = r !== undefined && act.trim() !== '' && r.lasten.some((x) => x !== 0) ? 1 : 0;
    const tvr = r === undefined ? '' : r.taakveld.replace(/,/g, '.').trim();
    const ond = r !== undefined && r.regeling === BREDE ? (r.onderdeel ?? 0) : 0;
    const tv = tvr !== '' ? tvr : lookup(ond);
    const sq = Array.from({ length: parts }, (_, j) =>
      (r?.lasten ?? []).slice(0, (j + 1) * YEARS_PER_PART).reduce((a, x) => a + x * x, 0),
    );
    const ondt = r?.onderdeel !== undefined ? `, onderdeel ${r.onderdeel}` : '';
    return {
      inc,
      tvr,
      ond,
      tv,
      sq,
      ondt,
      wat: `${act} (${r?.regeling ?? ''}${ondt})`,
      key: inc === 1 ? sortKey(tv) : undefined,
      aard: r?.aard ?? '',
    };
  });
  const keys = helper.map((x) => x.key);
  const nth = keys.map((key, i) =>
    key === undefined ? undefined : keys.slice(0, i + 1).filter((x) => x === key).length,
  );
  const before = (key: number, orEqual: boolean) =>
    keys.filter((x) => x !== undefined && (orEqual ? x <= key : x < key)).length;
  const groupsBefore = (key: number, orEqual: boolean) =>
    keys.filter((x, i) => x !== undefined && nth[i] === 1 && (orEqual ? x <= key : x < key)).length;
  const lpaN = SOORTEN.length;
  const lptN = LINES_PER_TAAKVELD;
  const pos = keys.map((key, i) =>
    key === undefined
      ? ''
      : lpaN * (before(key, false) + (nth[i] ?? 1) - 1) + lptN * groupsBefore(key, false) + 1,
  );
  const tot = keys.map((key, i) =>
    key === undefined || nth[i] !== 1 ? '' : lpaN * before(key, true) + lptN * groupsBefore(key, true),
  );

  // Per table row.
  const yearCol = (y: number) => table.years.cols(y).abs();
  for (let j = 0; j < parts; j++) {
    const ys = years
      .slice(j * YEARS_PER_PART, (j + 1) * YEARS_PER_PART)
      .map((_, k) => j * YEARS_PER_PART + k);
    const sum = `SUMSQ(${ys.map((y) => `INDEX(${yearCol(y)},${nr})`).join(',')})`;
    s.formula(hr(`SQ${j}`), j === 0 ? sum : `${cell(`SQ${j - 1}`)}+${sum}`, (r) => helper[r]?.sq[j] ?? 0);
  }
  s.formula(
    hr('INC'),
    `IF(TRIM(${ix('Activiteit')}&"")="",0,SIGN(${cell(`SQ${parts - 1}`)}))`,
    (r) => helper[r]?.inc ?? 0,
  );
  // The taakveld as the domain reads it: a number (typed without the text format) as its text with a point.
  s.formula(hr('TVR'), `TRIM(SUBSTITUTE(${ix('Taakveld')}&"",",","."))`, (r) => helper[r]?.tvr ?? '');
  s.formula(
    hr('OND'),
    `IFERROR(${ix('Onderdeel')}/(${ix('Regeling')}="${BREDE}"),0)`,
    (r) => helper[r]?.ond ?? 0,
  );
  s.formula(
    hr('TV'),
    `IF(${cell('TVR')}<>"",${cell('TVR')},IFERROR(INDEX(${tvs},1,MATCH(${cell('OND')},${thr},1)),${anders})&"")`,
    (r) => helper[r]?.tv ?? '',
  );
  const t = cell('TV');
  s.formula(
    hr('KEY'),
    `IF(${cell('INC')},IFERROR(MATCH(${t},${codes},0),ROWS(${codes})+1),"")`,
    (r) => keys[r] ?? '',
  );
  const key = cell('KEY');
  s.formula(hr('NTH'), `IF(${key}="","",COUNTIF($${c('KEY')}$${first}:${key},${key}))`, (r) => nth[r] ?? '');
  const n = cell('NTH');
  s.formula(
    hr('POS'),
    `IF(${key}="","",${lpa}*(COUNTIF(${whole('KEY')},"<"&${key})+${n}-1)+${lpt}*COUNTIFS(${whole('NTH')},1,${whole('KEY')},"<"&${key})+1)`,
    (r) => pos[r] ?? '',
  );
  s.formula(
    hr('TOT'),
    `IF(${n}=1,${lpa}*COUNTIF(${whole('KEY')},"<="&${key})+${lpt}*COUNTIFS(${whole('NTH')},1,${whole('KEY')},"<="&${key}),"")`,
    (r) => tot[r] ?? '',
  );
  s.formula(
    hr('ONDT'),
    `IF(${ix('Onderdeel')}="","",", onderdeel "&${ix('Onderdeel')})`,
    (r) => helper[r]?.ondt ?? '',
  );
  s.formula(
    hr('WAT'),
    `${ix('Activiteit')}&" ("&${ix('Regeling')}&${cell('ONDT')}&")"`,
    (r) => helper[r]?.wat ?? '',
  );

  // Per line: the table row of its lasten (LL), baten (BB) or total (TT).
  const lineOf = Array.from({ length: lines }, (_, p) => {
    const ll = pos.indexOf(p + 1) + 1;
    const bb = p > 0 ? pos.indexOf(p) + 1 : 0;
    const tt = tot.indexOf(p + 1) + 1;
    const ng = tot.indexOf(p + 2) + 1;
    const rr = ll + bb + tt + ng;
    const sg = Math.sign(bb) - Math.sign(ll);
    const x = rr > 0 ? helper[rr - 1] : undefined;
    const key = x ? (keys[rr - 1] ?? '') : '';
    const tvl = tt + ng > 0 && key === TAAKVELDEN.length + 1 ? OVERIG : (x?.tv ?? '');
    const desc = sg !== 0 && x ? `${x.wat} – ${ll > 0 ? SOORTEN[0] : SOORTEN[1]}` : ng > 0 ? NIET_GEDEKT : '';
    const aard = ll > 0 ? (helper[ll - 1]?.aard ?? '') : bb + ng > 0 ? 'incidenteel' : '';
    return { ll, bb, tt, ng, rr, sg, s: key, tvl, desc, aard };
  });
  const ln = (n2: keyof (typeof lineOf)[number]) => (r: number) => lineOf[r]?.[n2] ?? '';
  s.formula(lr('LL'), `IFERROR(MATCH(${nr},${whole('POS')},0),0)`, ln('ll'));
  s.formula(lr('BB'), `IFERROR(MATCH(${nr}-1,${whole('POS')},0),0)`, ln('bb'));
  s.formula(lr('TT'), `IFERROR(MATCH(${nr},${whole('TOT')},0),0)`, ln('tt'));
  s.formula(lr('NG'), `IFERROR(MATCH(${nr}+1,${whole('TOT')},0),0)`, ln('ng'));
  const [LL, BB, TT, RR, SG, NG] = ['LL', 'BB', 'TT', 'RR', 'SG', 'NG'].map(fixed) as [
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  s.formula(lr('RR'), `${LL}+${BB}+${TT}+${NG}`, ln('rr'));
  s.formula(lr('SG'), `SIGN(${BB})-SIGN(${LL})`, ln('sg'));
  s.formula(lr('S'), `IF(${RR}>0,INDEX(${whole('KEY')},${RR}),"")`, ln('s'));
  s.formula(
    lr('TVL'),
    `IF(SIGN(${TT}+${NG})*(${fixed('S')}>ROWS(${codes})),${ovLabel},IFERROR(INDEX(${whole('TV')},${RR}/SIGN(${RR})),""))`,
    ln('tvl'),
  );
  s.formula(
    lr('DESC'),
    `IFERROR(INDEX(${whole('WAT')},${RR}/ABS(${SG}))&" – "&IF(${SG}<0,"${SOORTEN[0]}","${SOORTEN[1]}"),REPT(${ngText},SIGN(${NG})))`,
    ln('desc'),
  );
  s.formula(
    lr('AARD'),
    `IF(${LL}>0,INDEX(${table.column('Aard lasten').abs()},${LL})&"",REPT("incidenteel",SIGN(${BB}+${NG})))`,
    ln('aard'),
  );

  // The visible lines, expected from the domain's export (flattened as the CLI writes it).
  const flat = mutatieExportRegels(domain);
  const at1 = (r: number) => flat[r];
  const TVL = fixed('TVL');
  s.formula(
    `A${first}:A${last}`,
    `IF(${TVL}="","",${TVL}&IFERROR(" "&INDEX(${naams},MATCH(${TVL},${codes},0)),""))`,
    (r) => at1(r)?.taakveld ?? '',
  );
  s.formula(
    `B${first}:B${last}`,
    `IF(${TT}>0,"Totaal taakveld "&${TVL},${fixed('DESC')})`,
    (r) => at1(r)?.omschrijving ?? '',
    'wrap',
  );
  const AARD = fixed('AARD');
  s.formula(`C${first}:C${last}`, `IF(${AARD}="incidenteel","x","")`, (r) => at1(r)?.inc ?? '', 'center');
  s.formula(`D${first}:D${last}`, `IF(${AARD}="structureel","x","")`, (r) => at1(r)?.struc ?? '', 'center');
  const y0 = table.years.cols(0).fixRow();
  const S = c('S');
  // Per line and year: the correction of a taakveld's "niet gedekt" line, × € 1.000: the Samenvatting's
  // baten of the taakveld (Σ of the toets's dekking) − the lasten of the table rows with its key.
  const batenCol = `${E}$${at.baten.first}:${E}$${at.baten.first + at.baten.rows - 1}`;
  const lastenHt = SheetRange.at(SHEETS.begroting, table.firstRow, table.years.cols(0).left, ht).fixRow();
  const ngCol = columnLetter(h + names.indexOf('NGJ0'));
  // Written for column NGJ0; relative columns so that year j reads column E+j and the table's year j.
  s.formula(
    `${ngCol}${first}:${columnLetter(h + names.indexOf('NGJ0') + years.length - 1)}${last}`,
    `IF(${NG}>0,ROUND((INDEX(${batenCol},$${S}${first})-SUMIFS(${lastenHt},${whole('KEY')},$${S}${first}))/1000,0),"")`,
    (r, col) => {
      const x = flat[r];
      return x !== undefined && lineOf[r]?.ng !== 0 && lineOf[r]?.ng !== undefined
        ? (x.bedragen[col] ?? 0)
        : '';
    },
  );
  s.formula(
    rangeOf(first, PERIOD_COL, lines, years.length),
    `IF(${TT}>0,SUMIFS(${E}$${first - 1}:${E}${first - 1},$${S}$${first - 1}:$${S}${first - 1},$${S}${first}),IFERROR(ROUND(INDEX(${y0},${RR}/ABS(${SG}))/1000,0)*${SG},${ngCol}${first}))`,
    (r, col) => {
      const x = at1(r);
      return x === undefined ? '' : (x.bedragen[col] ?? 0);
    },
    'integer',
  );
  // Row heights for the Omschrijving as it reads when the werkmap is made.
  flat.forEach((x, r) => {
    const k = SheetBuilder.linesFor(x.omschrijving, MUTATIE_WIDTHS.B);
    if (k > 1) s.rowHeight(first + r, linesHeight(k, {}));
  });

  // What the block does not show: lines that do not fit, and filled table rows below the rows it reads.
  const beyond =
    ht < BEGROTING_CAPACITEIT
      ? `+COUNTIF(${SheetRange.at(SHEETS.begroting, table.firstRow + ht, table.column('Activiteit').left, BEGROTING_CAPACITEIT - ht).abs()},"<>")`
      : '';
  const expectedBeyond = regels.slice(ht, BEGROTING_CAPACITEIT).filter((r) => r.activiteit !== '').length;
  s.formula(
    `${E}${overflowRow}`,
    `MAX(0,${lpa}*SUM(${whole('INC')})+${lpt}*COUNTIF(${whole('NTH')},1)-ROWS(${E}${first}:${E}${last}))${beyond}`,
    () => Math.max(0, needed - lines) + expectedBeyond,
    'warningCount',
  );
  const F = columnLetter(PERIOD_COL + 1);
  s.formula(
    `${F}${overflowRow}`,
    `IF(${E}${overflowRow}>0,"vernieuw de werkmap","")`,
    () => (Math.max(0, needed - lines) + expectedBeyond > 0 ? 'vernieuw de werkmap' : ''),
    'warning',
  );
  return {
    header,
    first,
    lines,
    rows: ht,
    overflow: SheetRange.at(SHEETS.samenvatting, overflowRow, PERIOD_COL),
  };
}
