import type { EditionLine, EditionYear, Ontvanger } from '../domain';
import { isNationalOnly } from '../domain';
import type { NationalContext } from './context';

/**
 * The recipient as the workbook's "Ontvanger" columns write it (and its formulas compare): gemeente,
 * mandaatgemeente or landelijk; money paid straight to the GGD'en is national for a gemeente.
 */
export function workbookOntvanger(ontvanger: Ontvanger): 'gemeente' | 'mandaatgemeente' | 'landelijk' {
  return isNationalOnly(ontvanger) ? 'landelijk' : ontvanger === 'gemeente' ? 'gemeente' : 'mandaatgemeente';
}

/**
 * How the workbook computes one line × year, from the edition's rule (src/domain/ledger.ts):
 * - `key`: a national amount split over the gemeenten with the verdeelsleutel (largest remainder,
 *   steps on Afronding);
 * - `row2a`: a gemeente's published Bijlage 2A total split over the onderdelen with the national
 *   composition (largest remainder per gemeente row, steps on Afronding);
 * - `mandaat`: what the gemeente receives as mandaatgemeente of a region (blad IZA);
 * - `table`: the amount per gemeente as published (rule `tabel-per-gemeente`: values, gepubliceerd;
 *   their sum is the national amount, checked under the NL total);
 * - `none`: no money under this regeling in that year (not yet, or ended; open posten are flagged).
 */
export type ColumnKind = 'key' | 'row2a' | 'mandaat' | 'table' | 'none';

export function columnKind(ctx: NationalContext, line: EditionLine, jaar: EditionYear): ColumnKind {
  const rule = ctx.input.edition.rule(line.regeling.id, jaar)?.spec.regel;
  if (rule === undefined || rule === 'beeindigd' || isNationalOnly(line.ontvanger)) return 'none';
  if (line.ontvanger === 'mandaatgemeente') return 'mandaat';
  if (rule === 'tabel-per-gemeente') return 'table';
  return rule === 'bijlage-2a' ? 'row2a' : 'key';
}

/**
 * How the IZA sheet computes a regional line × year for each region:
 * - `members`: Σ of the member gemeenten's key shares (GALA bijlage 2);
 * - `published`: Bijlage 2B of the year; `as2025`: the region's 2025 amount (2023, 2024);
 * - `regionKey`: a national amount split over the regions with the SPUK IZA key (newest Bijlage 2B);
 * - `none`: no money in that year.
 */
export type RegionKind = 'members' | 'published' | 'as2025' | 'regionKey' | 'none';

export function regionKind(ctx: NationalContext, line: EditionLine, jaar: EditionYear): RegionKind {
  const rule = ctx.input.edition.rule(line.regeling.id, jaar)?.spec.regel;
  switch (rule) {
    case 'gala-tabel':
    case 'gala-structureel':
    case 'gala-plus-lpo':
      return 'members';
    case 'bijlage-2b':
      return 'published';
    case 'bijlage-2b-2025':
      return 'as2025';
    case 'azwa-raming':
      return 'regionKey';
    default:
      return 'none';
  }
}

/** Contiguous runs of items with the same value of `kindOf` (one formula block each). */
export function runs<T, K>(
  items: readonly T[],
  kindOf: (item: T, index: number) => K,
): { kind: K; from: number; count: number }[] {
  const out: { kind: K; from: number; count: number }[] = [];
  items.forEach((item, i) => {
    const kind = kindOf(item, i);
    const last = out[out.length - 1];
    if (last && last.kind === kind && last.from + last.count === i) last.count++;
    else out.push({ kind, from: i, count: 1 });
  });
  return out;
}
