/**
 * Begrotingstoets, section 5: until 2024 the Brede SPUK is spent per onderdeel (15% may shift within
 * a hoofdthema) and the carry-over 2023 → 2024 is at most 20% per onderdeel. A table of its own with
 * its own columns (A nr, B onderdeel, C hoofdthema, E:F plafond, G:H after carry-over, I:J lasten,
 * K:L above 115%, M carry-over above 20%), then one row per hoofdthema.
 */
import { BREDE_SPUK_ONDERDELEN, regelingLines } from '../../domain';
import { SIGNAAL_UITLEG } from '../../messages/begroting.nl';
import { SheetRange } from '../anchors';
import { SHEETS } from '../layout';
import { BEGROTING_TABLE } from './fixed-cells';
import type { ToetsInputs } from './toets-invoer';
import type { PerLineCells, ToetsParameters } from './toets-plafond';
import type { ToetsSection } from './toets-section';
import { sectionTitle } from './toets-section';

/** The columns of the onderdelen table (first column, width). */
const COLS = {
  nr: [1, 1],
  hoofdthema: [3, 1],
  plafond: [5, 2],
  na2023: [7, 1],
  na2024: [8, 1],
  lasten: [9, 2],
  boven: [11, 2],
  overheveling: [13, 1],
} as const;

const HEADERS = [
  'Nr',
  'Onderdeel',
  'Hoofdthema',
  '',
  'Plafond 2023',
  'Plafond 2024',
  'Na overheveling 2023',
  'Na overheveling 2024',
  'Lasten 2023',
  'Lasten 2024',
  'Boven 115% 2023',
  'Boven 115% 2024',
  'Overheveling boven 20%',
];

/** What the section exposes: the lasten 2023 and 2024 per onderdeel (I:J). */
export interface OnderdeelCells {
  readonly lasten: SheetRange;
}

/** 5. Until 2024: per onderdeel and per hoofdthema. */
export function onderdelenSection(
  v: ToetsSection,
  from: { readonly perLine: PerLineCells; readonly inputs: ToetsInputs; readonly params: ToetsParameters },
): OnderdeelCells {
  const { ctx, s, rows, t } = v;
  rows.skip();
  sectionTitle(v, 'Tot en met 2024: per onderdeel (15% schuiven binnen het hoofdthema) en per hoofdthema');
  s.values(`A${rows.take()}`, [HEADERS], 'header');
  const n = BREDE_SPUK_ONDERDELEN.length;
  const top = rows.take(n);
  const col = (c: keyof typeof COLS) => SheetRange.at(SHEETS.toets, top, COLS[c][0], n, COLS[c][1]);
  const brede = regelingLines(ctx.lines, 'Brede SPUK');
  s.values(
    `A${top}`,
    BREDE_SPUK_ONDERDELEN.map((nr) => {
      const l = brede.find((x) => x.nr === nr);
      return [nr, l?.naam ?? String(nr), l?.hoofdthema ?? ''];
    }),
  );
  const o = t.onderdelen;
  const cell = (c: keyof typeof COLS, dc = 0) => col(c).local().cell(0, dc).rel();
  const o23 = from.inputs.overheveling2023.local().cell().rel();
  s.formula(
    col('plafond').address(),
    from.perLine.row('BS01').local().cell().rel(),
    (r, c) => o.plafond[r]?.[c] ?? 0,
    'euro',
  );
  s.formula(
    col('na2023').address(),
    `${cell('plafond')}-${o23}`,
    (r) => o.plafondNaOverheveling[r]?.[0] ?? 0,
    'euro',
  );
  s.formula(
    col('na2024').address(),
    `${cell('plafond', 1)}+${o23}`,
    (r) => o.plafondNaOverheveling[r]?.[1] ?? 0,
    'euro',
  );
  const table = BEGROTING_TABLE;
  s.formula(
    col('lasten').address(),
    `SUMIFS(${table.years.cols(0).fixRow()},${table.column('Regeling').abs()},"Brede SPUK",${table.column('Onderdeel').abs()},${col('nr').local().cell().fixCol()})`,
    (r, c) => o.lasten[r]?.[c] ?? 0,
    'euro',
  );
  s.formula(
    col('boven').address(),
    `MAX(0,${cell('lasten')}-INT(MAX(0,${cell('na2023')})*(100+${from.params.schuifruimte.local().abs()})/100))`,
    (r, c) => o.overschrijding[r]?.[c] ?? 0,
    'euro',
  );
  s.formula(
    col('overheveling').address(),
    `MAX(0,${o23}-INT(${cell('plafond')}*${from.params.overheveling2023.local().abs()}/100))`,
    (r) => t.overheveling2023Teveel[r] ?? 0,
    'euro',
  );
  const checked = SheetRange.at(SHEETS.toets, top, COLS.boven[0], n, COLS.boven[1] + COLS.overheveling[1]);
  v.checks.push({
    range: checked,
    value: (r, c) => (c < 2 ? (o.overschrijding[r]?.[c] ?? 0) : (t.overheveling2023Teveel[r] ?? 0)),
  });
  hoofdthemaRows(v, col);
  s.value(
    `A${rows.take()}`,
    `${SIGNAAL_UITLEG.onderdeel} ${SIGNAAL_UITLEG.hoofdthema} ${SIGNAAL_UITLEG['overheveling-2023']}`,
    'note',
  );
  s.format(checked.address(), 'euro');
  return { lasten: col('lasten') };
}

/** Per hoofdthema: Σ lasten above Σ plafonds after carry-over (2023, 2024; a check). */
function hoofdthemaRows(v: ToetsSection, col: (c: keyof typeof COLS) => SheetRange): void {
  const { s, rows, t } = v;
  const nh = t.hoofdthemas.length;
  const top = rows.take(nh);
  s.values(
    `A${top}`,
    t.hoofdthemas.map((h) => [null, `Hoofdthema: ${h.naam}`, h.naam]),
    'rowHeader',
  );
  const hc = col('hoofdthema').local().abs();
  const naam = SheetRange.at(SHEETS.toets, top, COLS.hoofdthema[0]).local().fixCol();
  const lasten = col('lasten').local().cols(0).fixRow();
  const na = col('na2023').local().fixRow();
  const range = SheetRange.at(SHEETS.toets, top, COLS.boven[0], nh, COLS.boven[1]);
  s.formula(
    range.address(),
    `MAX(0,SUMIF(${hc},${naam},${lasten})-SUMIF(${hc},${naam},${na}))`,
    (r, c) => t.hoofdthemas[r]?.overschrijding[c] ?? 0,
    'euro',
  );
  v.checks.push({ range, value: (r, c) => t.hoofdthemas[r]?.overschrijding[c] ?? 0 });
}
