import type {
  Allocation,
  ControleReport,
  Gemeente,
  Onderdeel,
  ReferenceData,
  Verdeelsleutel,
} from '../domain';

/** Everything a sheet builder needs, computed once by the domain. */
export interface PlanContext {
  readonly data: ReferenceData;
  readonly key: Verdeelsleutel;
  readonly allocation: Allocation;
  readonly report: ControleReport;
  readonly lines: readonly Onderdeel[];
  readonly gemeenten: readonly Gemeente[];
  /** Row index of the chosen gemeente in `gemeenten`, or undefined for the national view. */
  readonly chosen: number | undefined;
  /** Line numbers a new regeling has made lasting (the BBV flag on Landelijk, 1 = ja). */
  readonly vastgelegd: ReadonlySet<number>;
}
