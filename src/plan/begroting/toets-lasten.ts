/**
 * Begrotingstoets, section 4: the plafond per regeling after carry-over, the lasten of the Begroting
 * table per regeling (SUMIFS), and what lies above the plafond (a check).
 */
import type { BegrotingRegeling, EditionYear } from '../../domain';
import { BEGROTING_REGELINGEN } from '../../domain';
import { SIGNAAL_UITLEG } from '../../messages/begroting.nl';
import type { SheetRange } from '../anchors';
import { BEGROTING_TABLE } from './fixed-cells';
import type { ToetsInputs } from './toets-invoer';
import type { PlafondCells } from './toets-plafond';
import type { ToetsSection } from './toets-section';
import { sectionTitle, yearIndex, yearsAt } from './toets-section';

/** Per regeling (BEGROTING_REGELINGEN order) × year. */
export interface LastenCells {
  /** The plafond after carry-over. */
  readonly plafondNa: SheetRange;
  /** The lasten on the Begroting table. */
  readonly lasten: SheetRange;
}

const regelingen = BEGROTING_REGELINGEN;

/** 4. Plafond after carry-over, lasten, and the excess. */
export function lastenSection(v: ToetsSection, plafond: PlafondCells, inputs: ToetsInputs): LastenCells {
  const { s, rows, t } = v;
  const n = regelingen.length;
  rows.skip();
  sectionTitle(v, 'Plafond na overheveling, lasten volgens het blad Begroting, en wat erboven ligt');
  const na = yearsAt(rows.take(n), n);
  s.values(
    `B${na.top}`,
    regelingen.map((r) => [`Plafond na overheveling: ${r}`]),
  );
  // The Brede SPUK: 2023 gives to 2024, 2025 to 2026; the other years and regelingen are the plafond.
  const p = plafond.plafond.local();
  const o23Sum = `SUM(${inputs.overheveling2023.abs()})`;
  const o25 = inputs.overheveling2025.abs();
  const carry: [EditionYear, string][] = [
    [2023, `-${o23Sum}`],
    [2024, `+${o23Sum}`],
    [2025, `-${o25}`],
    [2026, `+${o25}`],
  ];
  for (const [jaar, f] of carry) {
    const c = yearIndex(jaar);
    s.formula(
      na.cell(0, c).address(),
      `${p.cell(0, c).rel()}${f}`,
      () => t.plafondNaOverheveling['Brede SPUK'][c] ?? 0,
      'euro',
    );
  }
  const rest = yearIndex(2027);
  s.formula(
    na
      .rows(0)
      .cols(rest, na.right - na.left + 1 - rest)
      .address(),
    p.cell(0, rest).rel(),
    (_r, c) => t.plafondNaOverheveling['Brede SPUK'][rest + c] ?? 0,
    'euro',
  );
  s.formula(
    na.rows(1, n - 1).address(),
    p.cell(1, 0).rel(),
    (r, c) => t.plafondNaOverheveling[regelingen[r + 1] as BegrotingRegeling][c] ?? 0,
    'euro',
  );
  const lasten = yearsAt(rows.take(n), n);
  s.values(
    `A${lasten.top}`,
    regelingen.map((r) => [null, r]),
  );
  const table = BEGROTING_TABLE;
  s.formula(
    lasten.address(),
    `SUMIFS(${table.years.cols(0).fixRow()},${table.column('Regeling').abs()},$B${lasten.top})`,
    (r, c) => t.lasten[regelingen[r] as BegrotingRegeling][c] ?? 0,
    'euro',
  );
  const over = yearsAt(rows.take(n), n);
  s.values(
    `B${over.top}`,
    regelingen.map((r) => [`Boven het plafond: ${r}`]),
    'warning',
  );
  s.formula(
    over.address(),
    `MAX(0,${lasten.local().cell().rel()}-${na.local().cell().rel()})`,
    (r, c) => t.overschrijding[regelingen[r] as BegrotingRegeling][c] ?? 0,
    'euro',
  );
  v.checks.push({
    range: over,
    value: (r, c) => t.overschrijding[regelingen[r] as BegrotingRegeling][c] ?? 0,
  });
  s.value(`C${over.top}`, SIGNAAL_UITLEG.plafond, 'note');
  return { plafondNa: na, lasten };
}
