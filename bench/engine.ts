import type { CbsCode, EditionInput, Euro, ReferenceData } from '../src/domain';
import { Allocation, BUILT_IN_KEYS, builtInKey, EDITION_YEARS, euro, Ledger } from '../src/domain';
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

export interface EditionResult {
  readonly editie: string;
  /** Amounts the ledger holds: gemeenten × lines × 2023–2029 (plus regions and national). */
  readonly cells: number;
  readonly ledger: Sample;
  readonly plan: Sample;
}

/**
 * Per edition: the domain's ledger (every amount of every gemeente, regeling, onderdeel and year
 * 2023–2029, with its source) and the workbook plan built on it. Targets (issue 8): ledger < 20 ms,
 * plan < 100 ms.
 */
export async function benchEditions(
  editions: readonly { readonly id: string; readonly input: EditionInput; readonly vorige?: EditionInput }[],
  runs: number,
  plan: (input: EditionInput, vorige: EditionInput | undefined) => unknown,
): Promise<EditionResult[]> {
  const out: EditionResult[] = [];
  for (const e of editions) {
    const key = builtInKey('spuk-2025', e.input.base);
    let ledger: Ledger | undefined;
    const l = await time(runs, () => {
      ledger = new Ledger(e.input, key);
    });
    if (
      ledger?.gemeenteTotal('GM0034' as CbsCode, 2025, 'brede-spuk').eigen !==
      (e.id === 'gala-2023' ? 3_314_890 : 3_478_172)
    )
      throw new Error(`edition bench sanity failed for ${e.id}`);
    const p = await time(runs, () => plan(e.input, e.vorige));
    out.push({
      editie: e.id,
      cells: e.input.base.gemeenten.length * e.input.edition.lines.length * EDITION_YEARS.length,
      ledger: l,
      plan: p,
    });
  }
  return out;
}
