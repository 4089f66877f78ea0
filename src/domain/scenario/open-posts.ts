import type { EditionYear, OpenPost } from '../edition';
import type { EditionReport } from '../edition-controle';
import type { Ledger } from '../ledger';
import type { Euro } from '../money';
import { euro } from '../money';
import type { CbsCode, ReferenceData } from '../types';

/**
 * An open post with an indicative amount for the gemeente (issue 16): money that leaves a regeling
 * without a known amount per gemeente (BRC and Sportakkoord from 2027), shown on its own line, never
 * added to the regeling's paid total. The key, stated on the sheet: the national indication of the
 * source (`OpenPost.landelijk`, 78 mln a year for BRC + Sportakkoord, VNG Lbr. 25/036 footnote 2) ×
 * the gemeente's share of the post's lines in the year before the post opens (2026: what it receives
 * on lines 1 and 2, its beschikking included, over Σ of every gemeente's edition amounts), rounded to
 * whole euros per year. An assumption, labelled "open post, indicatief", never a source's figure.
 */
export interface OpenPostIndicatie {
  readonly post: OpenPost;
  /** The year whose amounts make the key (`vanJaar` − 1). */
  readonly basisJaar: EditionYear;
  /** The national indication (euros a year); 0 when the source gives none (then no amount is shown). */
  readonly landelijk: Euro;
  /** Σ of every gemeente's edition amounts on the post's lines in `basisJaar`. */
  readonly basisLandelijk: Euro;
  /** The gemeente's amount on those lines in `basisJaar` (national view: the same Σ). */
  readonly basisGemeente: Euro;
  /** Per year of the edition: the indicative amount in the post's years, else 0. */
  readonly perJaar: readonly Euro[];
}

/**
 * The indicative amounts of the edition's open posts for a gemeente (see `OpenPostIndicatie`): only
 * posts with a national indication and a base year on the edition's axis. `amount` is the gemeente's
 * amount of a line (the scenario's, beschikking included; national view: Σ). Pure; whole euros
 * (ROUND of landelijk × basisGemeente / basisLandelijk, as the sheet computes it).
 */
export function openPostIndicaties(
  ledger: Ledger,
  amount: (nr: number, jaar: EditionYear) => Euro,
): OpenPostIndicatie[] {
  const years = ledger.years;
  const out: OpenPostIndicatie[] = [];
  for (const post of ledger.input.edition.openPosten) {
    const basisJaar = (post.vanJaar - 1) as EditionYear;
    if (post.landelijk === undefined || !years.includes(basisJaar)) continue;
    const nrs = post.nrs.filter((nr) => ledger.lines.some((l) => l.nr === nr));
    const basisLandelijk = euro(nrs.reduce((a, nr) => a + ledger.sumGemeenten(nr, basisJaar), 0));
    const basisGemeente = euro(nrs.reduce((a, nr) => a + amount(nr, basisJaar), 0));
    const landelijk = post.landelijk;
    const each = basisLandelijk === 0 ? 0 : Math.round((landelijk * basisGemeente) / basisLandelijk);
    out.push({
      post,
      basisJaar,
      landelijk,
      basisLandelijk,
      basisGemeente,
      perJaar: years.map((y) => euro(y >= post.vanJaar && y <= post.totEnMetJaar ? each : 0)),
    });
  }
  return out;
}

/** The floor gemeenten and the first year the raming splits without their floor. */
export interface VloerGemeenten {
  readonly codes: readonly CbsCode[];
  readonly jaar?: EditionYear;
}

/**
 * The gemeenten whose Bijlage 2A amount is a floor (minimum) amount (the source's warning
 * `FloorNotInAzwa`: the SPUK AZWA raming splits without that floor, so they lose about a quarter in
 * 2027, e.g. Rozendaal € 72.896 → € 54.233): their CBS codes, from the warning's names in Bijlage 2A.
 * Empty when the edition has no SPUK AZWA raming.
 */
export function vloerGemeenten(report: EditionReport, base: ReferenceData): VloerGemeenten {
  const w = report.warnings.find((x) => x.kind === 'FloorNotInAzwa');
  if (!w || w.kind !== 'FloorNotInAzwa') return { codes: [] };
  const names = new Set(w.gemeenten);
  return { codes: base.bijlage2A.filter((r) => names.has(r.naamInBron)).map((r) => r.code), jaar: w.jaar };
}
