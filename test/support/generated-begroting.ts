/** Generated begrotingen for the formula tests (HyperFormula, LibreOffice): seeded, every signal kind. */
import type { BegrotingInvoer, BegrotingRegel, BeschikkingRegel } from '../../src/domain';
import { BEGROTING_REGELINGEN, euro } from '../../src/domain';
import { defaultEditionId, editionInput } from '../../src/data';

/**
 * Seven generated years (2023–2029), padded with 0 to the default edition's axis (2023–2030 for
 * vws-2026-04), so the random sequence, and with it every expected signal, stays the same.
 */
function axis(values: readonly number[]): number[] {
  const n = editionInput(defaultEditionId()).edition.years.length;
  return [...values, ...Array<number>(Math.max(0, n - values.length)).fill(0)];
}

/** A begroting of `rows` random activities plus fixed cases that make every per-onderdeel rule fire. */
export function generated(seed: number, rows: number): BegrotingInvoer {
  let x = seed;
  const rnd = (n: number): number => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return Math.floor(x / 65536) % n;
  };
  const taakvelden = ['5.1', '6.1', '6.71', '7.1', '0.10', '6.3'];
  const regels: BegrotingRegel[] = [];
  for (let i = 0; i < rows; i++) {
    const regeling = BEGROTING_REGELINGEN[rnd(4)] ?? 'Brede SPUK';
    const onderdeel = regeling === 'Brede SPUK' && rnd(10) > 0 ? 1 + rnd(15) : undefined;
    const aard = (['structureel', 'incidenteel', 'incidenteel', undefined] as const)[rnd(4)];
    regels.push({
      rij: 7 + i,
      regeling,
      onderdeel,
      activiteit: `Activiteit ${i + 1}`,
      taakveld: taakvelden[rnd(taakvelden.length)] ?? '7.1',
      uitvoerder: rnd(2) ? 'GGD' : 'Gemeente',
      aard,
      lasten: axis(
        [0, 1, 2, 3, 4, 5, 6].map(() => (rnd(3) === 0 ? 0 : rnd(rnd(8) === 0 ? 2_000_000 : 250_000))),
      ).map((v) => euro(v)),
      andereDekking: '',
      opmerking: '',
    });
  }
  // Besides the random rows, cases that make the per-onderdeel rules fire for sure.
  const fixed = (onderdeel: number | undefined, y2023: number, y2024: number): BegrotingRegel => ({
    rij: 7 + regels.length,
    regeling: 'Brede SPUK',
    onderdeel,
    activiteit: `Vast ${regels.length}`,
    taakveld: '7.1',
    uitvoerder: 'GGD',
    aard: 'incidenteel',
    lasten: axis([y2023, y2024, 0, 0, 0, 0, 0]).map((v) => euro(v)),
    andereDekking: '',
    opmerking: '',
  });
  regels.push(fixed(5, 3_000_000, 0), fixed(undefined, 0, 1_000));
  const carry = Array.from({ length: 15 }, (_, i) =>
    euro(i === 0 ? 250_000 : rnd(3) === 0 ? rnd(80_000) : 0),
  );
  return {
    regels,
    overheveling2023: carry,
    overheveling2025: euro(400_000 + rnd(100_000)),
    vooruitOntvangen: axis([0, 0, 0, 9_000_000, 0, 0, 100]).map((v) => euro(v)),
  };
}

/** A beschikking with regeling totals and onderdelen (Almere-sized amounts). */
export const BESCHIKKING: BeschikkingRegel[] = [
  { regeling: 'Brede SPUK', onderdeel: undefined, jaar: 2025, bedrag: euro(3_480_000) },
  { regeling: 'Brede SPUK', onderdeel: 2, jaar: 2023, bedrag: euro(900_000) },
  { regeling: 'Brede SPUK', onderdeel: 7, jaar: 2024, bedrag: euro(120_000) },
  { regeling: 'SPUK IZA', onderdeel: undefined, jaar: 2026, bedrag: euro(3_400_000) },
  { regeling: 'SPUK AZWA lokaal', onderdeel: undefined, jaar: 2027, bedrag: euro(2_600_000) },
];
