import type {
  EditionInput,
  EditionLine,
  EditionReport,
  EditionYear,
  GalaTableReport,
  Gemeente,
  Ledger,
  ReferenceData,
  Scenario,
  Vastlegging,
  Verdeelsleutel,
} from '../domain';

/**
 * What the national sheets (Landelijk, Verdeelsleutel, Afronding, IZA, Allocatie, Bronnen) are built
 * from: the domain's national scenario, nothing about the chosen gemeente, its beschikking or its
 * begroting. Their builders take only this, so the type proves they are the same for every gemeente
 * (and a batch may build them once: `planReuse`).
 */
export interface NationalContext {
  /** The base data every edition shares (gemeenten, GALA table, Bijlagen, membership). */
  readonly data: ReferenceData;
  readonly input: EditionInput;
  /** Every amount of the edition for the key: what each formula must evaluate to. */
  readonly ledger: Ledger;
  readonly key: Verdeelsleutel;
  /** The edition's reconciliation (Controle, Bronnen). */
  readonly report: EditionReport;
  /** The GALA table's own checks (hoofdthema totals), shown on Landelijk. */
  readonly galaReport: GalaTableReport;
  /** Every line of the edition (Landelijk). */
  readonly lines: readonly EditionLine[];
  /** The lines money of which lands on a gemeente: its own and, for mandaatgemeenten, regional ones. */
  readonly allocLines: readonly EditionLine[];
  readonly years: readonly EditionYear[];
  readonly gemeenten: readonly Gemeente[];
  /** The BBV flag per line on Landelijk: 1 (from the first year after the end) or a year (from then on). */
  readonly vastgelegd: Vastlegging;
  /** The edition before this one, for "Wat is er veranderd" (undefined for the first edition). */
  readonly vorige: Ledger | undefined;
}

/** Everything a sheet builder needs, computed once by the domain: the national part and the gemeente's. */
export interface PlanContext extends NationalContext {
  /** The resolved scenario: every number the workbook shows (the fields above are its parts). */
  readonly scenario: Scenario;
  /** Row index of the chosen gemeente in `gemeenten`, or undefined for the national view. */
  readonly chosen: number | undefined;
}
