/**
 * Verantwoording, SPUK IZA of a mandaatgemeente: per medeoverheid (CBS code and name) and year what
 * the mandaatgemeente passed on (input, kept on refresh by code) and what the medeoverheid spent
 * (SiSa H35B), with their totals. What a medeoverheid spent is, where the werkmap has the Realisatie
 * table, live over it: the rows of the regeling whose Uitvoerder names the medeoverheid, the way the
 * domain reads them (`uitvoerderVan`: its CBS code GM0166 or 0166, its name or its name in the VWS
 * letter, the whole text in any case, not trimmed) as three or four helper blocks of SUMIFS per kind
 * (one per spelling: a formula holding every spelling would pass 125 characters, and HyperFormula
 * takes no range as a criterion; no wildcards, so "Team 0166" is no medeoverheid). The medeoverheden
 * are the domain's list (`IzaSisa.lijst`: the region's other members, so one first typed after the
 * build is matched, and every other gemeente the rows name); an Uitvoerder with spaces around it is
 * counted on the sheet Besteding (Controle `realisatie-uitvoerder`). Without the table it is an input
 * per medeoverheid. With the live peiljaar the besteed block is on the year's basis of the regeling's
 * besteding (`MedeoverheidJaar.besteed`): after the peiljaar what was passed on; where the regeling's
 * prognose counts (the prognose year and one of the regeling's own rows has a prognose: Besteding's
 * row of the regeling, mirrored in the first hidden row) the helper blocks of the prognose plus those
 * of the realisatie of rows without one; else the realisatie, so H35 (the regeling's besteding minus
 * H35B) and H35B rest on one basis. The regeling's besteding is the mandaatgemeente's own besteding (the
 * input row, H35) plus what the medeoverheden spent; the SiSa lines read these cells
 * (`verantwoording()`: `IzaSisa`, src/domain/verantwoording).
 */
import type { EditionYear } from '../../domain';
import type { Gemeente } from '../../domain';
import type { RealisatieRegel, RegelingVerantwoording } from '../../domain/verantwoording';
import { uitvoerderIs, uitvoerderSpellingen } from '../../domain/verantwoording';
import { cellAddress, columnLetter } from '../a1';
import { SheetRange } from '../anchors';
import type { RowCursor } from '../anchors';
import { SHEETS } from '../layout';
import type { SheetBuilder } from '../sheet-builder';
import { fontOf, wrapLabels } from './year-rows';
import type { RealisatieTableCells } from '../realisatie';
import { PROGNOSE_KOLOM } from '../realisatie/fixed-cells';
import type { RegioShares } from '../sheets-regioverdeling';

/** The H35B inputs of one regeling: medeoverheden × the regeling's years. */
export interface H35bCells {
  /** The CBS codes beside each block (the key of its named input). */
  readonly ontvangenCodes: SheetRange;
  readonly besteedCodes: SheetRange;
  /** Passed on by the mandaatgemeente (received by the medeoverheid), per medeoverheid and year. */
  readonly ontvangen: SheetRange;
  /** Spent by the medeoverheid (the H35B amounts), per medeoverheid and year. */
  readonly besteed: SheetRange;
  /** The medeoverheden in row order. */
  readonly medeoverheden: readonly { readonly code: string; readonly naam: string }[];
  /** Whether `besteed` reads the Realisatie table (formulas) rather than being typed (inputs). */
  readonly live: boolean;
  /**
   * One row over the regeling's years: what the Regioverdeling plans to pass on to the other members
   * (the domain's `IzaSisa.jaren[].gepland`): live from the sheet Regioverdeling where it has the year
   * and an amount, else the domain's value.
   */
  readonly gepland: SheetRange;
}

/** The sheet Regioverdeling's split (the mandaatgemeente's region) and the gemeente's code in it. */
export interface H35bPlan {
  readonly regio: RegioShares;
  readonly code: string;
}

/** The Realisatie table the besteed block reads, with its rows (the expected values) and the gemeenten. */
export interface H35bFeed {
  readonly table: RealisatieTableCells;
  readonly regels: readonly RealisatieRegel[];
  readonly gemeenten: readonly Gemeente[];
  /**
   * The live peiljaar (sheet Besteding). With it the besteed block is on the year's basis, as the
   * domain's `MedeoverheidJaar.besteed`: after the peiljaar what was passed on, in the prognose year
   * (Realisatie!E4) the rows' prognose plus the realisatie of rows without one, else the realisatie.
   */
  readonly peiljaar?: SheetRange;
  /**
   * Besteding's row of the regeling: per year 1 where its prognose counts (the prognose year and one
   * of its own rows has a prognose: the domain's basis per regeling), mirrored in a hidden row.
   */
  readonly prognose?: SheetRange;
  /** The year in Realisatie!E4 when built (`prognoseJaarOf`): for the expected values of that row. */
  readonly prognoseJaar?: number;
}

/** The kinds of spelling, in the order of `uitvoerderSpellingen` (one helper block each). */
const KINDS = ['CBS-code met GM', 'CBS-code zonder GM', 'naam', 'naam in de VWS-brief'] as const;
/** The helper blocks per spelling: realisatie; prognose; realisatie of rows without a prognose. */
const HELPER_KINDS = ['real', 'prog', 'zonder'] as const;
type HelperKind = (typeof HELPER_KINDS)[number];

/**
 * The spellings of a medeoverheid's Uitvoerder one SUMIFS criterion each matches (the domain's
 * `uitvoerderSpellingen`: GM0166, 0166, the name, the VWS name where it differs; no wildcards), in
 * the order of `KINDS`, and which table rows each matches (as SUMIFS does: the whole text, any case,
 * no trimming; `uitvoerderVan`).
 */
function spellings(
  code: string,
  naam: string,
  gemeenten: readonly Gemeente[],
): { readonly criterium: string; readonly label: string; readonly matches: (u: string) => boolean }[] {
  const g = gemeenten.find((x) => x.code === code);
  const all = g ? uitvoerderSpellingen(g) : [code, code.slice(-4), naam];
  return all.map((criterium, i) => ({
    criterium,
    label: KINDS[i] ?? '',
    matches: (u: string) => uitvoerderIs(u, criterium),
  }));
}

/** Writes the H35B block where the regeling is a mandaatgemeente's SPUK IZA with medeoverheden. */
export function h35bSection(
  s: SheetBuilder,
  rows: RowCursor,
  r: RegelingVerantwoording,
  col: (jaar: EditionYear) => number,
  feed?: H35bFeed,
  plan?: H35bPlan,
): H35bCells | undefined {
  const iza = r.iza;
  // The medeoverheden the domain lists: the region's members (one typed later is on the sheet) and
  // every other gemeente the rows name.
  if (iza?.rol !== 'mandaatgemeente' || iza.lijst.length === 0) return undefined;
  const jaren = r.regels.jaren;
  const mede = iza.lijst;
  const n = mede.length;
  const c0 = col(jaren[0] ?? 0);
  const keyCol = c0 + jaren.length;
  const amount = (code: string, jaar: EditionYear, k: 'ontvangen' | 'besteed') =>
    iza.medeoverheden.find((m) => m.code === code && m.jaar === jaar)?.[k] ?? 0;
  const block = (
    title: string,
    k: 'ontvangen' | 'besteed',
    live?: (range: SheetRange) => void,
  ): SheetRange => {
    s.values(`A${rows.take()}`, [[title, ...jaren]], 'rowHeader');
    const top = rows.take(n);
    s.values(
      `A${top}`,
      mede.map((m) => [`${m.code} ${m.naam}`]),
    );
    const range = SheetRange.at(SHEETS.verantwoording, top, c0, n, jaren.length);
    if (live) live(range);
    else
      s.values(
        range.cell().address(),
        mede.map((m) => jaren.map((y) => amount(m.code, y, k))),
        'inputEuro',
      );
    // The keys of the named input: the CBS codes right of the years, kept for the add-in but not
    // shown (`lookupKey`): the label in column A names the code already ("GM0148 Dalfsen"), on paper
    // it printed twice (#18).
    s.values(
      cellAddress(top, keyCol),
      mede.map((m) => [m.code]),
      'lookupKey',
    );
    const tot = rows.take();
    s.value(`A${tot}`, `Totaal ${k === 'ontvangen' ? 'doorbetaald' : 'besteed (H35B)'}`, 'rowHeader');
    const first = range.local().cols(0).fixRow();
    s.formula(
      `${columnLetter(c0)}${tot}:${columnLetter(keyCol - 1)}${tot}`,
      `SUM(${first})`,
      (_r, c) => iza.medeoverheden.filter((m) => m.jaar === jaren[c]).reduce((a, m) => a + m[k], 0),
      'euro',
    );
    return range;
  };
  // The block starts a printed page: its title and first header printed at the foot of the page above
  // the rows (#18); the SiSa opgave after it starts the next (index.ts).
  const title = rows.take();
  s.pageBreakBefore(title);
  s.value(
    `A${title}`,
    `${r.regels.naam}: doorbetaald aan en besteed door medeoverheden (SiSa H35B; invoer per CBS-code)`,
    'rowHeader',
  );
  const gepland = geplandRow(s, rows.take(), r, c0, plan);
  const ontvangen = block('Doorbetaald aan de medeoverheid', 'ontvangen');
  // Live: the helper blocks (one per spelling of the Uitvoerder) come below the totals; the besteed
  // block sums them. Their rows are known before they are written (n + 1 rows per block, after the
  // besteed block's n rows and its total).
  const helpers = feed ? mede.map((m) => spellings(m.code, m.naam, feed.gemeenten)) : [];
  const kinds = Math.max(0, ...helpers.map((h) => h.length));
  const prognoseJaar = feed?.prognoseJaar ?? 0;
  // The regeling's prognose flag per year (Besteding), mirrored in the first hidden row below the
  // block's total: the besteed block reads it (a short reference keeps the formula within 125).
  const telt = feed?.peiljaar !== undefined ? feed.prognose : undefined;
  const besteed = block(
    `Besteed door de medeoverheid${feed ? ` (blad ${SHEETS.realisatie})` : ''}`,
    'besteed',
    feed
      ? (range) => {
          const flagRow = range.top + n + 1;
          const start = flagRow + (telt === undefined ? 0 : 1);
          // Row of medeoverheid m in helper block h: each block is a heading and n rows.
          const at = (h: number) => start + h * (n + 1) + 1;
          const C = columnLetter(c0);
          // One filled formula: a helper row without that spelling is empty (adds 0).
          const parts = (k: number) =>
            Array.from({ length: kinds }, (_x, h) => `${C}${at(k * kinds + h)}`).join('+');
          const peil = feed.peiljaar?.abs();
          const head = range.top - 1;
          // The year's basis (the domain's besteed, per regeling): after the peiljaar what was passed
          // on; where the regeling's prognose counts (its flag) prognose + realisatie without one.
          const F = `${C}$${flagRow}`;
          const formula =
            peil === undefined || telt === undefined
              ? parts(0)
              : `IF(${C}$${head}>${peil},${C}${ontvangen.top},(1-${F})*(${parts(0)})+${F}*(${parts(1)}+${parts(2)}))`;
          s.formula(range.address(), formula, (row, c) =>
            amount(mede[row]?.code ?? '', jaren[c] ?? 0, 'besteed'),
          );
          s.format(range.local().abs(), 'euro');
        }
      : undefined,
  );
  if (feed) {
    // The helper blocks are machinery (issue #18: no rekenhulp on paper): hidden rows, shown again
    // with Excel's Unhide; the besteed block above sums them.
    const first = rows.next;
    if (telt !== undefined) {
      const k = rows.take();
      s.value(
        `A${k}`,
        `Rekenhulp: prognose telt voor ${r.regels.naam} (1: ja, blad ${SHEETS.besteding})`,
        'note',
      );
      const eigen = feed.regels.filter((x) => x.regeling === r.regels.post);
      const heeft = eigen.some((x) => x.prognose !== undefined);
      s.formula(
        `${columnLetter(c0)}${k}:${columnLetter(keyCol - 1)}${k}`,
        telt.cell().fixRow(),
        (_r, c) => (heeft && jaren[c] === prognoseJaar ? 1 : 0),
        'integer',
      );
    }
    for (const kind of feed.peiljaar === undefined ? (['real'] as const) : HELPER_KINDS)
      helperBlocks(s, rows, r, { feed, mede, helpers, kinds, c0, keyCol, kind, prognoseJaar });
    if (rows.next > first) s.hideRows(first, rows.next - 1);
  }
  rows.skip();
  return {
    live: feed !== undefined,
    ontvangenCodes: SheetRange.at(SHEETS.verantwoording, ontvangen.top, keyCol, n),
    besteedCodes: SheetRange.at(SHEETS.verantwoording, besteed.top, keyCol, n),
    ontvangen,
    besteed,
    medeoverheden: mede,
    gepland,
  };
}

/**
 * The row "Gepland door te geven" (the domain's `gepland`): per year Σ of the Regioverdeling's member
 * rows without the gemeente's own (`doorTeGevenAanLeden`, as the Begrotingstoets's row), live where
 * the sheet has the year and the domain an amount; else the domain's value (0: nothing planned).
 */
function geplandRow(
  s: SheetBuilder,
  row: number,
  r: RegelingVerantwoording,
  c0: number,
  plan: H35bPlan | undefined,
): SheetRange {
  const jaren = r.regels.jaren;
  const values = jaren.map((y) => r.iza?.jaren.find((x) => x.jaar === y)?.gepland ?? 0);
  s.value(`A${row}`, 'Gepland door te geven (blad Regioverdeling)');
  const own = plan === undefined ? -1 : plan.regio.leden.indexOf(plan.code);
  jaren.forEach((jaar, k) => {
    const at = cellAddress(row, c0 + k);
    const from = plan === undefined || own < 0 || values[k] === 0 ? -1 : plan.regio.years.indexOf(jaar);
    if (plan === undefined || from < 0) s.value(at, values[k] ?? 0);
    else {
      const c = plan.regio.range.cols(from);
      s.formula(at, `SUM(${c.fixRow()})-${c.cell(own).fixRow()}`, () => values[k] ?? 0);
    }
  });
  s.format(`${columnLetter(c0)}${row}:${columnLetter(c0 + jaren.length - 1)}${row}`, 'euro');
  return SheetRange.at(SHEETS.verantwoording, row, c0, 1, jaren.length);
}

/**
 * The helper blocks of the live besteed block: per spelling of the Uitvoerder (CBS code, name, VWS
 * name) and medeoverheid × year the SUMIFS over the Realisatie table (regeling and Uitvoerder), the
 * criterion right of the years. A medeoverheid without a third spelling has an empty row there.
 */
function helperBlocks(
  s: SheetBuilder,
  rows: RowCursor,
  r: RegelingVerantwoording,
  at: {
    readonly feed: H35bFeed;
    readonly mede: readonly { readonly code: string; readonly naam: string }[];
    readonly helpers: readonly ReturnType<typeof spellings>[];
    readonly kinds: number;
    readonly c0: number;
    readonly keyCol: number;
    readonly kind: HelperKind;
    /** The prognose year the sheet starts from (Realisatie!E4): the `zonder` block counts it. */
    readonly prognoseJaar: number;
  },
): void {
  const { feed, mede, helpers, c0, keyCol, kind } = at;
  const { table } = feed;
  const jaren = r.regels.jaren;
  const n = mede.length;
  const post = r.regels.post;
  const eigen = feed.regels.filter((x) => x.regeling === post);
  const yi = (y: EditionYear) => table.yearsAxis.indexOf(y);
  const yearCol = table.years.cols(yi(jaren[0] ?? 0)).fixRow();
  const reg = table.column('Regeling').abs();
  const uitv = table.column('Uitvoerder').abs();
  const wat = {
    real: 'besteed',
    prog: 'prognose',
    zonder: 'besteed door rijen zonder prognose',
  } as const;
  const prog = table.column(PROGNOSE_KOLOM).abs();
  for (let h = 0; h < at.kinds; h++) {
    const title = `Rekenhulp: ${wat[kind]} volgens blad ${SHEETS.realisatie}, Uitvoerder = ${KINDS[h] ?? ''}`;
    const head = rows.take();
    s.values(`A${head}`, [[title, ...jaren]], 'note');
    wrapLabels(s, head, [title], () => fontOf('note'));
    const top = rows.take(n);
    const K = columnLetter(keyCol);
    s.values(
      `A${top}`,
      mede.map((m) => [`${m.code} ${m.naam}`]),
      'note',
    );
    const sp = (i: number) => helpers[i]?.[h];
    const expected = (i: number, c: number) =>
      eigen
        .filter((x) => sp(i)?.matches(x.uitvoerder) === true)
        .filter((x) => kind !== 'zonder' || x.prognose === undefined)
        .reduce((a, x) => a + (kind === 'prog' ? (x.prognose ?? 0) : (x.lasten[yi(jaren[c] ?? 0)] ?? 0)), 0);
    const formula = (row: number) =>
      kind === 'prog'
        ? `SUMIFS(${prog},${reg},"${post}",${uitv},$${K}${row})`
        : `SUMIFS(${yearCol},${reg},"${post}",${uitv},$${K}${row}${kind === 'zonder' ? `,${prog},""` : ''})`;
    const span = (i: number, count: number) =>
      `${columnLetter(c0)}${top + i}:${columnLetter(keyCol - 1)}${top + i + count - 1}`;
    if (mede.every((_m, i) => sp(i) !== undefined)) {
      // Every medeoverheid has this spelling: one write for the criteria, one filled formula.
      s.values(
        cellAddress(top, keyCol),
        mede.map((_m, i) => [sp(i)?.criterium ?? '']),
        'note',
      );
      s.formula(span(0, n), formula(top), (row, c) => expected(row, c), 'euro');
    } else
      mede.forEach((_m, i) => {
        const x = sp(i);
        if (x === undefined) return;
        s.value(cellAddress(top + i, keyCol), x.criterium, 'note');
        s.formula(span(i, 1), formula(top + i), (_r, c) => expected(i, c), 'euro');
      });
  }
}
