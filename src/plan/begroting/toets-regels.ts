/**
 * Begrotingstoets, section 6: the other rules, one row per rule with its Dutch explanation and the
 * amount involved per year (0 = in orde): Brede SPUK without onderdeel, carry-over 2025 above the
 * maximum, BBV (structural lasten on money with an end date, lasten without aard or regeling, the
 * structural gaps after 2026 and 2029), money received in advance, rows beyond the checked range.
 */
import type { BegrotingRegeling } from '../../domain';
import { BEGROTING_CAPACITEIT, BEGROTING_REGELINGEN } from '../../domain';
import type { SheetRange } from '../anchors';
import type { ToetsInputs } from './toets-invoer';
import type { LastenCells } from './toets-lasten';
import type { OnderdeelCells } from './toets-onderdelen';
import type { PlafondCells, ToetsParameters } from './toets-plafond';
import type { ToetsSection } from './toets-section';
import { nextYear, sectionTitle, yearIndex, yearsAt } from './toets-section';

/** What the rules expose to the Samenvatting. */
export interface RegelCells {
  /** The year columns: structural lasten (all regelingen). */
  readonly structureel: SheetRange;
  /** The 2026 cell: the structural gap after 2026 (Brede SPUK, SPUK IZA). */
  readonly gat2026: SheetRange;
  /** The 2029 cell: the structural gap after 2029 (SPUK AZWA). */
  readonly gat2029: SheetRange;
}

interface RegelsFrom {
  readonly params: ToetsParameters;
  readonly plafond: PlafondCells;
  readonly inputs: ToetsInputs;
  readonly lasten: LastenCells;
  readonly onderdelen: OnderdeelCells;
}

/** One rule row (label and explanation); returns its year columns. */
function rule(v: ToetsSection, label: string, uitleg: string): SheetRange {
  const r = v.rows.take();
  v.s.values(`A${r}`, [[null, label, uitleg]]);
  v.s.format(`C${r}`, 'note');
  return yearsAt(v, r);
}

/** 6. The other rules, per year. */
export function regelsSection(v: ToetsSection, from: RegelsFrom): RegelCells {
  const { s, rows, t, regels } = v;
  rows.skip();
  sectionTitle(v, 'Overige regels (bedrag per jaar; 0 = in orde)');
  // Brede SPUK lasten without onderdeel in the per-onderdeel years (consecutive on the axis).
  const jaren = regels.onderdeelJaren;
  const zo = rule(v, `Brede SPUK zonder onderdeel (${jaren.join(', ')})`, v.uitleg['zonder-onderdeel']);
  const zoYears = zo.cols(Math.max(0, yearIndex(v, jaren[0] ?? 0)), jaren.length);
  s.formula(
    zoYears.address(),
    `${from.lasten.lasten
      .local()
      .cell(0, zoYears.left - zo.left)
      .rel()}-SUM(${from.onderdelen.lasten.local().cols(0).fixRow()})`,
    (_r, c) => t.zonderOnderdeel[c] ?? 0,
    'euro',
  );
  v.checks.push({ range: zoYears, value: (_r, c) => t.zonderOnderdeel[c] ?? 0 });
  const carry = regels.overhevelingTotaal;
  const o25 = rule(
    v,
    `Overheveling ${carry.vanJaar} naar ${nextYear(v, carry.vanJaar)} boven het maximum`,
    v.uitleg['overheveling-2025'],
  );
  const y25 = Math.max(0, yearIndex(v, carry.vanJaar));
  s.formula(
    o25.cols(y25).address(),
    `MAX(0,${from.inputs.overheveling2025.abs()}-INT(${from.plafond.plafond.local().cell(0, y25).rel()}*${from.params.overheveling2025.local().abs()}/100))`,
    () => t.overheveling2025Teveel,
    'euro',
  );
  v.checks.push({ range: o25.cols(y25), value: () => t.overheveling2025Teveel });
  const aard = aardRules(v, from.lasten);
  const gaps = gapRules(v, aard.perRegeling);
  vooruitRules(v, from);
  return { structureel: aard.structureel, ...gaps };
}

/** Information rows (all lasten, incidental, structural per regeling) and the rules on the aard. */
function aardRules(
  v: ToetsSection,
  lasten: LastenCells,
): { perRegeling: SheetRange; structureel: SheetRange } {
  const { s, rows, t } = v;
  const table = v.table;
  const yearsCol = table.years.cols(0).fixRow();
  const aardCol = table.column('Aard lasten').abs();
  // Information rows the checks below use: all lasten, by aard, and structural lasten per regeling.
  const info = (label: string): SheetRange => {
    const r = rows.take();
    s.values(`A${r}`, [[null, label]]);
    return yearsAt(v, r);
  };
  const tot = info('Alle lasten in de tabel');
  s.formula(tot.address(), `SUM(${yearsCol})`, (_r, c) => t.totaalLasten[c] ?? 0, 'euro');
  const inc = info('waarvan incidenteel');
  s.formula(
    inc.address(),
    `SUMIFS(${yearsCol},${aardCol},"incidenteel")`,
    (_r, c) => t.incidenteel[c] ?? 0,
    'euro',
  );
  const regelingen = BEGROTING_REGELINGEN;
  const perRegeling = yearsAt(v, rows.take(regelingen.length), regelingen.length);
  s.values(
    `A${perRegeling.top}`,
    regelingen.map((r) => [null, r]),
  );
  s.values(
    `C${perRegeling.top}`,
    regelingen.map(() => ['structurele lasten']),
    'note',
  );
  s.formula(
    perRegeling.address(),
    `SUMIFS(${yearsCol},${table.column('Regeling').abs()},$B${perRegeling.top},${aardCol},"structureel")`,
    (r, c) => t.structureelPerRegeling[regelingen[r] as BegrotingRegeling][c] ?? 0,
    'euro',
  );
  const str = rule(v, 'BBV: structurele lasten op geld met een einddatum', v.uitleg['bbv-structureel']);
  s.formula(
    str.address(),
    `SUMIFS(${yearsCol},${aardCol},"structureel")`,
    (_r, c) => t.structureel[c] ?? 0,
    'euro',
  );
  v.checks.push({ range: str, value: (_r, c) => t.structureel[c] ?? 0 });
  const rel = (r: SheetRange) => r.local().cell().rel();
  const zonderAard = rule(v, 'Lasten zonder aard', v.uitleg['aard-ontbreekt']);
  s.formula(
    zonderAard.address(),
    `${rel(tot)}-${rel(str)}-${rel(inc)}`,
    (_r, c) => t.zonderAard[c] ?? 0,
    'euro',
  );
  v.checks.push({ range: zonderAard, value: (_r, c) => t.zonderAard[c] ?? 0 });
  const onbekend = rule(
    v,
    'Lasten zonder bekende regeling',
    'Kies de regeling uit de lijst (Brede SPUK, SPUK IZA, SPUK AZWA lokaal, SPUK AZWA regionaal).',
  );
  s.formula(onbekend.address(), `${rel(tot)}-SUM(${lasten.lasten.local().cols(0).rel()})`, () => 0, 'euro');
  v.checks.push({ range: onbekend, value: () => 0 });
  return { perRegeling, structureel: str };
}

/** The structural gaps: what structural lasten continue after the regeling ends (2026, 2029). */
function gapRules(v: ToetsSection, perRegeling: SheetRange): { gat2026: SheetRange; gat2029: SheetRange } {
  const { s, t } = v;
  // Brede SPUK and SPUK IZA end in 2026, the SPUK AZWA (lokaal, regionaal) in 2029.
  const sum = (jaar: 2026 | 2029, first: number): string => {
    const c = yearIndex(v, jaar);
    const p = perRegeling.local();
    return `${p.cell(first, c).rel()}+${p.cell(first + 1, c).rel()}`;
  };
  const gat2026 = rule(v, 'BBV: structureel tekort na 2026', v.uitleg['bbv-gat-2026']).cols(
    yearIndex(v, 2026),
  );
  s.formula(gat2026.address(), sum(2026, 0), () => t.gat2026, 'euro');
  v.checks.push({ range: gat2026, value: () => t.gat2026 });
  const gat2029 = rule(v, 'BBV: structureel tekort na 2029', v.uitleg['bbv-gat-2029']).cols(
    yearIndex(v, 2029),
  );
  s.formula(gat2029.address(), sum(2029, 2), () => t.gat2029, 'euro');
  v.checks.push({ range: gat2029, value: () => t.gat2029 });
  return { gat2026, gat2029 };
}

/** Money received in advance above the next year's plafond; rows beyond the checked range. */
function vooruitRules(v: ToetsSection, from: RegelsFrom): void {
  const { s, t } = v;
  const vRule = rule(
    v,
    'Vooruit ontvangen boven het plafond van het volgende jaar',
    v.uitleg['vooruit-ontvangen'],
  );
  const vooruit = from.inputs.vooruit.local();
  const last = vRule.right - vRule.left;
  s.formula(
    vRule.cols(0, last).address(),
    `MAX(0,${vooruit.cell().rel()}-SUM(${from.plafond.plafond.local().cols(1).rel()}))`,
    (_r, c) => t.vooruitTeveel[c] ?? 0,
    'euro',
  );
  s.formula(
    vRule.cols(last).address(),
    `MAX(0,${vooruit.cell(0, last).rel()})`,
    () => t.vooruitTeveel[last] ?? 0,
    'euro',
  );
  v.checks.push({ range: vRule, value: (_r, c) => t.vooruitTeveel[c] ?? 0 });
  const beyond = rule(v, 'Rijen buiten het getoetste bereik', v.uitleg['buiten-bereik']).cols(0);
  const count = Math.max(0, v.invoer.regels.length - BEGROTING_CAPACITEIT);
  s.formula(beyond.address(), `COUNTA(${v.table.beyond.abs()})`, () => count, 'integer');
  v.checks.push({ range: beyond, value: () => count });
}
