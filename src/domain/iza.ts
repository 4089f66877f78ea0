import type { Allocation } from './allocation';
import type { Euro } from './money';
import { euro } from './money';
import type { Period } from './periods';
import { PERIODS } from './periods';
import type { CbsCode, IzaRegio, RegioLidmaatschap } from './types';

export const IZA_LINE_NR = 16;

export type MembershipStatus = 'bekend' | 'afgeleid' | 'onbekend';

export interface RegioEstimate {
  readonly regio: IzaRegio;
  readonly leden: readonly CbsCode[];
  /** 'bekend': every member from a regiobeeld region of the same name; 'afgeleid': derived; 'onbekend': no members. */
  readonly status: MembershipStatus;
  /** Σ of the members' key allocation of the IZA line (GALA bijlage 2: the region is the sum of its gemeenten). */
  readonly schatting: Readonly<Record<Period, Euro>>;
  /** Published amounts (Bijlage 2B) where they exist. */
  readonly gepubliceerd: Readonly<Partial<Record<Period, Euro>>>;
  /** The amount to budget: the published one where it exists (it wins), else the estimate. */
  readonly bedrag: Readonly<
    Record<Period, { readonly amount: Euro; readonly bron: 'gepubliceerd' | 'geschat' }>
  >;
}

/** Members and membership status of each region ('bekend' when every member comes from a regiobeeld region of the same name). */
export function membershipStatus(
  regios: readonly IzaRegio[],
  lidmaatschap: readonly RegioLidmaatschap[],
): { readonly regio: IzaRegio; readonly leden: readonly CbsCode[]; readonly status: MembershipStatus }[] {
  return regios.map((regio) => {
    const members = lidmaatschap.filter((m) => m.regio === regio.naam);
    const status: MembershipStatus =
      members.length === 0
        ? 'onbekend'
        : members.every((m) => m.methode === 'naam regiobeeld')
          ? 'bekend'
          : 'afgeleid';
    return { regio, leden: members.map((m) => m.code), status };
  });
}

/** IZA per regio: published 2025/2026 and estimates from the members' shares for every period. */
export function izaPerRegio(
  allocation: Allocation,
  regios: readonly IzaRegio[],
  lidmaatschap: readonly RegioLidmaatschap[],
): RegioEstimate[] {
  const lineIndex = allocation.data.onderdelen.findIndex((l) => l.nr === IZA_LINE_NR);
  return membershipStatus(regios, lidmaatschap).map(({ regio, leden, status }) => {
    const schatting: Record<Period, Euro> = {
      2023: euro(0),
      2024: euro(0),
      2025: euro(0),
      2026: euro(0),
      structureel: euro(0),
    };
    for (const code of leden) {
      const row = allocation.rowIndex(code);
      for (const p of PERIODS)
        schatting[p] = euro(schatting[p] + allocation.amount(row, lineIndex, p).amount);
    }
    const gepubliceerd: Partial<Record<Period, Euro>> = { 2025: regio.totaal2025, 2026: regio.totaal2026 };
    const pick = (p: Period) => {
      const pub = gepubliceerd[p];
      return pub === undefined
        ? { amount: schatting[p], bron: 'geschat' as const }
        : { amount: pub, bron: 'gepubliceerd' as const };
    };
    const bedrag = {
      2023: pick(2023),
      2024: pick(2024),
      2025: pick(2025),
      2026: pick(2026),
      structureel: pick('structureel'),
    };
    return { regio, leden, status, schatting, gepubliceerd, bedrag };
  });
}
