/**
 * The controller's begroting: four sheets on top of the edition's amounts, one module each.
 * - Begroting (`begroting-sheet.ts`, the user's): the Excel table `Begroting` (`begrotingTable(years)`).
 * - Beschikking (`beschikking-sheet.ts`, input): the gemeente's beschikking per regeling and year.
 * - Begrotingstoets (`toets-sheet.ts` and its sections `toets-*.ts`): every rule of the domain's
 *   `toetsBegroting` as live formulas; the count of signals is the name `Begroting_Signalen`.
 * - Samenvatting (`samenvatting.ts`): for the aanvraag and the raad, two printed pages (the summary,
 *   then the mutaties for the gemeente's own begroting).
 * Every number is the domain's (expected values), proven equal by the formula-truth test.
 */
import type { BegrotingInvoer, BegrotingToets, BeschikkingRegel } from '../../domain';
import { begrotingRegels } from '../../domain';
import type { SheetRange } from '../anchors';
import type { ChooserCells } from '../chooser';
import type { PlanContext } from '../context';
import type { SheetBuilder } from '../sheet-builder';
import type { RegioShares } from '../sheets-regioverdeling';
import { buildBegrotingTable } from './begroting-sheet';
import type { KenmerkCells, MandaatCells } from './beschikking-sheet';
import { buildBeschikking } from './beschikking-sheet';
import { begrotingTable } from './fixed-cells';
import { beschikkingKeys, planBegroting } from './keys';
import { buildSamenvatting } from './samenvatting';
import { buildToets } from './toets-sheet';

export { planBegroting } from './keys';
export { begrotingTable, TOETS_MASTER } from './fixed-cells';

/** The cells of the begroting sheets that the names and Overzicht refer to. */
export interface BegrotingCells {
  readonly signalen: SheetRange;
  readonly beschikkingGemeente: SheetRange;
  readonly beschikkingGrid: SheetRange;
  readonly beschikkingKeys: SheetRange;
  readonly overheveling2023: SheetRange;
  readonly overhevelingKeys: SheetRange;
  readonly overheveling2025: SheetRange;
  /** The Begrotingstoets's two carry-over limits % (input): per onderdeel, of the total. */
  readonly limieten: SheetRange;
  readonly vooruit: SheetRange;
  /** A member gemeente's input: what the mandaatgemeente passes on (Beschikking). */
  readonly vanMandaat: MandaatCells;
  readonly lists: SheetRange;
  /** Per regeling × year (`BEGROTING_REGELINGEN` order): the Begrotingstoets's plafond. */
  readonly plafond: SheetRange;
  /** Per regeling × year (same cells as `plafond`): the source of the plafond's amount. */
  readonly plafondBron: SheetRange;
  /** Per line: the plafond (beschikking where entered, else the edition) with its line numbers. */
  readonly perLine: {
    readonly values: SheetRange;
    /** The source of each amount (same rows): `beschikking` where the Beschikking sheet gives it. */
    readonly bron: SheetRange;
    readonly nrs: SheetRange;
    readonly lineNrs: readonly number[];
  };
  /** The count of beschikking amounts typed in a year without the regeling's money (an Excel expression). */
  readonly beschikkingBuitenJaren: string;
  /** Beschikking: the beschikkingsnummer and -datum per regeling (input). */
  readonly beschikkingKenmerk: KenmerkCells;
  /** What Controle checks the Samenvatting by: its baten total and the toets's baten (plafond na overheveling, van de mandaatgemeente). */
  readonly samenvattingBaten: {
    /** Samenvatting: "Totaal baten" per year. */
    readonly totaal: SheetRange;
    /** Begrotingstoets: per regeling × year the plafond after overheveling. */
    readonly plafondNa: SheetRange;
    /** Begrotingstoets: per regional post × year what the mandaatgemeente passes on. */
    readonly vanMandaat: SheetRange;
  };
}

export interface BegrotingSheets {
  readonly begroting: SheetBuilder;
  readonly toets: SheetBuilder;
  readonly beschikking: SheetBuilder;
  readonly samenvatting: SheetBuilder;
  readonly cells: BegrotingCells;
  readonly toetsResult: BegrotingToets;
}

/**
 * Builds the four begroting sheets for the plan's gemeente (national view: the sums Overzicht shows).
 * `begroting` fills the table when the sheet is created (default: starter rows without amounts);
 * `beschikking` fills the Beschikking grid (default: empty, the edition's amounts apply). `from`:
 * Overzicht's chooser, Allocatie's amounts per gemeente (rows) with the line numbers of its first
 * year (its columns repeat per year), and the list of CBS codes (and NL) for the beschikking.
 */
export function buildBegroting(
  ctx: PlanContext,
  options: {
    readonly begroting?: BegrotingInvoer | undefined;
    readonly beschikking?: readonly BeschikkingRegel[] | undefined;
  },
  from: {
    readonly chooser: ChooserCells;
    readonly allocatie: { readonly amounts: SheetRange; readonly lineNrs: SheetRange };
    readonly codes: SheetRange;
    /** The sheet Regioverdeling's split (of the gemeente's region), which a member's planned share reads. */
    readonly regio?: RegioShares | undefined;
  },
): BegrotingSheets {
  const code = ctx.chosen === undefined ? undefined : ctx.gemeenten[ctx.chosen]?.code;
  const invoer = planBegroting(ctx, options.begroting);
  const beschikking = options.beschikking ?? [];
  // The scenario's toets (its starter rows have no lasten, so the empty begroting's numbers hold).
  const t = ctx.scenario.toets;
  const gemeenteText =
    code === undefined ? 'Nederland (som van de gemeenten)' : `${ctx.gemeenten[ctx.chosen ?? 0]?.naam ?? ''}`;
  const chosenName = `${gemeenteText} (${code ?? 'NL'})`;

  // The edition's year axis lays out every sheet; its rule parameters label the checks.
  const table = begrotingTable(ctx.years);
  const regels = begrotingRegels(ctx.input.edition);
  const keys = beschikkingKeys(ctx, regels);
  const besch = buildBeschikking(ctx, keys, beschikking, { code, chosenName }, invoer, from);
  const toets = buildToets(ctx, { invoer, beschikking, t, regels, table }, keys, chosenName, {
    ...from,
    beschikking: besch.cells,
  });
  const begroting = buildBegrotingTable(invoer, t, { ...toets.cells, table, years: ctx.years });
  const samenvatting = buildSamenvatting(ctx, invoer, t, chosenName, {
    table,
    toets: toets.cells,
    chooser: from.chooser,
    regio: from.regio,
  });
  return {
    begroting,
    toets: toets.s,
    beschikking: besch.s,
    samenvatting: samenvatting.s,
    toetsResult: t,
    cells: {
      signalen: toets.cells.master,
      beschikkingGemeente: besch.cells.gemeente,
      beschikkingGrid: besch.cells.grid,
      beschikkingKeys: besch.cells.keys,
      overheveling2023: toets.cells.overheveling2023,
      overhevelingKeys: toets.cells.overhevelingKeys,
      overheveling2025: toets.cells.overheveling2025,
      limieten: toets.cells.limieten,
      vooruit: toets.cells.vooruit,
      vanMandaat: besch.cells.vanMandaat,
      lists: toets.cells.lists,
      plafond: toets.cells.plafond,
      plafondBron: toets.cells.plafondBron,
      perLine: toets.cells.perLine,
      beschikkingBuitenJaren: besch.cells.buitenJaren,
      beschikkingKenmerk: besch.cells.kenmerk,
      samenvattingBaten: {
        totaal: samenvatting.cells.batenTotaal,
        plafondNa: toets.cells.plafondNa,
        vanMandaat: toets.cells.vanMandaat,
      },
    },
  };
}
