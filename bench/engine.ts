import type { CbsCode, Euro, ReferenceData } from '../src/domain';
import { Allocation, BUILT_IN_KEYS, builtInKey, euro } from '../src/domain';
import type { Sample } from './stats';
import { time } from './stats';

/** A synthetic edition with `factor` × the gemeenten (same lines; weights and inhabitants copied). */
export function scaledData(data: ReferenceData, factor: number): ReferenceData {
  const gemeenten = [];
  const bijlage2A = [];
  for (let k = 0; k < factor; k++) {
    for (const [i, g] of data.gemeenten.entries()) {
      const code = `GM${String(k * data.gemeenten.length + i).padStart(6, '0')}` as CbsCode;
      gemeenten.push({ ...g, code });
      const b = data.bijlage2A.find((r) => r.code === g.code);
      bijlage2A.push({
        code,
        naamInBron: g.naam,
        totaal2025: b?.totaal2025 ?? euro(0),
        totaal2026: b?.totaal2026 ?? euro(0),
      });
    }
  }
  return { ...data, gemeenten, bijlage2A, lidmaatschap: [] };
}

export interface EngineResult {
  readonly perKey: readonly { key: string; sample: Sample; cells: number }[];
  readonly growth: readonly { factor: number; gemeenten: number; sample: Sample; perGemeenteUs: number }[];
}

export async function benchEngine(data: ReferenceData, runs: number): Promise<EngineResult> {
  const cells = data.gemeenten.length * data.onderdelen.length * 5;
  const perKey = [];
  for (const id of BUILT_IN_KEYS) {
    const key = builtInKey(id, data);
    let sink: Euro = euro(0);
    const s = await time(runs, () => {
      const a = new Allocation(data, key);
      sink = a.columnTotal(0, 2023);
    });
    if (sink !== 13_000_000) throw new Error(`engine bench sanity: Sportakkoord 2023 = ${sink}`);
    perKey.push({ key: id, sample: s, cells });
  }
  const growth = [];
  for (const factor of [1, 10, 100]) {
    const d = scaledData(data, factor);
    const key = builtInKey('spuk-2025', d);
    const s = await time(
      factor === 100 ? Math.max(3, Math.floor(runs / 3)) : runs,
      () => new Allocation(d, key),
    );
    growth.push({
      factor,
      gemeenten: d.gemeenten.length,
      sample: s,
      perGemeenteUs: (s.median * 1000) / d.gemeenten.length,
    });
  }
  return { perKey, growth };
}
