import type { Euro } from './money';
import type { GalaColumn, GalaYear } from './gala-table';

export type Maybe<T> = T | undefined;

/** CBS gemeentecode, e.g. "GM0363". */
export type CbsCode = string & { readonly __brand: 'CbsCode' };

export const HOOFDTHEMAS = ['Sport en bewegen', 'Gezondheid en sociale basis', 'Algemeen'] as const;
export type Hoofdthema = (typeof HOOFDTHEMAS)[number] | 'IZA';

/** Brede SPUK (Stcrt. 2023, 4245) or SPUK IZA (Stcrt. 2023, 19964). */
export type Fund = 'brede-spuk' | 'spuk-iza';

/** One line of the GALA table: one of the 15 onderdelen, or line 16, the IZA-middelen. */
export interface Onderdeel {
  readonly nr: number;
  readonly naam: string;
  readonly hoofdthema: Hoofdthema;
  readonly fund: Fund;
  /** National amount per year; undefined where the table is blank (no money that year). */
  readonly amounts: Readonly<Record<GalaYear, Maybe<Euro>>>;
  /** Structural level after 2026; undefined where the line has none (it ends). */
  readonly structureel: Maybe<Euro>;
  /** What the sources say about the verdeelbasis (text, for Bronnen). */
  readonly verdeelbasis: string;
  readonly bijzonderheden: string;
}

/** A published total row of the GALA table (hoofdthema or grand total), blank cells undefined. */
export interface PublishedTotal {
  readonly label: string;
  readonly values: Readonly<Record<GalaColumn, Maybe<Euro>>>;
}

export interface Gemeente {
  readonly code: CbsCode;
  readonly naam: string;
  /** Spelling in the VWS letter of 12-09-2025 (Bijlage 2A), for matching. */
  readonly naamVws: string;
  readonly provincie: string;
  readonly zorgkantoorregio: string;
  readonly regiobeeldRegio: string;
  /** Inhabitants 2025 from an unofficial source: indicative only. */
  readonly inwoners: number;
}

/** Bijlage 2A: Brede SPUK total per gemeente, 2025 and 2026. */
export interface Bijlage2ARow {
  readonly code: CbsCode;
  readonly naamInBron: string;
  readonly totaal2025: Euro;
  readonly totaal2026: Euro;
}

/** Bijlage 2B: SPUK IZA per samenwerkingsregio with its mandaatgemeente. */
export interface IzaRegio {
  readonly naam: string;
  readonly mandaatgemeente: string;
  readonly mandaatgemeenteCode: Maybe<CbsCode>;
  readonly totaal2025: Euro;
  readonly totaal2026: Euro;
  readonly opmerking: string;
}

export type MembershipMethod = 'naam regiobeeld' | 'afgeleid';

/** A gemeente's (derived, unofficial) SPUK IZA region. */
export interface RegioLidmaatschap {
  readonly code: CbsCode;
  readonly regio: string;
  readonly methode: MembershipMethod;
}

/** Bijlage 1: mutaties 2025/2026 (mln converted to euros). */
export interface Mutatie {
  readonly jaar: GalaYear;
  readonly spuk: string;
  readonly onderwerp: string;
  readonly bedrag: Euro;
  readonly herkomst: string;
  readonly aard: string;
}

export interface AzwaRaming {
  readonly financieringsmiddel: string;
  readonly wat: string;
  readonly bedragen: Readonly<Record<2027 | 2028 | 2029, Euro>>;
}

/** Provenance and shape of one dataset of an edition (a manifest's `datasets[]`). */
export interface Dataset {
  readonly id: string;
  readonly titel: string;
  readonly bron: string;
  readonly kenmerk: string;
  readonly datum: string;
  /** Repository path of the file, `data/<edition id>/<file>`. */
  readonly bestand: string;
  /** The file's shape: its columns (header), in order; checked against the file. */
  readonly kolommen: readonly string[];
  readonly kanttekeningen: readonly string[];
}

/**
 * The provenance of the base data (`ReferenceData`): the datasets of the shipped manifests that
 * describe the files it was read from (src/data `baseDataEdition`). Not an edition of the model:
 * that is a manifest chain (`ResolvedEdition`).
 */
export interface Edition {
  readonly id: string;
  readonly naam: string;
  readonly datasets: readonly Dataset[];
}

/** Everything the engine needs, parsed and checked once by src/data. */
export interface ReferenceData {
  readonly edition: Edition;
  readonly onderdelen: readonly Onderdeel[];
  readonly publishedTotals: readonly PublishedTotal[];
  /** Sorted by CBS code: this order is the row order everywhere and the rounding tie-break. */
  readonly gemeenten: readonly Gemeente[];
  readonly bijlage2A: readonly Bijlage2ARow[];
  readonly izaRegios: readonly IzaRegio[];
  readonly lidmaatschap: readonly RegioLidmaatschap[];
  readonly mutaties: readonly Mutatie[];
  readonly azwaRaming: readonly AzwaRaming[];
}
