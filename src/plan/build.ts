import type { BuiltInKeyId, CbsCode, ReferenceData, Verdeelsleutel } from '../domain';
import { Allocation, builtInKey, controle } from '../domain';
import type { PlanContext } from './context';
import { gemeenteCodes, gemeenteRows, SHEETS } from './layout';
import { STYLES } from './styles';
import type { DefinedNameSpec, WorkbookPlan } from './types';
import { OWNERSHIP_NAME_PREFIX } from './types';
import { buildLandelijk } from './sheets-landelijk';
import { buildAfronding, buildAllocatie, buildVerdeelsleutel } from './sheets-gemeenten';
import { buildOverzicht, chooserCells } from './sheets-overzicht';
import { buildIza, layoutIza } from './sheets-iza';
import { buildControle } from './sheets-controle';
import { buildBronnen } from './sheets-bronnen';

export interface PlanOptions {
  /** A built-in key id, or a checked custom key (domain `customKey`). */
  readonly key: BuiltInKeyId | Verdeelsleutel;
  /** CBS code of the gemeente shown on Overzicht; undefined for the national view. */
  readonly gemeente?: CbsCode | undefined;
  /** Line numbers whose money a new regeling has made lasting (BBV). Default: none. */
  readonly bbvVastgelegd?: readonly number[];
}

/** Names of the user-owned input ranges (the add-in preserves them on refresh). */
export const INPUT_NAMES = {
  weights: 'Invoer_Gewichten',
  bbv: 'Invoer_BBV_Vastgelegd',
  national: 'Invoer_Landelijk',
  membership: 'Invoer_IZA_Regio',
  method: 'Invoer_IZA_Methode',
  chosen: 'Keuze_Gemeente',
} as const;

/** The whole workbook for an edition, a key and (optionally) a gemeente. Pure. */
export function buildWorkbookPlan(data: ReferenceData, options: PlanOptions): WorkbookPlan {
  const key = typeof options.key === 'string' ? builtInKey(options.key, data) : options.key;
  const chosen =
    options.gemeente === undefined ? undefined : data.gemeenten.findIndex((g) => g.code === options.gemeente);
  if (chosen !== undefined && chosen < 0)
    throw new RangeError(`Gemeente ${options.gemeente} is not in the edition`);
  const ctx: PlanContext = {
    data,
    key,
    allocation: new Allocation(data, key),
    report: controle(data, key),
    lines: data.onderdelen,
    gemeenten: data.gemeenten,
    chosen,
    vastgelegd: new Set(options.bbvVastgelegd ?? []),
  };
  // Build in dependency order: each sheet gets the anchors of the sheets it refers to. Two
  // anchors are known before their sheet is filled: IZA's layout (its membership table is read by
  // Verdeelsleutel and Afronding, its estimates read Allocatie) and Overzicht's fixed chooser cells
  // (Controle checks the chosen code, Overzicht shows Controle's master check).
  const rows = gemeenteRows(data.gemeenten.length);
  const izaLayout = layoutIza(ctx);
  const chooser = chooserCells();
  const landelijk = buildLandelijk(ctx);
  const verdeelsleutel = buildVerdeelsleutel(ctx, rows, izaLayout);
  const allocatieCodes = gemeenteCodes(SHEETS.allocatie, rows);
  const afronding = buildAfronding(ctx, rows, {
    landelijk: landelijk.cells,
    verdeelsleutel: verdeelsleutel.cells,
    allocatieCodes,
    iza: izaLayout,
  });
  const allocatie = buildAllocatie(ctx, rows, {
    landelijk: landelijk.cells,
    verdeelsleutel: verdeelsleutel.cells,
    afronding: afronding.cells,
  });
  const iza = buildIza(ctx, izaLayout, allocatie.cells);
  const control = buildControle(ctx, {
    landelijk: landelijk.cells,
    verdeelsleutel: verdeelsleutel.cells,
    afronding: afronding.cells,
    allocatie: allocatie.cells,
    iza: iza.cells,
    chosen: chooser.code,
  });
  const overzicht = buildOverzicht(ctx, chooser, {
    landelijk: landelijk.cells,
    verdeelsleutel: verdeelsleutel.cells,
    allocatie: allocatie.cells,
    iza: iza.cells,
    controle: control.cells,
  });
  if (allocatie.cells.codes.abs() !== allocatieCodes.abs())
    throw new Error('Allocatie must keep the gemeente rows that Afronding checks');
  // Output order: Overzicht first.
  const sheets = [
    overzicht,
    landelijk,
    verdeelsleutel,
    allocatie,
    afronding,
    iza,
    control,
    { sheet: buildBronnen(ctx) },
  ].map((b) => b.sheet.build());
  const L = landelijk.cells;
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
      ref: L.national.abs(),
      comment: 'Landelijk bedrag per onderdeel en periode, mln (invoer)',
      input: true,
      keyRef: L.lineNrs.abs(),
    },
    {
      name: INPUT_NAMES.bbv,
      ref: L.bbvFlags.abs(),
      comment: 'BBV: onderdeel na 2026 structureel vastgelegd (1 = ja)',
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
      comment: 'Methode van de indeling (invoer)',
      input: true,
      keyRef: members.codes.abs(),
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
      comment: 'De verdeelsleutel waarmee het werkboek is gebouwd',
      input: false,
    },
    {
      name: 'Gemeentecodes',
      ref: V.choices.abs(),
      comment: 'CBS-codes en NL',
      input: false,
    },
    ...sheets.map((sh) => ({
      name: `${OWNERSHIP_NAME_PREFIX}${sh.name}`,
      ref: `${sh.name}!${absolute(sh.usedRange)}`,
      comment: 'Blad gemaakt door de add-in SPUK-begroting',
      input: false,
    })),
  ];
  return {
    meta: {
      title: 'SPUK-begroting',
      editionId: data.edition.id,
      keyId: key.id,
      gemeente: chosen === undefined ? undefined : data.gemeenten[chosen]?.code,
      generator: 'spuk-begroting',
    },
    styles: STYLES,
    sheets,
    names,
  };
}

function absolute(range: string): string {
  return range
    .split(':')
    .map((a) => a.replace(/^([A-Z]+)(\d+)$/, '$$$1$$$2'))
    .join(':');
}
