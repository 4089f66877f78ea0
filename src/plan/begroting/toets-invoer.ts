/**
 * Begrotingstoets, the inputs (yellow, kept on refresh by their names): the carry-over of the Brede
 * SPUK 2023 → 2024 per onderdeel and 2025 → 2026, and money received in advance per year.
 */
import type { BegrotingInvoer } from '../../domain';
import { BREDE_SPUK_ONDERDELEN } from '../../domain';
import { SheetRange } from '../anchors';
import { PERIOD_COL, SHEETS } from '../layout';
import type { BeschikkingKey } from './keys';
import type { ToetsSection } from './toets-section';
import { sectionTitle, yearIndex, yearsAt } from './toets-section';

/** The inputs of the Begrotingstoets. */
export interface ToetsInputs {
  /** E: the carry-over 2023 → 2024 per Brede SPUK onderdeel (15 rows). */
  readonly overheveling2023: SheetRange;
  /** A: the onderdeel numbers of those rows. */
  readonly overhevelingKeys: SheetRange;
  /** The 2025 column: the carry-over 2025 → 2026. */
  readonly overheveling2025: SheetRange;
  /** E..K: received in advance for the next year, per year of receipt. */
  readonly vooruit: SheetRange;
}

/** 3. Inputs: carry-over and money received in advance. */
export function invoerSection(
  v: ToetsSection,
  keys: readonly BeschikkingKey[],
  invoer: BegrotingInvoer,
): ToetsInputs {
  const { s, rows } = v;
  rows.skip();
  sectionTitle(v, "Invoer: overheveling en vooruit ontvangen geld (hele euro's)");
  s.value(
    `B${rows.take()}`,
    'Overheveling Brede SPUK van 2023 naar 2024, per onderdeel (kolom 2023; hoogstens 20%)',
    'rowHeader',
  );
  const n = BREDE_SPUK_ONDERDELEN.length;
  const o23Row = rows.take(n);
  s.values(
    `A${o23Row}`,
    BREDE_SPUK_ONDERDELEN.map((nr) => [nr, keys.find((k) => k.nr === nr)?.omschrijving ?? String(nr)]),
  );
  const overheveling2023 = SheetRange.at(SHEETS.toets, o23Row, PERIOD_COL, n);
  const overhevelingKeys = SheetRange.at(SHEETS.toets, o23Row, 1, n);
  s.values(
    overheveling2023.cell().address(),
    invoer.overheveling2023.map((x) => [x === 0 ? null : x]),
    'inputEuro',
  );
  const o25Row = rows.take();
  s.value(
    `B${o25Row}`,
    'Overheveling Brede SPUK van 2025 naar 2026 (kolom 2025; hoogstens 10%)',
    'rowHeader',
  );
  const overheveling2025 = SheetRange.at(SHEETS.toets, o25Row, PERIOD_COL + yearIndex(2025));
  s.value(
    overheveling2025.address(),
    invoer.overheveling2025 === 0 ? null : invoer.overheveling2025,
    'inputEuro',
  );
  const vRow = rows.take();
  s.value(
    `B${vRow}`,
    'Vooruit ontvangen voor het volgende jaar (in het jaar van ontvangst; balans, geen baat)',
    'rowHeader',
  );
  const vooruit = yearsAt(vRow);
  s.values(vooruit.cell().address(), [invoer.vooruitOntvangen.map((x) => (x === 0 ? null : x))], 'inputEuro');
  for (const r of [overheveling2023, overheveling2025, vooruit])
    s.validation({
      range: r.address(),
      type: 'whole',
      min: 0,
      prompt: "Bedrag in hele euro's.",
      error: "Vul een heel, niet-negatief bedrag in euro's in (zonder centen).",
    });
  return { overheveling2023, overhevelingKeys, overheveling2025, vooruit };
}
