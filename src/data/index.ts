// Public surface of the data layer: embedded editions, parsed and checked once.
export { loadReferenceData, defaultReferenceData, baseDataEdition, EMBEDDED_FILES, EMBEDDED_TEXTS } from './load';
export type { SourceFiles } from './load';
export { DataFileError } from './errors';
export { readCsv } from './csv';
export type { CsvRecord } from './csv';
export { parseUserKeyCsv, parseBeschikkingCsv } from './user-input';
export { parseRegioInvoerCsv } from './regio-input';
export type { RegioInvoer } from './regio-input';
export type { UserKeyInput, UserInput } from './user-input';
export {
  parseBegrotingCsv,
  parseBeschikkingRegelsCsv,
  begrotingCsv,
  regelingJaren,
  readBeschikkingsdatum,
} from './begroting-input';
export type { BegrotingCsvOptions, BeschikkingRegelsOptions } from './begroting-input';
// Bytes of a user file → text (UTF-8, Windows-1252, UTF-16 with BOM); the task pane's file import can use it too.
export { decodeText } from './decode-text';
export {
  editionManifests,
  defaultEditionId,
  isEditionId,
  resolveEdition,
  editionInput,
  publishedTables,
  registerEditionFolder,
  registeredEditionFolders,
  TABEL_PER_GEMEENTE_KOLOMMEN,
} from './editions';
export type { EditionFolder } from './editions';
export { parseManifest, ManifestError } from './manifest';
export { scenarioEditions } from './scenario-input';
export { earlierEditions } from './earlier-editions';
export type { EditionOrder } from './earlier-editions';
export { parseRealisatieCsv } from './realisatie-input';
