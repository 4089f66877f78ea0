import { SHEETS } from './layout';

/**
 * What each sheet of the werkmap is for, one Dutch line per sheet of `SHEETS`, and the order in which
 * the plan puts the sheets: the one list the shells show (`werkboek --help`) and the plan's build order
 * is checked against (src/plan/sheet-purpose.test.ts). Cheap: no plan is built to read it.
 */

export type SheetKey = keyof typeof SHEETS;

/**
 * When a sheet is in the werkmap: always (undefined), only with a realisatie (what was spent), only in
 * the werkmap of one gemeente (not in the national one), or only when the edition has an earlier one
 * to compare with (not for the first edition).
 */
export type SheetCondition = 'realisatie' | 'gemeente' | 'vorige';

export interface SheetPurpose {
  /** What the sheet holds, one Dutch line without a full stop. */
  readonly holds: string;
  readonly only?: SheetCondition;
}

/** The sheets in the order the plan builds them (src/plan/build.ts); a sheet whose condition fails is left out. */
export const SHEET_ORDER: readonly SheetKey[] = [
  'overzicht',
  'samenvatting',
  'begroting',
  'realisatie',
  'besteding',
  'toets',
  'beschikking',
  'verantwoording',
  'regioverdeling',
  'verschil',
  'landelijk',
  'verdeelsleutel',
  'allocatie',
  'afronding',
  'iza',
  'controle',
  'bronnen',
];

/** What each sheet holds (the compiler asks for a line for each sheet of `SHEETS`). */
export const SHEET_PURPOSE: Readonly<Record<SheetKey, SheetPurpose>> = {
  overzicht: {
    holds: 'wat de gemeente ontvangt per regeling, onderdeel en jaar, structureel en incidenteel',
  },
  samenvatting: { holds: 'de begroting samengevat voor raad en accountant' },
  begroting: { holds: 'uw activiteiten, de tabel Begroting' },
  toets: { holds: 'de toets van de begroting aan de plafonds en regels, met de signalen' },
  beschikking: { holds: 'de bedragen van uw beschikking' },
  verantwoording: {
    holds: 'besteding, overheveling, terugvordering en de SiSa-opgave per regeling',
    only: 'realisatie',
  },
  realisatie: { holds: 'uw besteding per activiteit en jaar, de tabel Realisatie', only: 'realisatie' },
  besteding: {
    holds: 'begroting, realisatie, prognose en besteding per regeling en jaar',
    only: 'realisatie',
  },
  verschil: { holds: 'het verschil met een eerdere editie, standaard de vorige', only: 'vorige' },
  landelijk: { holds: 'de landelijke bedragen per regeling, onderdeel en jaar' },
  verdeelsleutel: { holds: 'de verdeelsleutel per gemeente' },
  allocatie: { holds: 'het bedrag per gemeente, onderdeel en jaar' },
  afronding: { holds: 'de afronding tot op de euro (grootste-restmethode)' },
  iza: { holds: 'SPUK IZA en SPUK AZWA regionaal per samenwerkingsregio' },
  controle: { holds: 'de aansluiting op de gepubliceerde bedragen, tot op de euro' },
  regioverdeling: {
    holds:
      'het regiobedrag van de IZA-regio over de ledengemeenten (de mandaatgemeente verdeelt, een lid leest er haar aandeel)',
    only: 'gemeente',
  },
  bronnen: { holds: 'de bron van elk cijfer' },
};

/** The sheets in build order: key, name on the tab and purpose. */
export function sheetPurposes(): { key: SheetKey; name: string; purpose: SheetPurpose }[] {
  return SHEET_ORDER.map((key) => ({ key, name: SHEETS[key], purpose: SHEET_PURPOSE[key] }));
}
