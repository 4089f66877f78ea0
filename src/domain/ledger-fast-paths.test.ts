import fc from 'fast-check';
import { editionInput, editionManifests } from '../data';
import type { BeschikkingAmount, CbsCode, Euro } from '.';
import { BEGROTING_REGELINGEN, builtInKey, euro, Ledger, regelingLabel, splitByWeights, SplitMemo } from '.';

/**
 * The fast paths of the ledger and the split (#15 performance) give what the plain definitions give:
 * Σ gemeenten and `bedrag` read the columns without making an amount per gemeente; the split divides
 * instead of using `%`. Each test computes the plain definition next to the fast one.
 */

/** The split by its definition (docstring of splitByWeights): `%` floored, ties by row order. */
function referenceSplit(amount: number, weights: readonly number[], total: number): number[] {
  const rests = weights.map((w) => (((amount * w) % total) + total) % total);
  const floors = weights.map((w, i) => (amount * w - (rests[i] ?? 0)) / total);
  const d = amount - floors.reduce((a, b) => a + b, 0);
  const order = rests.map((r, i) => ({ r, i })).sort((a, b) => b.r - a.r || a.i - b.i);
  const out = [...floors];
  for (const { i } of order.slice(0, d)) out[i] = (out[i] ?? 0) + 1;
  return out;
}

describe('splitByWeights without `%`', () => {
  it('equals the split by its definition, negative amounts and large weights included', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -50_000_000, max: 50_000_000 }),
        fc.array(fc.integer({ min: 0, max: 2_000_000 }), { minLength: 1, maxLength: 40 }),
        (amount, weights) => {
          const total = weights.reduce((a, b) => a + b, 0);
          fc.pre(total > 0);
          const split = splitByWeights(euro(amount), weights, total);
          expect([...split.amounts]).toEqual(referenceSplit(amount, weights, total));
          expect(split.amounts.reduce((a, b) => a + b, 0)).toBe(amount);
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('Ledger fast paths equal their definitions, in every edition', () => {
  for (const m of editionManifests()) {
    it(`${m.id}: sumGemeenten = Σ gemeente(), bedrag = gemeente()?.bedrag ?? 0 (with and without a beschikking)`, () => {
      const input = editionInput(m.id);
      const key = builtInKey('spuk-2025', input.base);
      const codes = input.base.gemeenten.map((g) => g.code);
      const first = codes[0] as CbsCode;
      const own = input.edition.lines.find((l) => l.ontvanger === 'gemeente');
      const jaar = input.edition.years[0];
      const beschikking: BeschikkingAmount[] =
        own && jaar !== undefined ? [{ code: first, nr: own.nr, jaar, bedrag: 123 as Euro }] : [];
      for (const ledger of [new Ledger(input, key), new Ledger(input, key, beschikking)]) {
        for (const line of input.edition.lines)
          for (const y of input.edition.years) {
            let sum = 0;
            for (const c of codes) {
              const plain = ledger.gemeente(c, line.nr, y)?.bedrag ?? 0;
              sum += plain;
              if (ledger.bedrag(c, line.nr, y) !== plain)
                throw new Error(`bedrag ${c} ${line.nr} ${y}: ${ledger.bedrag(c, line.nr, y)} ≠ ${plain}`);
            }
            // Twice: the second answer is the memoised one.
            expect([line.nr, y, ledger.sumGemeenten(line.nr, y)]).toEqual([line.nr, y, sum]);
            expect(ledger.sumGemeenten(line.nr, y)).toBe(sum);
          }
        // An amount of a column (not a beschikking's) is made once and then the same object.
        const second = codes[1] as CbsCode;
        if (own && jaar !== undefined)
          expect(ledger.gemeente(second, own.nr, jaar)).toBe(ledger.gemeente(second, own.nr, jaar));
      }
      if (own && jaar !== undefined)
        expect(new Ledger(input, key, beschikking).sumGemeenten(own.nr, jaar)).toBe(
          new Ledger(input, key).sumGemeenten(own.nr, jaar) -
            (new Ledger(input, key).gemeente(first, own.nr, jaar)?.bedrag ?? 0) +
            123,
        );
    });
  }

  it('regelingLabel memoised per ledger: the same answer as a fresh ledger gives', () => {
    const m = editionManifests()[0];
    if (!m) throw new Error('no edition');
    const input = editionInput(m.id);
    const key = builtInKey('spuk-2025', input.base);
    const a = new Ledger(input, key);
    for (const reg of BEGROTING_REGELINGEN)
      for (const y of input.edition.years) {
        const once = regelingLabel(a, reg, y);
        expect(regelingLabel(a, reg, y)).toBe(once);
        expect(regelingLabel(new Ledger(input, key), reg, y)).toBe(once);
      }
  });

  it('a memo of splits shared by two ledgers (as resolveNational does) changes no amount', () => {
    const ids = editionManifests().map((m) => m.id);
    for (const [a, b] of ids.slice(1).map((id, i) => [ids[i] as string, id] as const)) {
      const van = editionInput(a);
      const naar = editionInput(b);
      const key = builtInKey('spuk-2025', naar.base);
      const memo = new SplitMemo(key);
      const shared = [new Ledger(naar, key, [], memo), new Ledger(van, key, [], memo)];
      const own = [new Ledger(naar, key), new Ledger(van, key)];
      // A memo of another key is not used.
      const other = new Ledger(naar, key, [], new SplitMemo(builtInKey('gelijk', naar.base)));
      shared.forEach((l, k) => {
        const fresh = own[k] as Ledger;
        const dump = (x: Ledger) =>
          x.lines.flatMap((line) =>
            x.years.flatMap((y) => [
              x.national(line.nr, y).bedrag,
              x.structuralLevel(line.nr, x.gemeenten[5]),
              ...x.gemeenten.map((c) => x.bedrag(c, line.nr, y)),
              ...x.regios.map((r) => x.regio(r.naam, line.nr, y).bedrag),
            ]),
          );
        expect(dump(l)).toEqual(dump(fresh));
        if (k === 0) expect(dump(other)).toEqual(dump(fresh));
      });
    }
  });
});
