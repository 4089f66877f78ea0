/**
 * Begrotingstoets, section 4: the plafond per regeling after carry-over, the lasten of the Begroting
 * table per regeling (SUMIFS), and what lies above the plafond (a check).
 */
import type { BegrotingRegeling, EditionYear, Euro } from '../../domain';
import { BEGROTING_REGELINGEN, REGIONALE_POSTEN } from '../../domain';
import type { RegionalePost } from '../../domain';
import type { SheetRange } from '../anchors';
import type { RegioShares } from '../sheets-regioverdeling';
import type { MandaatCells } from './beschikking-sheet';
import { doorgevenRow } from './doorgeven';
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
  /** A member gemeente: what the mandaatgemeente passes on (0 on the posts that are not regional). */
  readonly vanMandaat: SheetRange;
  /** A mandaatgemeente: what it passes on to the other members as planned (0 elsewhere). */
  readonly doorgeven: SheetRange;
}

const regelingen = BEGROTING_REGELINGEN;

/** 4. Plafond after carry-over, lasten, and the excess. */
export function lastenSection(
  v: ToetsSection,
  plafond: PlafondCells,
  inputs: ToetsInputs,
  mandaat: MandaatCells,
  regio: RegioShares | undefined,
): LastenCells {
  const { s, rows, t } = v;
  const n = regelingen.length;
  rows.skip();
  sectionTitle(v, 'Plafond na overheveling, lasten volgens het blad Begroting, en wat erboven ligt');
  const na = yearsAt(v, rows.take(n), n);
  s.values(
    `B${na.top}`,
    regelingen.map((r) => [`Plafond na overheveling: ${r}`]),
  );
  breedeSpukNa(v, na, plafond, inputs);
  s.formula(
    na.rows(1, n - 1).address(),
    plafond.plafond.local().cell(1, 0).rel(),
    (r, c) => t.plafondNaOverheveling[regelingen[r + 1] as BegrotingRegeling][c] ?? 0,
    'euro',
  );
  const vanMandaat = mandaatRows(v, mandaat);
  const door = doorgevenRows(v, regio);
  const lasten = yearsAt(v, rows.take(n), n);
  // B holds the regeling itself (the SUMIFS criterion below); C says what the amounts are (#18: on paper
  // "Brede SPUK € 2.650.000" under the doorgeven rows read as a plafond).
  s.values(
    `A${lasten.top}`,
    regelingen.map((r) => [null, r]),
  );
  s.values(
    `C${lasten.top}`,
    regelingen.map(() => ['lasten (blad Begroting)']),
    'note',
  );
  const table = v.table;
  s.formula(
    lasten.address(),
    `SUMIFS(${table.years.cols(0).fixRow()},${table.column('Regeling').abs()},$B${lasten.top})`,
    (r, c) => t.lasten[regelingen[r] as BegrotingRegeling][c] ?? 0,
    'euro',
  );
  const over = yearsAt(v, rows.take(n), n);
  s.values(
    `B${over.top}`,
    regelingen.map((r) => [`Boven het plafond: ${r}`]),
    'warning',
  );
  s.formula(
    over.address(),
    `MAX(0,${lasten.local().cell().rel()}+${door.local().cell().rel()}-${na.local().cell().rel()}-${vanMandaat.local().cell().rel()})`,
    (r, c) => t.overschrijding[regelingen[r] as BegrotingRegeling][c] ?? 0,
    'euro',
  );
  v.checks.push({
    range: over,
    value: (r, c) => t.overschrijding[regelingen[r] as BegrotingRegeling][c] ?? 0,
  });
  s.value(`C${over.top}`, v.uitleg.plafond, 'note');
  return { plafondNa: na, lasten, vanMandaat, doorgeven: door };
}

/**
 * The Brede SPUK's row of the plafond after carry-over: each carry-over (per onderdeel, of the
 * total; the years of the edition's rules) leaves its year and joins the next year of the axis, as
 * in the domain; a year with a carry-over is a cell of its own, a run of years without one a block.
 */
function breedeSpukNa(v: ToetsSection, na: SheetRange, plafond: PlafondCells, inputs: ToetsInputs): void {
  const { s, t, regels } = v;
  const p = plafond.plafond.local();
  const years = v.ctx.years;
  const terms = years.map(() => '');
  const move = (from: EditionYear, amount: string): void => {
    const i = yearIndex(v, from);
    if (i < 0 || i + 1 >= years.length) return;
    terms[i] += `-${amount}`;
    terms[i + 1] += `+${amount}`;
  };
  move(regels.overhevelingPerOnderdeel.vanJaar, `SUM(${inputs.overheveling2023.abs()})`);
  move(regels.overhevelingTotaal.vanJaar, inputs.overheveling2025.abs());
  const expected = (c: number) => t.plafondNaOverheveling['Brede SPUK'][c] ?? 0;
  let c = 0;
  while (c < years.length) {
    const from = c;
    if (terms[c] !== '') {
      s.formula(
        na.cell(0, c).address(),
        `${p.cell(0, c).rel()}${terms[c] ?? ''}`,
        () => expected(from),
        'euro',
      );
      c++;
      continue;
    }
    while (c < years.length && terms[c] === '') c++;
    s.formula(
      na
        .rows(0)
        .cols(from, c - from)
        .address(),
      p.cell(0, from).rel(),
      (_r, dc) => expected(from + dc),
      'euro',
    );
  }
}

/**
 * Per regeling (rows) × year: what a member gemeente receives from its mandaatgemeente, a baat next to
 * the plafond: the amount typed on the sheet Beschikking, else the planned share (the domain's
 * `vanMandaatgemeente`); 0 on the posts that are not regional.
 */
function mandaatRows(v: ToetsSection, mandaat: MandaatCells): SheetRange {
  const { s, rows, t } = v;
  const n = regelingen.length;
  const block = yearsAt(v, rows.take(n), n);
  s.values(
    `B${block.top}`,
    regelingen.map((r) => [
      `Ontvangen van de mandaatgemeente: ${r} ${
        (REGIONALE_POSTEN as readonly string[]).includes(r)
          ? '(blad Beschikking, anders gepland aandeel)'
          : '(geen regionaal geld: 0)'
      }`,
    ]),
  );
  regelingen.forEach((reg, r) => {
    const k = (REGIONALE_POSTEN as readonly string[]).indexOf(reg);
    const row = block.rows(r);
    if (k < 0) {
      s.values(row.address().split(':')[0] ?? '', [v.ctx.years.map(() => 0)], 'euro');
      return;
    }
    const typed = mandaat.input.rows(k).cell().rel();
    s.formula(
      row.address(),
      `IF(ISNUMBER(${typed}),${typed},${mandaat.gepland.rows(k).cell().rel()})`,
      (_r, c) => t.vanMandaatgemeente[reg as RegionalePost][c]?.bedrag ?? 0,
      'euro',
    );
  });
  // Only a member gemeente receives from a mandaatgemeente (#18: a mandaatgemeente's werkmap shows no
  // member-only rows): elsewhere the rows stay (0, the formulas read them) but are hidden.
  if (t.rol !== 'lid') s.hideRows(block.top, block.bottom);
  return block;
}

/**
 * Per regeling (rows) × year: what a mandaatgemeente passes on to the other members of its region as
 * planned (the domain's `doorgeven`, live from the sheet Regioverdeling; #18), a last next to its own
 * lasten: the check above adds it, so the region's amount covers both. 0 on the posts that are not
 * regional; hidden for any gemeente that is no mandaatgemeente (0 there).
 */
function doorgevenRows(v: ToetsSection, regio: RegioShares | undefined): SheetRange {
  const { s, rows, t, ctx } = v;
  const n = regelingen.length;
  const block = yearsAt(v, rows.take(n), n);
  const code = ctx.chosen === undefined ? undefined : ctx.gemeenten[ctx.chosen]?.code;
  s.values(
    `B${block.top}`,
    regelingen.map((r) => [
      `Door te geven aan de ledengemeenten: ${r} ${
        (REGIONALE_POSTEN as readonly string[]).includes(r)
          ? '(gepland, blad Regioverdeling)'
          : '(geen regionaal geld: 0)'
      }`,
    ]),
  );
  regelingen.forEach((reg, r) => {
    const k = (REGIONALE_POSTEN as readonly string[]).indexOf(reg);
    const values = k < 0 ? ctx.years.map(() => 0) : t.doorgeven[reg as RegionalePost];
    doorgevenRow(s, block.top + r, ctx.years, values as readonly Euro[], k < 0 ? undefined : regio, code);
  });
  if (t.rol !== 'mandaatgemeente') s.hideRows(block.top, block.bottom);
  return block;
}
