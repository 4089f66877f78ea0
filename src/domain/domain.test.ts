import fc from 'fast-check';
import { defaultReferenceData } from '../data';
import {
  baseDataControle,
  customKey,
  euro,
  galaTableChecks,
  galaTotals,
  mlnToEuro,
  linesOfHoofdthema,
  splitLargestRemainder,
  kthLargest,
  findGemeente,
} from '.';
import type { CbsCode, Verdeelsleutel } from '.';

const data = defaultReferenceData();
const mln = (n: number): number => Math.round(n * 1_000_000);

describe('money', () => {
  it('converts mln decimals exactly', () => {
    expect(mlnToEuro('89.3')).toBe(89_300_000);
    expect(mlnToEuro('-23.5')).toBe(-23_500_000);
    expect(mlnToEuro('0.000001')).toBe(1);
    expect(() => mlnToEuro('89,3')).toThrow();
    expect(() => euro(0.5)).toThrow();
  });
});

describe('published hoofdthema totals (GALA p. 38)', () => {
  const t = (thema: 'Sport en bewegen' | 'Gezondheid en sociale basis' | 'Algemeen') =>
    galaTotals(linesOfHoofdthema(data.onderdelen, thema));
  it('Sport en bewegen', () => {
    expect(t('Sport en bewegen')).toEqual({
      2023: mln(102.3),
      2024: mln(102.3),
      2025: mln(102.3),
      2026: mln(96.3),
      structureel: mln(96.3),
    });
  });
  it('Gezondheid en sociale basis', () => {
    expect(t('Gezondheid en sociale basis')).toEqual({
      2023: mln(185.3),
      2024: mln(183.8),
      2025: mln(183.8),
      2026: mln(138.3),
      structureel: mln(97.9),
    });
  });
  it('Algemeen', () => {
    expect(t('Algemeen')).toEqual({
      2023: mln(11.4),
      2024: mln(9.8),
      2025: mln(9.8),
      2026: 0,
      structureel: 0,
    });
  });
  it('grand total incl. IZA, and the structural total the source leaves blank', () => {
    expect(galaTotals(data.onderdelen)).toEqual({
      2023: mln(449),
      2024: mln(445.9),
      2025: mln(445.9),
      2026: mln(384.6),
      structureel: mln(344.2),
    });
  });
});

describe("the GALA table's own checks", () => {
  it('reconciles every published total; the blank structural grand total is a source gap, not a difference', () => {
    const report = galaTableChecks(data);
    expect(report.ok).toBe(true);
    expect(report.checks).toHaveLength(4 * 5);
    const grand = report.checks.filter((c) => c.subject === 'Brede SPUK inclusief IZA');
    expect(grand.map((c) => [c.id, c.status, c.berekend])).toEqual([
      ['totaal:Brede SPUK inclusief IZA:2023', 'ok', mln(449)],
      ['totaal:Brede SPUK inclusief IZA:2024', 'ok', mln(445.9)],
      ['totaal:Brede SPUK inclusief IZA:2025', 'ok', mln(445.9)],
      ['totaal:Brede SPUK inclusief IZA:2026', 'ok', mln(384.6)],
      ['totaal:Brede SPUK inclusief IZA:structureel', 'bron leeg', mln(344.2)],
    ]);
  });
  it('fails when a published total does not reconcile', () => {
    const tampered = {
      ...data,
      publishedTotals: data.publishedTotals.map((t) =>
        t.label === 'Algemeen' ? { ...t, values: { ...t.values, 2023: euro(mln(11.5)) } } : t,
      ),
    };
    const r = galaTableChecks(tampered);
    expect(r.ok).toBe(false);
    expect(r.checks.find((c) => c.id === 'totaal:Algemeen:2023')).toMatchObject({
      status: 'verschil',
      verwacht: mln(11.5),
      berekend: mln(11.4),
    });
    expect(r.checks.filter((c) => c.status === 'verschil')).toHaveLength(1);
  });
});

describe('the checks on the base data', () => {
  const report = baseDataControle(data);
  it('has the GALA checks and complete per-gemeente and per-regio tables', () => {
    expect(report.ok).toBe(true);
    expect(report.checks.filter((c) => c.id.startsWith('totaal:'))).toEqual(galaTableChecks(data).checks);
    expect(report.checks.filter((c) => c.id.startsWith('aantal:')).map((c) => [c.id, c.berekend])).toEqual([
      ['aantal:gemeenten', 342],
      ['aantal:bijlage2A', 342],
      ['aantal:bijlage2B', 42],
      ['aantal:lidmaatschap', 342],
    ]);
  });
  it('reports the source anomalies as warnings', () => {
    const ratios = report.warnings.filter((w) => w.kind === 'RatioAnomaly');
    expect(ratios.map((w) => (w.kind === 'RatioAnomaly' ? [w.regio, w.ratio] : []))).toEqual([
      ['Friesland', 1.0714],
      ['Noordoost Brabant', 1.0923],
      ['Noord-Holland Noord', 1.0525],
    ]);
    expect(report.warnings.filter((w) => w.kind === 'StructuralTotalBlank')).toEqual([
      { kind: 'StructuralTotalBlank', label: 'Brede SPUK inclusief IZA', berekend: mln(344.2) },
    ]);
    const floor = report.warnings.find((w) => w.kind === 'FloorAmounts');
    expect(floor?.kind === 'FloorAmounts' && floor.gemeenten).toEqual(
      expect.arrayContaining([
        'Ameland',
        'Schiermonnikoog',
        'Terschelling',
        'Vlieland',
        'Rozendaal',
        'Renswoude',
      ]),
    );
  });
});

describe('largest remainder', () => {
  const key = (weights: number[]): Verdeelsleutel => ({
    id: 'eigen',
    codes: weights.map((_, i) => `GM${String(i).padStart(4, '0')}` as CbsCode),
    weights,
    total: weights.reduce((a, b) => a + b, 0),
  });
  it('hands the leftover euros to the largest rests, ties by row order', () => {
    const s = splitLargestRemainder(euro(10), key([1, 1, 1]));
    expect(s.amounts).toEqual([4, 3, 3]);
    expect(s.handedOut).toBe(1);
    const t = splitLargestRemainder(euro(100), key([1, 2, 3, 4, 5, 6]));
    // exact: 4.76, 9.52, 14.29, 19.05, 23.81, 28.57 -> floors sum to 97; the 3 largest rests are .81, .76, .57
    expect(t.amounts).toEqual([5, 9, 14, 19, 24, 29]);
  });
  it('selects the k-th largest rest like a full sort (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 200 }),
        fc.nat(),
        (xs, k0) => {
          const k = (k0 % xs.length) + 1;
          expect(kthLargest(xs, k)).toBe([...xs].sort((a, b) => b - a)[k - 1]);
        },
      ),
      { numRuns: 500 },
    );
  });
  it('adds up to the national amount to the euro for any weights (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 200_000_000 }),
        fc.array(fc.integer({ min: 0, max: 20_000_000 }), { minLength: 1, maxLength: 60 }),
        (n, ws) => {
          fc.pre(ws.some((w) => w > 0));
          const k = key(ws);
          const s = splitLargestRemainder(euro(n), k);
          expect(s.amounts.reduce((a, b) => a + b, 0)).toBe(n);
          s.amounts.forEach((a, i) => {
            const exact = (n * (ws[i] ?? 0)) / k.total;
            expect(Math.abs(a - exact)).toBeLessThan(1);
          });
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('custom key', () => {
  const rows = data.gemeenten.map((g, i) => ({ row: i + 2, code: g.code, value: String(g.inwoners) }));
  it('accepts weights and normalises exactly', () => {
    const r = customKey(rows, data.gemeenten, { maxAmount: 150_000_000 });
    expect(r.ok).toBe(true);
  });
  it('scales decimal shares (Dutch comma) to whole weights', () => {
    const share = data.gemeenten.map((g, i) => ({
      row: i + 2,
      code: g.code,
      value: i === 0 ? '0,5' : i === 1 ? '0,5' : '0',
    }));
    const r = customKey(share, data.gemeenten, { maxAmount: 150_000_000, shares: true });
    expect(r.ok && r.value.weights.slice(0, 3)).toEqual([1, 1, 0]);
  });
  it('reports unknown codes, text and missing gemeenten with rows', () => {
    const bad = [
      ...rows.slice(0, 340),
      { row: 400, code: 'GM9999', value: '5' },
      { row: 401, code: data.gemeenten[340]!.code, value: 'veel' },
    ];
    const r = customKey(bad, data.gemeenten, { maxAmount: 150_000_000 });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.failures).toEqual(
        expect.arrayContaining([
          { kind: 'UnknownCbsCode', row: 400, code: 'GM9999' },
          { kind: 'NotANumber', row: 401, column: 'gewicht', text: 'veel' },
          { kind: 'MissingGemeenten', codes: [data.gemeenten[341]!.code] },
        ]),
      );
    }
  });
  it('reports shares that do not add up', () => {
    const share = data.gemeenten.map((g, i) => ({ row: i + 2, code: g.code, value: i < 2 ? '0.4' : '0' }));
    const r = customKey(share, data.gemeenten, { maxAmount: 150_000_000, shares: true });
    expect(r).toEqual({ ok: false, failures: [{ kind: 'SharesDoNotAddUp', sumText: '0.8' }] });
  });
});

describe('findGemeente', () => {
  it('finds by code, by name, and by VWS spelling', () => {
    expect(findGemeente('GM0034', data.gemeenten)).toMatchObject({ ok: true, value: { naam: 'Almere' } });
    expect(findGemeente('34', data.gemeenten)).toMatchObject({ ok: true, value: { naam: 'Almere' } });
    expect(findGemeente('almere', data.gemeenten)).toMatchObject({ ok: true, value: { code: 'GM0034' } });
    expect(findGemeente('Hengelo', data.gemeenten)).toMatchObject({
      ok: true,
      value: { naam: 'Hengelo (O.)' },
    });
    expect(findGemeente('Atlantis', data.gemeenten).ok).toBe(false);
  });
});
