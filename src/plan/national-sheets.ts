import type { NationalScenario, Scenario } from '../domain';
import { MODEL_CHECKS } from '../domain';
import { formatDate } from '../messages';
import type { SheetRange } from './anchors';
import type { NationalContext } from './context';
import { gridLayout } from './grid';
import type { GemeenteRows } from './layout';
import { gemeenteCodes, gemeenteRows, SHEETS } from './layout';
import type { HeaderFooterSpec, SheetPlan } from './types';
import type { LandelijkCells } from './sheets-landelijk';
import { buildLandelijk } from './sheets-landelijk';
import type { AfrondingCells, AllocatieCells, VerdeelsleutelCells } from './sheets-gemeenten';
import { bijlage2ATotals, buildAfronding, buildAllocatie, buildVerdeelsleutel } from './sheets-gemeenten';
import type { IzaCells } from './iza-layout';
import { buildIza, layoutIza } from './sheets-iza';
import { buildBronnen } from './sheets-bronnen';

/** A page header and footer (see `pageFrame`). */
export type PageFrame = { readonly header: HeaderFooterSpec; readonly footer: HeaderFooterSpec };

/** Header and footer of every printed page: sheet, gemeente, edition, print date, "pagina x van y". */
export function pageFrame(gemeente: string, editionId: string, editionDate: string): PageFrame {
  const amp = (t: string) => t.replace(/&/g, '&&');
  return {
    // The sheet's name as each page's title: bold, 15 pt before the page's scaling (#18: a page fitted
    // to its width prints at about 65 %, so the title stays at 9 pt or more, as the title cell does).
    header: {
      left: '&B&15&A',
      center: amp(gemeente),
      right: amp(`Editie ${editionId} (${editionDate})`),
    },
    footer: { left: 'SPUK-begroting, afgedrukt &D', center: '', right: 'pagina &P van &N' },
  };
}

/** The frame of the sheets that are the same for every gemeente: "Alle gemeenten" in the header. */
export function nationalFrame(national: NationalScenario): PageFrame {
  const m = national.input.edition.manifest;
  return pageFrame('Alle gemeenten', m.id, formatDate(m.datum));
}

/** The plan's national context: the national scenario's parts, nothing of a gemeente. */
export function nationalContext(national: NationalScenario): NationalContext {
  const data = national.input.base;
  return {
    data,
    input: national.input,
    ledger: national.ledger,
    key: national.key,
    report: national.report,
    galaReport: national.galaReport,
    lines: national.lines,
    allocLines: national.allocLines,
    years: national.ledger.years,
    gemeenten: data.gemeenten,
    vastgelegd: national.vastgelegd,
    vorige: national.vorige,
  };
}

/**
 * The sheets that are the same in every gemeente's workbook, built (`SheetPlan`, header "Alle
 * gemeenten") from a national scenario alone, with the anchors the gemeente's sheets refer to.
 * Shape: `{ national, rows, allocatieCodes, landelijk, verdeelsleutel, afronding, iza, allocatie }`
 * (anchors) and `sheets: { landelijk, verdeelsleutel, allocatie, afronding, iza, bronnen }`.
 */
export interface NationalSheets {
  readonly national: NationalScenario;
  readonly rows: GemeenteRows;
  /** Afronding's gemeente rows, which Allocatie must keep. */
  readonly allocatieCodes: SheetRange;
  readonly landelijk: LandelijkCells;
  readonly verdeelsleutel: VerdeelsleutelCells;
  readonly afronding: AfrondingCells;
  readonly iza: IzaCells;
  readonly allocatie: AllocatieCells;
  readonly sheets: {
    readonly landelijk: SheetPlan;
    readonly verdeelsleutel: SheetPlan;
    readonly allocatie: SheetPlan;
    readonly afronding: SheetPlan;
    readonly iza: SheetPlan;
    readonly bronnen: SheetPlan;
  };
}

/**
 * Builds the national sheets in dependency order: each gets the anchors of the sheets it refers to.
 * Known before their sheet is filled: IZA's layout (Verdeelsleutel and Afronding read its membership
 * table), Verdeelsleutel's 2A totals (Landelijk checks its derivation against them) and the shared
 * grid of Afronding and Allocatie. Pure; every builder takes only the `NationalContext`.
 */
export function buildNationalSheets(national: NationalScenario): NationalSheets {
  const ctx = nationalContext(national);
  const rows = gemeenteRows(ctx.gemeenten.length);
  const grid = gridLayout(ctx);
  const izaLayout = layoutIza(ctx);
  const landelijk = buildLandelijk(ctx, bijlage2ATotals(rows));
  const verdeelsleutel = buildVerdeelsleutel(ctx, rows, izaLayout.cells);
  const allocatieCodes = gemeenteCodes(SHEETS.allocatie, rows);
  const afronding = buildAfronding(ctx, rows, grid, {
    landelijk: landelijk.cells,
    verdeelsleutel: verdeelsleutel.cells,
    allocatieCodes,
    iza: izaLayout.cells,
  });
  const iza = buildIza(ctx, izaLayout, grid, {
    landelijk: landelijk.cells,
    verdeelsleutel: verdeelsleutel.cells,
    afronding: afronding.cells,
  });
  const allocatie = buildAllocatie(ctx, rows, grid, {
    verdeelsleutel: verdeelsleutel.cells,
    afronding: afronding.cells,
    iza: iza.cells,
  });
  if (allocatie.cells.codes.abs() !== allocatieCodes.abs())
    throw new Error('Allocatie must keep the gemeente rows that Afronding checks');
  const frame = nationalFrame(national);
  return {
    national,
    rows,
    allocatieCodes,
    landelijk: landelijk.cells,
    verdeelsleutel: verdeelsleutel.cells,
    afronding: afronding.cells,
    iza: iza.cells,
    allocatie: allocatie.cells,
    sheets: {
      landelijk: landelijk.sheet.build(frame),
      verdeelsleutel: verdeelsleutel.sheet.build(frame),
      allocatie: allocatie.sheet.build(frame),
      afronding: afronding.sheet.build(frame),
      iza: iza.sheet.build(frame),
      bronnen: buildBronnen(ctx).build(frame),
    },
  };
}

/**
 * What the plans of one national scenario share (one workbook per gemeente): the national sheets,
 * built on first use, and the sheets that depend on the scenario only through a few numbers, built
 * once per value of those numbers (`shared`): Controle (the model checks and the begroting's signal
 * count) and the starter Begroting table (the signal count). A shared sheet is the same object in
 * every plan, so a renderer may skip comparing it. Holds plans, so one per batch (per worker).
 */
export class PlanReuse {
  private sheets: NationalSheets | undefined;
  private readonly memo = new Map<string, unknown>();

  constructor(readonly national: NationalScenario) {}

  /** The national sheets of `national` (built once). */
  nationalSheets(): NationalSheets {
    return (this.sheets ??= buildNationalSheets(this.national));
  }

  /**
   * The value made for `key` before, else `make()` (remembered). The caller puts in `key` everything
   * `make` depends on besides the national scenario.
   */
  shared<T>(key: string, make: () => T): T {
    if (this.memo.has(key)) return this.memo.get(key) as T;
    const value = make();
    this.memo.set(key, value);
    return value;
  }
}

/** A `PlanReuse` for the plans of the gemeenten on one national scenario (see `planWorkbook`). */
export function planReuse(national: NationalScenario): PlanReuse {
  return new PlanReuse(national);
}

/** The key of Controle in `PlanReuse.shared`: the model checks' expectations and the signal count. */
export function controleKey(scenario: Scenario, signalen: number): string {
  return `controle|${signalen}|${MODEL_CHECKS.map((id) => scenario.modelChecks[id]).join(',')}`;
}
