import fc from 'fast-check';
import { defaultReferenceData } from '../data';
import {
  Allocation,
  builtInKey,
  BUILT_IN_KEYS,
  controle,
  customKey,
  euro,
  gemeenteTotals,
  izaPerRegio,
  mlnToEuro,
  nationalAmount,
  nationalTotals,
  linesOfHoofdthema,
  PERIODS,
  splitLargestRemainder,
  kthLargest,
  splitStructural,
  splitBbv,
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
    nationalTotals(linesOfHoofdthema(data.onderdelen, thema)).perPeriod;
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
    expect(nationalTotals(data.onderdelen).perPeriod).toEqual({
      2023: mln(449),
      2024: mln(445.9),
      2025: mln(445.9),
      2026: mln(384.6),
      structureel: mln(344.2),
    });
  });
});

describe('controle', () => {
  const report = controle(data, builtInKey('spuk-2025', data));
  it('reconciles every published total', () => {
    expect(report.ok).toBe(true);
    const grand = report.checks.filter((c) => c.subject === 'Brede SPUK inclusief IZA');
    expect(grand.map((c) => c.status)).toEqual(['ok', 'ok', 'ok', 'ok', 'bron leeg']);
    expect(grand[4]?.berekend).toBe(mln(344.2));
  });
  it('reports the source anomalies as warnings', () => {
    const ratios = report.warnings.filter((w) => w.kind === 'RatioAnomaly');
    expect(ratios.map((w) => (w.kind === 'RatioAnomaly' ? [w.regio, w.ratio] : []))).toEqual([
      ['Friesland', 1.0714],
      ['Noordoost Brabant', 1.0923],
      ['Noord-Holland Noord', 1.0525],
    ]);
    expect(report.warnings.some((w) => w.kind === 'StructuralTotalBlank' && w.berekend === mln(344.2))).toBe(
      true,
    );
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
  it('fails when a published total does not reconcile', () => {
    const tampered = {
      ...data,
      publishedTotals: data.publishedTotals.map((t) =>
        t.label === 'Algemeen' ? { ...t, values: { ...t.values, 2023: euro(mln(11.5)) } } : t,
      ),
    };
    const r = controle(tampered, builtInKey('gelijk', data));
    expect(r.ok).toBe(false);
    expect(r.checks.find((c) => c.id === 'totaal:Algemeen:2023')).toMatchObject({
      status: 'verschil',
      verwacht: mln(11.5),
      berekend: mln(11.4),
    });
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
  it('adds up for every built-in key, line and period', () => {
    for (const id of BUILT_IN_KEYS) {
      const a = new Allocation(data, builtInKey(id, data));
      data.onderdelen.forEach((line, li) => {
        for (const p of PERIODS) expect(a.columnTotal(li, p)).toBe(nationalAmount(line, p));
      });
    }
  });
});

describe('allocation per gemeente', () => {
  const a = new Allocation(data, builtInKey('spuk-2025', data));
  const almere = a.rowIndex('GM0034' as CbsCode);
  it('uses the Bijlage 2A 2025 share by default', () => {
    // Almere's share 3 478 172 / 310 475 334 of IZA 150 mln = 1 680 364.6 -> 1 680 364 or 1 680 365
    const iza = a.estimate(almere, 15, 2025);
    expect(Math.abs(iza - (150_000_000 * 3_478_172) / 310_475_334)).toBeLessThan(1);
  });
  it('splits structural and incidental per gemeente', () => {
    const c = a.cell(almere, 0, 2023); // Sportakkoord: 13 mln of which 10 structural
    expect(c.structureel + c.incidenteel).toBe(c.amount);
    expect(c.structureel).toBe(a.estimate(almere, 0, 'structureel'));
    expect(a.cell(almere, 12, 2026)).toMatchObject({ structureel: 0, bron: 'geschat' }); // Welzijn op Recept
  });
  it('lets a beschikking win and labels it', () => {
    const b = new Allocation(data, builtInKey('spuk-2025', data), [
      { code: 'GM0034' as CbsCode, nr: 1, period: 2024, amount: euro(123_456) },
    ]);
    expect(b.cell(almere, 0, 2024)).toMatchObject({ amount: 123_456, bron: 'beschikking' });
    expect(gemeenteTotals(b, almere, [0]).perPeriod[2024]).toBe(123_456);
  });
});

describe('structural split (the Rijk reading), national examples', () => {
  const line = (nr: number) => data.onderdelen[nr - 1]!;
  const s = (nr: number, y: 2023 | 2026) =>
    splitStructural(nationalAmount(line(nr), y), nationalAmount(line(nr), 'structureel'), y);
  it('Sportakkoord 2023: 10 mln structural + 3 mln incidental', () =>
    expect(s(1, 2023)).toEqual({ structureel: mln(10), incidenteel: mln(3) }));
  it('Kansrijke Start 2023: 15 + 0', () =>
    expect(s(4, 2023)).toEqual({ structureel: mln(15), incidenteel: 0 }));
  it('Valpreventie 2023: 48,9 + 2,5', () =>
    expect(s(7, 2023)).toEqual({ structureel: mln(48.9), incidenteel: mln(2.5) }));
  it('Welzijn op Recept 2026: 13,5 incidental', () =>
    expect(s(13, 2026)).toEqual({ structureel: 0, incidenteel: mln(13.5) }));
  it('IZA: 150 structural', () => expect(s(16, 2023)).toEqual({ structureel: mln(150), incidenteel: 0 }));
});

describe('BBV reading', () => {
  const v = (nr: number) => data.onderdelen[nr - 1]!;
  const bbv = (nr: number, p: 2023 | 'structureel', vast: boolean) =>
    splitBbv(nationalAmount(v(nr), p), nationalAmount(v(nr), 'structureel'), p, vast);
  it('counts money under a beschikking with an end date as incidental', () => {
    expect(bbv(7, 2023, false)).toEqual({ structureel: 0, incidenteel: mln(51.4), nietTeBegroten: 0 });
    expect(bbv(7, 'structureel', false)).toEqual({
      structureel: 0,
      incidenteel: 0,
      nietTeBegroten: mln(48.9),
    });
  });
  it('counts only the continuing part as structural once a new regeling fixes the line', () => {
    expect(bbv(7, 2023, true)).toEqual({ structureel: mln(48.9), incidenteel: mln(2.5), nietTeBegroten: 0 });
    expect(bbv(7, 'structureel', true)).toEqual({
      structureel: mln(48.9),
      incidenteel: 0,
      nietTeBegroten: 0,
    });
    expect(bbv(13, 2023, true)).toEqual({ structureel: 0, incidenteel: mln(5.5), nietTeBegroten: 0 });
  });
});

describe('IZA per regio', () => {
  const a = new Allocation(data, builtInKey('spuk-2025', data));
  const regios = izaPerRegio(a, data.izaRegios, data.lidmaatschap);
  it('estimates every region as the sum of its members and adds up to 150 mln', () => {
    for (const p of PERIODS)
      expect(regios.reduce((s, r) => s + r.schatting[p], 0)).toBe(a.columnTotal(15, p));
    const flevoland = regios.find((r) => r.regio.naam === 'Flevoland')!;
    expect(flevoland.gepubliceerd[2025]).toBe(3_161_954);
    expect(flevoland.leden).toHaveLength(5);
  });
  it('marks derived memberships', () => {
    expect(regios.find((r) => r.regio.naam === 'Drenthe')?.status).toBe('bekend');
    expect(regios.find((r) => r.regio.naam === 'Friesland')?.status).toBe('afgeleid');
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
