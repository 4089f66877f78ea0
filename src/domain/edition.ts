import type { Euro } from './money';
import type { CbsCode, Dataset, Maybe } from './types';

/**
 * Editions: a dated stand of knowledge about what gemeenten and regions receive. An edition is
 * DATA (a folder under data/ with an `edition.json` manifest, parsed by src/data): its datasets
 * with provenance, the regelingen and onderdelen it introduces, and for each regeling × year the
 * rule that turns its datasets into amounts. A later edition names the one before it (`vorige`)
 * and inherits every regeling × year it does not republish.
 */

/** The years an edition can cover: the Brede SPUK and SPUK IZA (2023–2026) and the SPUK AZWA (2027–2029). */
export const EDITION_YEARS = [2023, 2024, 2025, 2026, 2027, 2028, 2029] as const;
export type EditionYear = (typeof EDITION_YEARS)[number];

export function isEditionYear(n: number): n is EditionYear {
  return (EDITION_YEARS as readonly number[]).includes(n);
}

/** Who receives a line's money: each gemeente, the mandaatgemeente of a region, or nobody locally. */
export type Ontvanger = 'gemeente' | 'mandaatgemeente' | 'landelijk';

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
  'beeindigd',
] as const;
export type AmountRule = (typeof AMOUNT_RULES)[number];

export function isAmountRule(text: string): text is AmountRule {
  return (AMOUNT_RULES as readonly string[]).includes(text);
}

/** One onderdeel (line) as an edition declares it; names and national GALA amounts come from datasets. */
export interface OnderdeelSpec {
  readonly nr: number;
  readonly ontvanger: Ontvanger;
  /** Name for lines that are not in the GALA table (SPUK AZWA). */
  readonly naam?: string;
  /** Row label ("wat") in the AZWA raming that holds the line's national amounts. */
  readonly raming?: string;
}

export interface RegelingSpec {
  readonly id: string;
  readonly naam: string;
  /** The regeling and its publication, e.g. "… (Stcrt. 2023, 4245)". */
  readonly bron: string;
  /** Last year of the regeling: money after it has no regeling (BBV: cannot be budgeted). */
  readonly eindjaar: EditionYear;
  readonly onderdelen: readonly OnderdeelSpec[];
}

/** Which rule supplies a regeling's amounts in some years, from which datasets (provenance). */
export interface AmountSpec {
  readonly regeling: string;
  readonly jaren: readonly EditionYear[];
  readonly regel: AmountRule;
  readonly datasets: readonly string[];
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
  readonly datasets: readonly Dataset[];
  readonly regelingen: readonly RegelingSpec[];
  readonly bedragen: readonly AmountSpec[];
  /** Which onderdeel each Bijlage 1 mutation of the edition belongs to (null: spread pro rata, e.g. a korting). */
  readonly mutaties: readonly MutatieMapping[];
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
  readonly totEnMetJaar: EditionYear;
  /** National indication, when a source gives one. */
  readonly landelijk: Maybe<Euro>;
  readonly toelichting: string;
  readonly bron: string;
}

/** An edition resolved over its chain: the effective rule for every regeling × year. */
export interface ResolvedEdition {
  readonly manifest: EditionManifest;
  /** Oldest first, ending with this edition. */
  readonly chain: readonly EditionManifest[];
  readonly lines: readonly EditionLine[];
  readonly regelingen: readonly RegelingSpec[];
  /** Effective rule per regeling and year, with the edition that set it. */
  readonly rule: (regeling: string, jaar: EditionYear) => Maybe<ResolvedRule>;
  readonly datasets: readonly Dataset[];
  readonly openPosten: readonly OpenPost[];
}

export interface ResolvedRule {
  readonly spec: AmountSpec;
  /** Id of the edition whose manifest states this rule. */
  readonly editie: string;
}
