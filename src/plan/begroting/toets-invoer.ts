/**
 * Begrotingstoets, the inputs (yellow, kept on refresh by their names): the carry-over of the Brede
 * SPUK per onderdeel and of its total (the years of the edition's rules: 2023 → 2024 and 2025 →
 * 2026 shipped), and money received in advance per year.
 */
import type { BegrotingInvoer } from '../../domain';
import { SheetRange } from '../anchors';
import { PERIOD_COL, SHEETS } from '../layout';
import type { BeschikkingKey } from './keys';
import type { ToetsSection } from './toets-section';
import { labelBeforeInputs, nextYear, sectionTitle, yearIndex, yearsAt } from './toets-section';

/** The inputs of the Begrotingstoets. */
export interface ToetsInputs {
  /** E: the carry-over per Brede SPUK onderdeel (one row per onderdeel; 2023 → 2024 shipped). */
  readonly overheveling2023: SheetRange;
  /** A: the onderdeel numbers of those rows. */
  readonly overhevelingKeys: SheetRange;
  /** The column of its first year: the carry-over of the total (2025 → 2026 shipped). */
  readonly overheveling2025: SheetRange;
  /** The year columns: received in advance for the next year, per year of receipt. */
  readonly vooruit: SheetRange;
}

/** 3. Inputs: carry-over and money received in advance. */
export function invoerSection(
  v: ToetsSection,
  keys: readonly BeschikkingKey[],
  invoer: BegrotingInvoer,
): ToetsInputs {
  const { s, rows, regels } = v;
  const o = regels.overhevelingPerOnderdeel;
  const r = regels.overhevelingTotaal;
  rows.skip();
  sectionTitle(v, "Invoer: overheveling en vooruit ontvangen geld (hele euro's)");
  // The amounts per onderdeel sit in E whatever their year (a list, not a time axis).
  s.value(
    `B${rows.take()}`,
    `Overheveling Brede SPUK van ${o.vanJaar} naar ${nextYear(v, o.vanJaar)}, per onderdeel (kolom ${o.vanJaar}; hoogstens ${o.pct}%)`,
    'rowHeader',
  );
  const onderdelen = regels.onderdelen;
  const n = onderdelen.length;
  const o23Row = rows.take(n);
  // The number in A only (the key's description starts with it: "1. Sportakkoord").
  const names = onderdelen.map((nr) =>
    (keys.find((k) => k.nr === nr)?.omschrijving ?? String(nr)).replace(/^\d+\. /, ''),
  );
  s.values(
    `A${o23Row}`,
    onderdelen.map((nr, i) => [nr, names[i] ?? '']),
  );
  names.forEach((name, i) => labelBeforeInputs(v, o23Row + i, name, PERIOD_COL));
  const overheveling2023 = SheetRange.at(SHEETS.toets, o23Row, PERIOD_COL, n);
  const overhevelingKeys = SheetRange.at(SHEETS.toets, o23Row, 1, n);
  s.values(
    overheveling2023.cell().address(),
    invoer.overheveling2023.map((x) => [x === 0 ? null : x]),
    'inputEuro',
  );
  const o25Row = rows.take();
  const o25Label = `Overheveling Brede SPUK van ${r.vanJaar} naar ${nextYear(v, r.vanJaar)} (kolom ${r.vanJaar}; hoogstens ${r.pct}%)`;
  s.value(`B${o25Row}`, o25Label, 'rowHeader');
  const overheveling2025 = SheetRange.at(
    SHEETS.toets,
    o25Row,
    PERIOD_COL + Math.max(0, yearIndex(v, r.vanJaar)),
  );
  labelBeforeInputs(v, o25Row, o25Label, overheveling2025.left, true);
  s.value(
    overheveling2025.address(),
    invoer.overheveling2025 === 0 ? null : invoer.overheveling2025,
    'inputEuro',
  );
  const vRow = rows.take();
  const vLabel = 'Vooruit ontvangen voor het volgende jaar (in het jaar van ontvangst; balans, geen baat)';
  s.value(`B${vRow}`, vLabel, 'rowHeader');
  labelBeforeInputs(v, vRow, vLabel, PERIOD_COL, true);
  const vooruit = yearsAt(v, vRow);
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
