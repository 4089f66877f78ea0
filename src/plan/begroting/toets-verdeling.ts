/**
 * Begrotingstoets, the spread of a Brede SPUK total of the beschikking over the onderdelen (the
 * domain's `totaalVerdeling`): an onderdeel with its own beschikking amount keeps it; the rest of
 * the total is spread over the others pro rata the edition's amounts for the gemeente on Overzicht,
 * rounded by the largest-remainder rule (one block of steps, `largest-remainder.ts`: members are the
 * onderdelen in rows, one split per year). Below the onderdelen entered (or nothing to weigh) nothing
 * is spread: the toets shows the difference and counts a signal (`beschikking-totaal`).
 */
import type { TotaalVerdeling } from '../../domain';
import { SheetRange } from '../anchors';
import { REMAINDER_FORMULAS, RemainderSteps } from '../largest-remainder';
import { SHEETS } from '../layout';
import type { BeschikkingCells } from './beschikking-sheet';
import { onderdeelKey } from './keys';
import type { ToetsSection } from './toets-section';
import { sectionTitle, yearsAt } from './toets-section';

/** What the spread exposes to the per-line section. */
export interface VerdelingCells {
  /** Per year: 1 where the total is spread over the onderdelen. */
  readonly verdeeld: SheetRange;
  /** Per onderdeel (rows, `regels.onderdelen` order) × year: its share of the total (0 when not spread). */
  readonly amounts: SheetRange;
}

/** The sentence the sheets state the choice with. */
export const VERDELING_UITLEG =
  'Een totaal wordt naar rato van de editie over de onderdelen verdeeld, afronding volgens de grootste-restmethode; een onderdeel met een eigen bedrag houdt dat. Is het totaal lager dan de ingevulde onderdelen, dan wordt niets verdeeld (signaal).';

/**
 * The spread's rows: the onderdelen entered, the weights (the edition's amount of an onderdeel without
 * its own amount, never below 0), Σ weights, whether it is spread, the rest to spread, then the
 * rounding steps and each onderdeel's share. `editie` is the per-line block of the edition's amounts
 * (its first rows are the onderdelen, in the same order).
 */
export function verdelingSection(
  v: ToetsSection,
  editie: SheetRange,
  beschikking: BeschikkingCells,
): VerdelingCells {
  const { s, rows, ctx } = v;
  const nrs = v.regels.onderdelen;
  const n = nrs.length;
  const verdeling: readonly TotaalVerdeling[] = ctx.scenario.verdeling;
  const at = (c: number): TotaalVerdeling | undefined => verdeling[c];
  rows.skip();
  sectionTitle(v, 'Totaal van de Brede SPUK (beschikking) verdeeld over de onderdelen');
  s.value(`B${rows.take()}`, VERDELING_UITLEG, 'note');
  // Where the hidden steps are: traceable in the werkmap, not on paper.
  const waar = rows.take();
  const applies = beschikking.applies.abs();
  const bs = beschikking.row('BS').cell().fixRow();
  const first = beschikking.row(onderdeelKey(nrs[0] ?? 1));
  const own = first.cell().through(beschikking.row(onderdeelKey(nrs[n - 1] ?? 1)).top);
  const label = (r: number, text: string) => s.value(`B${r}`, text);
  // Weights: the edition's amount where the onderdeel has no beschikking amount of its own.
  const weights = yearsAt(v, rows.take(n), n);
  s.values(
    `A${weights.top}`,
    nrs.map((nr) => [nr, 'gewicht (editie, zonder eigen bedrag)']),
  );
  s.formula(
    weights.address(),
    `(1-${applies}*ISNUMBER(${first.cell().rel()}))*MAX(0,${editie.local().cell().rel()})`,
    (r, c) => at(c)?.gewichten[r] ?? 0,
    'euro',
  );
  const ingevuld = yearsAt(v, rows.take());
  label(ingevuld.top, 'Onderdelen met een eigen bedrag (som)');
  s.formula(ingevuld.address(), `${applies}*SUM(${own.fixRow()})`, (_r, c) => at(c)?.ingevuld ?? 0, 'euro');
  const w = weights.local();
  const total = yearsAt(v, rows.take());
  label(total.top, 'Som van de gewichten (noemer, minstens 1)');
  const sum = `SUM(${w.cols(0).fixRow()})`;
  s.formula(
    total.address(),
    `MAX(1,${sum})`,
    (_r, c) =>
      Math.max(
        1,
        (at(c)?.gewichten ?? []).reduce((a, b) => a + b, 0),
      ),
    'integer',
  );
  const verdeeld = yearsAt(v, rows.take());
  label(verdeeld.top, 'Verdeeld (1 = ja: totaal ingevuld, niet lager dan de onderdelen)');
  const ing = ingevuld.local().cell().fixRow();
  s.formula(
    verdeeld.address(),
    `${applies}*ISNUMBER(${bs})*(N(${bs})>=${ing})*(${sum}>0)`,
    (_r, c) => (at(c)?.verdeeld ? 1 : 0),
    'integer',
  );
  // The weights and their sum hidden as the rounding steps below are (#18: the split printed over
  // pages); they stay in the sheet, the shares' formulas read them, and show again with "Zichtbaar maken".
  // So is the 0/1 flag "Verdeeld" (machinery: the rows "Bron" say "beschikking" where it is 1).
  s.hideRows(weights.top, weights.bottom).hideRows(total.top, verdeeld.top);
  const rest = yearsAt(v, rows.take());
  label(rest.top, 'Te verdelen (totaal min de onderdelen met een eigen bedrag)');
  s.formula(
    rest.address(),
    `IF(${verdeeld.local().cell().fixRow()}=1,N(${bs})-${ing},0)`,
    (_r, c) => at(c)?.teVerdelen ?? 0,
    'euro',
  );
  const cells = stepsSection(v, { weights, total, verdeeld, rest, at, n });
  s.value(
    `B${waar}`,
    'Gewichten en afrondingsstappen staan in verborgen rijen direct boven dit blok; maak ze zichtbaar om na te rekenen.',
    'note',
  );
  return cells;
}

/** The largest-remainder steps of the spread and each onderdeel's share (floor + correction). */
function stepsSection(
  v: ToetsSection,
  b: {
    readonly weights: SheetRange;
    readonly total: SheetRange;
    readonly verdeeld: SheetRange;
    readonly rest: SheetRange;
    readonly at: (c: number) => TotaalVerdeling | undefined;
    readonly n: number;
  },
): VerdelingCells {
  const { s, rows } = v;
  const { n, at } = b;
  const rests = yearsAt(v, rows.take(n), n);
  const steps = yearsAt(v, rows.take(3), 3);
  const corrections = yearsAt(v, rows.take(n), n);
  const amounts = yearsAt(v, rows.take(n), n);
  s.values(
    `B${rests.top}`,
    Array.from({ length: n }, () => ['rest (N·w mod W)']),
    'note',
  );
  s.values(
    `B${steps.top}`,
    [['d: over te verdelen euro’s'], ['t: drempelrest'], ['g: rests boven t']],
    'note',
  );
  s.values(
    `B${corrections.top}`,
    Array.from({ length: n }, () => ['correctie (0/1)']),
    'note',
  );
  s.values(
    `A${amounts.top}`,
    v.regels.onderdelen.map((nr) => [nr, 'aandeel in het totaal']),
  );
  const split = (c: number) =>
    at(c)?.split ?? { rests: [], corrections: [], handedOut: 0, threshold: 0, above: 0 };
  const N = b.rest.local().cell().fixRow();
  const W = b.total.local().cell().fixRow();
  const wRel = b.weights.local().cell().rel();
  new RemainderSteps(
    s,
    {
      members: 'rows',
      rests,
      corrections,
      handedOut: steps.rows(0),
      threshold: steps.rows(1),
      above: steps.rows(2),
    },
    split,
  )
    .rests(N, wRel, W)
    .handedOut(W)
    .threshold()
    .above()
    .corrections();
  // The steps (rests, d, t, g, corrections) hidden: the reader sees the spread and each share (#18).
  s.hideRows(rests.top, corrections.bottom);
  const restRel = rests.local().cell().rel();
  s.formula(
    amounts.address(),
    REMAINDER_FORMULAS.amount(N, wRel, restRel, W, corrections.local().cell().rel()),
    (r, c) => at(c)?.split.amounts[r] ?? 0,
    'euro',
  );
  return {
    verdeeld: b.verdeeld,
    amounts: SheetRange.at(SHEETS.toets, amounts.top, amounts.left, n, amounts.right - amounts.left + 1),
  };
}
