/**
 * Begrotingstoets, section 6: the other rules, one row per rule with its Dutch explanation and the
 * amount involved per year (0 = in orde): Brede SPUK without onderdeel, carry-over 2025 above the
 * maximum, BBV (structural lasten on money with an end date, lasten without aard or regeling, the
 * structural gap after each end year of a regeling), money received in advance, rows beyond the checked
 * range, and for a mandaatgemeente the rows that count its doorbetaling twice.
 */
import type { BegrotingRegeling, EditionYear } from '../../domain';
import { BEGROTING_CAPACITEIT, BEGROTING_REGELINGEN, REGIONALE_POSTEN } from '../../domain';
import { uitvoerderIs, uitvoerderSpellingen } from '../../domain/verantwoording';
import { gatUitleg } from '../../messages/begroting.nl';
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
  /** Per end year of the posts' regelingen on the axis (the domain's `gaten` order): the gap's cell. */
  readonly gaten: readonly GatCell[];
}

/** The structural gap after one end year: its cell (in the end year's column) and the regelingen that end. */
export interface GatCell {
  readonly eindjaar: EditionYear;
  readonly namen: readonly string[];
  readonly cell: SheetRange;
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
  doorbetalingRule(v);
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

/**
 * The structural gaps, one rule row per end year of the posts' regelingen (the domain's `gaten`,
 * from the manifests' `eindjaar`: 2026 for the Brede SPUK and SPUK IZA, 2029 for the SPUK AZWA in
 * the shipped editions): in the end year's column, the structural lasten on the posts whose
 * regeling ends then. An end year outside the axis has no row (the domain's gap is 0 there).
 */
function gapRules(v: ToetsSection, perRegeling: SheetRange): { gaten: readonly GatCell[] } {
  const { s, t } = v;
  const p = perRegeling.local();
  const gaten: GatCell[] = [];
  for (const g of t.gaten) {
    const c = yearIndex(v, g.eindjaar);
    const einde = v.regels.einden.find((e) => e.eindjaar === g.eindjaar);
    if (c < 0 || einde === undefined) continue;
    const cell = rule(v, `BBV: structureel tekort na ${g.eindjaar}`, gatUitleg(einde)).cols(c);
    const terms = g.posten.map((post) => p.cell(BEGROTING_REGELINGEN.indexOf(post), c).rel());
    s.formula(cell.address(), terms.length === 0 ? '0' : terms.join('+'), () => g.bedrag, 'euro');
    v.checks.push({ range: cell, value: () => g.bedrag });
    gaten.push({ eindjaar: g.eindjaar, namen: einde.namen, cell });
  }
  return { gaten };
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

/**
 * A mandaatgemeente (`regioRol`; no row for any other role): the number of Begroting rows under a
 * regional post (SPUK IZA, SPUK AZWA regionaal) whose Uitvoerder is another member of its region,
 * money its doorbetaling counts already (the domain's `doorbetalingDubbel`, signal
 * `doorbetaling-dubbel`). Live: hidden helper rows, one per member × spelling of the Uitvoerder (the
 * domain's `uitvoerderSpellingen`: GM0148, 0148, the name, the VWS name where it differs; each its
 * own COUNTIFS criterion, as SiSa H35B's helper blocks: HyperFormula takes no range as a criterion,
 * and one formula of every spelling would pass 125 characters), one column per regional post; the
 * rule's cell is their sum. The members are the domain's (the sheet Regioverdeling's rows).
 */
function doorbetalingRule(v: ToetsSection): void {
  const { s, rows, t, ctx } = v;
  if (t.rol !== 'mandaatgemeente' || t.doorbetalingDubbel.leden.length === 0) return;
  const cell = rule(
    v,
    'Regionaal geld met een ledengemeente als Uitvoerder (rijen)',
    v.uitleg['doorbetaling-dubbel'],
  ).cols(0);
  const criteria = t.doorbetalingDubbel.leden.flatMap((code) => {
    const g = ctx.gemeenten.find((x) => x.code === code);
    return g === undefined
      ? []
      : uitvoerderSpellingen(g).map((criterium) => ({ label: `${g.code} ${g.naam}`, criterium }));
  });
  const head = rows.take();
  const top = rows.take(criteria.length);
  s.values(
    `A${head}`,
    [[null, 'Rekenhulp: rijen per ledengemeente en schrijfwijze van de Uitvoerder']],
    'note',
  );
  s.values(yearsAt(v, head).cell().address(), [[...REGIONALE_POSTEN]], 'note');
  s.values(
    `B${top}`,
    criteria.map((c) => [c.label, c.criterium]),
    'note',
  );
  const counts = yearsAt(v, top, criteria.length).cols(0, REGIONALE_POSTEN.length);
  const reg = v.table.column('Regeling').abs();
  const uitv = v.table.column('Uitvoerder').abs();
  const post = yearsAt(v, head).cols(0).local().fixRow();
  const regels = v.invoer.regels.slice(0, BEGROTING_CAPACITEIT);
  s.formula(
    counts.address(),
    `COUNTIFS(${reg},${post},${uitv},$C${top})`,
    (r, c) =>
      regels.filter(
        (x) => x.regeling === REGIONALE_POSTEN[c] && uitvoerderIs(x.uitvoerder, criteria[r]?.criterium ?? ''),
      ).length,
    'integer',
  );
  s.hideRows(head, top + criteria.length - 1);
  s.formula(
    cell.address(),
    `SUM(${counts.local().abs()})`,
    () => t.doorbetalingDubbel.rijen.length,
    'integer',
  );
  v.checks.push({ range: cell, value: () => t.doorbetalingDubbel.rijen.length });
}
