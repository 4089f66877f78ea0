export type { BestedingCells, BestedingFeed } from './besteding-sheet';
export { buildBesteding } from './besteding-sheet';
export type { RealisatieCells, RealisatieSheets } from './realisatie-sheet';
export { buildRealisatie, PROGNOSEJAAR_NAME } from './realisatie-sheet';
export type { RealisatieTableCells } from './fixed-cells';
export {
  BESTEDING_UITVOERDER_ONBEKEND,
  BESTEDING_ZONDER_BEGROTING,
  PROGNOSE_KOLOM,
  REALISATIE_TABLE,
  realisatieKolommen,
  realisatieSchema,
  realisatieTable,
} from './fixed-cells';
export type { KeyedRow } from './keys';
export { keyMisses, keyText, prognoseJaarOf, ZOEK_VERVANGINGEN, zoekSleutel } from './keys';
export type { RealisatieControle, WerkmapCheckId } from './checks';
export {
  BESTEDING_VERANTWOORDING_TEKST,
  realisatieChecks,
  verantwoordingInputs,
  verantwoordingTekstSection,
  WERKMAP_CHECKS,
} from './checks';
