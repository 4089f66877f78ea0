import type {
  BegrotingInvoer,
  BeschikkingRegel,
  BuiltInKeyId,
  CbsCode,
  EditionInput,
  Verdeelsleutel,
} from '../domain';
import type { BbvVastlegging, Scenario } from '../domain';
import type { RealisatieInvoer, VerantwoordingAannames } from '../domain/verantwoording';
import { begrotingKolommen, builtInKey, regioVanLid, resolveScenario, samenvattingVerschil } from '../domain';
import { formatDate } from '../messages';
import type { PlanContext } from './context';
import { STYLES } from './styles';
import type { DefinedNameSpec, SheetPlan, WorkbookPlan } from './types';
import { OWNERSHIP_NAME_PREFIX } from './types';
import { definedNames, INPUT_NAMES } from './names';
import type { PlanReuse } from './national-sheets';
import {
  buildNationalSheets,
  controleKey,
  nationalContext,
  nationalFrame,
  pageFrame,
} from './national-sheets';
import { buildOverzicht } from './sheets-overzicht';
import { chooserCells } from './chooser';
import { buildControle } from './sheets-controle';
import { buildVerschil } from './sheets-verschil';
import { begrotingTable, buildBegroting, planBegroting, TOETS_MASTER } from './begroting';
import { buildRegioverdeling } from './sheets-regioverdeling';
import { buildVerantwoording } from './verantwoording';
import { BESTEDING_UITVOERDER_ONBEKEND, BESTEDING_ZONDER_BEGROTING, buildRealisatie } from './realisatie';
import {
  BESTEDING_VERANTWOORDING_TEKST,
  realisatieKolommen,
  realisatieTable,
  verantwoordingInputs,
  verantwoordingTekstSection,
} from './realisatie';

export interface PlanOptions {
  /** A built-in key id, or a checked custom key (domain `customKey`). */
  readonly key: BuiltInKeyId | Verdeelsleutel;
  /** CBS code of the gemeente shown on Overzicht; undefined for the national view. */
  readonly gemeente?: CbsCode | undefined;
  /**
   * Lines whose money a new regeling has made lasting after their regeling's end (BBV): a line
   * number from the first year after the end, `{ nr, vanaf }` from that year. Default: none.
   */
  readonly bbvVastgelegd?: readonly (number | BbvVastlegging)[];
  /** The edition this one builds on, for the sheet "Wat is er veranderd" (none: no such sheet). */
  readonly vorige?: EditionInput | undefined;
  /** The gemeente's beschikking (regeling totals or Brede SPUK onderdelen): fills the Beschikking grid. */
  readonly beschikking?: readonly BeschikkingRegel[];
  /** The begroting's rows and inputs that fill the Begroting table when the sheet is created. */
  readonly begroting?: BegrotingInvoer;
  /** What was spent (`parseRealisatieCsv`): with a gemeente, the sheet Verantwoording (its besteding inputs). */
  readonly realisatie?: RealisatieInvoer;
  /** The controller's carry-over limits where no source settles one (prefill the sheet's limit inputs). */
  readonly aannames?: VerantwoordingAannames;
}

export { INPUT_NAMES } from './names';

/** The name that marks a sheet as made by the add-in (a sheet name may hold characters a name may not). */
export function ownershipName(sheet: string): string {
  return OWNERSHIP_NAME_PREFIX + sheet.replace(/[^A-Za-z0-9_.\u00C0-\u024F]/g, '_');
}

/** `Blad` or `'Mijn blad'` as a reference writes it in front of "!". */
function quoteSheet(sheet: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

/**
 * The whole workbook for an edition (its ledger: every amount of its years with its source), a key and
 * (optionally) a gemeente: resolves the scenario and lays it out (`planWorkbook`). Pure. Throws
 * RangeError for a gemeente that is not in the edition.
 */
export function buildWorkbookPlan(input: EditionInput, options: PlanOptions): WorkbookPlan {
  const key = typeof options.key === 'string' ? builtInKey(options.key, input.base) : options.key;
  return planWorkbook(
    resolveScenario({
      edition: input,
      vorige: options.vorige,
      key,
      gemeente: options.gemeente,
      bbvVastgelegd: options.bbvVastgelegd ?? [],
      beschikking: options.beschikking ?? [],
      begroting: options.begroting,
      realisatie: options.realisatie,
      aannames: options.aannames,
    }),
  );
}

/**
 * Lays out a resolved scenario as the workbook: every number comes from the scenario; the sheets
 * write it as formulas (with the scenario's values as their expected results) and inputs. Pure.
 *
 * `reuse` (a `planReuse(scenario.national)`, one per batch): the national sheets (Landelijk,
 * Verdeelsleutel, Allocatie, Afronding, IZA, Bronnen) are built once and the same objects go into
 * every plan; Controle and the starter Begroting table are shared between the gemeenten for which
 * the few numbers they show are equal (otherwise built for this one). The plan is the same as
 * without `reuse` (src/plan/plan-reuse.test.ts). Throws RangeError when `reuse` is for another
 * national scenario.
 */
export function planWorkbook(scenario: Scenario, reuse?: PlanReuse): WorkbookPlan {
  if (reuse !== undefined && reuse.national !== scenario.national)
    throw new RangeError('The plan reuse is for another national scenario');
  const input = scenario.input;
  const data = input.base;
  const key = scenario.key;
  const chosen = scenario.chosen;
  const ledger = scenario.ledger;
  const options = scenario.request;
  const ctx: PlanContext = { ...nationalContext(scenario.national), scenario, chosen };
  // --- the national sheets (the same for every gemeente: built from the national scenario alone) ---
  const nat = reuse ? reuse.nationalSheets() : buildNationalSheets(scenario.national);
  const shared = <T>(sharedKey: string | undefined, make: () => T): T =>
    reuse && sharedKey !== undefined ? reuse.shared(sharedKey, make) : make();
  const nationalPage = nationalFrame(scenario.national);
  // --- the gemeente's sheets, on the national anchors (Overzicht's chooser cells are fixed) ---
  const chooser = chooserCells(ctx.years);
  const code = chosen === undefined ? undefined : data.gemeenten[chosen]?.code;
  const begrotingInvoer = planBegroting(ctx, options.begroting);
  // A mandaatgemeente divides its region's money: the sheet Regioverdeling (its first region); a
  // member gemeente gets its region's, which its planned share on the Beschikking reads (live).
  const regio = code === undefined ? undefined : (ledger.mandaatVan(code)[0] ?? regioVanLid(ledger, code));
  const regioverdeling = regio ? buildRegioverdeling(ledger, regio.naam) : undefined;
  // With a Realisatie (a verantwoording and its rows) Controle counts its rows without a Begroting row
  // (`realisatie-sleutel`, Besteding!B3); the scenario's model checks expect that count (the domain's).
  const metRealisatie = scenario.verantwoording !== undefined && options.realisatie !== undefined;
  const checked = {
    ...ctx,
    realisatie: metRealisatie,
    // A mandaatgemeente's SPUK IZA: Controle counts the rows whose Uitvoerder matches nothing (#19).
    uitvoerder:
      metRealisatie &&
      (scenario.verantwoording?.regelingen.some((r) => r.iza?.rol === 'mandaatgemeente') ?? false),
  };
  // The scenario's toets ran on the begroting given (or an empty one); the starter rows have no lasten.
  const signalen = scenario.toets.signalen.length;
  const begroting = buildBegroting(
    ctx,
    { begroting: begrotingInvoer, beschikking: scenario.beschikking },
    {
      chooser,
      allocatie: { amounts: nat.allocatie.byCode.amounts, lineNrs: nat.allocatie.lineNrs },
      codes: nat.verdeelsleutel.choices,
      regio: regioverdeling?.shares,
    },
  );
  // Controle after the begroting sheets: its check `samenvatting` refers to their anchors.
  const sv = begroting.cells.samenvattingBaten;
  const samenvattingDiff = samenvattingVerschil(scenario.toets);
  const bc = begroting.cells;
  // The input amounts Controle checks for text (issue #17): the Beschikking's and the toets's.
  const invoer = {
    beschikking: [
      { range: bc.beschikkingGrid, naam: 'bedragen per regeling en jaar' },
      { range: bc.vanMandaat.input, naam: 'ontvangen van de mandaatgemeente' },
    ],
    toets: [
      { range: bc.overheveling2023, naam: 'overheveling per onderdeel' },
      { range: bc.overheveling2025, naam: 'overheveling van het totaal' },
      { range: bc.vooruit, naam: 'vooruit ontvangen' },
      { range: bc.limieten, naam: 'limieten %' },
    ],
  };
  const control = shared(
    `${controleKey(checked.scenario, signalen)}|${checked.realisatie ? 'R' : ''}${checked.uitvoerder ? 'U' : ''}|${sv.totaal.abs()}|${sv.plafondNa.abs()}|${sv.vanMandaat.abs()}|${samenvattingDiff.join(',')}|${begroting.cells.beschikkingBuitenJaren}|${ctx.key.id}|${[...invoer.beschikking, ...invoer.toets].map((r) => r.range.abs()).join(',')}`,
    () => {
      const built = buildControle(checked, {
        landelijk: nat.landelijk,
        verdeelsleutel: nat.verdeelsleutel,
        afronding: nat.afronding,
        allocatie: nat.allocatie,
        iza: nat.iza,
        chosen: chooser.row,
        overwritten: chooser.overwritten,
        aansluiting: chooser.aansluiting,
        signalen: { cell: TOETS_MASTER, count: signalen },
        samenvatting: { ...sv, verschil: samenvattingDiff, jaren: ctx.years },
        beschikkingJaren: begroting.cells.beschikkingBuitenJaren,
        invoer,
        ...(checked.realisatie ? { realisatie: BESTEDING_ZONDER_BEGROTING } : {}),
        // The Realisatie's headings and text amounts, the Verantwoording's text inputs (issue #17).
        ...(checked.realisatie
          ? {
              realisatieTabel: {
                table: realisatieTable(ctx.years),
                kolommen: realisatieKolommen(ctx.years),
                verantwoordingTekst: BESTEDING_VERANTWOORDING_TEKST,
              },
            }
          : {}),
        ...(checked.uitvoerder ? { uitvoerder: BESTEDING_UITVOERDER_ONBEKEND } : {}),
        begroting: { table: begrotingTable(ctx.years), kolommen: begrotingKolommen(ctx.years) },
      });
      // Shared between the gemeenten with the same checks; its page header names the gemeente below.
      return { sheet: built.sheet.build(nationalPage), cells: built.cells };
    },
  );
  const overzicht = buildOverzicht(checked, chooser, {
    signalen,
    geplandVanMandaat: begroting.cells.vanMandaat.gepland,
    perLine: begroting.cells.perLine,
    plafond: begroting.cells.plafond,
    landelijk: nat.landelijk,
    verdeelsleutel: nat.verdeelsleutel,
    allocatie: nat.allocatie,
    iza: nat.iza,
    controle: control.cells,
    levels: nat.allocatie.levels,
  });
  const verschil = buildVerschil(ctx);
  // The user's table of what was spent (with a verantwoording): its totals feed the Verantwoording.
  const realisatie = buildRealisatie(ctx, options.realisatie, begrotingInvoer);
  if (realisatie !== undefined && realisatie.cells.zonderBegroting.abs() !== BESTEDING_ZONDER_BEGROTING.abs())
    throw new Error(
      'The count of Realisatie rows without a Begroting row must stay at BESTEDING_ZONDER_BEGROTING',
    );
  const uitvoerderCell = realisatie?.cells.uitvoerderOnbekend;
  if (
    checked.uitvoerder !== (uitvoerderCell !== undefined) ||
    (uitvoerderCell !== undefined && uitvoerderCell.abs() !== BESTEDING_UITVOERDER_ONBEKEND.abs())
  )
    throw new Error(
      'The count of Realisatie rows with an unknown Uitvoerder must be at BESTEDING_UITVOERDER_ONBEKEND',
    );
  const verantw = buildVerantwoording(ctx, {
    plafond: begroting.cells.plafond,
    plafondBron: begroting.cells.plafondBron,
    vanMandaat: {
      toets: begroting.cells.samenvattingBaten.vanMandaat,
      typed: begroting.cells.vanMandaat.input,
    },
    perLine: begroting.cells.perLine,
    limieten: {
      perOnderdeel: begroting.cells.limieten.cell(0),
      totaal: begroting.cells.limieten.cell(1),
    },
    ...(realisatie && options.realisatie
      ? {
          besteding: realisatie.cells.feed,
          realisatie: options.realisatie,
          peiljaar: realisatie.cells.peiljaar,
        }
      : {}),
    kenmerk: begroting.cells.beschikkingKenmerk,
    ...(regioverdeling ? { regio: regioverdeling.shares } : {}),
  });
  // Besteding's count of the Verantwoording's inputs that are text (Controle's `verantwoording-tekst`).
  if (realisatie !== undefined)
    verantwoordingTekstSection(
      realisatie.sheets.besteding,
      verantw ? verantwoordingInputs(verantw.cells.names, verantw.sheet) : [],
      realisatie.cells.invoerTekst,
    );
  const m = input.edition.manifest;
  const gekozen = chosen === undefined ? undefined : data.gemeenten[chosen];
  // The gemeente in the page header only where the sheet shows that gemeente: the other sheets are the
  // same for every gemeente (and one workbook per gemeente can share them byte for byte).
  const forGemeente = pageFrame(
    gekozen ? `${gekozen.naam} (${gekozen.code})` : 'Nederland (alle gemeenten)',
    m.id,
    formatDate(m.datum),
  );
  // The starter Begroting table shows only the signal count (and national rows): shared by it.
  const starter = shared(
    options.begroting === undefined
      ? `begroting|${signalen}|${begroting.cells.signalen.abs()}|${begroting.cells.lists.abs()}`
      : undefined,
    () => begroting.begroting.build(pageFrame('', m.id, formatDate(m.datum))),
  );
  // Printed with the gemeente's name (#18): only the page header differs from the shared starter sheet,
  // which the batch patches per workbook (src/xlsx batch-xlsx `patchValues`).
  const begrotingSheet = { ...starter, print: { ...starter.print, ...forGemeente } };
  // Controle holds this gemeente's checks (Aansluiting, Samenvatting, its Begroting and Realisatie):
  // its pages name the gemeente like the Begroting's (#18: it said "Alle gemeenten"; shared sheet,
  // only the header patched per workbook).
  const controleSheet = { ...control.sheet, print: { ...control.sheet.print, ...forGemeente } };
  // Output order: Overzicht first, what changed next to it, the technical sheets after.
  const sheets = [
    overzicht.sheet.build(forGemeente),
    begroting.samenvatting.build(forGemeente),
    begrotingSheet,
    ...(realisatie
      ? [realisatie.sheet.build(forGemeente), realisatie.sheets.besteding.build(forGemeente)]
      : []),
    begroting.toets.build(forGemeente),
    begroting.beschikking.build(forGemeente),
    ...(verantw ? [verantw.sheet.build(forGemeente)] : []),
    ...(regioverdeling ? [regioverdeling.sheet.build(forGemeente)] : []),
    ...(verschil ? [verschil.build(forGemeente)] : []),
    nat.sheets.landelijk,
    nat.sheets.verdeelsleutel,
    nat.sheets.allocatie,
    nat.sheets.afronding,
    nat.sheets.iza,
    controleSheet,
    nat.sheets.bronnen,
  ];
  // --- end of the gemeente's sheets ---
  const names = definedNames(
    {
      landelijk: nat.landelijk,
      verdeelsleutel: nat.verdeelsleutel,
      iza: nat.iza,
      begroting: begroting.cells,
    },
    { chosen: overzicht.cells.chooser.code, master: control.cells.master },
    [
      ...(regioverdeling?.names ?? []),
      ...(verantw?.cells.names ?? []).map((n) => (realisatie ? fedName(n) : n)),
      ...(realisatie?.cells.names ?? []),
      ...sheets.map(ownershipMark),
    ],
  );
  return {
    meta: {
      title: 'SPUK-begroting',
      editionId: input.edition.manifest.id,
      keyId: key.id,
      gemeente: chosen === undefined ? undefined : data.gemeenten[chosen]?.code,
      generator: 'spuk-begroting',
    },
    styles: STYLES,
    sheets,
    names,
  };
}

export { pageFrame } from './national-sheets';

/**
 * A name of the Verantwoording with the Realisatie sheet beside it: its besteding cells read the
 * Realisatie table's totals (formulas, rewritten on every refresh), so they are no longer inputs.
 */
function fedName(spec: DefinedNameSpec): DefinedNameSpec {
  return spec.name.startsWith(`${INPUT_NAMES.besteding}_`) ? { ...spec, input: false } : spec;
}

/** The name that marks a sheet as the add-in's, over the sheet's used range. */
function ownershipMark(sheet: SheetPlan): DefinedNameSpec {
  return {
    name: ownershipName(sheet.name),
    ref: `${quoteSheet(sheet.name)}!${absolute(sheet.usedRange)}`,
    comment: 'Blad gemaakt door de add-in SPUK-begroting',
    input: false,
  };
}

function absolute(range: string): string {
  return range
    .split(':')
    .map((a) => a.replace(/^([A-Z]+)(\d+)$/, '$$$1$$$2'))
    .join(':');
}
