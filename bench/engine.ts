/**
 * §1 of BENCHMARKS.md: the product's engine. One table of named measurements, each run per edition
 * (and per key where the key matters) with a target; a new measurement (e.g. the scenario facade
 * `resolveScenario` of src/domain/scenario/, target < 20 ms for a gemeente) is one more entry in
 * `MEASUREMENTS`. Plus the growth of the ledger with the number of gemeenten, on synthetic data.
 */
import type {
  BuiltInKeyId,
  CbsCode,
  EditionInput,
  NationalScenario,
  Scenario,
  Verdeelsleutel,
} from '../src/domain';
import {
  BUILT_IN_KEYS,
  builtInKey,
  EDITION_YEARS,
  Ledger,
  resolveNational,
  resolveScenario,
} from '../src/domain';
import { buildWorkbookPlan, planWorkbook, SHEETS } from '../src/plan';
import type { Sample } from './stats';
import { time } from './stats';

const ALMERE = 'GM0034' as CbsCode;

/** One edition to measure on: its input and the one before it ("Wat is er veranderd"). */
export interface BenchEdition {
  readonly id: string;
  readonly input: EditionInput;
  readonly vorige?: EditionInput;
}

/** What one run of a measurement gets: the edition and the key it is measured with. */
export interface BenchCase {
  readonly edition: BenchEdition;
  readonly keyId: BuiltInKeyId;
  readonly key: Verdeelsleutel;
}

/** A named measurement of the engine, timed once per edition × key. */
export interface Measurement {
  readonly name: string;
  /** What is timed, for the report. */
  readonly what: string;
  /** The target per run, in ms (the report says whether the median meets it). */
  readonly targetMs: number;
  /** The keys to measure with (the plan's time hardly depends on the key: one is enough). */
  readonly keys: readonly BuiltInKeyId[];
  /** The timed work; its result goes to `check`. */
  readonly run: (c: BenchCase) => unknown;
  /** A sanity check on the result (a known amount), so the bench cannot time something that broke. */
  readonly check: (result: unknown, c: BenchCase) => string | undefined;
}

export const MEASUREMENTS: readonly Measurement[] = [
  {
    name: 'Ledger',
    what: 'new Ledger(edition, key): every amount of 342 gemeenten, the regions and national, × the lines × 2023–2029, with its source',
    targetMs: 20,
    keys: BUILT_IN_KEYS,
    run: (c) => new Ledger(c.edition.input, c.key),
    // Sportakkoord 2023 (GALA, key split in every edition): Σ gemeenten = 13 mln, whatever the key.
    check: (l) => {
      const sum = l instanceof Ledger ? l.sumGemeenten(1, 2023) : undefined;
      return sum === 13_000_000 ? undefined : `Σ gemeenten line 1 2023 = ${sum}`;
    },
  },
  {
    name: 'Plan',
    what: 'planWorkbook(scenario of Almere, with "Wat is er veranderd"): every sheet laid out as data from a resolved scenario',
    targetMs: 100,
    keys: ['spuk-2025'],
    run: (c) => planWorkbook(scenarioOf(c)),
    // The plan opens on Almere's Overzicht and has the sheet "Wat is er veranderd" when there is a vorige.
    check: (plan, c) => {
      if (typeof plan !== 'object' || plan === null || !('sheets' in plan) || !Array.isArray(plan.sheets))
        return 'no plan';
      const names = plan.sheets.map((s: { name?: unknown }) => s.name);
      if (names[0] !== SHEETS.overzicht) return `first sheet ${String(names[0])}`;
      const verschil = names.includes(SHEETS.verschil);
      return verschil === (c.edition.vorige !== undefined) ? undefined : `"${SHEETS.verschil}" ${verschil}`;
    },
  },
  {
    name: 'Scenario',
    what: 'resolveScenario(edition, Almere, with vorige): the ledgers, the view, the toets, the reconciliation, the readings, the diff: every number one werkmap shows',
    targetMs: 20,
    keys: ['spuk-2025'],
    run: (c) =>
      resolveScenario({ edition: c.edition.input, vorige: c.edition.vorige, key: c.key, gemeente: ALMERE }),
    // Almere's Bijlage 2A 2025 is € 3.478.172; an edition that follows Bijlage 2A meets it to the euro.
    check: (s) => {
      if (typeof s !== 'object' || s === null || !('bijlage2A' in s)) return 'no scenario';
      const scenario = s as Scenario;
      const b2025 = scenario.bijlage2A.find((b) => b.jaar === 2025);
      if (b2025?.gepubliceerd !== 3_478_172) return `Bijlage 2A 2025 = ${b2025?.gepubliceerd}`;
      const follows = scenario.input.edition.rule('brede-spuk', 2025)?.spec.regel === 'bijlage-2a';
      return !follows || b2025.verschil === 0 ? undefined : `Bijlage 2A 2025 differs by ${b2025.verschil}`;
    },
  },
  {
    name: 'Scenario (batch)',
    what: 'resolveScenario(edition, Almere, national part resolved once): what werkboek --alle computes per gemeente',
    targetMs: 20,
    keys: ['spuk-2025'],
    run: (c) => {
      const national = nationalOf(c);
      return resolveScenario(
        { edition: c.edition.input, vorige: c.edition.vorige, key: c.key, gemeente: ALMERE },
        national,
      );
    },
    check: (s) => (typeof s === 'object' && s !== null && 'toets' in s ? undefined : 'no scenario'),
  },
  {
    name: 'Werkmap (scenario + plan)',
    what: 'buildWorkbookPlan(edition, Almere, with vorige): resolveScenario and planWorkbook together, what one werkmap costs before rendering',
    targetMs: 120,
    keys: ['spuk-2025'],
    run: (c) =>
      buildWorkbookPlan(c.edition.input, { key: c.key, gemeente: ALMERE, vorige: c.edition.vorige }),
    check: (plan) => (typeof plan === 'object' && plan !== null && 'sheets' in plan ? undefined : 'no plan'),
  },
];

const scenarios = new Map<string, Scenario>();
/** Almere's scenario per edition and key, resolved once (outside the timed runs of the plan). */
function scenarioOf(c: BenchCase): Scenario {
  const id = `${c.edition.id}|${c.keyId}`;
  let s = scenarios.get(id);
  if (!s)
    scenarios.set(
      id,
      (s = resolveScenario({
        edition: c.edition.input,
        vorige: c.edition.vorige,
        key: c.key,
        gemeente: ALMERE,
      })),
    );
  return s;
}

const nationals = new Map<string, NationalScenario>();
/** The national part per edition and key, resolved once (outside the timed run after the first). */
function nationalOf(c: BenchCase): NationalScenario {
  const id = `${c.edition.id}|${c.keyId}`;
  let n = nationals.get(id);
  if (!n)
    nationals.set(
      id,
      (n = resolveNational({ edition: c.edition.input, vorige: c.edition.vorige, key: c.key })),
    );
  return n;
}

export interface MeasurementRow {
  readonly measurement: Measurement;
  readonly editie: string;
  readonly keyId: BuiltInKeyId;
  /** Amounts the ledger holds for gemeenten: gemeenten × lines × 2023–2029. */
  readonly cells: number;
  readonly sample: Sample;
}

/** Runs every measurement on every edition (× its keys); throws when a sanity check fails. */
export async function runMeasurements(
  editions: readonly BenchEdition[],
  runs: number,
  measurements: readonly Measurement[] = MEASUREMENTS,
): Promise<MeasurementRow[]> {
  const out: MeasurementRow[] = [];
  for (const m of measurements)
    for (const edition of editions)
      for (const keyId of m.keys) {
        const c: BenchCase = { edition, keyId, key: builtInKey(keyId, edition.input.base) };
        const problem = m.check(m.run(c), c);
        if (problem !== undefined)
          throw new Error(`bench sanity (${m.name}, ${edition.id}, ${keyId}): ${problem}`);
        const sample = await time(runs, () => m.run(c));
        const cells =
          edition.input.base.gemeenten.length * edition.input.edition.lines.length * EDITION_YEARS.length;
        out.push({ measurement: m, editie: edition.id, keyId, cells, sample });
      }
  return out;
}

/**
 * A synthetic edition with `factor` × the gemeenten (same lines and regions; each copy keeps the
 * original's Bijlage 2A amounts, key weights and region membership).
 */
export function scaledInput(input: EditionInput, factor: number): EditionInput {
  const { base } = input;
  const codeOf = (k: number, i: number) =>
    `GM${String(k * base.gemeenten.length + i).padStart(6, '0')}` as CbsCode;
  const row = new Map(base.gemeenten.map((g, i) => [g.code as string, i]));
  const copies = Array.from({ length: factor }, (_, k) => k);
  const renamed = <T extends { readonly code: CbsCode }>(rows: readonly T[]): T[] =>
    copies.flatMap((k) => rows.map((r) => ({ ...r, code: codeOf(k, row.get(r.code) ?? 0) })));
  return {
    ...input,
    base: {
      ...base,
      gemeenten: renamed(base.gemeenten),
      bijlage2A: renamed(base.bijlage2A),
      lidmaatschap: renamed(base.lidmaatschap),
    },
    bijlage2A: renamed(input.bijlage2A),
  };
}

export interface GrowthRow {
  readonly factor: number;
  readonly gemeenten: number;
  readonly sample: Sample;
  /** Median time per gemeente, µs. */
  readonly perGemeenteUs: number;
}

/**
 * The ledger (key spuk-2025) on `factor` × the gemeenten of an edition, for each factor. Use gala-2023:
 * every amount is a key split there; a later edition's Bijlage 2A, copied `factor` times, would
 * multiply the national composition it is split by (and leave the exact integer range).
 */
export async function ledgerGrowth(
  input: EditionInput,
  factors: readonly number[],
  runs: number,
): Promise<GrowthRow[]> {
  const out: GrowthRow[] = [];
  for (const factor of factors) {
    const scaled = scaledInput(input, factor);
    const key = builtInKey('spuk-2025', scaled.base);
    // Sportakkoord 2023 is a key split of 13 mln: Σ over all the copies is still 13 mln.
    const sum = new Ledger(scaled, key).sumGemeenten(1, 2023);
    if (sum !== 13_000_000) throw new Error(`growth sanity at ${factor}×: Σ line 1 2023 = ${sum}`);
    const sample = await time(runs, () => new Ledger(scaled, key));
    const gemeenten = scaled.base.gemeenten.length;
    out.push({ factor, gemeenten, sample, perGemeenteUs: (sample.median * 1000) / gemeenten });
  }
  return out;
}
