import type { CbsCode, IzaRegio, RegioLidmaatschap } from './types';

export const IZA_LINE_NR = 16;

export type MembershipStatus = 'bekend' | 'afgeleid' | 'onbekend';

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
