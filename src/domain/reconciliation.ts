import { Allocation } from './allocation';
import type { Euro } from './money';
import { euro } from './money';
import type { Period } from './periods';
import { PERIODS } from './periods';
import { nationalTotals, linesOfHoofdthema } from './totals';
import type { ReferenceData } from './types';
import { HOOFDTHEMAS } from './types';
import { IZA_LINE_NR, membershipStatus } from './iza';
import type { Verdeelsleutel } from './verdeelsleutel';

export const GRAND_TOTAL_LABEL = 'Brede SPUK inclusief IZA';

export type CheckStatus = 'ok' | 'verschil' | 'bron leeg';

/** One reconciliation: a published (or required) figure against what the data adds up to. */
export interface Check {
  readonly id: string;
  /** What is compared, as facts: the label of the row and the period or subject. */
  readonly subject: string;
  readonly period: Period | undefined;
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

export interface ControleReport {
  readonly checks: readonly Check[];
  readonly warnings: readonly Warning[];
  /** True when every published total reconciles (no 'verschil'). */
  readonly ok: boolean;
}

function compare(
  id: string,
  subject: string,
  period: Period | undefined,
  verwacht: Euro | undefined,
  berekend: Euro,
): Check {
  let status: CheckStatus;
  if (verwacht === undefined) status = berekend === 0 ? 'ok' : 'bron leeg';
  else status = verwacht === berekend ? 'ok' : 'verschil';
  return { id, subject, period, verwacht, berekend, status };
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
 * Every reconciliation check on the base data (GALA table, counts) and, with a key, the split of the
 * GALA table over the gemeenten; plus the warnings the data deserves. Editions reconcile through
 * `editionControle`, which uses this without a key (their splits are checked on the ledger itself).
 */
export function controle(data: ReferenceData, key?: Verdeelsleutel): ControleReport {
  const checks: Check[] = [];
  const warnings: Warning[] = [];
  const published = new Map(data.publishedTotals.map((t) => [t.label, t]));

  const groups: { label: string; totals: ReturnType<typeof nationalTotals> }[] = [
    ...HOOFDTHEMAS.map((h) => ({
      label: h as string,
      totals: nationalTotals(linesOfHoofdthema(data.onderdelen, h)),
    })),
    { label: GRAND_TOTAL_LABEL, totals: nationalTotals(data.onderdelen) },
  ];
  for (const { label, totals } of groups) {
    const pub = published.get(label);
    for (const p of PERIODS) {
      const c = compare(`totaal:${label}:${p}`, label, p, pub?.values[p], totals.perPeriod[p]);
      checks.push(c);
      if (c.status === 'bron leeg')
        warnings.push({ kind: 'StructuralTotalBlank', label, berekend: totals.perPeriod[p] });
    }
  }

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

  // The allocation invariant: Σ gemeenten = national amount, to the euro, for every line and period.
  const allocation = key === undefined ? undefined : new Allocation(data, key);
  if (allocation)
    data.onderdelen.forEach((line, li) => {
      for (const p of PERIODS) {
        const national = line
          ? ((p === 'structureel' ? line.structureel : line.amounts[p]) ?? euro(0))
          : euro(0);
        const c = compare(
          `verdeling:${line.nr}:${p}`,
          `onderdeel ${line.nr}`,
          p,
          national,
          allocation.columnTotal(li, p),
        );
        checks.push(c);
      }
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
  const gala2026 = nationalTotals(brede).perPeriod[2026];
  const mutaties = euro(
    data.mutaties.filter((m) => m.jaar === 2026 && m.spuk === 'Brede SPUK').reduce((s, m) => s + m.bedrag, 0),
  );
  const bijlage2A2026 = euro(data.bijlage2A.reduce((s, r) => s + r.totaal2026, 0));
  warnings.push({ kind: 'MutatiesGap', gala2026, mutaties, bijlage2A2026 });

  return { checks, warnings, ok: checks.every((c) => c.status !== 'verschil') };
}
