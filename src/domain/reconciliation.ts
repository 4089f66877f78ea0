import type { Euro } from './money';
import { euro } from './money';
import type { GalaColumn } from './gala-table';
import { galaTableChecks, galaTotals } from './gala-table';
import type { ReferenceData } from './types';
import { IZA_LINE_NR, membershipStatus } from './iza';

export type CheckStatus = 'ok' | 'verschil' | 'bron leeg';

/** One reconciliation: a published (or required) figure against what the data adds up to. */
export interface Check {
  readonly id: string;
  /** What is compared, as facts: the label of the row and the period or subject. */
  readonly subject: string;
  readonly period: GalaColumn | undefined;
  readonly verwacht: Euro | number | undefined;
  readonly berekend: Euro | number;
  readonly status: CheckStatus;
}

/** Something in the sources a controller should know; reported, never silently corrected. */
export type Warning =
  | { readonly kind: 'StructuralTotalBlank'; readonly label: string; readonly berekend: Euro }
  | { readonly kind: 'RatioAnomaly'; readonly regio: string; readonly ratio: number; readonly modal: number }
  | { readonly kind: 'FloorAmounts'; readonly gemeenten: readonly string[]; readonly modal: number }
  | { readonly kind: 'DerivedMembership'; readonly regios: readonly string[] }
  | { readonly kind: 'UnknownMembership'; readonly regios: readonly string[] }
  | {
      readonly kind: 'IzaBelowNational';
      readonly jaar: 2025 | 2026;
      readonly gepubliceerd: Euro;
      readonly landelijk: Euro;
    }
  | {
      readonly kind: 'MutatiesGap';
      readonly gala2026: Euro;
      readonly mutaties: Euro;
      readonly bijlage2A2026: Euro;
    };

export interface BaseDataReport {
  readonly checks: readonly Check[];
  readonly warnings: readonly Warning[];
  /** True when every published total reconciles (no 'verschil'). */
  readonly ok: boolean;
}

function modal(values: readonly number[]): number {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best = 0;
  let bestCount = -1;
  for (const [v, c] of counts) if (c > bestCount) [best, bestCount] = [v, c];
  return best;
}

const ratio4 = (a: number, b: number): number => Math.round((a / b) * 10000) / 10000;

/**
 * The checks on the base data every edition shares, and the warnings it deserves: the GALA table's
 * own checks (`galaTableChecks`: hoofdthema totals against the published ones, euros), the
 * completeness of the per-gemeente and per-regio tables (counts), and source anomalies (Bijlage 2A/2B
 * ratios, derived memberships, IZA below the national amount, the Bijlage 1 gap). Editions reconcile
 * through `editionControle`, which starts from this and checks every split on the ledger itself.
 */
export function baseDataControle(data: ReferenceData): BaseDataReport {
  const gala = galaTableChecks(data);
  const checks: Check[] = [...gala.checks];
  const warnings: Warning[] = gala.checks
    .filter((c) => c.status === 'bron leeg')
    .map((c) => ({ kind: 'StructuralTotalBlank', label: c.subject, berekend: euro(c.berekend) }));

  // Completeness of the per-gemeente and per-regio tables, each against another source (no counts in code):
  // the gemeenten of the indeling against those of Bijlage 2A, the regions of Bijlage 2B against the
  // regions the membership names.
  const n = data.gemeenten.length;
  const n2a = new Set(data.bijlage2A.map((r) => r.code)).size;
  checks.push({
    id: 'aantal:gemeenten',
    subject: 'gemeenten',
    period: undefined,
    verwacht: n2a,
    berekend: n,
    status: n === n2a ? 'ok' : 'verschil',
  });
  checks.push({
    id: 'aantal:bijlage2A',
    subject: 'Bijlage 2A',
    period: undefined,
    verwacht: n,
    berekend: n2a,
    status: n2a === n ? 'ok' : 'verschil',
  });
  const n2b = data.izaRegios.length;
  const regionsNamed = new Set(data.lidmaatschap.map((m) => m.regio)).size;
  checks.push({
    id: 'aantal:bijlage2B',
    subject: 'Bijlage 2B',
    period: undefined,
    verwacht: regionsNamed,
    berekend: n2b,
    status: n2b === regionsNamed ? 'ok' : 'verschil',
  });
  const members = new Set(data.lidmaatschap.map((m) => m.code)).size;
  checks.push({
    id: 'aantal:lidmaatschap',
    subject: 'IZA-lidmaatschap',
    period: undefined,
    verwacht: n,
    berekend: members,
    status: members === n && data.lidmaatschap.length === n ? 'ok' : 'verschil',
  });

  // Source anomalies, reported as found.
  const ratios2B = data.izaRegios.map((r) => ratio4(r.totaal2026, r.totaal2025));
  const modal2B = modal(ratios2B);
  data.izaRegios.forEach((r, i) => {
    const ratio = ratios2B[i] ?? 0;
    if (ratio !== modal2B) warnings.push({ kind: 'RatioAnomaly', regio: r.naam, ratio, modal: modal2B });
  });
  const ratios2A = data.bijlage2A.map((r) => ratio4(r.totaal2026, r.totaal2025));
  const modal2A = modal(ratios2A);
  const floor = data.bijlage2A.filter((_, i) => ratios2A[i] !== modal2A).map((r) => r.naamInBron);
  if (floor.length > 0) warnings.push({ kind: 'FloorAmounts', gemeenten: floor, modal: modal2A });

  const estimates = membershipStatus(data.izaRegios, data.lidmaatschap);
  const derived = estimates.filter((e) => e.status === 'afgeleid').map((e) => e.regio.naam);
  if (derived.length > 0) warnings.push({ kind: 'DerivedMembership', regios: derived });
  const unknown = estimates.filter((e) => e.status === 'onbekend').map((e) => e.regio.naam);
  if (unknown.length > 0) warnings.push({ kind: 'UnknownMembership', regios: unknown });

  const iza = data.onderdelen.find((l) => l.nr === IZA_LINE_NR);
  for (const jaar of [2025, 2026] as const) {
    const pub = euro(data.izaRegios.reduce((s, r) => s + (jaar === 2025 ? r.totaal2025 : r.totaal2026), 0));
    const national = iza?.amounts[jaar] ?? euro(0);
    if (pub !== national)
      warnings.push({ kind: 'IzaBelowNational', jaar, gepubliceerd: pub, landelijk: national });
  }

  const brede = data.onderdelen.filter((l) => l.fund === 'brede-spuk');
  const gala2026 = galaTotals(brede)[2026];
  const mutaties = euro(
    data.mutaties.filter((m) => m.jaar === 2026 && m.spuk === 'Brede SPUK').reduce((s, m) => s + m.bedrag, 0),
  );
  const bijlage2A2026 = euro(data.bijlage2A.reduce((s, r) => s + r.totaal2026, 0));
  warnings.push({ kind: 'MutatiesGap', gala2026, mutaties, bijlage2A2026 });

  return { checks, warnings, ok: checks.every((c) => c.status !== 'verschil') };
}
