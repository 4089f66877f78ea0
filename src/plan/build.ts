import type { BuiltInKeyId, CbsCode, ReferenceData, Verdeelsleutel } from '../domain';
import { Allocation, builtInKey, controle } from '../domain';
import type { PlanContext } from './context';
import {
  CONTROLE_MASTER,
  G_FIRST,
  gLast,
  LANDELIJK,
  OVERZICHT,
  SHEETS,
  totalRow,
  VERDEELSLEUTEL as V,
} from './layout';
import { columnLetter } from './a1';
import { STYLES } from './styles';
import type { DefinedNameSpec, WorkbookPlan } from './types';
import { OWNERSHIP_NAME_PREFIX } from './types';
import { buildLandelijk } from './sheets-landelijk';
import { buildAfronding, buildAllocatie, buildVerdeelsleutel } from './sheets-gemeenten';
import { buildOverzicht } from './sheets-overzicht';
import { buildIza, izaRows } from './sheets-iza';
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
  const sheets = [
    buildOverzicht(ctx),
    buildLandelijk(ctx),
    buildVerdeelsleutel(ctx),
    buildAllocatie(ctx),
    buildAfronding(ctx),
    buildIza(ctx),
    buildControle(ctx),
    buildBronnen(ctx),
  ].map((b) => b.build());
  const n = data.gemeenten.length;
  const nL = data.onderdelen.length;
  const iza = izaRows(data.izaRegios.length, n);
  const w = columnLetter(V.weightCol);
  const lastLine = LANDELIJK.firstLine + nL - 1;
  const names: DefinedNameSpec[] = [
    {
      name: INPUT_NAMES.weights,
      ref: `${SHEETS.verdeelsleutel}!$${w}$${G_FIRST}:$${w}$${gLast(n)}`,
      comment: 'Gewicht per gemeente (invoer)',
      input: true,
      keyRef: `${SHEETS.verdeelsleutel}!$A$${G_FIRST}:$A$${gLast(n)}`,
    },
    {
      name: INPUT_NAMES.national,
      ref: `${SHEETS.landelijk}!$E$${LANDELIJK.firstLine}:$I$${lastLine}`,
      comment: 'Landelijk bedrag per onderdeel en periode, mln (invoer)',
      input: true,
      keyRef: `${SHEETS.landelijk}!$A$${LANDELIJK.firstLine}:$A$${lastLine}`,
    },
    {
      name: INPUT_NAMES.bbv,
      ref: `${SHEETS.landelijk}!$L$${LANDELIJK.firstLine}:$L$${lastLine}`,
      comment: 'BBV: onderdeel na 2026 structureel vastgelegd (1 = ja)',
      input: true,
      keyRef: `${SHEETS.landelijk}!$A$${LANDELIJK.firstLine}:$A$${lastLine}`,
    },
    {
      name: INPUT_NAMES.membership,
      ref: `${SHEETS.iza}!$C$${iza.memberFirst}:$C$${iza.memberLast}`,
      comment: 'SPUK IZA-regio per gemeente (invoer)',
      input: true,
      keyRef: `${SHEETS.iza}!$A$${iza.memberFirst}:$A$${iza.memberLast}`,
    },
    {
      name: INPUT_NAMES.method,
      ref: `${SHEETS.iza}!$D$${iza.memberFirst}:$D$${iza.memberLast}`,
      comment: 'Methode van de indeling (invoer)',
      input: true,
      keyRef: `${SHEETS.iza}!$A$${iza.memberFirst}:$A$${iza.memberLast}`,
    },
    {
      name: INPUT_NAMES.chosen,
      ref: `${SHEETS.overzicht}!$${OVERZICHT.code.replace(/(\d+)/, '$$$1')}`,
      comment: 'Gekozen gemeente op Overzicht',
      input: false,
    },
    { name: 'Controle_Totaal', ref: CONTROLE_MASTER, comment: 'Aantal afwijkingen (0 = goed)', input: false },
    {
      name: 'SPUK_Sleutel',
      ref: `${SHEETS.verdeelsleutel}!$B$5`,
      comment: 'De verdeelsleutel waarmee het werkboek is gebouwd',
      input: false,
    },
    {
      name: 'Gemeentecodes',
      ref: `${SHEETS.verdeelsleutel}!$A$${G_FIRST}:$A$${totalRow(n)}`,
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
