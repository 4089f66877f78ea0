/**
 * Verantwoording, the BBV consequence of one regeling: the art. 52a verloop of the voorschot per year
 * as live formulas on the regeling block (saldo 1 januari = vooruit ontvangen, ontvangen, vrijgevallen
 * voor de besteding, saldo 31 december, besteed boven het voorschot, and the terugbetalingsverplichting
 * at the end of the regeling). Every rule and its source: `BbvJaar` in src/domain/verantwoording.
 */
import type { RegelingVerantwoording } from '../../domain/verantwoording';
import { columnLetter } from '../a1';
import type { SheetBuilder } from '../sheet-builder';
import { yearRows } from './year-rows';
import type { CellValue } from '../types';

/** The rows of the block, in order: id and label. */
export const BBV_ROWS = [
  ['begin', 'Saldo 1 januari (vooruit ontvangen)'],
  ['ontvangen', 'Ontvangen voorschot (= beschikking; aanname)'],
  ['vrij', 'Vrijgevallen voor de besteding'],
  ['eind', 'Saldo 31 december (overlopende passiva)'],
  ['eigen', 'Besteed boven het voorschot (last gemeente)'],
  ['terug', 'Terugbetalingsverplichting (einde regeling)'],
] as const;
type BbvId = (typeof BBV_ROWS)[number][0];

/** The regeling block's rows the verloop reads. */
export interface BbvFrom {
  /** The row of the beschikking and of the besteding in the regeling block. */
  readonly besch: number;
  readonly best: number;
  readonly firstCol: number;
  /** The rule texts beside the rows (row → text), written as one column by the regeling block. */
  readonly notes: Map<number, string>;
}

/** Writes the block at `top` (a header row, then BBV_ROWS) over the regeling's year columns. */
export function bbvSection(s: SheetBuilder, top: number, r: RegelingVerantwoording, from: BbvFrom): void {
  const n = r.jaren.length;
  const B = columnLetter(from.firstCol);
  const C2 = columnLetter(from.firstCol + 1);
  const L = columnLetter(from.firstCol + n - 1);
  const row = yearRows(
    s,
    top,
    { title: 'BBV art. 52a: verloop voorschot', style: 'rowHeader', jaren: r.regels.jaren },
    BBV_ROWS,
  );
  const all = (id: BbvId) => `${B}${row(id)}:${L}${row(id)}`;
  const exp = (f: (k: number) => CellValue) => (_r: number, c: number) => f(c);
  const bbv = r.bbv;
  s.value(`${B}${row('begin')}`, 0);
  if (n > 1)
    s.formula(
      `${C2}${row('begin')}:${L}${row('begin')}`,
      `${B}${row('eind')}`,
      exp((c) => bbv[c + 1]?.saldoBegin ?? 0),
    );
  s.formula(
    all('ontvangen'),
    `${B}${from.besch}`,
    exp((c) => bbv[c]?.ontvangen ?? 0),
  );
  s.formula(
    all('vrij'),
    `MIN(${B}${from.best},${B}${row('begin')}+${B}${row('ontvangen')})`,
    exp((c) => bbv[c]?.vrijgevallen ?? 0),
  );
  s.formula(
    all('eind'),
    `${B}${row('begin')}+${B}${row('ontvangen')}-${B}${row('vrij')}`,
    exp((c) => bbv[c]?.saldoEind ?? 0),
  );
  s.formula(
    all('eigen'),
    `${B}${from.best}-${B}${row('vrij')}`,
    exp((c) => bbv[c]?.eigenLast ?? 0),
  );
  if (n > 1) s.values(`${B}${row('terug')}`, [Array<number>(n - 1).fill(0)]);
  s.formula(`${L}${row('terug')}`, `${L}${row('eind')}`, () => bbv[n - 1]?.terugbetalingsverplichting ?? 0);
  s.format(`${B}${row('begin')}:${L}${row('terug')}`, 'euro');
  const texts: [BbvId, string][] = [
    [
      'begin',
      'BBV art. 49 b: ontvangen voorschotten voor een specifiek doel die lasten van latere jaren dekken staan onder de overlopende passiva; art. 52a lid 1: per uitkering het verloop (saldo begin, ontvangen, vrijgevallen of terugbetaald, saldo einde). Tekst 2015, bevestigd in jaarstukken 2019–2023; controleer de huidige tekst op wetten.overheid.nl.',
    ],
    [
      'ontvangen',
      'Aanname: het voorschot van jaar T is in jaar T ontvangen (betaaldata niet gevonden). Wijkt het af, boek het verschil zelf.',
    ],
    [
      'vrij',
      'Het kleinste van de besteding en wat op de balans staat (aanname: vrijval naar de baten zoals besteed).',
    ],
    [
      'eind',
      'Aanname: onbesteed geld blijft vooruit ontvangen tot de eindafrekening; in de looptijd wordt niets terugbetaald.',
    ],
    [
      'eigen',
      'Besteding boven het voorschot: geen vrijval meer, een last van de gemeente (geen negatief saldo).',
    ],
    [
      'terug',
      'Het saldo aan het einde van het laatste jaar: terugbetalingsverplichting tot de vaststelling (een Commissie BBV-notitie hierover is niet gevonden).',
    ],
  ];
  for (const [id, text] of texts) from.notes.set(row(id), text);
}

/** The rows the block takes: a header and BBV_ROWS. */
export const BBV_HEIGHT = BBV_ROWS.length + 1;
