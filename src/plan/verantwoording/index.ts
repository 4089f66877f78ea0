/**
 * The sheet Verantwoording: per regeling with a verantwoording (Brede SPUK, SPUK IZA) the chain of
 * `verantwoording()` as live formulas (regeling-section.ts, onderdelen-section.ts), then the SiSa
 * opgave as the controller copies it into the SiSa bijlage (`sisaOpgave`: codes only where the edition
 * states them, H35/H35B for the SPUK IZA; indicator numbers are not found and never invented).
 * Built only when the scenario has a verantwoording (a gemeente and a realisatie: `werkboek
 * --realisatie`). Expected values: the scenario's verantwoording. A4 landscape.
 */
import { sisaCodes } from '../../domain';
import type { RegelingVerantwoording } from '../../domain/verantwoording';
import { sisaOpgave } from '../../domain/verantwoording';
import { formatDate } from '../../messages';
import { columnLetter } from '../a1';
import type { SheetRange } from '../anchors';
import { RowCursor } from '../anchors';
import type { PlanContext } from '../context';
import { SHEETS } from '../layout';
import { INPUT_NAMES } from '../names';
import { SheetBuilder } from '../sheet-builder';
import type { Built } from '../sheet-builder';
import type { DefinedNameSpec } from '../types';
import type { RegelingCells, RegelingFrom } from './regeling-section';
import { FIRST_COL, regelingSection } from './regeling-section';

export interface VerantwoordingCells {
  /** Per regeling id (brede-spuk, spuk-iza). */
  readonly regelingen: ReadonlyMap<string, RegelingCells>;
  /** The named inputs of the sheet (besteding, limit %, besteding per onderdeel). */
  readonly names: readonly DefinedNameSpec[];
}

/** What the sheet reads from the Begrotingstoets. */
export type VerantwoordingFrom = Omit<RegelingFrom, 'years' | 'labels' | 'ruleCol'>;

/** The sheet, or undefined when the scenario has no verantwoording. */
export function buildVerantwoording(
  ctx: PlanContext,
  from: VerantwoordingFrom,
): Built<VerantwoordingCells> | undefined {
  const v = ctx.scenario.verantwoording;
  const g = ctx.scenario.gemeente;
  if (v === undefined || g === undefined) return undefined;
  const s = new SheetBuilder(SHEETS.verantwoording, 'presentatie');
  const rows = new RowCursor(1);
  s.value(
    `A${rows.take()}`,
    `Verantwoording ${g.naam} (${g.code}): besteding, overheveling en terugvordering`,
    'title',
  );
  const uitleg = [
    `Editie ${ctx.scenario.editie} (${formatDate(ctx.input.edition.manifest.datum)}); ${v.peiljaar === undefined ? 'nog geen realisatie' : `realisatie tot en met ${v.peiljaar}`}. Gele cellen zijn invoer: de besteding per jaar en de limiet van de overheveling.`,
    'Dezelfde cijfers geeft spuk-begroting verantwoording. Brede SPUK en SPUK IZA worden niet tegen elkaar weggestreept (aparte beschikkingen).',
  ];
  uitleg.forEach((t) => s.value(`A${rows.take()}`, t, 'subtitle'));
  rows.skip();
  const labels = new Map(ctx.input.edition.lines.map((l) => [l.nr, l.naam] as const));
  const maxYears = Math.max(...v.regelingen.map((r) => r.regels.jaren.length));
  const ruleCol = Math.max(FIRST_COL + maxYears, FIRST_COL + 8);
  const regelingen = new Map<string, RegelingCells>();
  const names: DefinedNameSpec[] = [];
  for (const r of v.regelingen) {
    const cells = regelingSection(s, rows, r, { ...from, years: ctx.years, labels, ruleCol });
    regelingen.set(r.regels.regeling, cells);
    names.push(...inputNames(r, cells));
    rows.skip();
  }
  for (const r of v.regelingen) sisaSection(s, rows, r, ctx, regelingen.get(r.regels.regeling));
  s.width('A', 46);
  for (let c = FIRST_COL; c < ruleCol; c++) s.width(columnLetter(c), 14);
  s.width(columnLetter(ruleCol), 70);
  s.format(`${columnLetter(ruleCol)}1:${columnLetter(ruleCol)}${rows.next}`, 'wrap');
  s.printAs('landscape', true);
  s.printLayout({ area: `A1:${columnLetter(ruleCol)}${rows.next - 1}` });
  return { sheet: s, cells: { regelingen, names } };
}

/** `Invoer_Besteding_Brede_SPUK`: a name from the prefix and the regeling's name. */
const nameOf = (prefix: string, r: RegelingVerantwoording) =>
  `${prefix}_${r.regels.naam.replace(/[^A-Za-z0-9]+/g, '_')}`;

function inputNames(r: RegelingVerantwoording, cells: RegelingCells): DefinedNameSpec[] {
  const out: DefinedNameSpec[] = [
    {
      name: nameOf(INPUT_NAMES.besteding, r),
      ref: cells.besteding.abs(),
      comment: `${r.regels.naam}: besteding per jaar ${r.regels.jaren.join('–')}, hele euro's (invoer)`,
      input: true,
    },
  ];
  if (cells.pct)
    out.push({
      name: nameOf(INPUT_NAMES.limiet, r),
      ref: cells.pct.abs(),
      comment: `${r.regels.naam}: limiet van de overheveling naar het volgende jaar, % (invoer; leeg: onbekend)`,
      input: true,
    });
  if (cells.onderdelen)
    out.push({
      name: nameOf(INPUT_NAMES.bestedingOnderdelen, r),
      ref: cells.onderdelen.invoer.abs(),
      comment: `${r.regels.naam}: besteding per onderdeel en jaar, hele euro's (invoer)`,
      input: true,
      keyRef: cells.onderdelen.nrs.abs(),
    });
  return out;
}

/**
 * The SiSa opgave of a regeling: per year and line the code (where the edition states it), what the
 * line is, the besteding of year T (live: the regeling's or the onderdeel's besteding; an H35B line:
 * the medeoverheid's realisatie, a value), the cumulative besteding through T and "Ja" in the last year.
 */
function sisaSection(
  s: SheetBuilder,
  rows: RowCursor,
  r: RegelingVerantwoording,
  ctx: PlanContext,
  cells: RegelingCells | undefined,
): void {
  const lines = sisaOpgave(r, sisaCodes(ctx.input.edition, r.regels.regeling));
  if (lines.length === 0 || cells === undefined) return;
  s.value(
    `A${rows.take()}`,
    `SiSa-opgave ${r.regels.naam} (indicatornummers en -teksten: volgens de invulwijzer SiSa van het jaar; beschikkingsnummer: uit de beschikking)`,
    'rowHeader',
  );
  s.values(
    `A${rows.take()}`,
    [['Regel', 'Jaar', 'Code', 'Besteding jaar T', 'Cumulatief t/m T', 'Eindverantwoording']],
    'header',
  );
  const mandaat = r.iza?.rol === 'mandaatgemeente';
  for (const l of lines) {
    const at = rows.take();
    const j = r.regels.jaren.indexOf(l.jaar);
    const wat = l.medeoverheid
      ? `H35B ${l.medeoverheid.code} ${l.medeoverheid.naam}`
      : l.onderdeel !== undefined
        ? `onderdeel ${l.onderdeel}. ${ctx.input.edition.lines.find((x) => x.nr === l.onderdeel)?.naam ?? ''}`
        : mandaat
          ? 'eigen uitvoering'
          : 'besteding jaar T';
    s.values(`A${at}`, [[wat, l.jaar, l.code ?? 'code niet gevonden']]);
    const oIndex = l.onderdeel === undefined ? -1 : r.onderdelen.findIndex((o) => o.nr === l.onderdeel);
    const oCol = r.regels.perOnderdeelJaren.indexOf(l.jaar);
    const ref: SheetRange | undefined =
      l.medeoverheid || mandaat
        ? undefined
        : oIndex >= 0 && cells.onderdelen
          ? cells.onderdelen.invoer.cell(oIndex, oCol)
          : cells.bestedingTotaal.cell(0, j);
    if (ref) s.formula(`D${at}`, ref.local().rel(), () => l.besteding, 'euro');
    else s.value(`D${at}`, l.besteding, 'euro');
    if (l.cumulatief !== undefined && !mandaat)
      s.formula(`E${at}`, cells.cumBesteding.cell(0, j).local().rel(), () => l.cumulatief ?? 0, 'euro');
    else if (l.cumulatief !== undefined) s.value(`E${at}`, l.cumulatief, 'euro');
    s.value(`F${at}`, l.eindverantwoording ? 'Ja' : 'Nee', 'center');
  }
  rows.skip();
}
