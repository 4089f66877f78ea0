/**
 * Begrotingstoets, section "dekking per taakveld": per regeling × year, the money received covers
 * the lasten per taakveld, never more (the domain's `TaakveldDekking`, BBV art. 19). Per regeling one
 * block, one row per taakveld (TAAKVELDEN, then "overige"): the lasten (SUMIFS over the Begroting
 * table; a row with an empty Taakveld on its default taakveld, `zonderTaakveldRows`), their weight max(0, lasten), the covered amount min(Σ weights, max(0, plafond after
 * carry-over)) and its largest-remainder split over the taakvelden (`RemainderSteps`), so the baten
 * add back to the covered amount to the euro. The Samenvatting shows the baten per taakveld (Σ over
 * the blocks) and the lasten not covered (eigen middelen).
 */
import type { BegrotingRegeling, TaakveldDekking } from '../../domain';
import { BEGROTING_CAPACITEIT, BEGROTING_REGELINGEN, TAAKVELDEN } from '../../domain';
import { REMAINDER_FORMULAS, RemainderSteps } from '../largest-remainder';
import type { SheetRange } from '../anchors';
import { defaultTaakveldRuns } from './samenvatting-mutaties';
import type { LastenCells } from './toets-lasten';
import type { ToetsSection } from './toets-section';
import { sectionTitle, yearsAt } from './toets-section';

const BREDE: BegrotingRegeling = 'Brede SPUK';

/** The taakvelden of the blocks: TAAKVELDEN's codes, then "overig". */
const CODES: readonly string[] = [...TAAKVELDEN.map((t) => t.code), 'overig'];

/** What the section exposes, per regeling (BEGROTING_REGELINGEN order). */
export interface DekkingCells {
  /** Per regeling: the baten per taakveld (rows, CODES order) × year. */
  readonly baten: readonly SheetRange[];
  /** Per regeling: Σ weights − covered per year (the lasten not covered by the money received). */
  readonly nietGedekt: readonly SheetRange[];
}

/** The section: one block per regeling. */
export function dekkingSection(v: ToetsSection, lasten: LastenCells): DekkingCells {
  v.rows.skip();
  sectionTitle(v, 'Dekking per taakveld: de ontvangen uitkering dekt de lasten, nooit meer (BBV art. 19)');
  v.s.value(
    `B${v.rows.take()}`,
    `Per regeling: gedekt = min(lasten, plafond na overheveling${v.t.rol === 'lid' ? ' + ontvangen van de mandaatgemeente' : ''}), naar rato van de lasten per taakveld verdeeld (grootste rest). De rest betaalt de gemeente uit eigen middelen.`,
    'note',
  );
  const blocks = BEGROTING_REGELINGEN.map((reg, i) =>
    regelingBlock(v, reg, lasten.plafondNa.rows(i), lasten.vanMandaat.rows(i)),
  );
  return { baten: blocks.map((b) => b.baten), nietGedekt: blocks.map((b) => b.nietGedekt) };
}

/** One regeling's block; `plafondNa` is its row of the plafond after carry-over. */
function regelingBlock(
  v: ToetsSection,
  reg: BegrotingRegeling,
  plafondNa: SheetRange,
  vanMandaat: SheetRange,
): { baten: SheetRange; nietGedekt: SheetRange } {
  const { s, rows, t } = v;
  const d = (c: number): TaakveldDekking | undefined => t.dekking[reg][c];
  const n = CODES.length;
  const head = rows.take();

  // The labels of the block's rows (column A the taakveld code, B the text), written in one go at the end.
  const labels = new Map<number, [string | null, string]>();
  const label = (range: SheetRange, text: string): void => {
    CODES.forEach((code, k) =>
      labels.set(range.top + k, [code, `${text} ${code === 'overig' ? 'overige taakvelden' : code}`]),
    );
  };
  // Lasten per taakveld; "overig": the regeling's lasten minus the named taakvelden above it.
  const last = yearsAt(v, rows.take(n), n);
  label(last, 'Lasten');
  const table = v.table;
  const yearsCol = table.years.cols(0).fixRow();
  const regCrit = `${table.column('Regeling').abs()},$B$${head}`;
  const leegTop = rows.next;
  const leeg = zonderTaakveldRows(v, reg, { head, labels });
  s.formula(
    last.rows(0, n - 1).address(),
    `SUMIFS(${yearsCol},${regCrit},${table.column('Taakveld').abs()},$A${last.top})+${leeg.local().cell().rel()}`,
    (r, c) => d(c)?.lasten[r] ?? 0,
    'euro',
  );
  const top = last.local().cell(0, 0);
  s.formula(
    last.rows(n - 1).address(),
    `SUMIFS(${yearsCol},${regCrit})-SUM(${top.fixRow()}:${last
      .local()
      .cell(n - 2, 0)
      .rel()})`,
    (_r, c) => d(c)?.lasten[n - 1] ?? 0,
    'euro',
  );
  const w = yearsAt(v, rows.take(n), n);
  label(w, 'Gewicht (niet negatief)');
  s.formula(w.address(), `MAX(0,${top.rel()})`, (r, c) => d(c)?.gewichten[r] ?? 0, 'euro');
  const wSum = `SUM(${w.local().cols(0).fixRow()})`;
  const total = yearsAt(v, rows.take(), 1);
  // W, at least 1: without lasten nothing is covered and every split amount is 0.
  labels.set(total.top, [null, 'Som van de gewichten (minstens 1)']);
  s.formula(total.address(), `MAX(1,${wSum})`, (_r, c) => Math.max(1, d(c)?.totaal ?? 0), 'euro');
  // The rows without a taakveld, the weights (the lasten, not below 0) and their sum hidden with the
  // rounding steps (#18: the split printed over pages); the lasten above them are what the reader checks.
  s.hideRows(leegTop, total.bottom);
  const gedekt = yearsAt(v, rows.take(), 1);
  // What the plafond is added to only for a member gemeente (#18: the text fits the gemeente).
  s.value(
    `B${gedekt.top}`,
    t.rol === 'lid'
      ? 'Gedekt: min(lasten, plafond na overheveling + ontvangen van de mandaatgemeente)'
      : 'Gedekt: min(lasten, plafond na overheveling)',
    'rowHeader',
  );
  s.formula(
    gedekt.address(),
    `MIN(${wSum},MAX(0,${plafondNa.local().cell(0, 0).fixRow()}+${vanMandaat.local().cell(0, 0).fixRow()}))`,
    (_r, c) => d(c)?.gedekt ?? 0,
    'euro',
  );
  const niet = yearsAt(v, rows.take(), 1);
  labels.set(niet.top, [null, 'Niet gedekt door de uitkering (eigen middelen)']);
  s.formula(
    niet.address(),
    `${wSum}-${gedekt.local().cell().rel()}`,
    (_r, c) => (d(c)?.totaal ?? 0) - (d(c)?.gedekt ?? 0),
    'euro',
  );
  const baten = splitRows(v, { reg, w, total, gedekt, label, labels });
  labels.set(head, [null, reg]);
  s.values(
    `A${head}`,
    Array.from({ length: baten.bottom - head + 1 }, (_, k) => labels.get(head + k) ?? [null, null]),
  );
  rows.skip();
  return { baten, nietGedekt: niet };
}

/**
 * The lasten of the regeling's rows with an empty Taakveld cell on their default taakveld (the domain's
 * `taakveldVan`: `defaultTaakveld` of regeling and onderdeel, as the Samenvatting's mutaties read them;
 * #18), in hidden rows under the block's lasten. Returns the rows per named taakveld (CODES without
 * "overig", same order), which the lasten rows add to their SUMIFS of the typed taakveld:
 * - all rows without a taakveld (SUMIFS with the criterion "": an empty cell);
 * - the Brede SPUK: per run of onderdelen with one default (`defaultTaakveldRuns`, from onderdeel
 *   `vanaf` in column C on) the rows with at least that onderdeel, and per run the difference with the
 *   next (the last run: every onderdeel from its `vanaf` on, as the Samenvatting's MATCH(…,1));
 * - the rest (another regeling, or no onderdeel): the default `anders`;
 * - per taakveld: SUMIF over those rows by their taakveld (column A).
 * Every default is a named taakveld (checked: else "overig" would hold them twice).
 */
function zonderTaakveldRows(
  v: ToetsSection,
  reg: BegrotingRegeling,
  at: { readonly head: number; readonly labels: Map<number, [string | null, string]> },
): SheetRange {
  const { s, rows } = v;
  const { runs: allRuns, anders } = defaultTaakveldRuns(v.regels.onderdelen);
  const runs = reg === BREDE ? allRuns : [];
  const named = CODES.slice(0, -1);
  for (const tv of [anders, ...runs.map((r) => r.taakveld)])
    if (!named.includes(tv)) throw new Error(`Default taakveld ${tv} is no named taakveld of the dekking`);
  const table = v.table;
  const sumifs = `SUMIFS(${table.years.cols(0).fixRow()},${table.column('Regeling').abs()},$B$${at.head},${table.column('Taakveld').abs()},""`;
  // Expected values: the regeling's rows without taakveld, per year, by onderdeel.
  const leeg = v.invoer.regels
    .slice(0, BEGROTING_CAPACITEIT)
    .filter((r) => r.regeling === reg && r.taakveld === '');
  const sumOf = (pred: (ond: number | undefined) => boolean, c: number): number =>
    leeg.reduce((a, r) => (pred(r.onderdeel) ? a + (r.lasten[c] ?? 0) : a), 0);
  const from = (vanaf: number) => (ond: number | undefined) => ond !== undefined && ond >= vanaf;
  // A run j: onderdeel from its `vanaf` up to the next run's; the rest: no onderdeel or below the first.
  const run = (j: number, c: number): number =>
    sumOf(from(runs[j]?.vanaf ?? 0), c) - (j + 1 < runs.length ? sumOf(from(runs[j + 1]?.vanaf ?? 0), c) : 0);
  const rest = (c: number): number =>
    sumOf(() => true, c) - (runs.length > 0 ? sumOf(from(runs[0]?.vanaf ?? 0), c) : 0);

  const all = yearsAt(v, rows.take());
  s.formula(all.address(), `${sumifs})`, (_r, c) => sumOf(() => true, c), 'euro');
  let targets = all;
  if (runs.length === 0) at.labels.set(all.top, [anders, `Zonder taakveld, naar ${anders}`]);
  else {
    at.labels.set(all.top, [null, 'Zonder taakveld']);
    const cum = yearsAt(v, rows.take(runs.length), runs.length);
    runs.forEach((r, j) => at.labels.set(cum.top + j, [null, 'Zonder taakveld, vanaf onderdeel']));
    s.values(
      `C${cum.top}`,
      runs.map((r) => [r.vanaf]),
    );
    s.formula(
      cum.address(),
      `${sumifs},${table.column('Onderdeel').abs()},">="&$C${cum.top})`,
      (j, c) => sumOf(from(runs[j]?.vanaf ?? 0), c),
      'euro',
    );
    targets = yearsAt(v, rows.take(runs.length + 1), runs.length + 1);
    runs.forEach((r, j) =>
      at.labels.set(targets.top + j, [
        r.taakveld,
        `Zonder taakveld, onderdeel ${r.vanaf} en verder, naar ${r.taakveld}`,
      ]),
    );
    const c0 = cum.local().cell();
    if (runs.length > 1)
      s.formula(
        targets.rows(0, runs.length - 1).address(),
        `${c0.rel()}-${cum.local().cell(1, 0).rel()}`,
        (j, c) => run(j, c),
        'euro',
      );
    s.formula(
      targets.rows(runs.length - 1).address(),
      cum
        .local()
        .cell(runs.length - 1, 0)
        .rel(),
      (_r, c) => run(runs.length - 1, c),
      'euro',
    );
    const other = targets.rows(runs.length);
    at.labels.set(other.top, [anders, `Zonder taakveld, ander of geen onderdeel, naar ${anders}`]);
    s.formula(other.address(), `${all.local().cell().rel()}-${c0.fixRow()}`, (_r, c) => rest(c), 'euro');
  }
  const perCode = yearsAt(v, rows.take(named.length), named.length);
  named.forEach((code, k) => at.labels.set(perCode.top + k, [code, `Zonder taakveld, op ${code}`]));
  const tA = `$A$${targets.top}:$A$${targets.bottom}`;
  const tv = (code: string, c: number): number =>
    runs.reduce((a, r, j) => (r.taakveld === code ? a + run(j, c) : a), 0) + (code === anders ? rest(c) : 0);
  s.formula(
    perCode.address(),
    `SUMIF(${tA},$A${perCode.top},${targets.local().cols(0).fixRow()})`,
    (k, c) => tv(named[k] ?? '', c),
    'euro',
  );
  return perCode;
}

/** The largest-remainder split of the covered amount over the taakvelden; returns the baten rows. */
function splitRows(
  v: ToetsSection,
  at: {
    readonly reg: BegrotingRegeling;
    readonly w: SheetRange;
    readonly total: SheetRange;
    readonly gedekt: SheetRange;
    readonly label: (range: SheetRange, text: string) => void;
    readonly labels: Map<number, [string | null, string]>;
  },
): SheetRange {
  const { s, rows, t } = v;
  const n = CODES.length;
  const rests = yearsAt(v, rows.take(n), n);
  at.label(rests, 'Rest');
  const steps = yearsAt(v, rows.take(3), 3);
  ['Euro’s over na afronden (d)', 'Drempel (t)', 'Boven de drempel (g)'].forEach((x, k) =>
    at.labels.set(steps.top + k, [null, x]),
  );
  const corr = yearsAt(v, rows.take(n), n);
  at.label(corr, 'Correctie');
  const baten = yearsAt(v, rows.take(n), n);
  at.label(baten, 'Baat');
  const N = at.gedekt.local().cell().fixRow();
  const W = at.total.local().cell().fixRow();
  const w = at.w.local().cell().rel();
  new RemainderSteps(
    s,
    {
      members: 'rows',
      rests,
      corrections: corr,
      handedOut: steps.rows(0),
      threshold: steps.rows(1),
      above: steps.rows(2),
    },
    (c) =>
      t.dekking[at.reg][c]?.split ?? { rests: [], corrections: [], handedOut: 0, threshold: 0, above: 0 },
  )
    .rests(N, w, W)
    .handedOut(W)
    .threshold()
    .above()
    .corrections();
  // The steps (rests, d, t, g, corrections) hidden: the reader sees what is covered and the baten (#18).
  s.hideRows(rests.top, corr.bottom);
  s.formula(
    baten.address(),
    REMAINDER_FORMULAS.amount(N, w, rests.local().cell().rel(), W, corr.local().cell().rel()),
    (r, c) => t.dekking[at.reg][c]?.split.amounts[r] ?? 0,
    'euro',
  );
  return baten;
}
