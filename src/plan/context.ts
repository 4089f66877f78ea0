import type {
  EditionInput,
  EditionLine,
  EditionReport,
  EditionYear,
  GalaTableReport,
  Gemeente,
  Ledger,
  ReferenceData,
  Verdeelsleutel,
} from '../domain';

/** Everything a sheet builder needs, computed once by the domain. */
export interface PlanContext {
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
  /** Row index of the chosen gemeente in `gemeenten`, or undefined for the national view. */
  readonly chosen: number | undefined;
  /** Line numbers a new regeling has made lasting (the BBV flag on Landelijk, 1 = ja). */
  readonly vastgelegd: ReadonlySet<number>;
  /** The edition before this one, for "Wat is er veranderd" (undefined for the first edition). */
  readonly vorige: Ledger | undefined;
}
