import { editionInput } from '../data';
import type { CbsCode } from '.';
import { bbvJaren, builtInKey, isVastgelegd, Ledger, readings, regelingHeeftGeld, vastlegging } from '.';

const input = (id: string) => editionInput(id);
const key = builtInKey('spuk-2025', input('gala-2023').base);
const gala = new Ledger(input('gala-2023'), key);
const vws2026 = new Ledger(input('vws-2026-04'), key);
const ALMERE = 'GM0034' as CbsCode;

/** The BBV-structural own money of Almere per year, with the given flags (only the flagged lines add to it). */
function structural(ledger: Ledger, flags: Parameters<typeof vastlegging>[0]): Record<number, number> {
  const r = readings(ledger, ALMERE, { vastgelegd: vastlegging(flags) });
  return Object.fromEntries(r.map((y) => [y.jaar, y.bbvStructureel]));
}

describe('the BBV flag per year (Landelijk: 0 nee, 1 vanaf het jaar na het eindjaar, of een jaar)', () => {
  it('the flag counts only after the regeling ends: never back to 2023', () => {
    expect(isVastgelegd(1, 2023, 2026)).toBe(false);
    expect(isVastgelegd(1, 2026, 2026)).toBe(false);
    expect(isVastgelegd(1, 2027, 2026)).toBe(true);
    expect(isVastgelegd(2028, 2027, 2026)).toBe(false);
    expect(isVastgelegd(2028, 2028, 2026)).toBe(true);
    expect(isVastgelegd(0, 2028, 2026)).toBe(false);
    expect(isVastgelegd(undefined, 2028, 2026)).toBe(false);
    // A year at or before the end reads as "from the first year after the end".
    expect(isVastgelegd(2024, 2026, 2026)).toBe(false);
    expect(isVastgelegd(2024, 2027, 2026)).toBe(true);
  });

  it('the years a line can be vastgelegd: after its regeling; for the SPUK AZWA only 2030 (vws-2026-04), none on 2023–2029', () => {
    expect(bbvJaren(2026, gala.years)).toEqual([2027, 2028, 2029]);
    expect(bbvJaren(2029, gala.years)).toEqual([]);
    expect(bbvJaren(2029, vws2026.years)).toEqual([2030]);
  });

  it('the flag does not act on a regeling in a year it has no money (edition data: SPUK AZWA 2030, BRC after 2026)', () => {
    const edition = vws2026.input.edition;
    expect(regelingHeeftGeld(edition, 'spuk-azwa', 2029)).toBe(true);
    expect(regelingHeeftGeld(edition, 'spuk-azwa', 2030)).toBe(false);
    expect(regelingHeeftGeld(edition, 'brede-spuk', 2027)).toBe(false);
    expect(bbvJaren(2029, vws2026.years, (y) => regelingHeeftGeld(edition, 'spuk-azwa', y))).toEqual([]);
    expect(isVastgelegd(1, 2030, 2029, false)).toBe(false);
    expect(isVastgelegd(1, 2030, 2029, true)).toBe(true);
    // gala-2023 carries the GALA structural level after 2026: the flag acts there.
    expect(regelingHeeftGeld(gala.input.edition, 'brede-spuk', 2027)).toBe(true);
  });

  it('BRC (line 2) in gala-2023 for Almere: incidental to 2026, structural from the year flagged on', () => {
    const brc = (y: number) => gala.gemeente(ALMERE, 2, y)?.bedrag ?? 0;
    expect(brc(2023)).toBeGreaterThan(0);
    expect(brc(2027)).toBeGreaterThan(0);
    const none = structural(gala, []);
    const fromEnd = structural(gala, [2]);
    const from2028 = structural(gala, [{ nr: 2, vanaf: 2028 }]);
    for (const y of [2023, 2024, 2025, 2026]) {
      expect(none[y]).toBe(0);
      expect(fromEnd[y]).toBe(0);
      expect(from2028[y]).toBe(0);
    }
    expect(fromEnd[2027]).toBe(brc(2027));
    expect(fromEnd[2029]).toBe(brc(2029));
    expect(from2028[2027]).toBe(0);
    expect(from2028[2028]).toBe(brc(2028));
    expect(from2028[2029]).toBe(brc(2029));
    // What is not vastgelegd after the end cannot be budgeted.
    const r = readings(gala, ALMERE, { vastgelegd: vastlegging([{ nr: 2, vanaf: 2028 }]) });
    const all = readings(gala, ALMERE);
    expect(r.find((x) => x.jaar === 2027)?.nietTeBegroten).toBe(
      all.find((x) => x.jaar === 2027)?.nietTeBegroten,
    );
    expect(r.find((x) => x.jaar === 2028)?.nietTeBegroten).toBe(
      (all.find((x) => x.jaar === 2028)?.nietTeBegroten ?? 0) - brc(2028),
    );
  });

  it('SPUK AZWA lokaal (line 17) in vws-2026-04: incidental in 2027–2029 whatever the flag (the regeling ends in 2029)', () => {
    const flagged = readings(vws2026, ALMERE, { vastgelegd: vastlegging([17]) });
    const plain = readings(vws2026, ALMERE);
    expect(flagged).toEqual(plain);
    const y2027 = flagged.find((x) => x.jaar === 2027);
    expect(y2027?.bbvStructureel).toBe(0);
    expect(y2027?.bbvIncidenteel).toBe(vws2026.gemeente(ALMERE, 17, 2027)?.bedrag);
  });

  it('a set of line numbers means each from the first year after its end; 0 is no flag; a line twice is refused', () => {
    expect(readings(gala, ALMERE, { vastgelegd: new Set([2]) })).toEqual(
      readings(gala, ALMERE, { vastgelegd: vastlegging([2]) }),
    );
    expect([...vastlegging([2, { nr: 7, vanaf: 2028 }, { nr: 9, vanaf: 0 }])]).toEqual([
      [2, 1],
      [7, 2028],
    ]);
    expect(() => vastlegging([2, { nr: 2, vanaf: 2028 }])).toThrow(/line 2 stated twice/);
  });
});
