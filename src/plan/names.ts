import type { SheetRange } from './anchors';
import type { BegrotingCells } from './begroting';
import type { IzaCells } from './iza-layout';
import type { VerdeelsleutelCells } from './sheets-gemeenten';
import type { LandelijkCells } from './sheets-landelijk';
import type { DefinedNameSpec } from './types';

/** Names of the user-owned input ranges (the add-in preserves them on refresh). */
export const INPUT_NAMES = {
  weights: 'Invoer_Gewichten',
  beschikking: 'Invoer_Beschikking',
  beschikkingGemeente: 'Invoer_Beschikking_Gemeente',
  beschikkingNummer: 'Invoer_Beschikking_Nummer',
  beschikkingDatum: 'Invoer_Beschikking_Datum',
  overheveling2023: 'Invoer_Overheveling_2023',
  overheveling2025: 'Invoer_Overheveling_2025',
  /** The Begrotingstoets's carry-over limits % (the sheet Verantwoording refers to them). */
  overhevelingLimiet: 'Invoer_Overheveling_Limiet',
  vooruit: 'Invoer_Vooruit_Ontvangen',
  vanMandaat: 'Invoer_Van_Mandaatgemeente',
  bbv: 'Invoer_BBV_Vastgelegd',
  national: 'Invoer_Landelijk',
  membership: 'Invoer_IZA_Regio',
  method: 'Invoer_IZA_Methode',
  chosen: 'Keuze_Gemeente',
  /** Prefixes: the sheet Verantwoording adds the regeling's name (`Invoer_Besteding_Brede_SPUK`). */
  besteding: 'Invoer_Besteding',
  limiet: 'Invoer_Limiet_Overheveling',
  bestedingOnderdelen: 'Invoer_Besteding_Onderdelen',
} as const;

/**
 * The workbook's defined names: the user's input ranges (each with the key column the renderer keeps
 * the inputs by), the begroting's signal count, the chosen gemeente, the master check, the key and
 * edition ids and the list of codes; `more` (the Regioverdeling's names, the sheets' ownership marks)
 * go last. Every reference comes from a section's anchors.
 */
export function definedNames(
  from: {
    readonly landelijk: Pick<LandelijkCells, 'inputs' | 'lineNrs' | 'bbvFlags'>;
    readonly verdeelsleutel: Pick<
      VerdeelsleutelCells,
      'weights' | 'codes' | 'keyId' | 'editionId' | 'choices'
    >;
    readonly iza: Pick<IzaCells, 'members'>;
    readonly begroting: Pick<
      BegrotingCells,
      | 'beschikkingGrid'
      | 'beschikkingKeys'
      | 'beschikkingGemeente'
      | 'beschikkingKenmerk'
      | 'overheveling2023'
      | 'overhevelingKeys'
      | 'overheveling2025'
      | 'limieten'
      | 'vooruit'
      | 'vanMandaat'
      | 'signalen'
    >;
  },
  cells: { readonly chosen: SheetRange; readonly master: SheetRange },
  more: readonly DefinedNameSpec[],
): DefinedNameSpec[] {
  const L = from.landelijk;
  const B = from.begroting;
  const V = from.verdeelsleutel;
  const members = from.iza.members;
  return [
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
      comment:
        'BBV: onderdeel na het einde van de regeling structureel vastgelegd (0 = nee, 1 = vanaf het jaar na het eindjaar, of het jaar vanaf wanneer)',
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
      name: INPUT_NAMES.beschikkingNummer,
      ref: B.beschikkingKenmerk.nummer.abs(),
      comment: 'Beschikkingsnummer per regeling (invoer)',
      input: true,
      keyRef: B.beschikkingKenmerk.keys.abs(),
      keyAliases: B.beschikkingKenmerk.oudeKeys,
    },
    {
      name: INPUT_NAMES.beschikkingDatum,
      ref: B.beschikkingKenmerk.datum.abs(),
      comment: 'Datum van de beschikking per regeling (invoer)',
      input: true,
      keyRef: B.beschikkingKenmerk.keys.abs(),
      keyAliases: B.beschikkingKenmerk.oudeKeys,
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
      name: INPUT_NAMES.overhevelingLimiet,
      ref: B.limieten.abs(),
      comment:
        'Limiet van de overheveling Brede SPUK, % (invoer): per onderdeel, dan van het totaal; het blad Verantwoording volgt',
      input: true,
    },
    {
      name: INPUT_NAMES.vooruit,
      ref: B.vooruit.abs(),
      comment: 'Vooruit ontvangen voor het volgende jaar, per jaar van ontvangst (invoer)',
      input: true,
    },
    {
      name: INPUT_NAMES.vanMandaat,
      ref: B.vanMandaat.input.abs(),
      comment:
        'Ledengemeente: ontvangen van de mandaatgemeente per regeling en jaar (invoer; leeg = gepland aandeel)',
      input: true,
      keyRef: B.vanMandaat.keys.abs(),
    },
    {
      name: 'Begroting_Signalen',
      ref: B.signalen.abs(),
      comment: 'Aantal actieve signalen van de Begrotingstoets (0 = geen)',
      input: false,
    },
    {
      name: INPUT_NAMES.chosen,
      ref: cells.chosen.abs(),
      comment: 'Gekozen gemeente op Overzicht',
      input: false,
    },
    {
      name: 'Controle_Totaal',
      ref: cells.master.abs(),
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
    ...more,
  ];
}
