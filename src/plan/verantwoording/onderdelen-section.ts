/**
 * Verantwoording, the onderdelen block of a regeling accounted per onderdeel (Brede SPUK 2023–2024):
 * the besteding per onderdeel and year (from the sheet Besteding, else input), then per such year one
 * row per onderdeel with the
 * chain of `verantwoording()` (src/domain/verantwoording): beschikking (the Begrotingstoets's plafond
 * per onderdeel), overheveling in, besteding, onbesteed = MAX(0, beschikbaar − besteding), limiet =
 * INT(beschikking × % / 100) where the rule is per onderdeel, gebruikt, overheveling uit and above
 * the limit. The regeling's rows sum these columns (regeling-section.ts).
 */
import type { EditionYear } from '../../domain';
import type { RegelingVerantwoording, VerantwoordingJaar } from '../../domain/verantwoording';
import { cellAddress, columnLetter } from '../a1';
import { SheetRange } from '../anchors';
import type { RowCursor } from '../anchors';
import { SHEETS } from '../layout';
import type { SheetBuilder } from '../sheet-builder';
import type { CellValue } from '../types';
import type { BestedingFeed } from '../realisatie';
import { flowNotes, wrapLabels } from './year-rows';

/** The columns of one per-onderdeel year block, from `first` on. */
export const ONDERDEEL_KOLOMMEN = [
  'Beschikking',
  'Overheveling in',
  'Besteding',
  'Onbesteed',
  'Limiet (€)',
  'Gebruikt volgend jaar',
  'Overheveling uit',
  'Boven de limiet',
  'Schuifruimte gedekt',
] as const;
type Kolom = (typeof ONDERDEEL_KOLOMMEN)[number];

/** Per per-onderdeel year: the column of each figure over the onderdelen rows. */
export interface OnderdelenCells {
  /** The besteding inputs: onderdelen × per-onderdeel years. */
  readonly invoer: SheetRange;
  /** True where `invoer` reads the sheet Besteding (formulas, not an input). */
  readonly live: boolean;
  /** The onderdeel numbers beside the inputs (the key of the named input). */
  readonly nrs: SheetRange;
  readonly kolom: (jaar: EditionYear, k: Kolom) => SheetRange;
  /**
   * Per per-onderdeel year: each onderdeel's besteding above its beschikking plus overheveling in
   * (≥ 0), a hidden helper right of the printed rules column: the signals count the onderdelen above
   * it, one signal each as the domain raises them (`boven-plafond` per onderdeel).
   */
  readonly overschrijding: (jaar: EditionYear) => SheetRange;
  /** The schuifruimte % counted in the terugvordering (input; `VerantwoordingRegels.schuifruimte`). */
  readonly schuifruimte: SheetRange;
}

export interface OnderdelenFrom {
  /** The plafond per onderdeel × edition year (Begrotingstoets), its line numbers. */
  readonly perLine: { readonly values: SheetRange; readonly lineNrs: readonly number[] };
  /** The years of the edition (the plafond's columns). */
  readonly years: readonly EditionYear[];
  /** The limit % input of a year (regeling block); undefined in the regeling's last year. */
  readonly pct: (jaar: EditionYear) => SheetRange | undefined;
  /** The column of a regeling year on this sheet. */
  readonly col: (jaar: EditionYear) => number;
  readonly labels: ReadonlyMap<number, string>;
  /** Per regeling id: the Realisatie sheet's besteding per onderdeel (absent: typed here). */
  readonly besteding?: ReadonlyMap<string, BestedingFeed>;
  /** The column of the rules and sources (the schuifruimte's aanname). */
  readonly ruleCol: number;
  /** Its width (characters): the aanname runs on a line per row (`flowNotes`); absent: it wraps. */
  readonly ruleWidth?: number;
}

const dash = (x: number | undefined): CellValue => (x === undefined ? 'onbekend' : x);

/** Writes the onderdelen block of `r` (which has onderdelen) and returns its anchors. */
export function onderdelenSection(
  s: SheetBuilder,
  rows: RowCursor,
  r: RegelingVerantwoording,
  from: OnderdelenFrom,
): OnderdelenCells {
  const jaren = r.regels.perOnderdeelJaren.filter((y) => r.regels.jaren.includes(y));
  const nrs = r.onderdelen.map((o) => o.nr);
  const n = nrs.length;
  const label = (nr: number): CellValue[] => [`${nr}. ${from.labels.get(nr) ?? ''}`];
  const feed = from.besteding?.get(r.regels.regeling)?.onderdelen?.cell().rel();
  // The block starts a printed page: its title, header and rows together (#18: the title and header
  // printed at the foot of a page, the rows on the next without a header). On the Verantwoording it
  // follows the regeling's signals, which end a full page; the block with its two years fills the next.
  const title = rows.take();
  s.pageBreakBefore(title);
  s.value(
    `A${title}`,
    `${r.regels.naam}: besteding per onderdeel (${jaren.join(', ')}; ${feed === undefined ? 'invoer' : `uit blad ${SHEETS.besteding}`})`,
    'rowHeader',
  );
  const head = rows.take();
  s.values(`A${head}`, [['Onderdeel', ...jaren]], 'header');
  const top = rows.take(n);
  const c0 = from.col(jaren[0] ?? 0);
  s.values(`A${top}`, nrs.map(label));
  wrapLabels(
    s,
    top,
    nrs.map((nr) => String(label(nr)[0])),
  );
  const invoer = SheetRange.at(SHEETS.verantwoording, top, c0, n, jaren.length);
  const typed = r.onderdelen.map((o) => jaren.map((y) => o.jaren.find((j) => j.jaar === y)?.besteding ?? 0));
  if (feed === undefined) s.values(invoer.cell().address(), typed, 'inputEuro');
  else s.formula(invoer.address(), feed, (i, k) => typed[i]?.[k] ?? 0, 'euro');
  // The keys of the named input: the onderdeel numbers in the column right of it, kept for the add-in
  // but not shown (`lookupKey`: on paper they printed 1…15 beside the amounts, the number twice, #18).
  const keyCol = c0 + jaren.length;
  s.values(
    cellAddress(top, keyCol),
    nrs.map((nr) => [nr]),
    'lookupKey',
  );
  rows.skip();
  // The schuifruimte: a labelled input (default 0: not counted), its aanname and source beside it, a
  // line per row in the rules column beside the first year's block (wrapped in its own row, the row
  // was eight lines high and pushed the last year's rows onto the next page, #18).
  const sRow = rows.take();
  const sLabel = 'Schuifruimte verrekend (%; invoer)';
  s.value(`A${sRow}`, sLabel, 'rowHeader');
  wrapLabels(s, sRow, [sLabel]);
  const schuifruimte = SheetRange.at(SHEETS.verantwoording, sRow, from.col(jaren[0] ?? 0));
  s.value(schuifruimte.address(), r.regels.schuifruimte.waarde, 'input');
  const note = `${r.regels.schuifruimte.bron} 0: niet verrekend; anders dekt de schuifruimte de overschrijding van een onderdeel tot dit % van zijn beschikking met wat de andere onderdelen terugbetalen (terugvordering per jaar, ${jaren.join(' en ')}).`;
  // Free in the rules column: this row, the blank row and the first year's block (title, header, rows).
  const free = 2 + (n + 2);
  const lines =
    from.ruleWidth === undefined
      ? new Map([[sRow, note]])
      : flowNotes(
          new Map([
            [sRow, note],
            [sRow + free, ''],
          ]),
          from.ruleWidth,
        );
  lines.delete(sRow + free);
  for (const [row, text] of lines) s.value(cellAddress(row, from.ruleCol), text, 'note');
  rows.skip();
  const blocks = new Map<EditionYear, number>();
  jaren.forEach((jaar, k) => {
    s.value(`A${rows.take()}`, `${r.regels.naam} ${jaar}, per onderdeel`, 'rowHeader');
    s.values(`A${rows.take()}`, [['Onderdeel', ...ONDERDEEL_KOLOMMEN]], 'header');
    const first = rows.take(n);
    blocks.set(jaar, first);
    s.values(`A${first}`, nrs.map(label));
    wrapLabels(
      s,
      first,
      nrs.map((nr) => String(label(nr)[0])),
    );
    yearBlock(s, r, { jaar, k, first, jaren, nrs, invoer, from, schuifruimte });
    rows.skip();
  });
  const kolom = (jaar: EditionYear, k: Kolom): SheetRange =>
    SheetRange.at(SHEETS.verantwoording, blocks.get(jaar) ?? 0, 2 + ONDERDEEL_KOLOMMEN.indexOf(k), n);
  return {
    invoer,
    live: feed !== undefined,
    nrs: SheetRange.at(SHEETS.verantwoording, top, keyCol, n),
    kolom,
    overschrijding: (jaar) =>
      SheetRange.at(SHEETS.verantwoording, blocks.get(jaar) ?? 0, from.ruleCol + 1, n),
    schuifruimte,
  };
}

/** One per-onderdeel year: the nine figures over the onderdelen rows (columns B..J). */
function yearBlock(
  s: SheetBuilder,
  r: RegelingVerantwoording,
  at: {
    readonly jaar: EditionYear;
    readonly k: number;
    readonly first: number;
    readonly jaren: readonly EditionYear[];
    readonly nrs: readonly number[];
    readonly invoer: SheetRange;
    readonly from: OnderdelenFrom;
    readonly schuifruimte: SheetRange;
  },
): void {
  const { jaar, k, first, jaren, nrs, invoer, from } = at;
  const n = nrs.length;
  const col = (name: Kolom) => 2 + ONDERDEEL_KOLOMMEN.indexOf(name);
  const L = (name: Kolom) => columnLetter(col(name));
  const range = (name: Kolom) => `${L(name)}${first}:${L(name)}${first + n - 1}`;
  const ref = (name: Kolom) => `${L(name)}${first}`;
  const exp = (f: (j: VerantwoordingJaar) => CellValue) => (row: number) => {
    const j = r.onderdelen[row]?.jaren.find((x) => x.jaar === jaar);
    return j === undefined ? 0 : f(j);
  };
  const last = jaar === r.regels.eindjaar || jaar === r.regels.jaren[r.regels.jaren.length - 1];
  const rule = last ? undefined : r.regels.overheveling(jaar);
  const next = r.regels.jaren[r.regels.jaren.indexOf(jaar) + 1];
  const nextO = next === undefined ? -1 : jaren.indexOf(next);
  // One number format over the block (not one per column).
  s.format(`B${first}:${L('Schuifruimte gedekt')}${first + n - 1}`, 'euro');
  // Beschikking: the Begrotingstoets's plafond of the onderdeel (its row by line number).
  const yi = from.years.indexOf(jaar);
  const line0 = from.perLine.lineNrs.indexOf(nrs[0] ?? 0);
  // The onderdelen's plafond rows are consecutive (as here): one block; otherwise one per onderdeel.
  if (nrs.every((nr, i) => from.perLine.lineNrs.indexOf(nr) === line0 + i))
    s.formula(
      range('Beschikking'),
      from.perLine.values.cell(line0, yi).rel(),
      exp((j) => j.beschikking),
    );
  else
    nrs.forEach((nr, i) => {
      const line = from.perLine.lineNrs.indexOf(nr);
      s.formula(cellAddress(first + i, col('Beschikking')), from.perLine.values.cell(line, yi).rel(), () =>
        exp((j) => j.beschikking)(i),
      );
    });
  const prev = k === 0 ? undefined : jaren[k - 1];
  if (prev === undefined)
    s.values(
      ref('Overheveling in'),
      nrs.map(() => [0]),
    );
  else
    s.formula(
      range('Overheveling in'),
      `${L('Overheveling uit')}${first - (n + 3)}`,
      exp((j) => j.overhevelingIn),
    );
  s.formula(
    range('Besteding'),
    invoer.local().cell(0, k).rel(),
    exp((j) => j.besteding),
  );
  s.formula(
    range('Onbesteed'),
    `MAX(0,${ref('Beschikking')}+${ref('Overheveling in')}-${ref('Besteding')})`,
    exp((j) => j.onbesteed),
  );
  const pct = from.pct(jaar)?.local().abs();
  if (last)
    s.values(
      ref('Limiet (€)'),
      nrs.map(() => [0]),
    );
  else if (rule?.per === 'onderdeel' && pct !== undefined)
    s.formula(
      range('Limiet (€)'),
      `IF(ISNUMBER(${pct}),INT(MAX(0,${ref('Beschikking')})*${pct}/100),"onbekend")`,
      exp((j) => dash(j.limiet)),
    );
  else
    s.values(
      ref('Limiet (€)'),
      nrs.map(() => [rule === undefined ? 'geen regel' : 'per regeling']),
      'note',
    );
  // Gebruikt: what the next per-onderdeel year needed above its beschikking (0 without one).
  if (nextO < 0)
    s.values(
      ref('Gebruikt volgend jaar'),
      nrs.map(() => [0]),
    );
  else {
    const nb = `${L('Beschikking')}${first + n + 3}`;
    const nx = invoer.local().cell(0, nextO).rel();
    s.formula(
      range('Gebruikt volgend jaar'),
      `MIN(${ref('Onbesteed')},MAX(0,${nx}-${nb}))`,
      exp((j) => j.gebruikt),
    );
  }
  const lim = ref('Limiet (€)');
  s.formula(
    range('Overheveling uit'),
    `IF(ISNUMBER(${lim}),MIN(${ref('Onbesteed')},${lim}),${ref('Gebruikt volgend jaar')})`,
    exp((j) => j.overhevelingUit),
  );
  s.formula(
    range('Boven de limiet'),
    `IF(ISNUMBER(${lim}),MAX(0,${ref('Gebruikt volgend jaar')}-${ref('Overheveling uit')}),0)`,
    exp((j) => j.overhevelingTeveel),
  );
  // The onderdeel's overschrijding (the domain's, ≥ 0), hidden right of the print area: the signals
  // count the onderdelen above their beschikking from it.
  const over = columnLetter(from.ruleCol + 1);
  s.formula(
    `${over}${first}:${over}${first + n - 1}`,
    `MAX(0,${ref('Besteding')}-${ref('Beschikking')}-${ref('Overheveling in')})`,
    exp((j) => j.overschrijding),
    'lookupKey',
  );
  // The overschrijding the schuifruimte covers: up to its % of the onderdeel's beschikking.
  s.formula(
    range('Schuifruimte gedekt'),
    `MIN(MAX(0,${ref('Besteding')}-${ref('Beschikking')}-${ref('Overheveling in')}),INT(MAX(0,${ref('Beschikking')})*${at.schuifruimte.local().abs()}/100))`,
    exp((j) => j.schuifruimteGedekt),
  );
}
