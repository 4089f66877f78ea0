export type { BestedingFeed, RealisatieCells } from './realisatie-sheet';
export { buildRealisatie, PROGNOSEJAAR_NAME } from './realisatie-sheet';
export type { RealisatieTableCells } from './fixed-cells';
export {
  PROGNOSE_KOLOM,
  REALISATIE_TABLE,
  realisatieKolommen,
  realisatieSchema,
  realisatieTable,
} from './fixed-cells';
export { keyMisses, keyText, prognoseJaarOf } from './keys';
