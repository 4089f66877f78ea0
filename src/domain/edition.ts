import type { VerantwoordingManifest } from './verantwoording/regels';
import type { Euro } from './money';
import type { CbsCode, Dataset, Maybe } from './types';

/**
 * Editions: a dated stand of knowledge about what gemeenten and regions receive. An edition is
 * DATA (a folder under data/ with an `edition.json` manifest, parsed by src/data): its datasets
 * with provenance, the regelingen and onderdelen it introduces, and for each regeling × year the
 * rule that turns its datasets into amounts. A later edition names the one before it (`vorige`)
 * and inherits every regeling × year it does not republish.
 */

/**
 * A calendar year on an edition's axis. The axis is DATA: the union of the years its chain of
 * manifests names (`ResolvedEdition.years`, e.g. 2023–2029 for the shipped editions); a later
 * edition can add 2030. Never assume a fixed range: iterate `edition.years`.
 */
export type EditionYear = number;

/**
 * The year axis of the three shipped editions (2023–2029), for tests and examples only: no product
 * code reads it (the workbook, the CLI and the domain take `ResolvedEdition.years`).
 */
export const EDITION_YEARS: readonly EditionYear[] = [2023, 2024, 2025, 2026, 2027, 2028, 2029];

/**
 * Who receives a line's money: each gemeente, the mandaatgemeente of a region, or nobody locally:
 * `ggd` (paid straight to the GGD'en) and `landelijk` (national only, e.g. a subsidy or the NPLV
 * areas) never land on a gemeente's sheet.
 */
export type Ontvanger = 'gemeente' | 'mandaatgemeente' | 'ggd' | 'landelijk';
export const ONTVANGERS: readonly Ontvanger[] = ['gemeente', 'mandaatgemeente', 'ggd', 'landelijk'];

/** True for money no gemeente receives (`ggd`, `landelijk`): shown nationally only. */
export function isNationalOnly(ontvanger: Ontvanger): boolean {
  return ontvanger === 'ggd' || ontvanger === 'landelijk';
}

/**
 * The closed vocabulary of amount rules (what a manifest may name). Each is a generic computation
 * over the edition's datasets; the sources of the rules are in the docstrings of `ledger.ts`.
 */
export const AMOUNT_RULES = [
  'gala-tabel',
  'gala-structureel',
  'gala-plus-lpo',
  'bijlage-2a',
  'bijlage-2b',
  'bijlage-2b-2025',
  'azwa-raming',
  'tabel-per-gemeente',
  'beeindigd',
] as const;
export type AmountRule = (typeof AMOUNT_RULES)[number];

export function isAmountRule(text: string): text is AmountRule {
  return (AMOUNT_RULES as readonly string[]).includes(text);
}

/**
 * The begroting posts (the Begroting table's "Regeling" column) a line can be charged to. A closed
 * list while the Begroting sheet lays out one block per post (src/plan/begroting/); a
 * manifest names the post of each line (`OnderdeelSpec.begroting`).
 */
export const BEGROTING_POSTEN = [
  'Brede SPUK',
  'SPUK IZA',
  'SPUK AZWA lokaal',
  'SPUK AZWA regionaal',
] as const;
export type BegrotingPost = (typeof BEGROTING_POSTEN)[number];

/** One onderdeel (line) as an edition declares it; names and national GALA amounts come from datasets. */
export interface OnderdeelSpec {
  readonly nr: number;
  readonly ontvanger: Ontvanger;
  /** Name for lines that are not in the GALA table (SPUK AZWA). */
  readonly naam?: string;
  /** Row label ("wat") in the AZWA raming that holds the line's national amounts. */
  readonly raming?: string;
  /** The begroting post the line is charged to; absent: the line is not on a gemeente's begroting. */
  readonly begroting?: BegrotingPost;
}

/**
 * What kind of source states a rule: the regeling itself (its text, with the article: `artikel` is
 * then required), a letter of the minister (e.g. the VWS-brief of 12-09-2025), practice (a
 * gemeente's, VNG's or adviser's reading; no article of the regeling found), or an assumption (no
 * source settles the rule: the project's reading, flagged to the controller, to be changed in the
 * edition once a source settles it). Shown with the rule so a controller knows how firm it is.
 */
export const GRONDSLAGEN = ['regeling', 'brief', 'praktijk', 'aanname'] as const;
export type Grondslag = (typeof GRONDSLAGEN)[number];

/**
 * A rule parameter of a regeling with its provenance, e.g. schuifruimte 15 % in 2023 and 2024.
 * `waarde` is a percentage (0–100) where the parameter has one; `jaren` the years it applies to.
 * `bron` names the source and says whether the regeling itself states the rule or practice does.
 */
export interface RuleParameter {
  readonly waarde?: number;
  readonly jaren?: readonly EditionYear[];
  readonly bron: string;
  /** ISO date of the source (YYYY-MM-DD). */
  readonly datum: string;
  /** What kind of source it is; undefined: not stated in the manifest. */
  readonly grondslag?: Grondslag;
  /**
   * The article of the regeling that states the rule, as the regeling numbers it (e.g. "art. 1.1";
   * the Brede SPUK numbers per chapter). Required when `grondslag` is `regeling`; absent: no article
   * was read (never guessed): the regeling is then cited without article (`RegelingSpec.bron`).
   */
  readonly artikel?: string;
}

/** A carry-over rule: at most `waarde` % of the budget of `vanJaar` may be spent in the next year. */
export interface OverhevelingRule extends RuleParameter {
  readonly waarde: number;
  readonly vanJaar: EditionYear;
  /** Per onderdeel (the budget of each line) or over the regeling's total. */
  readonly per: 'onderdeel' | 'regeling';
}

/**
 * The named rule parameters of a regeling (all optional: absent = the regeling has no such rule,
 * or no source states one). Inherited per parameter: a later edition that states `schuifruimte`
 * replaces only that parameter; `overheveling` is replaced per `vanJaar`.
 */
export interface RegelParameters {
  /** % of its plafond an onderdeel may take from others in its hoofdthema, in `jaren`. */
  readonly schuifruimte?: RuleParameter & { readonly waarde: number };
  /** The years in which the regeling is spent and checked per onderdeel (before ontschotting). */
  readonly perOnderdeel?: RuleParameter & { readonly jaren: readonly EditionYear[] };
  readonly overheveling?: readonly OverhevelingRule[];
  /**
   * Cofinanciering the agreements ask of the gemeente: `waarde` % of the costs of `onderdelen`
   * (lines) in `jaren` (BRC, Sportakkoord II: 60 % of the costs of the functionarissen, 2023–2026).
   * Information for the begroting, never a signal: no source makes it a condition of the uitkering.
   */
  readonly cofinanciering?: Cofinanciering;
}

/** A cofinanciering rule (see `RegelParameters.cofinanciering`). */
export interface Cofinanciering extends RuleParameter {
  readonly waarde: number;
  readonly jaren: readonly EditionYear[];
  readonly onderdelen: readonly number[];
}

/** The rule parameter names a manifest may state under `regels`. */
export const REGEL_NAMEN = ['schuifruimte', 'perOnderdeel', 'overheveling', 'cofinanciering'] as const;

/**
 * What a SiSa code accounts for: what the recipient spends itself (`eigen uitvoering`), or what it
 * passes on to medeoverheden (a mandaatgemeente to its member gemeenten). DUS-I, SPUK IZA-doelen:
 * H35 and H35B; the medeoverheden are reported on H35B.
 */
export const SISA_DELEN = ['eigen uitvoering', 'medeoverheden'] as const;
export type SisaDeel = (typeof SISA_DELEN)[number];

/** A SiSa code of a regeling, as a source states it (DUS-I: H35, H35B for the SPUK IZA). */
export interface SisaCode {
  readonly code: string;
  readonly omschrijving: string;
  /** What the code accounts for; undefined where the source does not say (then no part is assigned to it). */
  readonly deel?: SisaDeel;
  readonly bron: string;
}

export interface RegelingSpec {
  readonly id: string;
  readonly naam: string;
  /** The regeling and its publication, e.g. "… (Stcrt. 2023, 4245)". */
  readonly bron: string;
  /** The years the regeling covers (its first to its last year), in order. */
  readonly jaren: readonly EditionYear[];
  /** Last year of the regeling: money after it has no regeling (BBV: cannot be budgeted). */
  readonly eindjaar: EditionYear;
  readonly onderdelen: readonly OnderdeelSpec[];
  readonly regels: RegelParameters;
  /** SiSa codes where a source states them; undefined = unknown (never invented). */
  readonly sisa: Maybe<readonly SisaCode[]>;
}

/**
 * A regeling as one manifest writes it: complete where the regeling is new; where it was declared
 * by an earlier edition of the chain, only the fields it overrides (see `resolveEdition`).
 */
export type RegelingPatch = { readonly id: string } & Partial<Omit<RegelingSpec, 'id'>>;

/** Which rule supplies a regeling's amounts in some years, from which datasets (provenance). */
export interface AmountSpec {
  readonly regeling: string;
  readonly jaren: readonly EditionYear[];
  readonly regel: AmountRule;
  readonly datasets: readonly string[];
}

/**
 * Another reading of a national figure of the GALA table: a source that states a different amount
 * for a line in some years. Shown as a warning (`editionControle`), never used for the amounts: the
 * model follows the GALA table as published. E.g. the buurtsportcoaches 2023–2025: GALA 89,3 mln,
 * the sector's own page (sportindebuurt.nl, buurtsportcoach procedure) 89,5 mln incl. 5 mln armoede.
 */
export interface AlternatieveLezing {
  /** The line (onderdeel) of the GALA table. */
  readonly nr: number;
  readonly jaren: readonly EditionYear[];
  /** The amount per year the source states, whole euros. */
  readonly bedrag: Euro;
  /** The line as the warning names it, e.g. "Buurtsportcoaches". */
  readonly onderwerp: string;
  /** Who states the amount, as the warning says it, e.g. "de sector (sportindebuurt.nl)". */
  readonly wie: string;
  /** What the source's amount includes, e.g. "inclusief 5 mln armoede"; '' when nothing. */
  readonly toelichting: string;
  /** The source: publication, page or document, and where in it. */
  readonly bron: string;
}

/** An edition's manifest as written in data/<id>/edition.json (checked by src/data). */
export interface EditionManifest {
  readonly id: string;
  readonly naam: string;
  /** ISO date of the edition's newest source. */
  readonly datum: string;
  readonly omschrijving: string;
  /** The edition this one builds on; null for the first. */
  readonly vorige: string | null;
  /** Years this edition adds to the axis (the axis is the union over the chain). */
  readonly jaren: readonly EditionYear[];
  readonly datasets: readonly Dataset[];
  /** Other readings of GALA figures this edition states (shown as warnings; none when absent). */
  readonly lezingen: readonly AlternatieveLezing[];
  /** New regelingen (complete) and overrides of inherited ones (only the fields that change). */
  readonly regelingen: readonly RegelingPatch[];
  readonly bedragen: readonly AmountSpec[];
  /** Which onderdeel each Bijlage 1 mutation of the edition belongs to (null: spread pro rata, e.g. a korting). */
  readonly mutaties: readonly MutatieMapping[];
  /** The verantwoording rules (overheveling limits, eindafrekening) this edition states; see ./verantwoording/regels.ts. */
  readonly verantwoording?: VerantwoordingManifest;
}

/** Where a mutation of Bijlage 1 lands: one onderdeel, or (nr null) all onderdelen pro rata. */
export interface MutatieMapping {
  readonly jaar: EditionYear;
  readonly regeling: string;
  readonly onderwerp: string;
  readonly nr: number | null;
}

/** A line of an edition with everything the ledger needs, resolved over the chain of editions. */
export interface EditionLine {
  readonly nr: number;
  readonly naam: string;
  readonly hoofdthema: string;
  readonly regeling: RegelingSpec;
  readonly ontvanger: Ontvanger;
  /** The begroting post it is charged to; undefined: not on a gemeente's begroting. */
  readonly begroting: Maybe<BegrotingPost>;
  /** The Rijk's structural level (GALA "structureel"); undefined where the Rijk states none. */
  readonly structureelNiveau: Maybe<Euro>;
  readonly raming: Maybe<string>;
}

/** A published amount per gemeente and year (Bijlage 2A). */
export interface PublishedGemeenteAmount {
  readonly code: CbsCode;
  readonly jaar: EditionYear;
  readonly bedrag: Euro;
}

/** A published amount per SPUK IZA region and year (Bijlage 2B). */
export interface PublishedRegioAmount {
  readonly regio: string;
  readonly jaar: EditionYear;
  readonly bedrag: Euro;
}

/** A known gap: money that leaves the SPUK with no known amount per gemeente (never a silent zero). */
export interface OpenPost {
  readonly onderwerp: string;
  readonly nrs: readonly number[];
  readonly vanJaar: EditionYear;
  /** The last year: the source's, or (`zonderEinde`) the last year of the edition's axis. */
  readonly totEnMetJaar: EditionYear;
  /**
   * The source names no end ("vanaf 2027"): the post runs to the last year of the edition's axis
   * (its `tot_en_met_jaar` is empty in the data), and the sheets say so.
   */
  readonly zonderEinde?: true;
  /** National indication, when a source gives one. */
  readonly landelijk: Maybe<Euro>;
  readonly toelichting: string;
  readonly bron: string;
}

/** An amount per gemeente, line and year from a `tabel-per-gemeente` dataset (whole euros). */
export interface TableAmount {
  readonly code: CbsCode;
  readonly nr: number;
  readonly jaar: EditionYear;
  readonly bedrag: Euro;
}

/** An edition resolved over its chain: the effective rule for every regeling × year. */
export interface ResolvedEdition {
  readonly manifest: EditionManifest;
  /** Oldest first, ending with this edition. */
  readonly chain: readonly EditionManifest[];
  /** The year axis: the union of the chain's `jaren`, ascending (2023–2029 for the shipped editions). */
  readonly years: readonly EditionYear[];
  readonly lines: readonly EditionLine[];
  /** Every regeling with its inherited and overridden fields merged (see `resolveEdition`). */
  readonly regelingen: readonly RegelingSpec[];
  /** Effective rule per regeling and year, with the edition that set it. */
  readonly rule: (regeling: string, jaar: EditionYear) => Maybe<ResolvedRule>;
  readonly datasets: readonly Dataset[];
  readonly openPosten: readonly OpenPost[];
  /** The chain's other readings of GALA figures, oldest edition first. */
  readonly lezingen: readonly AlternatieveLezing[];
  /** Amounts per gemeente of the chain's `tabel-per-gemeente` datasets. */
  readonly tabellen: readonly TableAmount[];
}

export interface ResolvedRule {
  readonly spec: AmountSpec;
  /** Id of the edition whose manifest states this rule. */
  readonly editie: string;
}

/** A regeling of the edition by id; throws RangeError for an unknown one. */
export function regelingOf(edition: ResolvedEdition, regeling: string): RegelingSpec {
  const r = edition.regelingen.find((x) => x.id === regeling);
  if (!r) throw new RangeError(`Regeling ${regeling} is not in edition ${edition.manifest.id}`);
  return r;
}

/** The rule parameters of a regeling (empty where the edition has no such regeling). */
export function regels(edition: ResolvedEdition, regeling: string): RegelParameters {
  return edition.regelingen.find((x) => x.id === regeling)?.regels ?? {};
}

/**
 * One rule parameter of a regeling, e.g. `ruleParameter(e, 'brede-spuk', 'schuifruimte')` → 15 %
 * in 2023 and 2024, with its source; undefined where no source states it.
 */
export function ruleParameter<K extends 'schuifruimte' | 'perOnderdeel'>(
  edition: ResolvedEdition,
  regeling: string,
  name: K,
): RegelParameters[K] {
  return regels(edition, regeling)[name];
}

/** The carry-over rule from `vanJaar` into the next year; undefined where none is stated. */
export function overhevelingRule(
  edition: ResolvedEdition,
  regeling: string,
  vanJaar: EditionYear,
): Maybe<OverhevelingRule> {
  return regels(edition, regeling).overheveling?.find((o) => o.vanJaar === vanJaar);
}

/** SiSa codes of a regeling; undefined = unknown (no source states them). */
export function sisaCodes(edition: ResolvedEdition, regeling: string): Maybe<readonly SisaCode[]> {
  return edition.regelingen.find((x) => x.id === regeling)?.sisa;
}

/**
 * The SiSa code under which a regeling's `deel` is reported (e.g. SPUK IZA, medeoverheden: H35B);
 * undefined = unknown: the edition states no codes for the regeling, or none for that part.
 */
export function sisaCodeFor(edition: ResolvedEdition, regeling: string, deel: SisaDeel): Maybe<string> {
  return sisaCodes(edition, regeling)?.find((c) => c.deel === deel)?.code;
}

/** The index of a year on the edition's axis; -1 when the axis does not have it. */
export function yearIndex(edition: ResolvedEdition, jaar: EditionYear): number {
  return edition.years.indexOf(jaar);
}

/** True when the edition's year axis has `n`. */
export function hasYear(edition: ResolvedEdition, n: number): boolean {
  return edition.years.includes(n);
}
