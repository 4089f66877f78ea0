import type { EditionYear } from './edition';
import type { Result } from './failures';
import { fail, ok } from './failures';
import type { MembershipStatus } from './iza';
import { membershipStatus } from './iza';
import { splitByWeights } from './largest-remainder';
import type { Ledger, LedgerAmount } from './ledger';
import type { Euro } from './money';
import { euro, ZERO } from './money';
import type { CbsCode, IzaRegio } from './types';

/**
 * The mandaatgemeente's split (issue 9 §5): the mandaatgemeente of a SPUK IZA region receives the
 * region's whole amount (SPUK IZA, line 16, 2023–2026; SPUK AZWA regionaal, line 18, 2027–2029) and
 * passes parts on to its member gemeenten (medeoverheden, SiSa indicator H35B for the SPUK IZA) and
 * to regional activities (regionale coördinatie, projecten: eigen uitvoering, H35). This module splits
 * that amount, pure and exact in whole euros: Σ parts = the region's amount to the euro.
 *
 * Sources: the SPUK IZA is paid to "42 mandaathouders voor 42 samenwerkingsregio's" with "dezelfde
 * verdeelsleutel als GALA"; the mandaatgemeente reports the medeoverheden it passes money to in SiSa
 * H35B (DUS-I, SPUK IZA-doelen 2023–2026). A mandaatgemeente's raad adopts a yearly "begroting SPUK
 * IZA" with posts regionale coördinatie, lokale uitvoering (to member gemeenten) and projecten
 * (../shared/docs/begroting-practice.md, layout 7). From 2027 the SPUK AZWA regionaal is paid to the
 * mandaatgemeente with the SPUK IZA key and the lokaal part to each gemeente with the Brede SPUK key
 * (VWS/LZJS to VNG 22-04-2026, 1097348-DMO).
 *
 * Methods:
 * - `aandeel` (default): pro rata each member's own share of the same key. Weight of a member =
 *   its Brede SPUK amount of that year (Σ lines 1–15 in the Ledger; 2025 and 2026 = its Bijlage 2A
 *   total) for 2023–2026, and its SPUK AZWA lokaal amount (line 17) for 2027–2029. Why: GALA bijlage 2
 *   makes a region's amount "de optelsom van het budget voor alle gemeenten in die regio" with the
 *   GALA key, and the SPUK IZA uses the same key; a member's Brede SPUK (resp. AZWA lokaal, the
 *   Brede SPUK key) amount is that key applied to it, so its share of the region is its share of the
 *   members' Σ. (The bodembedrag of Waddeneilanden and Rozendaal in Bijlage 2A slightly lifts their
 *   weight; shown, not corrected.)
 * - `gewichten`: the user's own whole, non-negative weight per member (every member exactly one).
 * - `vast`: fixed whole-euro amounts for named regional activities first, then the remainder split
 *   by `aandeel`, or by `gewichten` when weights are given.
 * Rounding: the largest-remainder rule of `splitByWeights` (ties by member order, CBS code order);
 * each member part keeps its exact share (a float, for display), the floored euros, the rest
 * (numerator over the total weight W) and the correction of 0 or 1 euro, as on the sheet Afronding.
 *
 * What a user can get wrong comes back as `RegioFailure` (never thrown); Dutch texts in
 * src/messages/regio.nl.ts. Rows (when the values came from a file) are carried in to name them.
 */

export type RegioMethode = 'aandeel' | 'gewichten' | 'vast';
export const REGIO_METHODEN: readonly RegioMethode[] = ['aandeel', 'gewichten', 'vast'];

/** Who decided the member list: the data's membership ('bekend' / 'afgeleid') or the user ('opgegeven'). */
export type LedenBron = MembershipStatus | 'opgegeven';

/** A member's own weight (method `gewichten`, or the remainder of `vast`); `row` names the file row. */
export interface RegioGewicht {
  readonly code: string;
  /** A whole number ≥ 0 (the reader scales decimals to whole numbers). */
  readonly gewicht: number;
  readonly row?: number;
}

/** A fixed amount for a regional activity (method `vast`), whole euros ≥ 0. */
export interface RegioVastBedrag {
  readonly activiteit: string;
  readonly bedrag: number;
  readonly row?: number;
}

export interface RegioVerdelingOpties {
  /** Default `aandeel`. */
  readonly methode?: RegioMethode;
  /** CBS codes overriding the derived membership (confirms it when equal). */
  readonly leden?: readonly string[];
  readonly gewichten?: readonly RegioGewicht[];
  readonly vast?: readonly RegioVastBedrag[];
}

/** One part of the split: a regional activity (fixed amount) or a member gemeente. */
export interface RegioDeel {
  readonly soort: 'activiteit' | 'lid';
  /** CBS code of a member; undefined for an activity. */
  readonly code: CbsCode | undefined;
  /** Activity name or gemeente name. */
  readonly naam: string;
  /** True for the mandaatgemeente itself as member: what it keeps is eigen uitvoering (H35), not H35B. */
  readonly mandaatgemeente: boolean;
  /** The weight used (€ for `aandeel`, the user's number for `gewichten`); 0 for an activity. */
  readonly gewicht: number;
  /** Exact share te verdelen · gewicht / W in euros (a float, for display); the fixed amount for an activity. */
  readonly exact: number;
  /** ⌊te verdelen · gewicht / W⌋ in whole euros; the fixed amount for an activity. */
  readonly omlaag: Euro;
  /** (te verdelen · gewicht) mod W: the rest that ranks the corrections; 0 for an activity. */
  readonly rest: number;
  /** The rounding step: 1 euro handed out by the largest-remainder rule, else 0. */
  readonly correctie: 0 | 1;
  /** omlaag + correctie, whole euros. */
  readonly bedrag: Euro;
}

export interface RegioVerdeling {
  readonly regio: IzaRegio;
  readonly jaar: EditionYear;
  /** The regional line of the year: 16 (SPUK IZA) up to 2026, 18 (SPUK AZWA regionaal) from 2027. */
  readonly nr: number;
  readonly regeling: string;
  /** The region's amount as the Ledger has it, with its source label (gepubliceerd / afgeleid / geschat). */
  readonly bedrag: LedgerAmount;
  readonly methode: RegioMethode;
  /** How the remainder after fixed amounts is split (`aandeel` or `gewichten`). */
  readonly restMethode: 'aandeel' | 'gewichten';
  readonly leden: readonly CbsCode[];
  readonly ledenBron: LedenBron;
  /** Σ fixed amounts (0 unless `vast`). */
  readonly vast: Euro;
  /** bedrag − vast: what the members share. */
  readonly teVerdelen: Euro;
  /** W = Σ member weights. */
  readonly totaalGewicht: number;
  /** Euros handed out by the rounding correction (0 ≤ d < number of members). */
  readonly uitgedeeld: number;
  /** Activities first (input order), then members (CBS code order). Σ bedrag = bedrag.bedrag. */
  readonly delen: readonly RegioDeel[];
}

export type RegioFailure =
  | { readonly kind: 'RegioUnknown'; readonly text: string; readonly suggestions: readonly string[] }
  | { readonly kind: 'RegioNotMandaat'; readonly code: string; readonly naam: string }
  | { readonly kind: 'RegioNoMembers'; readonly regio: string }
  | { readonly kind: 'RegioUnknownMember'; readonly code: string; readonly row?: number }
  | {
      readonly kind: 'RegioDuplicateMember';
      readonly code: string;
      readonly row?: number;
      readonly firstRow?: number;
    }
  | { readonly kind: 'RegioNotAMember'; readonly code: string; readonly regio: string; readonly row?: number }
  | { readonly kind: 'RegioMissingWeights'; readonly regio: string; readonly codes: readonly string[] }
  /** A weight that is negative or not whole (the reader scales decimals, so only a caller can pass one). */
  | { readonly kind: 'RegioBadWeight'; readonly code: string; readonly text: string; readonly row?: number }
  | { readonly kind: 'RegioZeroWeights'; readonly regio: string }
  | { readonly kind: 'RegioWeightsTooLarge'; readonly regio: string }
  | {
      readonly kind: 'RegioBadAmount';
      readonly activiteit: string;
      readonly text: string;
      readonly reden: 'negatief' | 'centen';
      readonly row?: number;
    }
  /** A file row that names both a gemeente and an activity, or neither. */
  | { readonly kind: 'RegioRowKind'; readonly row: number; readonly both: boolean }
  | {
      readonly kind: 'RegioDuplicateActivity';
      readonly activiteit: string;
      readonly row?: number;
      readonly firstRow?: number;
    }
  | {
      readonly kind: 'RegioFixedExceeds';
      readonly regio: string;
      readonly jaar: EditionYear;
      readonly vast: number;
      readonly bedrag: Euro;
    }
  /** Input that the method does not use (weights with `aandeel`, fixed amounts without `vast`), or missing input. */
  | {
      readonly kind: 'RegioInputForMethod';
      readonly methode: RegioMethode;
      readonly given: 'gewichten' | 'vast' | 'geen';
    };

/** The regional line of a year: the `mandaatgemeente` line whose rule is not `beeindigd` (16 to 2026, 18 from 2027). */
export function regionalLine(
  ledger: Ledger,
  jaar: EditionYear,
): { readonly nr: number; readonly regeling: string } {
  for (const l of ledger.lines) {
    if (l.ontvanger !== 'mandaatgemeente') continue;
    const rule = ledger.input.edition.rule(l.regeling.id, jaar);
    if (rule !== undefined && rule.spec.regel !== 'beeindigd') return { nr: l.nr, regeling: l.regeling.naam };
  }
  return { nr: 16, regeling: ledger.line(16).regeling.naam };
}

/**
 * The `aandeel` weight of a member in a year, whole euros: its Brede SPUK amount (2023–2026) or its
 * SPUK AZWA lokaal amount (2027–2029; in an edition without the SPUK AZWA its Brede SPUK amount), as
 * the Ledger has it (a beschikking wins there too).
 */
export function aandeelGewicht(ledger: Ledger, code: CbsCode, jaar: EditionYear): Euro {
  // The own money of the regeling the region's money belongs to that year: the Brede SPUK next to the
  // SPUK IZA, the SPUK AZWA lokaal next to the AZWA regionaal. An edition without the SPUK AZWA keeps
  // the SPUK IZA after 2026 (the Rijk's structural level): then the Brede SPUK's level is the share.
  const azwa = jaar > 2026 && ledger.lines.some((l) => l.regeling.id === 'spuk-azwa');
  return ledger.gemeenteTotal(code, jaar, azwa ? 'spuk-azwa' : 'brede-spuk').eigen;
}

/** The region named `text` (case and spaces ignored), or a failure with names that contain it. */
export function findRegio(text: string, regios: readonly IzaRegio[]): Result<IzaRegio, RegioFailure> {
  const norm = (s: string) =>
    s
      .toLowerCase()
      .replace(/[\s-]+/g, ' ')
      .trim();
  const t = norm(text);
  const exact = regios.find((r) => norm(r.naam) === t);
  if (exact) return ok(exact);
  const suggestions = regios.filter((r) => t !== '' && norm(r.naam).includes(t)).map((r) => r.naam);
  return fail([{ kind: 'RegioUnknown', text, suggestions }]);
}

/** The region's members from the data's (derived) membership, with its status; CBS code order. */
export function regioLeden(
  ledger: Ledger,
  regio: string,
): { readonly leden: readonly CbsCode[]; readonly status: MembershipStatus } {
  const order = new Map(ledger.gemeenten.map((c, i) => [c as string, i]));
  const s = membershipStatus(
    ledger.regios.filter((r) => r.naam === regio),
    ledger.input.base.lidmaatschap,
  )[0];
  const leden = [...(s?.leden ?? [])].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
  return { leden, status: s?.status ?? 'onbekend' };
}

/**
 * Splits a region's amount of a year (see the module docstring). `regio` is the exact region name
 * (use `findRegio` for user text). Returns every failure found, never a partial split. Throws
 * RangeError only for a region name that is not in the data (a programming error).
 */
export function regioVerdeling(
  ledger: Ledger,
  regio: string,
  jaar: EditionYear,
  opties: RegioVerdelingOpties = {},
): Result<RegioVerdeling, RegioFailure> {
  const r = ledger.regios.find((x) => x.naam === regio);
  if (!r) throw new RangeError(`Unknown SPUK IZA region ${regio}`);
  const methode = opties.methode ?? 'aandeel';
  const gewichten = opties.gewichten ?? [];
  const vastIn = opties.vast ?? [];
  const failures: RegioFailure[] = [];
  if (methode === 'aandeel' && gewichten.length > 0)
    failures.push({ kind: 'RegioInputForMethod', methode, given: 'gewichten' });
  if (methode !== 'vast' && vastIn.length > 0)
    failures.push({ kind: 'RegioInputForMethod', methode, given: 'vast' });
  if (methode === 'gewichten' && gewichten.length === 0)
    failures.push({ kind: 'RegioInputForMethod', methode, given: 'geen' });
  if (methode === 'vast' && vastIn.length === 0)
    failures.push({ kind: 'RegioInputForMethod', methode, given: 'geen' });

  // Members: the user's list (checked) or the derived membership.
  const naamOf = new Map(ledger.input.base.gemeenten.map((g) => [g.code as string, g.naam]));
  const order = new Map(ledger.gemeenten.map((c, i) => [c as string, i]));
  let leden: CbsCode[];
  let ledenBron: LedenBron;
  const before = failures.length;
  if (opties.leden !== undefined) {
    const seen = new Set<string>();
    leden = [];
    for (const raw of opties.leden) {
      const code = raw.trim().toUpperCase();
      if (!naamOf.has(code)) failures.push({ kind: 'RegioUnknownMember', code: raw });
      else if (seen.has(code)) failures.push({ kind: 'RegioDuplicateMember', code });
      else {
        seen.add(code);
        leden.push(code as CbsCode);
      }
    }
    leden.sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
    ledenBron = 'opgegeven';
  } else {
    const derived = regioLeden(ledger, regio);
    leden = [...derived.leden];
    ledenBron = derived.status;
  }
  if (leden.length === 0 && failures.length === before) failures.push({ kind: 'RegioNoMembers', regio });

  // Fixed amounts: whole euros ≥ 0, each activity once.
  const vastSeen = new Map<string, number | undefined>();
  let vastSum = 0;
  for (const v of vastIn) {
    const key = v.activiteit.trim().toLowerCase();
    if (!Number.isSafeInteger(v.bedrag) || v.bedrag < 0) {
      failures.push({
        kind: 'RegioBadAmount',
        activiteit: v.activiteit,
        text: String(v.bedrag),
        reden: v.bedrag < 0 ? 'negatief' : 'centen',
        ...rowOf(v.row),
      });
      continue;
    }
    if (vastSeen.has(key)) {
      const firstRow = vastSeen.get(key);
      failures.push({
        kind: 'RegioDuplicateActivity',
        activiteit: v.activiteit,
        ...rowOf(v.row),
        ...(firstRow !== undefined ? { firstRow } : {}),
      });
      continue;
    }
    vastSeen.set(key, v.row);
    vastSum += v.bedrag;
  }

  // Weights: for `gewichten`, or for the remainder of `vast` when given.
  const restMethode: 'aandeel' | 'gewichten' =
    gewichten.length > 0 && methode !== 'aandeel' ? 'gewichten' : 'aandeel';
  const weightOf = new Map<string, number>();
  if (restMethode === 'gewichten') {
    const memberSet = new Set<string>(leden);
    const rows = new Map<string, number | undefined>();
    for (const g of gewichten) {
      const code = g.code.trim().toUpperCase();
      if (!naamOf.has(code)) failures.push({ kind: 'RegioUnknownMember', code: g.code, ...rowOf(g.row) });
      else if (rows.has(code)) {
        const firstRow = rows.get(code);
        failures.push({
          kind: 'RegioDuplicateMember',
          code,
          ...rowOf(g.row),
          ...(firstRow !== undefined ? { firstRow } : {}),
        });
      } else if (!memberSet.has(code)) {
        rows.set(code, g.row);
        failures.push({ kind: 'RegioNotAMember', code, regio, ...rowOf(g.row) });
      } else if (!Number.isSafeInteger(g.gewicht) || g.gewicht < 0) {
        rows.set(code, g.row);
        failures.push({ kind: 'RegioBadWeight', code, text: String(g.gewicht), ...rowOf(g.row) });
      } else {
        rows.set(code, g.row);
        weightOf.set(code, g.gewicht);
      }
    }
    const missing = leden.filter((c) => !rows.has(c));
    if (missing.length > 0) failures.push({ kind: 'RegioMissingWeights', regio, codes: missing });
  } else {
    for (const c of leden) weightOf.set(c, aandeelGewicht(ledger, c, jaar));
  }
  if (failures.length > 0) return fail(failures);

  const { nr, regeling } = regionalLine(ledger, jaar);
  const bedrag = ledger.regio(regio, nr, jaar);
  if (vastSum > bedrag.bedrag)
    return fail([{ kind: 'RegioFixedExceeds', regio, jaar, vast: vastSum, bedrag: bedrag.bedrag }]);
  const teVerdelen = euro(bedrag.bedrag - vastSum);
  const weights = leden.map((c) => weightOf.get(c) ?? 0);
  const W = weights.reduce((a, b) => a + b, 0);
  // Nothing to divide (no regional money that year, e.g. an edition without the SPUK AZWA): zeros.
  if (W === 0 && teVerdelen !== 0) return fail([{ kind: 'RegioZeroWeights', regio }]);
  const maxWeight = Math.max(...weights);
  if (!Number.isSafeInteger(teVerdelen * maxWeight + W) || !Number.isSafeInteger(W))
    return fail([{ kind: 'RegioWeightsTooLarge', regio }]);
  const split = splitByWeights(teVerdelen, weights, W);

  const delen: RegioDeel[] = vastIn.map((v) => ({
    soort: 'activiteit',
    code: undefined,
    naam: v.activiteit.trim(),
    mandaatgemeente: false,
    gewicht: 0,
    exact: v.bedrag,
    omlaag: euro(v.bedrag),
    rest: 0,
    correctie: 0,
    bedrag: euro(v.bedrag),
  }));
  leden.forEach((code, i) => {
    const amount = split.amounts[i] ?? ZERO;
    const correctie = split.corrections[i] ?? 0;
    const w = weights[i] ?? 0;
    delen.push({
      soort: 'lid',
      code,
      naam: naamOf.get(code) ?? code,
      mandaatgemeente: code === r.mandaatgemeenteCode,
      gewicht: w,
      exact: (teVerdelen * w) / W,
      omlaag: euro(amount - correctie),
      rest: split.rests[i] ?? 0,
      correctie,
      bedrag: amount,
    });
  });
  return ok({
    regio: r,
    jaar,
    nr,
    regeling,
    bedrag,
    methode,
    restMethode,
    leden,
    ledenBron,
    vast: euro(vastSum),
    teVerdelen,
    totaalGewicht: W,
    uitgedeeld: split.handedOut,
    delen,
  });
}

function rowOf(row: number | undefined): { readonly row?: number } {
  return row === undefined ? {} : { row };
}

/** One receiving medeoverheid (a member gemeente other than the mandaatgemeente) with its amount per year. */
export interface Medeoverheid {
  readonly code: CbsCode;
  readonly naam: string;
  /** Per year of the splits given: Σ over the regions (a gemeente is in one region; a list may hold several). */
  readonly bedragen: Readonly<Partial<Record<EditionYear, Euro>>>;
}

/**
 * The medeoverheden for SiSa H35B: every member gemeente other than the mandaatgemeente that receives
 * more than € 0 in some split, CBS code order, with its amount per year. H35B is the SPUK IZA's
 * indicator (2023–2026); for the SPUK AZWA (2027–2029) the same list is what the mandaatgemeente passes
 * on, under an indicator not yet published. Activities (eigen uitvoering, H35) are not in it.
 */
export function medeoverheden(splits: readonly RegioVerdeling[]): Medeoverheid[] {
  const out = new Map<
    string,
    { code: CbsCode; naam: string; bedragen: Partial<Record<EditionYear, Euro>> }
  >();
  for (const s of splits)
    for (const d of s.delen) {
      if (d.soort !== 'lid' || d.mandaatgemeente || d.code === undefined) continue;
      let m = out.get(d.code);
      if (!m) out.set(d.code, (m = { code: d.code, naam: d.naam, bedragen: {} }));
      m.bedragen[s.jaar] = euro((m.bedragen[s.jaar] ?? 0) + d.bedrag);
    }
  return [...out.values()]
    .filter((m) => Object.values(m.bedragen).some((b) => (b ?? 0) > 0))
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}
