import type {
  BegrotingInvoer,
  BeschikkingRegel,
  BuiltInKeyId,
  CbsCode,
  EditionInput,
  Verdeelsleutel,
} from '../domain';
import {
  beschikkingPerLine,
  builtInKey,
  editionControle,
  galaTableChecks,
  Ledger,
  toetsBegroting,
} from '../domain';
import { formatDate } from '../messages';
import type { PlanContext } from './context';
import { gemeenteCodes, gemeenteRows, SHEETS } from './layout';
import { gridLayout } from './grid';
import { STYLES } from './styles';
import type { DefinedNameSpec, HeaderFooterSpec, WorkbookPlan } from './types';
import { OWNERSHIP_NAME_PREFIX } from './types';
import { buildLandelijk } from './sheets-landelijk';
import { bijlage2ATotals, buildAfronding, buildAllocatie, buildVerdeelsleutel } from './sheets-gemeenten';
import { buildOverzicht, chooserCells } from './sheets-overzicht';
import { buildIza, layoutIza } from './sheets-iza';
import { buildControle } from './sheets-controle';
import { buildBronnen } from './sheets-bronnen';
import { buildVerschil } from './sheets-verschil';
import { buildBegroting, planBegroting, TOETS_MASTER } from './sheets-begroting';
import { buildRegioverdeling } from './sheets-regioverdeling';

export interface PlanOptions {
  /** A built-in key id, or a checked custom key (domain `customKey`). */
  readonly key: BuiltInKeyId | Verdeelsleutel;
  /** CBS code of the gemeente shown on Overzicht; undefined for the national view. */
  readonly gemeente?: CbsCode | undefined;
  /** Line numbers whose money a new regeling has made lasting (BBV). Default: none. */
  readonly bbvVastgelegd?: readonly number[];
  /** The edition this one builds on, for the sheet "Wat is er veranderd" (none: no such sheet). */
  readonly vorige?: EditionInput | undefined;
  /** The gemeente's beschikking (regeling totals or Brede SPUK onderdelen): fills the Beschikking grid. */
  readonly beschikking?: readonly BeschikkingRegel[];
  /** The begroting's rows and inputs that fill the Begroting table when the sheet is created. */
  readonly begroting?: BegrotingInvoer;
}

/** Names of the user-owned input ranges (the add-in preserves them on refresh). */
export const INPUT_NAMES = {
  weights: 'Invoer_Gewichten',
  beschikking: 'Invoer_Beschikking',
  beschikkingGemeente: 'Invoer_Beschikking_Gemeente',
  overheveling2023: 'Invoer_Overheveling_2023',
  overheveling2025: 'Invoer_Overheveling_2025',
  vooruit: 'Invoer_Vooruit_Ontvangen',
  bbv: 'Invoer_BBV_Vastgelegd',
  national: 'Invoer_Landelijk',
  membership: 'Invoer_IZA_Regio',
  method: 'Invoer_IZA_Methode',
  chosen: 'Keuze_Gemeente',
} as const;

/** The name that marks a sheet as made by the add-in (a sheet name may hold characters a name may not). */
export function ownershipName(sheet: string): string {
  return OWNERSHIP_NAME_PREFIX + sheet.replace(/[^A-Za-z0-9_.\u00C0-\u024F]/g, '_');
}

/** `Blad` or `'Mijn blad'` as a reference writes it in front of "!". */
function quoteSheet(sheet: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
}

/**
 * The whole workbook for an edition (its ledger: every amount 2023–2029 with its source), a key and
 * (optionally) a gemeente. Pure. Throws RangeError for a gemeente that is not in the edition.
 */
export function buildWorkbookPlan(input: EditionInput, options: PlanOptions): WorkbookPlan {
  const data = input.base;
  const key = typeof options.key === 'string' ? builtInKey(options.key, data) : options.key;
  const chosen =
    options.gemeente === undefined ? undefined : data.gemeenten.findIndex((g) => g.code === options.gemeente);
  if (chosen !== undefined && chosen < 0)
    throw new RangeError(`Gemeente ${options.gemeente} is not in the edition`);
  const ledger = new Ledger(input, key);
  const lines = input.edition.lines;
  const ctx: PlanContext = {
    data,
    input,
    ledger,
    key,
    report: editionControle(ledger),
    galaReport: galaTableChecks(data),
    lines,
    // Own money first (Brede SPUK, SPUK AZWA lokaal), then what a mandaatgemeente receives for its region.
    allocLines: [
      ...lines.filter((l) => l.ontvanger === 'gemeente'),
      ...lines.filter((l) => l.ontvanger === 'mandaatgemeente'),
    ],
    years: [2023, 2024, 2025, 2026, 2027, 2028, 2029],
    gemeenten: data.gemeenten,
    chosen,
    vastgelegd: new Set(options.bbvVastgelegd ?? []),
    vorige: options.vorige ? new Ledger(options.vorige, key) : undefined,
  };
  // Build in dependency order: each sheet gets the anchors of the sheets it refers to. Known before
  // their sheet is filled: IZA's layout (Verdeelsleutel and Afronding read its membership table),
  // Overzicht's fixed chooser cells (Controle checks the chosen code), Verdeelsleutel's 2A totals
  // (Landelijk checks its derivation against them) and the shared grid of Afronding and Allocatie.
  const rows = gemeenteRows(data.gemeenten.length);
  const grid = gridLayout(ctx);
  const izaLayout = layoutIza(ctx);
  const chooser = chooserCells();
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
  const code = chosen === undefined ? undefined : data.gemeenten[chosen]?.code;
  const begrotingInvoer = planBegroting(ctx, options.begroting);
  const signalen = toetsBegroting(ledger, code, begrotingInvoer, options.beschikking ?? []).signalen.length;
  const control = buildControle(ctx, {
    landelijk: landelijk.cells,
    verdeelsleutel: verdeelsleutel.cells,
    afronding: afronding.cells,
    allocatie: allocatie.cells,
    iza: iza.cells,
    chosen: chooser.row,
    overwritten: chooser.overwritten,
    signalen: { cell: TOETS_MASTER, count: signalen },
  });
  const begroting = buildBegroting(
    ctx,
    { begroting: begrotingInvoer, beschikking: options.beschikking },
    {
      chooser,
      allocatie: { amounts: allocatie.cells.byCode.amounts, lineNrs: allocatie.cells.lineNrs },
      codes: verdeelsleutel.cells.choices,
    },
  );
  const overzicht = buildOverzicht(ctx, chooser, {
    signalen,
    perLine: begroting.cells.perLine,
    beschikking: beschikkingPerLine(ctx.lines, code, options.beschikking ?? []),
    landelijk: landelijk.cells,
    verdeelsleutel: verdeelsleutel.cells,
    allocatie: allocatie.cells,
    iza: iza.cells,
    controle: control.cells,
    levels: allocatie.cells.levels,
  });
  if (allocatie.cells.codes.abs() !== allocatieCodes.abs())
    throw new Error('Allocatie must keep the gemeente rows that Afronding checks');
  const verschil = buildVerschil(ctx);
  // A mandaatgemeente divides its region's money: the sheet Regioverdeling (its first region).
  const regio = code === undefined ? undefined : ledger.mandaatVan(code)[0];
  const regioverdeling = regio ? buildRegioverdeling(ledger, regio.naam) : undefined;
  const m = input.edition.manifest;
  const gekozen = chosen === undefined ? undefined : data.gemeenten[chosen];
  // The gemeente in the page header only where the sheet shows that gemeente: the other sheets are the
  // same for every gemeente (and one workbook per gemeente can share them byte for byte).
  const forGemeente = pageFrame(
    gekozen ? `${gekozen.naam} (${gekozen.code})` : 'Nederland (alle gemeenten)',
    m.id,
    formatDate(m.datum),
  );
  const national = pageFrame('Alle gemeenten', m.id, formatDate(m.datum));
  // Output order: Overzicht first, what changed next to it, the technical sheets after.
  const sheets = [
    overzicht.sheet.build(forGemeente),
    begroting.samenvatting.build(forGemeente),
    // The user's sheet is the same for every gemeente until the user fills it: no gemeente in its header.
    begroting.begroting.build(pageFrame('', m.id, formatDate(m.datum))),
    begroting.toets.build(forGemeente),
    begroting.beschikking.build(forGemeente),
    ...(regioverdeling ? [regioverdeling.sheet.build(forGemeente)] : []),
    ...(verschil ? [verschil.build(forGemeente)] : []),
    ...[
      landelijk.sheet,
      verdeelsleutel.sheet,
      allocatie.sheet,
      afronding.sheet,
      iza.sheet,
      control.sheet,
      buildBronnen(ctx),
    ].map((b) => b.build(national)),
  ];
  const L = landelijk.cells;
  const B = begroting.cells;
  const V = verdeelsleutel.cells;
  const members = iza.cells.members;
  const names: DefinedNameSpec[] = [
    {
      name: INPUT_NAMES.weights,
      ref: V.weights.abs(),
      comment: 'Gewicht per gemeente (invoer)',
      input: true,
      keyRef: V.codes.abs(),
    },
    {
      name: INPUT_NAMES.national,
      ref: L.inputs.abs(),
      comment: "Landelijk bedrag per onderdeel en jaar en het structurele niveau, hele euro's (invoer)",
      input: true,
      keyRef: L.lineNrs.abs(),
    },
    {
      name: INPUT_NAMES.bbv,
      ref: L.bbvFlags.abs(),
      comment: 'BBV: onderdeel na het einde van de regeling structureel vastgelegd (1 = ja)',
      input: true,
      keyRef: L.lineNrs.abs(),
    },
    {
      name: INPUT_NAMES.membership,
      ref: members.regions.abs(),
      comment: 'SPUK IZA-regio per gemeente (invoer)',
      input: true,
      keyRef: members.codes.abs(),
    },
    {
      name: INPUT_NAMES.method,
      ref: members.methods.abs(),
      comment: 'Indelingsmethode per gemeente (invoer)',
      input: true,
      keyRef: members.codes.abs(),
    },
    {
      name: INPUT_NAMES.beschikking,
      ref: B.beschikkingGrid.abs(),
      comment: "Bedragen uit de beschikking per regeling en jaar, hele euro's (invoer; leeg = editie)",
      input: true,
      keyRef: B.beschikkingKeys.abs(),
    },
    {
      name: INPUT_NAMES.beschikkingGemeente,
      ref: B.beschikkingGemeente.abs(),
      comment: 'De gemeente van de beschikking (invoer)',
      input: true,
    },
    {
      name: INPUT_NAMES.overheveling2023,
      ref: B.overheveling2023.abs(),
      comment: 'Overheveling Brede SPUK 2023 naar 2024 per onderdeel (invoer)',
      input: true,
      keyRef: B.overhevelingKeys.abs(),
    },
    {
      name: INPUT_NAMES.overheveling2025,
      ref: B.overheveling2025.abs(),
      comment: 'Overheveling Brede SPUK 2025 naar 2026 (invoer)',
      input: true,
    },
    {
      name: INPUT_NAMES.vooruit,
      ref: B.vooruit.abs(),
      comment: 'Vooruit ontvangen voor het volgende jaar, per jaar van ontvangst (invoer)',
      input: true,
    },
    {
      name: 'Begroting_Signalen',
      ref: B.signalen.abs(),
      comment: 'Aantal actieve signalen van de Begrotingstoets (0 = geen)',
      input: false,
    },
    {
      name: INPUT_NAMES.chosen,
      ref: overzicht.cells.chooser.code.abs(),
      comment: 'Gekozen gemeente op Overzicht',
      input: false,
    },
    {
      name: 'Controle_Totaal',
      ref: control.cells.master.abs(),
      comment: 'Aantal afwijkingen (0 = goed)',
      input: false,
    },
    {
      name: 'SPUK_Sleutel',
      ref: V.keyId.abs(),
      comment: 'De verdeelsleutel waarmee de werkmap is gebouwd',
      input: false,
    },
    {
      name: 'SPUK_Editie',
      ref: V.editionId.abs(),
      comment: 'De editie waarmee de werkmap is gebouwd',
      input: false,
    },
    {
      name: 'Gemeentecodes',
      ref: V.choices.abs(),
      comment: 'CBS-codes en NL',
      input: false,
    },
    ...(regioverdeling?.names ?? []),
    ...sheets.map((sh) => ({
      name: ownershipName(sh.name),
      ref: `${quoteSheet(sh.name)}!${absolute(sh.usedRange)}`,
      comment: 'Blad gemaakt door de add-in SPUK-begroting',
      input: false,
    })),
  ];
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

/** Header and footer of every printed page: sheet, gemeente, edition, print date, "pagina x van y". */
export function pageFrame(
  gemeente: string,
  editionId: string,
  editionDate: string,
): { header: HeaderFooterSpec; footer: HeaderFooterSpec } {
  const amp = (t: string) => t.replace(/&/g, '&&');
  return {
    header: { left: '&A', center: amp(gemeente), right: amp(`Editie ${editionId} (${editionDate})`) },
    footer: { left: 'SPUK-begroting, afgedrukt &D', center: '', right: 'pagina &P van &N' },
  };
}

function absolute(range: string): string {
  return range
    .split(':')
    .map((a) => a.replace(/^([A-Z]+)(\d+)$/, '$$$1$$$2'))
    .join(':');
}
