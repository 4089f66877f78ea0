/**
 * Verantwoording, SPUK IZA of a mandaatgemeente: per medeoverheid (CBS code and name) and year what
 * the mandaatgemeente passed on and what the medeoverheid spent (SiSa H35B; inputs, kept on refresh by
 * code), with their totals. The regeling's besteding is the mandaatgemeente's own besteding (the
 * input row, H35) plus what the medeoverheden spent; the SiSa lines read these cells
 * (`verantwoording()`: `IzaSisa`, src/domain/verantwoording).
 */
import type { EditionYear } from '../../domain';
import type { RegelingVerantwoording } from '../../domain/verantwoording';
import { cellAddress, columnLetter } from '../a1';
import { SheetRange } from '../anchors';
import type { RowCursor } from '../anchors';
import { SHEETS } from '../layout';
import type { SheetBuilder } from '../sheet-builder';

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
}

/** Writes the H35B block where the regeling is a mandaatgemeente's SPUK IZA with medeoverheden. */
export function h35bSection(
  s: SheetBuilder,
  rows: RowCursor,
  r: RegelingVerantwoording,
  col: (jaar: EditionYear) => number,
): H35bCells | undefined {
  const iza = r.iza;
  if (iza?.rol !== 'mandaatgemeente' || iza.medeoverheden.length === 0) return undefined;
  const jaren = r.regels.jaren;
  const mede = [...new Map(iza.medeoverheden.map((m) => [m.code, { code: m.code, naam: m.naam }])).values()];
  const n = mede.length;
  const c0 = col(jaren[0] ?? 0);
  const keyCol = c0 + jaren.length;
  const amount = (code: string, jaar: EditionYear, k: 'ontvangen' | 'besteed') =>
    iza.medeoverheden.find((m) => m.code === code && m.jaar === jaar)?.[k] ?? 0;
  const block = (title: string, k: 'ontvangen' | 'besteed'): SheetRange => {
    s.values(`A${rows.take()}`, [[title, ...jaren]], 'rowHeader');
    const top = rows.take(n);
    s.values(
      `A${top}`,
      mede.map((m) => [`${m.code} ${m.naam}`]),
    );
    const range = SheetRange.at(SHEETS.verantwoording, top, c0, n, jaren.length);
    s.values(
      range.cell().address(),
      mede.map((m) => jaren.map((y) => amount(m.code, y, k))),
      'inputEuro',
    );
    // The keys of the named input: the CBS codes right of the years.
    s.values(
      cellAddress(top, keyCol),
      mede.map((m) => [m.code]),
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
  s.value(
    `A${rows.take()}`,
    `${r.regels.naam}: doorbetaald aan en besteed door medeoverheden (SiSa H35B; invoer per CBS-code)`,
    'rowHeader',
  );
  const ontvangen = block('Doorbetaald aan de medeoverheid', 'ontvangen');
  const besteed = block('Besteed door de medeoverheid', 'besteed');
  rows.skip();
  return {
    ontvangenCodes: SheetRange.at(SHEETS.verantwoording, ontvangen.top, keyCol, n),
    besteedCodes: SheetRange.at(SHEETS.verantwoording, besteed.top, keyCol, n),
    ontvangen,
    besteed,
    medeoverheden: mede,
  };
}
