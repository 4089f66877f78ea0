import type { BegrotingPost, EditionLine, EditionYear, ResolvedEdition } from './edition';
import type { OverhevelingRule, RuleParameter } from './edition';
import { BEGROTING_POSTEN, regels as regelParameters, ruleParameter } from './edition';
import type { BeschikkingAmount, Bron, Ledger, LedgerAmount } from './ledger';
import { weakest } from './ledger';
import type { Euro } from './money';
import { euro, ZERO } from './money';
import type { RoundedSplit } from './largest-remainder';
import { splitByWeights } from './largest-remainder';
import { membershipStatus } from './iza';
import { regioLeden, regionalLine, regioVerdeling } from './regio-verdeling';
import { uitvoerderVan } from './verantwoording/uitvoerder';
import type { CbsCode, IzaRegio, Maybe } from './types';

/**
 * The controller's begroting on top of an edition: activities (lasten per year) against the plafond
 * of each regeling, and the rules that gemeenten and the Rijk apply to them. Pure and exact: every
 * amount is whole euros; every check returns the amount involved. The workbook's Begroting and
 * Toets sheets compute the same checks as formulas (src/plan/begroting/) and are proven
 * equal to this module by HyperFormula.
 *
 * Rules and their sources (../shared/docs/begroting-practice.md). The rule PARAMETERS (percentages,
 * the years checked per onderdeel, the end years) are the edition's data: each regeling's `regels`
 * and `eindjaar` in its manifest, with source and date (read with `begrotingRegels`); the checks
 * below are generic. For the shipped editions:
 * - Plafond: the beschikking where the user entered it, else the edition's amount for the gemeente
 *   (the Ledger: Bijlage 2A, 2B, the SPUK AZWA raming). Regional money (SPUK IZA, SPUK AZWA
 *   regionaal) has a plafond only on the begroting of its mandaatgemeente; a member gemeente checks
 *   its regional lasten against what the mandaatgemeente passes on (`vanMandaatgemeente`: typed, else
 *   its planned share, `geplandAandeel`), a baat next to the plafond.
 * - Incidentele baten per taakveld (BBV art. 19): what is received covers the lasten, never more
 *   (`taakveldDekking`); the rest is eigen middelen (`nietGedekt`).
 * - Until 2024 the Brede SPUK is spent per onderdeel; up to 15% may shift between onderdelen within
 *   one hoofdthema (innofunding.nl, "Flexibilisering van Brede SPUK", 28-10-2025). Read here as: an
 *   onderdeel may spend at most 115% of its plafond (rounded down to the euro), and a hoofdthema at
 *   most the sum of its onderdelen's plafonds.
 * - From 2025 the Brede SPUK is one total (ontschotting; VWS letter 12-09-2025, Bijlage 1); the
 *   SPUK AZWA is one total per part (VWS to VNG 22-04-2026).
 * - Carry-over (overheveling): up to 20% of the 2023 budget per onderdeel into 2024 (a gemeente's
 *   begrotingsnotitie 2024) and up to 10% of the 2025 budget into 2026 (VWS letter 12-09-2025,
 *   Bijlage 1). The amount carried leaves the plafond of the first year and joins the next.
 * - BBV: money under a regeling with a fixed end is incidental (Commissie BBV); structural lasten
 *   funded by it are a warning in every year, and what continues after the regeling ends (2026 for
 *   the Brede SPUK and SPUK IZA, 2029 for the SPUK AZWA) is a structural gap.
 * - Money received in one year for the next (the SPUK AZWA 2027 may be paid in December 2026) is not
 *   a baat of the year of receipt: it is shown on the balance sheet (vooruitontvangen).
 */

/**
 * The regelingen (begroting posts) a begroting line can be charged to: the table's list. Which
 * edition lines belong to each is the manifest's (`onderdelen[].begroting`); see `regelingLines`.
 */
export const BEGROTING_REGELINGEN = BEGROTING_POSTEN;
export type BegrotingRegeling = BegrotingPost;

export function isBegrotingRegeling(text: string): text is BegrotingRegeling {
  return (BEGROTING_REGELINGEN as readonly string[]).includes(text);
}

/** Structural or incidental lasten (the user's own reading of the activity). */
export const AARD_LASTEN = ['structureel', 'incidenteel'] as const;
export type AardLasten = (typeof AARD_LASTEN)[number];

/**
 * A carry-over as the toets applies it: from `vanJaar` into the next year of the axis, at most `pct`
 * % of the budget of `vanJaar`; `rule` is the manifest's parameter with its source (undefined: no
 * source states one, 0 % allowed).
 */
export interface Overheveling {
  readonly vanJaar: EditionYear;
  readonly pct: number;
  readonly rule: Maybe<OverhevelingRule>;
}

/**
 * The regelingen that end in one year (`eindjaar`): the posts charged to them and their names (in
 * post order, without duplicates, e.g. `{ eindjaar: 2029, posten: [AZWA lokaal, AZWA regionaal],
 * namen: ['SPUK AZWA'] }`). Structural lasten on them in `eindjaar` have no dekking after it.
 */
export interface RegelingEinde {
  readonly eindjaar: EditionYear;
  readonly posten: readonly BegrotingRegeling[];
  readonly namen: readonly string[];
}

/**
 * The rule parameters of the begroting for an edition, read from its manifests (with their sources
 * in `ResolvedEdition.regelingen[].regels`). Percentages 0–100; absent rules read as: no
 * schuifruimte (0 %), no carry-over allowed (0 %), no per-onderdeel years.
 */
export interface BegrotingRegels {
  /** The Brede SPUK onderdelen (lines charged to the post "Brede SPUK"), in line order. */
  readonly onderdelen: readonly number[];
  /** The years spent and checked per onderdeel (2023, 2024: before the ontschotting), consecutive. */
  readonly onderdeelJaren: readonly EditionYear[];
  /** The manifest's per-onderdeel parameter with its source; undefined where none is stated. */
  readonly perOnderdeel: Maybe<RuleParameter & { readonly jaren: readonly EditionYear[] }>;
  /** The manifest's schuifruimte with its source; undefined where none is stated (0 %). */
  readonly schuifruimte: Maybe<RuleParameter & { readonly waarde: number }>;
  /** % an onderdeel may spend above its plafond within its hoofdthema, per year of `onderdeelJaren`. */
  readonly schuifruimtePct: (jaar: EditionYear) => number;
  /**
   * Carry-over per onderdeel (shipped: 2023 → 2024, 20 % of each onderdeel's budget). Without a
   * rule: from the first per-onderdeel year (else the first year), 0 %.
   */
  readonly overhevelingPerOnderdeel: Overheveling;
  /**
   * Carry-over of the regeling's total (shipped: 2025 → 2026, 10 % of the total). Without a rule:
   * from the year after the per-onderdeel years (else the first year), 0 %.
   */
  readonly overhevelingTotaal: Overheveling;
  /** The last year of each post's regeling (the structural gap follows it); undefined where the edition has no lines for it. */
  readonly eindjaar: (post: BegrotingRegeling) => EditionYear | undefined;
  /** The end years of the posts' regelingen, ascending. */
  readonly einden: readonly RegelingEinde[];
}

/** The begroting's rule parameters of an edition (see BegrotingRegels). */
export function begrotingRegels(edition: ResolvedEdition): BegrotingRegels {
  const brede = edition.lines.filter((l) => l.begroting === 'Brede SPUK');
  const id = brede[0]?.regeling.id ?? '';
  const schuif = ruleParameter(edition, id, 'schuifruimte');
  const perOnderdeel = ruleParameter(edition, id, 'perOnderdeel');
  const onderdeelJaren = perOnderdeel?.jaren ?? [];
  const carry = regelParameters(edition, id).overheveling ?? [];
  const overheveling = (per: OverhevelingRule['per'], fallback: Maybe<EditionYear>): Overheveling => {
    const rule = carry.find((o) => o.per === per);
    return { vanJaar: rule?.vanJaar ?? fallback ?? edition.years[0] ?? 0, pct: rule?.waarde ?? 0, rule };
  };
  const after = edition.years[edition.years.indexOf(onderdeelJaren[onderdeelJaren.length - 1] ?? -1) + 1];
  const eindjaar = (post: BegrotingRegeling): Maybe<EditionYear> =>
    edition.lines.find((l) => l.begroting === post)?.regeling.eindjaar;
  const jaren = [
    ...new Set(BEGROTING_POSTEN.map(eindjaar).filter((y): y is EditionYear => y !== undefined)),
  ].sort((x, y) => x - y);
  const einden = jaren.map((j) => {
    const posten = BEGROTING_POSTEN.filter((p) => eindjaar(p) === j);
    const namen = edition.lines.filter((l) => l.begroting !== undefined && posten.includes(l.begroting));
    return { eindjaar: j, posten, namen: [...new Set(namen.map((l) => l.regeling.naam))] };
  });
  return {
    onderdelen: brede.map((l) => l.nr),
    onderdeelJaren,
    perOnderdeel,
    schuifruimte: schuif,
    schuifruimtePct: (jaar) => (schuif && (schuif.jaren ?? []).includes(jaar) ? schuif.waarde : 0),
    overhevelingPerOnderdeel: overheveling('onderdeel', onderdeelJaren[0]),
    overhevelingTotaal: overheveling('regeling', after),
    eindjaar,
    einden,
  };
}

/**
 * The columns of the table Begroting (the sheet and the CSV), in order, for a year axis (the
 * edition's years; 2023–2029 for the shipped editions).
 */
export function begrotingKolommen(years: readonly EditionYear[]): readonly string[] {
  return [
    'Regeling',
    'Onderdeel',
    'Activiteit',
    'Taakveld',
    'Uitvoerder',
    'Aard lasten',
    ...years.map(String),
    'Andere dekking',
    'Opmerking',
  ];
}

/** Rows of the begroting table the workbook checks (and the CLI accepts). */
export const BEGROTING_CAPACITEIT = 500;

/** Iv3 taakvelden of the summary's overview per taakveld (BBV art. 19/28); others are "overige". */
export const TAAKVELDEN = [
  { code: '5.1', naam: 'Sportbeleid en activering' },
  { code: '6.1', naam: 'Samenkracht en burgerparticipatie' },
  { code: '6.71', naam: 'Maatwerkdienstverlening 18+' },
  { code: '7.1', naam: 'Volksgezondheid' },
] as const;

/**
 * The default Iv3 taakveld of a line (begroting-practice.md, layout 3: onderdelen 1–2 under 5.1,
 * sociale basis under 6.1, health under 7.1).
 */
export function defaultTaakveld(regeling: BegrotingRegeling, onderdeel: Maybe<number>): string {
  if (regeling !== 'Brede SPUK' || onderdeel === undefined) return '7.1';
  if (onderdeel <= 2) return '5.1';
  if ([10, 11, 12, 13].includes(onderdeel)) return '6.1';
  return '7.1';
}

/**
 * The taakveld a row counts on: the one typed, else (an empty cell) `defaultTaakveld` of its regeling
 * and onderdeel. The CSV reader fills an empty Taakveld with the default already; in the werkmap a user
 * can empty the cell afterwards, and the Begrotingstoets's dekking and the Samenvatting's mutaties
 * then read it on the default taakveld alike (#18). No trimming: the toets's SUMIFS matches an empty
 * cell with the criterion "", not a cell of spaces.
 */
export function taakveldVan(r: Pick<BegrotingRegel, 'regeling' | 'onderdeel' | 'taakveld'>): string {
  return r.taakveld === '' ? defaultTaakveld(r.regeling, r.onderdeel) : r.taakveld;
}

/** One activity of the begroting (a row of the table or of the CSV). */
export interface BegrotingRegel {
  /** The row the user sees (sheet row or file line), for messages. */
  readonly rij: number;
  readonly regeling: BegrotingRegeling;
  /** 1–15 for the Brede SPUK; may stay empty for ontschotte money (from 2025). */
  readonly onderdeel: Maybe<number>;
  readonly activiteit: string;
  /** Iv3 taakveld, e.g. "6.1". */
  readonly taakveld: string;
  readonly uitvoerder: string;
  /** Undefined when the user left it empty (a signal). */
  readonly aard: Maybe<AardLasten>;
  /** Lasten in whole euros per year, in the order of the edition's years (2023–2029 shipped). */
  readonly lasten: readonly Euro[];
  readonly andereDekking: string;
  readonly opmerking: string;
}

/** What the user enters besides the activities. */
export interface BegrotingInvoer {
  readonly regels: readonly BegrotingRegel[];
  /** Brede SPUK: the amount of 2023 carried into 2024, per onderdeel (`BegrotingRegels.onderdelen` order). */
  readonly overheveling2023: readonly Euro[];
  /** Brede SPUK: the amount of 2025 carried into 2026 (one total: ontschot). */
  readonly overheveling2025: Euro;
  /** Per year of receipt (the edition's years): money received in that year for the next year's regeling. */
  readonly vooruitOntvangen: readonly Euro[];
  /**
   * A member gemeente: what its mandaatgemeente passes on per regional post and year (the edition's
   * years; undefined or absent: the planned share, `geplandAandeel`). Typed on the Beschikking sheet.
   */
  readonly vanMandaatgemeente?: Readonly<Partial<Record<RegionalePost, readonly Maybe<Euro>[]>>>;
}

/** The posts paid to a region's mandaatgemeente, which passes parts on to its member gemeenten. */
export const REGIONALE_POSTEN = [
  'SPUK IZA',
  'SPUK AZWA regionaal',
] as const satisfies readonly BegrotingRegeling[];
export type RegionalePost = (typeof REGIONALE_POSTEN)[number];

/**
 * Whether a gemeente can have a beschikking of its own for a regeling: always, unless the regeling's
 * money is paid per SPUK IZA region (its edition lines have `ontvanger` 'mandaatgemeente': SPUK IZA,
 * SPUK AZWA regionaal in the shipped editions); then only the region's mandaatgemeente
 * (`IzaRegio.mandaatgemeenteCode` of one of `regios`) receives it, and a member gemeente receives
 * a part from it (`vanMandaatgemeente`), not a beschikking of the Rijk. Source: the regelingen
 * (SPUK IZA and SPUK AZWA regionaal are granted to the mandaatgemeente per region;
 * ../shared/docs/editions-facts.md) and the edition data (`ontvanger`). `lines`: the edition's lines.
 */
export function eigenBeschikkingMogelijk(
  lines: readonly EditionLine[],
  regios: readonly IzaRegio[],
  code: CbsCode,
  regeling: BegrotingRegeling,
): boolean {
  return !regionaleRegeling(lines, regeling) || regios.some((r) => r.mandaatgemeenteCode === code);
}

/**
 * Whether a regeling's money is paid per SPUK IZA region to its mandaatgemeente (its edition lines
 * have `ontvanger` 'mandaatgemeente': SPUK IZA and SPUK AZWA regionaal in the shipped editions), so
 * only a mandaatgemeente has a beschikking for it (`eigenBeschikkingMogelijk`). `lines`: the edition's.
 */
export function regionaleRegeling(lines: readonly EditionLine[], regeling: BegrotingRegeling): boolean {
  return regelingLines(lines, regeling).some((l) => l.ontvanger === 'mandaatgemeente');
}

/**
 * What a member gemeente receives from its mandaatgemeente for a regional post in a year: typed
 * (`ingevuld`, from the mandaatgemeente's letter or raadsbesluit), else the planned share
 * (`regioverdeling`: `geplandAandeel`), else nothing (`geen`: a year without regional money on that
 * post). A gemeente that is no member (a mandaatgemeente, a gemeente in no region, the national view)
 * receives nothing from a mandaatgemeente: 0, `geen`, every year; an amount typed for it is refused
 * (see `vanMandaatgemeente`).
 */
export interface VanMandaatgemeente {
  readonly bedrag: Euro;
  readonly bron: 'ingevuld' | 'regioverdeling' | 'geen';
  /** The planned share (`geplandAandeel`; 0 without one), also where a typed amount wins. */
  readonly gepland: Euro;
}

/**
 * The planned share of a member gemeente (not the region's mandaatgemeente) in its SPUK IZA region's
 * amount on a regional post in a year: its part of `regioVerdeling` with the default method
 * `aandeel` (pro rata its own Brede SPUK amount, from 2027 its SPUK AZWA lokaal amount; largest
 * remainder), as the sheet Regioverdeling of the mandaatgemeente plans it. Undefined where the
 * gemeente is no member of a region, is the mandaatgemeente of it, or the region has no money on that
 * post in that year (the year's regional line is another: 16 SPUK IZA to 2026, 18 AZWA from 2027).
 */
export function geplandAandeel(
  ledger: Ledger,
  code: CbsCode,
  post: RegionalePost,
  jaar: EditionYear,
): Maybe<{ readonly bedrag: Euro; readonly regio: string }> {
  const line = regelingLines(ledger.lines, post)[0];
  if (line === undefined || regionalLine(ledger, jaar).nr !== line.nr) return undefined;
  const regio = regioVanLid(ledger, code);
  if (regio === undefined || regio.mandaatgemeenteCode === code) return undefined;
  if (ledger.regio(regio.naam, line.nr, jaar).bedrag === 0) return undefined;
  const split = regioVerdeling(ledger, regio.naam, jaar);
  if (!split.ok) return undefined;
  const deel = split.value.delen.find((d) => d.code === code);
  return deel === undefined ? undefined : { bedrag: deel.bedrag, regio: regio.naam };
}

/**
 * The first SPUK IZA region (in `ledger.regios` order) whose members include `code` (the members
 * `regioLeden` gives: `membershipStatus` of the region); undefined for none. Memoised per ledger
 * (which never changes), and made in one pass over the regions: `geplandAandeel` asks it for every
 * regional post × year of every werkmap, and `regioLeden` rebuilds one region's membership per call.
 */
export function regioVanLid(ledger: Ledger, code: CbsCode): Maybe<IzaRegio> {
  let known = memberRegios.get(ledger);
  if (known === undefined) {
    known = new Map();
    for (const { regio, leden } of membershipStatus(ledger.regios, ledger.input.base.lidmaatschap))
      for (const lid of leden) if (!known.has(lid)) known.set(lid, regio);
    memberRegios.set(ledger, known);
  }
  return known.get(code);
}

const memberRegios = new WeakMap<Ledger, Map<string, IzaRegio>>();

/**
 * Per regional post × year what the gemeente receives from its mandaatgemeente (see
 * `VanMandaatgemeente`): for a member (`regioRol` 'lid') a typed amount wins over the planned share;
 * any other gemeente (a mandaatgemeente, a gemeente in no region; `code` undefined, the national
 * view) receives nothing: 0, `geen`. An amount typed for such a gemeente is refused (RangeError), as
 * the werkmap and the readers do: the CLI's `--van-mandaatgemeente` refuses it in Dutch, and on the
 * werkmap's Beschikking (whose member block is hidden then) it counts as FOUT (row 3 and Controle's
 * check `beschikking-jaren`) until the cell is emptied.
 */
export function vanMandaatgemeente(
  ledger: Ledger,
  code: Maybe<CbsCode>,
  typed: BegrotingInvoer['vanMandaatgemeente'],
): Record<RegionalePost, VanMandaatgemeente[]> {
  const lid = regioRol(ledger, code) === 'lid';
  const out = {} as Record<RegionalePost, VanMandaatgemeente[]>;
  for (const post of REGIONALE_POSTEN)
    out[post] = ledger.years.map((jaar, i) => {
      const t = typed?.[post]?.[i];
      if (!lid) {
        if (t !== undefined)
          throw new RangeError(
            `vanMandaatgemeente ${post} ${jaar} for ${code ?? 'NL'}: only a member gemeente receives from a mandaatgemeente`,
          );
        return { bedrag: ZERO, bron: 'geen', gepland: ZERO };
      }
      const gepland = code === undefined ? ZERO : (geplandAandeel(ledger, code, post, jaar)?.bedrag ?? ZERO);
      if (t !== undefined) return { bedrag: t, bron: 'ingevuld', gepland };
      return { bedrag: gepland, bron: gepland === 0 ? 'geen' : 'regioverdeling', gepland };
    });
  return out;
}

/** A beschikking amount for the gemeente: a regeling's total (onderdeel undefined) or one onderdeel. */
export interface BeschikkingRegel {
  readonly regeling: BegrotingRegeling;
  readonly onderdeel: Maybe<number>;
  readonly jaar: EditionYear;
  readonly bedrag: Euro;
  /**
   * The beschikkingsnummer of the regeling's beschikking (text as the Rijk writes it, e.g.
   * "1234567-202345-PG"), when the file gives it (`--beschikking` column `beschikkingsnummer`). One per
   * regeling: every row of a regeling that gives it gives the same (the reader checks).
   */
  readonly nummer?: string;
  /** The beschikking's date, ISO `jjjj-mm-dd`, when given (column `beschikkingsdatum`); one per regeling. */
  readonly datum?: string;
}

/** A plafond with its source; `bron` undefined where no money exists (no regeling, not a mandaatgemeente). */
export interface Plafond {
  readonly bedrag: Euro;
  readonly bron: Bron | 'geen';
  /** Set on a line's amount that is a split of a published gemeente total (Bijlage 2A). */
  readonly totaalGepubliceerd?: true;
}

export type SignaalSoort =
  | 'beschikking-totaal'
  | 'plafond'
  | 'onderdeel'
  | 'hoofdthema'
  | 'zonder-onderdeel'
  | 'overheveling-2023'
  | 'overheveling-2025'
  | 'aard-ontbreekt'
  | 'bbv-structureel'
  | 'bbv-gat-2026'
  | 'bbv-gat-2029'
  | 'bbv-gat'
  | 'vooruit-ontvangen'
  | 'buiten-bereik'
  | 'doorbetaling-dubbel';

/** One active warning: what, where and the amount involved (Dutch text: src/messages). */
export interface Signaal {
  readonly soort: SignaalSoort;
  readonly regeling?: BegrotingRegeling;
  readonly onderdeel?: number;
  readonly hoofdthema?: string;
  readonly jaar?: EditionYear;
  /** The amount involved, whole euros (rows for `buiten-bereik` and `doorbetaling-dubbel`). */
  readonly bedrag: Euro;
  /**
   * A plafond signal on a regional post (SPUK IZA, SPUK AZWA regionaal): the gemeente's role in its
   * SPUK IZA region (`regioRol`), so the text says where its plafond comes from; absent elsewhere.
   */
  readonly rol?: RegioRol;
}

/**
 * A gemeente's role in the regional money (SPUK IZA to 2026, SPUK AZWA regionaal from 2027):
 * - `mandaatgemeente`: it receives a region's amount itself (`Ledger.mandaatVan`; e.g. Zwolle,
 *   Almere) and passes it on (the sheet Regioverdeling);
 * - `lid`: a member of a region that is not its mandaatgemeente (`regioVanLid`; e.g. Dalfsen, Kampen,
 *   Dronten): it receives its share from the mandaatgemeente (the Beschikking's input "ontvangen van
 *   de mandaatgemeente", the Samenvatting's baten);
 * - `geen`: neither (a gemeente in no region, and the national view).
 * A gemeente that is mandaatgemeente of one region is never a `lid` (as the verantwoording's SiSa
 * role, `IzaSisa.rol`). The workbook shows each role's rows and texts only to that role (#18); the
 * scenario carries it (`Scenario.regioRol`).
 */
export type RegioRol = 'mandaatgemeente' | 'lid' | 'geen';

/**
 * The role of `code` (`RegioRol`): a mandaatgemeente where `ledger.mandaatVan` gives a region, a
 * member where `regioVanLid` gives a region it is not the mandaatgemeente of, else `geen` (also for
 * `code` undefined, the national view). Source: the edition's Bijlage 2B regions and the reference
 * data's membership (`membershipStatus`).
 */
export function regioRol(ledger: Ledger, code: Maybe<CbsCode>): RegioRol {
  if (code === undefined) return 'geen';
  if (ledger.mandaatVan(code).length > 0) return 'mandaatgemeente';
  const regio = regioVanLid(ledger, code);
  return regio !== undefined && regio.mandaatgemeenteCode !== code ? 'lid' : 'geen';
}

/** Everything the checks computed; each array is in the order of the edition's years. */
export interface BegrotingToets {
  /** Plafond per regeling and year before carry-over, with its source. */
  readonly plafond: Readonly<Record<BegrotingRegeling, readonly Plafond[]>>;
  /** Plafond after carry-over (Brede SPUK 2023–2026). */
  readonly plafondNaOverheveling: Readonly<Record<BegrotingRegeling, readonly Euro[]>>;
  readonly lasten: Readonly<Record<BegrotingRegeling, readonly Euro[]>>;
  /**
   * A member gemeente: per regional post × year what its mandaatgemeente passes on (`VanMandaatgemeente`):
   * a baat of the member next to the plafond (0 for a mandaatgemeente and nationally).
   */
  readonly vanMandaatgemeente: Readonly<Record<RegionalePost, readonly VanMandaatgemeente[]>>;
  /** The gemeente's role in its SPUK IZA region (`regioRol`): which texts about regional money fit it. */
  readonly rol: RegioRol;
  /**
   * max(0, lasten + `doorgeven` − plafond after carry-over − what the mandaatgemeente passes on): a
   * mandaatgemeente's own regional lasten and what it passes on to the members together stay within
   * the region's amount (the Rijk's beschikking covers both, SiSa H35 and H35B).
   */
  readonly overschrijding: Readonly<Record<BegrotingRegeling, readonly Euro[]>>;
  /** Brede SPUK per onderdeel (rows) × the years checked per onderdeel (columns; 2023, 2024). */
  readonly onderdelen: {
    readonly plafond: readonly (readonly Euro[])[];
    readonly plafondNaOverheveling: readonly (readonly Euro[])[];
    readonly lasten: readonly (readonly Euro[])[];
    /** max(0, lasten − floor(115% × plafond after carry-over)); a negative plafond allows nothing. */
    readonly overschrijding: readonly (readonly Euro[])[];
  };
  /** Per hoofdthema (in line order) × 2023, 2024: max(0, Σ lasten − Σ plafonds after carry-over). */
  readonly hoofdthemas: readonly {
    readonly naam: string;
    readonly nrs: readonly number[];
    readonly overschrijding: readonly Euro[];
  }[];
  /** Brede SPUK lasten in 2023 and 2024 without a valid onderdeel (1–15). */
  readonly zonderOnderdeel: readonly Euro[];
  /** Per onderdeel: carried from 2023 above 20% of its 2023 plafond (floor). */
  readonly overheveling2023Teveel: readonly Euro[];
  /** Carried from 2025 above 10% of the 2025 Brede SPUK plafond (floor). */
  readonly overheveling2025Teveel: Euro;
  /** Per year: lasten of rows without aard. */
  readonly zonderAard: readonly Euro[];
  /** Per year: structural lasten, all funded by money with an end date (BBV). */
  readonly structureel: readonly Euro[];
  /** Per regeling and year: its structural lasten (the gaps after 2026 and 2029 add these up). */
  readonly structureelPerRegeling: Readonly<Record<BegrotingRegeling, readonly Euro[]>>;
  /** Per year: incidental lasten. */
  readonly incidenteel: readonly Euro[];
  /**
   * A mandaatgemeente: per regional post × year what it passes on to the other member gemeenten of
   * its region as planned (`doorTeGevenAanLeden`, the sheet Regioverdeling's member totals); 0 for any
   * other gemeente and nationally. A last of the mandaatgemeente (it receives the gross amount).
   */
  readonly doorgeven: Readonly<Record<RegionalePost, readonly Euro[]>>;
  /**
   * Per year: Σ lasten (the Begroting table's rows), Σ plafonds after carry-over plus Σ received from
   * the mandaatgemeente (the baten) and the saldo: baten − lasten − Σ `doorgeven` (a mandaatgemeente's
   * saldo is its own: what the region's members receive is no money it left unspent).
   */
  readonly totaalLasten: readonly Euro[];
  readonly totaalBaten: readonly Euro[];
  readonly saldo: readonly Euro[];
  /**
   * Per regeling × year (the edition's years), whole euros: what the gemeente receives on the post,
   * its plafond after carry-over (`plafondNaOverheveling`: the beschikking, else the edition) plus,
   * for a member gemeente on a regional post, what its mandaatgemeente passes on
   * (`vanMandaatgemeente`: typed, else the planned share). Σ over the regelingen is `totaalBaten`.
   */
  readonly baten: Readonly<Record<BegrotingRegeling, readonly Euro[]>>;
  /**
   * Per regeling × year (the edition's years), whole euros: `baten` − `lasten` − `doorgeven` (the
   * latter on the regional posts of a mandaatgemeente only; 0 elsewhere); positive = not spent,
   * negative = lasten above the money. Σ over the regelingen is the year's `saldo`. The rule as the
   * Samenvatting's saldo: BBV baten and lasten gross (art. 17), a mandaatgemeente's doorbetaling a
   * last (../shared/docs/begroting-practice.md, layout 7).
   */
  readonly saldoPerRegeling: Readonly<Record<BegrotingRegeling, readonly Euro[]>>;
  /**
   * Per end year of the posts' regelingen (their `eindjaar`, ascending): structural lasten in that
   * year on the posts whose regeling ends then, which have no dekking the year after.
   */
  readonly gaten: readonly {
    readonly eindjaar: EditionYear;
    readonly posten: readonly BegrotingRegeling[];
    readonly bedrag: Euro;
  }[];
  /** The gap of the regelingen ending in 2026 (Brede SPUK, SPUK IZA); 0 where none ends then. */
  readonly gat2026: Euro;
  /** The gap of the regelingen ending in 2029 (SPUK AZWA); 0 where none ends then. */
  readonly gat2029: Euro;
  /** Per year of receipt: received for the next year above that year's total plafond. */
  readonly vooruitTeveel: readonly Euro[];
  /**
   * BBV art. 19/28 overview per taakveld (TAAKVELDEN, then "overig"): the incidental baten (the SPUK
   * money booked on the taakveld of the lasten it covers) and the incidental lasten, per year.
   */
  readonly perTaakveld: readonly {
    readonly code: string;
    /** Σ over the regelingen of their covered lasten's share on this taakveld (`dekking`): never above what is received. */
    readonly baten: readonly Euro[];
    /** Σ of the incidental lasten on this taakveld (`taakveldVan`: an empty Taakveld on its default, as the dekking). */
    readonly incidenteleLasten: readonly Euro[];
  }[];
  /**
   * Per regeling × year (the edition's years): how the money received covers the lasten per taakveld
   * (`TaakveldDekking`). Σ over the regelingen of `split.amounts` per taakveld is `perTaakveld[].baten`.
   */
  readonly dekking: Readonly<Record<BegrotingRegeling, readonly TaakveldDekking[]>>;
  /**
   * Per year: the lasten not covered by the money received, Σ over the regelingen of
   * (Σ gewichten − gedekt): paid from the gemeente's own means (eigen middelen), not an incidental baat.
   */
  readonly nietGedekt: readonly Euro[];
  /**
   * Per year: the Brede SPUK plafond − Σ of its onderdelen (each the beschikking, its share of a spread
   * total, or the edition): non-zero only where a beschikking total could not be spread
   * (`totaalVerdeling`: below the onderdelen entered, or nothing to weigh).
   */
  readonly verschilTotaalOnderdelen: readonly Euro[];
  /**
   * A mandaatgemeente's Begroting rows that count its doorbetaling twice (`DubbeleDoorbetaling`):
   * `leden` the other members of its region (whose planned shares `doorgeven` holds), `rijen` the rows
   * naming one of them. Empty for any other gemeente and nationally. Non-empty: signal
   * `doorbetaling-dubbel` (the number of rows).
   */
  readonly doorbetalingDubbel: DubbeleDoorbetaling;
  readonly signalen: readonly Signaal[];
}

/**
 * A mandaatgemeente passes its members' planned shares on (`doorgeven`, a last: `doorTeGevenAanLeden`,
 * the sheet Regioverdeling). A Begroting row under a regional post (SPUK IZA, SPUK AZWA regionaal)
 * whose Uitvoerder is another member of its region counts that money a second time, as a last of
 * its own next to the doorgeven: the saldo and the plafond check come out too low. Which it is (the
 * mandaatgemeente pays the activity itself, or it is the member's share) the data cannot tell, so the
 * toets refuses rather than guesses: it lists the rows and signals them (`doorbetaling-dubbel`), and
 * the controller leaves the Uitvoerder empty or its own, or changes the member's share on the sheet
 * Regioverdeling. The Uitvoerder is read as the werkmap's COUNTIFS compares it (`uitvoerderVan`: CBS
 * code GM0148 or 0148, the name or the VWS name, the whole text in any case, not trimmed). Only the
 * checked rows (`BEGROTING_CAPACITEIT`).
 */
export interface DubbeleDoorbetaling {
  /** The other members of the mandaatgemeente's region (`regioLeden` of `ledger.mandaatVan(code)[0]`), in its order. */
  readonly leden: readonly CbsCode[];
  /** The rows (`BegrotingRegel.rij`) under a regional post whose Uitvoerder names one of `leden`. */
  readonly rijen: readonly {
    readonly rij: number;
    readonly regeling: RegionalePost;
    readonly lid: CbsCode;
  }[];
}

/**
 * The Begroting rows of a mandaatgemeente that count its doorbetaling twice (see
 * `DubbeleDoorbetaling`); empty lists for any other gemeente (`regioRol`) and nationally.
 */
export function dubbeleDoorbetaling(
  ledger: Ledger,
  code: Maybe<CbsCode>,
  regels: readonly BegrotingRegel[],
): DubbeleDoorbetaling {
  const regio = code === undefined ? undefined : ledger.mandaatVan(code)[0];
  if (code === undefined || regio === undefined) return { leden: [], rijen: [] };
  const leden = regioLeden(ledger, regio.naam).leden.filter((c) => c !== code);
  const gemeenten = ledger.input.base.gemeenten;
  const rijen: DubbeleDoorbetaling['rijen'][number][] = [];
  for (const r of regels.slice(0, BEGROTING_CAPACITEIT)) {
    if (!(REGIONALE_POSTEN as readonly string[]).includes(r.regeling)) continue;
    const v = uitvoerderVan(r.uitvoerder, gemeenten, code);
    if (v.soort === 'medeoverheid' && leden.includes(v.gemeente.code))
      rijen.push({ rij: r.rij, regeling: r.regeling as RegionalePost, lid: v.gemeente.code });
  }
  return { leden, rijen };
}

/**
 * The incidental baten of one regeling in one year per taakveld (TAAKVELDEN, then "overig"): what is
 * received covers the lasten, never more (BBV art. 19: a baat is what the gemeente receives).
 * - `lasten`: the regeling's lasten per taakveld (may be negative: a correction typed by the user);
 * - `gewichten`: max(0, lasten) per taakveld, `totaal` their sum (W);
 * - `gedekt` = min(W, max(0, plafond after carry-over)): the lasten the money received covers;
 * - `split`: `gedekt` over the taakvelden pro rata `gewichten`, largest remainder (`splitByWeights`,
 *   ties to the earlier taakveld), so the baten add back to `gedekt` to the euro.
 * W − gedekt is paid from the gemeente's own means (`BegrotingToets.nietGedekt`).
 */
export interface TaakveldDekking {
  readonly lasten: readonly Euro[];
  readonly gewichten: readonly number[];
  readonly totaal: number;
  readonly gedekt: Euro;
  readonly split: RoundedSplit;
}

/**
 * The cover of a regeling's lasten per taakveld in one year (see `TaakveldDekking`). `lasten`: the
 * regeling's lasten per taakveld in whole euros; `ontvangen`: its plafond after carry-over.
 */
export function taakveldDekking(lasten: readonly Euro[], ontvangen: Euro): TaakveldDekking {
  const gewichten = lasten.map((l) => Math.max(0, l));
  const totaal = gewichten.reduce((a, b) => a + b, 0);
  const gedekt = euro(Math.min(totaal, Math.max(0, ontvangen)));
  return { lasten, gewichten, totaal, gedekt, split: splitByWeights(gedekt, gewichten, totaal) };
}

/** The edition lines that make up a begroting regeling (post): those the manifest charges to it. */
export function regelingLines(lines: readonly EditionLine[], regeling: BegrotingRegeling): EditionLine[] {
  return lines.filter((l) => l.begroting === regeling);
}

/**
 * The edition's amount of one line for the gemeente (as Overzicht shows it: for `code` undefined the
 * Σ over all gemeenten), with its source; zero and 'geen' where the gemeente receives nothing.
 */
export function editionAmount(ledger: Ledger, code: Maybe<CbsCode>, nr: number, jaar: EditionYear): Plafond {
  if (code === undefined) {
    // Every recipient, SamenTwente (no gemeente) included: the published national totals.
    const b = ledger.sumOntvangers(nr, jaar);
    return { bedrag: b, bron: ledger.national(nr, jaar).bron };
  }
  const a = ledger.gemeente(code, nr, jaar);
  if (a === undefined || a.open !== undefined) return { bedrag: a?.bedrag ?? ZERO, bron: 'geen' };
  // A gemeente's Bijlage 2A total is published; only its split over the onderdelen is derived.
  return {
    bedrag: a.bedrag,
    bron: a.bron,
    ...(a.regel === 'bijlage-2a' ? { totaalGepubliceerd: true } : {}),
  };
}

/**
 * The source label of a regeling's money in a year when a gemeente receives it: the same for every
 * gemeente (a constant of the edition, the workbook writes it): `gepubliceerd` for a Bijlage 2A
 * total, else the weakest over its lines as the first receiving gemeente (or region) has them;
 * 'geen' where the regeling has no money that year.
 */
export function regelingLabel(ledger: Ledger, regeling: BegrotingRegeling, jaar: EditionYear): Bron | 'geen' {
  // A constant of the ledger (which never changes): memoised, as the plafonds, the toets and the
  // plan ask it for every regeling × year of every werkmap.
  let known = regelingLabels.get(ledger);
  if (!known) regelingLabels.set(ledger, (known = new Map()));
  const id = `${regeling}|${jaar}`;
  const label = known.get(id);
  if (label !== undefined) return label;
  const out = computeRegelingLabel(ledger, regeling, jaar);
  known.set(id, out);
  return out;
}

const regelingLabels = new WeakMap<Ledger, Map<string, Bron | 'geen'>>();

function computeRegelingLabel(ledger: Ledger, regeling: BegrotingRegeling, jaar: EditionYear): Bron | 'geen' {
  const parts: LedgerAmount[] = [];
  for (const l of regelingLines(ledger.lines, regeling)) {
    if (l.ontvanger === 'mandaatgemeente') {
      const regio = ledger.regios.find((r) => ledger.regio(r.naam, l.nr, jaar).bedrag !== 0);
      if (regio) parts.push(ledger.regio(regio.naam, l.nr, jaar));
    } else {
      const code = ledger.gemeenten.find((c) => ledger.bedrag(c, l.nr, jaar) !== 0);
      const a = code === undefined ? undefined : ledger.gemeente(code, l.nr, jaar);
      if (a && a.open === undefined) parts.push(a);
    }
  }
  if (parts.length === 0) return 'geen';
  // The regeling's total is the published Bijlage 2A amount when every part is a split of it.
  return parts.every((p) => p.regel === 'bijlage-2a') ? 'gepubliceerd' : weakest(parts);
}

/** The label of a plafond that is not (wholly) from the beschikking: 'geen' where it is zero. */
export function editionLabel(
  ledger: Ledger,
  regeling: BegrotingRegeling,
  jaar: EditionYear,
  bedrag: Euro,
): Bron | 'geen' {
  return bedrag === 0 ? 'geen' : regelingLabel(ledger, regeling, jaar);
}

/**
 * The plafond of every regeling × year and of every Brede SPUK onderdeel × year for a gemeente:
 * - onderdeel o: its beschikking amount if entered, else the edition's;
 * - regeling total: the beschikking total if entered, else Σ of its lines (beschikking where entered);
 *   labelled `beschikking` when the total or every line has one, else the edition's label.
 * Throws RangeError for a beschikking onderdeel that is not a Brede SPUK onderdeel of the edition,
 * for a beschikking in a year that is not one of its regeling's years (the manifest's `jaren`), and
 * for regional money (`regionaleRegeling`) of a gemeente that is no mandaatgemeente
 * (`eigenBeschikkingMogelijk`; a member receives it from its mandaatgemeente, `vanMandaatgemeente`).
 */
export function plafonds(
  ledger: Ledger,
  code: Maybe<CbsCode>,
  beschikking: readonly BeschikkingRegel[],
): {
  readonly perRegeling: Record<BegrotingRegeling, Plafond[]>;
  readonly perOnderdeel: (nr: number, jaar: EditionYear) => Euro;
} {
  const years = ledger.years;
  const onderdelen = begrotingRegels(ledger.input.edition).onderdelen;
  const totaal = new Map<string, Euro>();
  const perLine = new Map<string, Euro>();
  for (const b of beschikking) {
    // A beschikking only in the regeling's own years (edition data; e.g. no SPUK AZWA in 2030: that
    // money is the BFU, algemene middelen). The readers refuse it in Dutch (`RegelingNotInYear`).
    const jaren = regelingLines(ledger.lines, b.regeling)[0]?.regeling.jaren ?? [];
    if (!jaren.includes(b.jaar))
      throw new RangeError(
        `Beschikking ${b.regeling} ${b.jaar}: not a year of the regeling (${jaren.join(', ') || 'none'})`,
      );
    // Regional money (SPUK IZA, SPUK AZWA regionaal) is on the beschikking of a mandaatgemeente only:
    // a member receives its part from the mandaatgemeente (`vanMandaatgemeente`), so such an amount is
    // no plafond of another gemeente. The readers refuse it in Dutch (`RegionaalVoorLid`); typed on
    // the werkmap's Beschikking (whose rows are hidden then) it counts as FOUT (check `beschikking-jaren`).
    if (code !== undefined && !eigenBeschikkingMogelijk(ledger.lines, ledger.regios, code, b.regeling))
      throw new RangeError(
        `Beschikking ${b.regeling} ${b.jaar} for ${code}: regional money, only on a mandaatgemeente's beschikking`,
      );
    if (b.onderdeel === undefined) totaal.set(`${b.regeling}|${b.jaar}`, b.bedrag);
    else {
      if (b.regeling !== 'Brede SPUK' || !onderdelen.includes(b.onderdeel))
        throw new RangeError(
          `Beschikking per onderdeel only for the Brede SPUK 1–15 (${b.regeling} ${b.onderdeel})`,
        );
      perLine.set(`${b.onderdeel}|${b.jaar}`, b.bedrag);
    }
  }
  // A Brede SPUK total is spread over the onderdelen without their own amount (`totaalVerdeling`).
  const spread = new Map<string, Euro>();
  for (const v of totaalVerdeling(ledger, code, beschikking))
    if (v.verdeeld) onderdelen.forEach((nr, k) => spread.set(`${nr}|${v.jaar}`, v.bedragen[k] ?? ZERO));
  // Lines 16–18 are one line per regeling: a beschikking "per onderdeel" for them is its total.
  const lineAmount = (nr: number, jaar: EditionYear): Euro =>
    perLine.get(`${nr}|${jaar}`) ??
    spread.get(`${nr}|${jaar}`) ??
    editionAmount(ledger, code, nr, jaar).bedrag;
  const perRegeling = {} as Record<BegrotingRegeling, Plafond[]>;
  for (const regeling of BEGROTING_REGELINGEN) {
    const lines = regelingLines(ledger.lines, regeling);
    perRegeling[regeling] = years.map((jaar) => {
      const t = totaal.get(`${regeling}|${jaar}`);
      if (t !== undefined) return { bedrag: t, bron: 'beschikking' };
      const bedrag = euro(lines.reduce((a, l) => a + lineAmount(l.nr, jaar), 0));
      const all = lines.length > 0 && lines.every((l) => perLine.has(`${l.nr}|${jaar}`));
      return { bedrag, bron: all ? 'beschikking' : editionLabel(ledger, regeling, jaar, bedrag) };
    });
  }
  return { perRegeling, perOnderdeel: lineAmount };
}

/**
 * A Brede SPUK total of the beschikking for one year, spread over the onderdelen (BegrotingRegels
 * order, 1–15 shipped). The choice (no source settles it; VWS publishes the total per gemeente,
 * Bijlage 2A, and the edition splits it over the onderdelen): an onderdeel with its own beschikking
 * amount keeps it; the rest of the total (total − Σ those amounts) is spread over the other onderdelen
 * in proportion to the edition's amounts for the gemeente in that year (`editionAmount`, negative read
 * as 0), rounded by the largest-remainder rule (`splitByWeights`: whole euros, ties to the lower
 * onderdeel), so Σ onderdelen = the total to the euro. When the total is below the onderdelen entered,
 * or there is nothing to weigh (every onderdeel entered, or the edition gives the others 0), nothing
 * is spread: the others keep the edition's amount, and `verschil` (total − Σ onderdelen) is non-zero:
 * the toets shows it and raises the signal `beschikking-totaal`.
 */
export interface TotaalVerdeling {
  readonly jaar: EditionYear;
  /** The beschikking's Brede SPUK total (whole euros); undefined in a year without one (nothing spread). */
  readonly totaal: Maybe<Euro>;
  /** Σ of the onderdelen with their own beschikking amount. */
  readonly ingevuld: Euro;
  /** Per onderdeel: its weight (the edition's amount, ≥ 0; 0 for an onderdeel with its own amount). */
  readonly gewichten: readonly number[];
  /** Whether the rest was spread (rest ≥ 0 and Σ weights > 0). */
  readonly verdeeld: boolean;
  /** The rest that is spread (totaal − ingevuld; 0 when not spread). */
  readonly teVerdelen: Euro;
  /** The largest-remainder steps of the spread (all zero when not spread). */
  readonly split: RoundedSplit;
  /** Per onderdeel: its amount (own beschikking, spread share, or the edition's when not spread). */
  readonly bedragen: readonly Euro[];
  /** totaal − Σ bedragen: 0 when spread or without a total. */
  readonly verschil: Euro;
}

/**
 * The spread of each year's Brede SPUK total of the beschikking over the onderdelen (see
 * `TotaalVerdeling`), one per year of the edition (a year without a total spreads nothing). `code`
 * undefined: the national sums.
 */
export function totaalVerdeling(
  ledger: Ledger,
  code: Maybe<CbsCode>,
  beschikking: readonly BeschikkingRegel[],
): TotaalVerdeling[] {
  const onderdelen = begrotingRegels(ledger.input.edition).onderdelen;
  const out: TotaalVerdeling[] = [];
  for (const jaar of ledger.years) {
    const total = beschikking.find(
      (b) => b.regeling === 'Brede SPUK' && b.onderdeel === undefined && b.jaar === jaar,
    );
    const own = onderdelen.map(
      (nr) =>
        beschikking.find((b) => b.regeling === 'Brede SPUK' && b.onderdeel === nr && b.jaar === jaar)?.bedrag,
    );
    const editie = onderdelen.map((nr) => editionAmount(ledger, code, nr, jaar).bedrag);
    const ingevuld = euro(own.reduce<number>((a, b) => a + (b ?? 0), 0));
    const gewichten = onderdelen.map((_, k) => (own[k] === undefined ? Math.max(0, editie[k] ?? 0) : 0));
    const W = gewichten.reduce((a, b) => a + b, 0);
    const verdeeld = total !== undefined && total.bedrag - ingevuld >= 0 && W > 0;
    const teVerdelen = euro(verdeeld ? (total?.bedrag ?? 0) - ingevuld : 0);
    const split = splitByWeights(teVerdelen, gewichten, W);
    const bedragen = onderdelen.map(
      (_, k) => own[k] ?? (verdeeld ? (split.amounts[k] ?? ZERO) : (editie[k] ?? ZERO)),
    );
    const verschil = euro(total === undefined ? 0 : total.bedrag - bedragen.reduce((a, b) => a + b, 0));
    out.push({
      jaar,
      totaal: total?.bedrag,
      ingevuld,
      gewichten,
      verdeeld,
      teVerdelen,
      split,
      bedragen,
      verschil,
    });
  }
  return out;
}

/**
 * The beschikking as amounts per edition line for the Ledger (what Overzicht shows): a Brede SPUK
 * onderdeel on its line; a Brede SPUK total spread over the onderdelen without their own amount
 * (`totaalVerdeling`: pro rata the edition, largest remainder; each spread amount is a beschikking
 * amount); the total of SPUK IZA, SPUK AZWA lokaal or regionaal on their one line. Empty for the
 * national view (`code` undefined).
 */
export function beschikkingPerLine(
  ledger: Ledger,
  code: Maybe<CbsCode>,
  beschikking: readonly BeschikkingRegel[],
): BeschikkingAmount[] {
  if (code === undefined) return [];
  const lines = ledger.lines;
  const onderdelen = begrotingRegels(ledger.input.edition).onderdelen;
  const out: BeschikkingAmount[] = [];
  const spread = totaalVerdeling(ledger, code, beschikking).filter((v) => v.verdeeld);
  for (const b of beschikking) {
    if (b.regeling === 'Brede SPUK') {
      if (b.onderdeel !== undefined) out.push({ code, nr: b.onderdeel, jaar: b.jaar, bedrag: b.bedrag });
      continue;
    }
    const line = regelingLines(lines, b.regeling)[0];
    if (line && b.onderdeel === undefined) out.push({ code, nr: line.nr, jaar: b.jaar, bedrag: b.bedrag });
  }
  for (const v of spread)
    onderdelen.forEach((nr, k) => {
      if (!out.some((b) => b.nr === nr && b.jaar === v.jaar))
        out.push({ code, nr, jaar: v.jaar, bedrag: v.bedragen[k] ?? ZERO });
    });
  return out;
}

const floorPct = (amount: number, pct: number): number => Math.floor((amount * pct) / 100);
const pos = (n: number): Euro => euro(Math.max(0, n));

/**
 * Runs every check of the begroting for a gemeente (`code` undefined: the national sums, as Overzicht
 * shows them). Returns the computed amounts and the active signals, in a fixed order: a beschikking
 * total that differs from its onderdelen, plafond per
 * regeling and year, onderdeel, hoofdthema, zonder onderdeel, overheveling, aard, BBV, vooruit
 * ontvangen, buiten bereik, doorbetaling dubbel. Throws RangeError for input of the wrong shape (not one amount per year
 * of the edition, or per Brede SPUK onderdeel). The rule parameters (percentages, the years checked
 * per onderdeel, the end years) come from the ledger's edition (`begrotingRegels`).
 * `plafondsOf`: `plafonds(ledger, code, beschikking)` when the caller has it already (resolveScenario
 * does), so it is not computed twice; the result is the same.
 */
export function toetsBegroting(
  ledger: Ledger,
  code: Maybe<CbsCode>,
  invoer: BegrotingInvoer,
  beschikking: readonly BeschikkingRegel[] = [],
  plafondsOf?: ReturnType<typeof plafonds>,
): BegrotingToets {
  const edition = ledger.input.edition;
  const years = edition.years;
  const yearIndex = (y: EditionYear): number => years.indexOf(y);
  const regelsE = begrotingRegels(edition);
  const ONDERDELEN = regelsE.onderdelen;
  const ONDERDEEL_JAREN = regelsE.onderdeelJaren;
  const n = years.length;
  if (invoer.overheveling2023.length !== ONDERDELEN.length)
    throw new RangeError(`overheveling2023 needs ${ONDERDELEN.length} onderdelen`);
  if (invoer.vooruitOntvangen.length !== n) throw new RangeError(`vooruitOntvangen needs ${n} years`);
  for (const r of invoer.regels)
    if (r.lasten.length !== n) throw new RangeError(`Row ${r.rij}: lasten need ${n} years`);
  const regels = invoer.regels.slice(0, BEGROTING_CAPACITEIT);
  const { perRegeling, perOnderdeel } = plafondsOf ?? plafonds(ledger, code, beschikking);
  const sumWhere = (pred: (r: BegrotingRegel) => boolean, i: number): number =>
    regels.reduce((a, r) => (pred(r) ? a + (r.lasten[i] ?? 0) : a), 0);

  const plafond = perRegeling;
  const lasten = {} as Record<BegrotingRegeling, Euro[]>;
  const na = {} as Record<BegrotingRegeling, Euro[]>;
  const over = {} as Record<BegrotingRegeling, Euro[]>;
  const o23 = invoer.overheveling2023.reduce((a, b) => a + b, 0);
  const o25 = invoer.overheveling2025;
  // Carry-over leaves the plafond of its year and joins the next (where the axis has both years).
  const carry = years.map(() => 0);
  const move = (from: EditionYear, amount: number) => {
    const i = yearIndex(from);
    if (i < 0 || i + 1 >= n) return;
    carry[i] = (carry[i] ?? 0) - amount;
    carry[i + 1] = (carry[i + 1] ?? 0) + amount;
  };
  const perO = regelsE.overhevelingPerOnderdeel;
  const perT = regelsE.overhevelingTotaal;
  move(perO.vanJaar, o23);
  move(perT.vanJaar, o25);
  const vanMandaat = vanMandaatgemeente(ledger, code, invoer.vanMandaatgemeente);
  // A mandaatgemeente: what it passes on to the other members as planned, a last next to its own.
  const doorgeven = doorTeGevenAanLeden(ledger, code);
  const doorOp = (reg: BegrotingRegeling, i: number): number =>
    (REGIONALE_POSTEN as readonly string[]).includes(reg) ? (doorgeven[reg as RegionalePost][i] ?? 0) : 0;
  // What the gemeente receives for a post: the plafond after carry-over plus, for a member gemeente, its share.
  const ontvangen = (reg: BegrotingRegeling, i: number): number =>
    (na[reg][i] ?? 0) +
    ((REGIONALE_POSTEN as readonly string[]).includes(reg)
      ? (vanMandaat[reg as RegionalePost][i]?.bedrag ?? 0)
      : 0);
  for (const reg of BEGROTING_REGELINGEN) {
    lasten[reg] = years.map((_, i) => euro(sumWhere((r) => r.regeling === reg, i)));
    na[reg] = years.map((_, i) =>
      euro((plafond[reg][i]?.bedrag ?? 0) + (reg === 'Brede SPUK' ? (carry[i] ?? 0) : 0)),
    );
    over[reg] = years.map((_, i) => pos((lasten[reg][i] ?? 0) + doorOp(reg, i) - ontvangen(reg, i)));
  }

  const oPlafond = ONDERDELEN.map((nr) => ONDERDEEL_JAREN.map((y) => perOnderdeel(nr, y)));
  // The carry-over per onderdeel leaves its year and joins the next year of the axis.
  const oNext = years[yearIndex(perO.vanJaar) + 1];
  const oNa = ONDERDELEN.map((nr, k) =>
    ONDERDEEL_JAREN.map((y) => {
      const c = invoer.overheveling2023[k] ?? 0;
      const shift = y === perO.vanJaar ? -c : y === oNext ? c : 0;
      return euro((oPlafond[k]?.[ONDERDEEL_JAREN.indexOf(y)] ?? 0) + shift);
    }),
  );
  const oLasten = ONDERDELEN.map((nr) =>
    ONDERDEEL_JAREN.map((y) =>
      euro(sumWhere((r) => r.regeling === 'Brede SPUK' && r.onderdeel === nr, yearIndex(y))),
    ),
  );
  const oOver = ONDERDELEN.map((_, k) =>
    ONDERDEEL_JAREN.map((y, j) =>
      pos((oLasten[k]?.[j] ?? 0) - floorPct(Math.max(0, oNa[k]?.[j] ?? 0), 100 + regelsE.schuifruimtePct(y))),
    ),
  );
  const bredeLines = regelingLines(ledger.lines, 'Brede SPUK');
  const themaNames = [...new Set(bredeLines.map((l) => l.hoofdthema))];
  const hoofdthemas = themaNames.map((naam) => {
    const nrs = bredeLines.filter((l) => l.hoofdthema === naam).map((l) => l.nr);
    const ks = nrs.map((nr) => ONDERDELEN.indexOf(nr));
    return {
      naam,
      nrs,
      overschrijding: ONDERDEEL_JAREN.map((_, j) =>
        pos(ks.reduce((a, k) => a + (oLasten[k]?.[j] ?? 0) - (oNa[k]?.[j] ?? 0), 0)),
      ),
    };
  });
  const zonderOnderdeel = ONDERDEEL_JAREN.map((y, j) =>
    euro((lasten['Brede SPUK'][yearIndex(y)] ?? 0) - oLasten.reduce((a, row) => a + (row[j] ?? 0), 0)),
  );
  const overheveling2023Teveel = ONDERDELEN.map((nr, k) =>
    pos((invoer.overheveling2023[k] ?? 0) - floorPct(perOnderdeel(nr, perO.vanJaar), perO.pct)),
  );
  const overheveling2025Teveel = pos(
    o25 - floorPct(plafond['Brede SPUK'][yearIndex(perT.vanJaar)]?.bedrag ?? 0, perT.pct),
  );
  const zonderAard = years.map((_, i) => euro(sumWhere((r) => r.aard === undefined, i)));
  const structureel = years.map((_, i) => euro(sumWhere((r) => r.aard === 'structureel', i)));
  const incidenteel = years.map((_, i) => euro(sumWhere((r) => r.aard === 'incidenteel', i)));
  const structureelPerRegeling = {} as Record<BegrotingRegeling, Euro[]>;
  for (const reg of BEGROTING_REGELINGEN)
    structureelPerRegeling[reg] = years.map((_, i) =>
      euro(sumWhere((r) => r.aard === 'structureel' && r.regeling === reg, i)),
    );
  const over4 = (perReg: Record<BegrotingRegeling, Euro[]>, i: number): number =>
    BEGROTING_REGELINGEN.reduce((a, reg) => a + (perReg[reg][i] ?? 0), 0);
  const totaalLasten = years.map((_, i) => euro(over4(lasten, i)));
  const totaalBaten = years.map((_, i) =>
    euro(BEGROTING_REGELINGEN.reduce((a, reg) => a + ontvangen(reg, i), 0)),
  );
  const baten = {} as Record<BegrotingRegeling, Euro[]>;
  const saldoPerRegeling = {} as Record<BegrotingRegeling, Euro[]>;
  for (const reg of BEGROTING_REGELINGEN) {
    baten[reg] = years.map((_, i) => euro(ontvangen(reg, i)));
    saldoPerRegeling[reg] = years.map((_, i) =>
      euro((baten[reg][i] ?? 0) - (lasten[reg][i] ?? 0) - doorOp(reg, i)),
    );
  }
  const saldo = years.map((_, i) =>
    euro(
      (totaalBaten[i] ?? 0) -
        (totaalLasten[i] ?? 0) -
        REGIONALE_POSTEN.reduce((a, p) => a + (doorgeven[p][i] ?? 0), 0),
    ),
  );
  // The structural gap after each end year: structural lasten in its last year on the posts whose regeling ends then.
  const gaten = regelsE.einden.map(({ eindjaar, posten }) => {
    const i = yearIndex(eindjaar);
    const bedrag =
      i < 0 ? ZERO : euro(sumWhere((r) => r.aard === 'structureel' && posten.includes(r.regeling), i));
    return { eindjaar, posten, bedrag };
  });
  const gat2026 = gaten.find((g) => g.eindjaar === 2026)?.bedrag ?? ZERO;
  const gat2029 = gaten.find((g) => g.eindjaar === 2029)?.bedrag ?? ZERO;
  const totaalPlafond = (i: number): number =>
    BEGROTING_REGELINGEN.reduce((a, reg) => a + (plafond[reg][i]?.bedrag ?? 0), 0);
  const vooruitTeveel = years.map((_, i) =>
    i + 1 < years.length
      ? pos((invoer.vooruitOntvangen[i] ?? 0) - totaalPlafond(i + 1))
      : pos(invoer.vooruitOntvangen[i] ?? 0),
  );

  const codes: readonly string[] = TAAKVELDEN.map((t) => t.code);
  // On its taakveld, an empty one on its default (`taakveldVan`).
  const inTaakveld = (code: string) => (r: BegrotingRegel) =>
    code === 'overig' ? !codes.includes(taakveldVan(r)) : taakveldVan(r) === code;
  const tvCodes = [...codes, 'overig'];
  const dekking = {} as Record<BegrotingRegeling, TaakveldDekking[]>;
  for (const reg of BEGROTING_REGELINGEN)
    dekking[reg] = years.map((_, i) =>
      taakveldDekking(
        tvCodes.map((code) => euro(sumWhere((r) => r.regeling === reg && inTaakveld(code)(r), i))),
        euro(ontvangen(reg, i)),
      ),
    );
  const nietGedekt = years.map((_, i) =>
    euro(
      BEGROTING_REGELINGEN.reduce(
        (a, reg) => a + (dekking[reg][i]?.totaal ?? 0) - (dekking[reg][i]?.gedekt ?? 0),
        0,
      ),
    ),
  );
  const perTaakveld = tvCodes.map((code, k) => ({
    code,
    baten: years.map((_, i) =>
      euro(BEGROTING_REGELINGEN.reduce((a, reg) => a + (dekking[reg][i]?.split.amounts[k] ?? 0), 0)),
    ),
    incidenteleLasten: years.map((_, i) =>
      // On the taakveld the dekking puts the row on (an empty Taakveld: its default; #18).
      euro(sumWhere((r) => inTaakveld(code)(r) && r.aard === 'incidenteel', i)),
    ),
  }));

  const verschilTotaalOnderdelen = years.map((jaar, i) =>
    euro(
      (plafond['Brede SPUK'][i]?.bedrag ?? 0) - ONDERDELEN.reduce((a, nr) => a + perOnderdeel(nr, jaar), 0),
    ),
  );

  const signalen: Signaal[] = [];
  const rol = regioRol(ledger, code);
  years.forEach((jaar, i) => {
    const b = verschilTotaalOnderdelen[i] ?? ZERO;
    if (b !== 0) signalen.push({ soort: 'beschikking-totaal', regeling: 'Brede SPUK', jaar, bedrag: b });
  });
  for (const reg of BEGROTING_REGELINGEN)
    years.forEach((jaar, i) => {
      const b = over[reg][i] ?? ZERO;
      if (b > 0)
        signalen.push({
          soort: 'plafond',
          regeling: reg,
          jaar,
          bedrag: b,
          ...((REGIONALE_POSTEN as readonly string[]).includes(reg) ? { rol } : {}),
        });
    });
  ONDERDELEN.forEach((nr, k) =>
    ONDERDEEL_JAREN.forEach((jaar, j) => {
      const b = oOver[k]?.[j] ?? ZERO;
      if (b > 0)
        signalen.push({ soort: 'onderdeel', regeling: 'Brede SPUK', onderdeel: nr, jaar, bedrag: b });
    }),
  );
  for (const h of hoofdthemas)
    ONDERDEEL_JAREN.forEach((jaar, j) => {
      const b = h.overschrijding[j] ?? ZERO;
      if (b > 0)
        signalen.push({ soort: 'hoofdthema', regeling: 'Brede SPUK', hoofdthema: h.naam, jaar, bedrag: b });
    });
  ONDERDEEL_JAREN.forEach((jaar, j) => {
    const b = zonderOnderdeel[j] ?? ZERO;
    if (b !== 0) signalen.push({ soort: 'zonder-onderdeel', regeling: 'Brede SPUK', jaar, bedrag: b });
  });
  ONDERDELEN.forEach((nr, k) => {
    const b = overheveling2023Teveel[k] ?? ZERO;
    if (b > 0)
      signalen.push({
        soort: 'overheveling-2023',
        regeling: 'Brede SPUK',
        onderdeel: nr,
        jaar: perO.vanJaar,
        bedrag: b,
      });
  });
  if (overheveling2025Teveel > 0)
    signalen.push({
      soort: 'overheveling-2025',
      regeling: 'Brede SPUK',
      jaar: perT.vanJaar,
      bedrag: overheveling2025Teveel,
    });
  years.forEach((jaar, i) => {
    const b = zonderAard[i] ?? ZERO;
    if (b !== 0) signalen.push({ soort: 'aard-ontbreekt', jaar, bedrag: b });
  });
  years.forEach((jaar, i) => {
    const b = structureel[i] ?? ZERO;
    if (b !== 0) signalen.push({ soort: 'bbv-structureel', jaar, bedrag: b });
  });
  for (const g of gaten)
    if (g.bedrag !== 0)
      signalen.push({
        soort: g.eindjaar === 2026 ? 'bbv-gat-2026' : g.eindjaar === 2029 ? 'bbv-gat-2029' : 'bbv-gat',
        jaar: g.eindjaar,
        bedrag: g.bedrag,
      });
  years.forEach((jaar, i) => {
    const b = vooruitTeveel[i] ?? ZERO;
    if (b > 0) signalen.push({ soort: 'vooruit-ontvangen', jaar, bedrag: b });
  });
  if (invoer.regels.length > BEGROTING_CAPACITEIT)
    signalen.push({ soort: 'buiten-bereik', bedrag: euro(invoer.regels.length - BEGROTING_CAPACITEIT) });
  const doorbetalingDubbel = dubbeleDoorbetaling(ledger, code, regels);
  if (doorbetalingDubbel.rijen.length > 0)
    signalen.push({ soort: 'doorbetaling-dubbel', bedrag: euro(doorbetalingDubbel.rijen.length) });

  return {
    plafond,
    plafondNaOverheveling: na,
    vanMandaatgemeente: vanMandaat,
    rol,
    lasten,
    overschrijding: over,
    onderdelen: { plafond: oPlafond, plafondNaOverheveling: oNa, lasten: oLasten, overschrijding: oOver },
    hoofdthemas,
    zonderOnderdeel,
    overheveling2023Teveel,
    overheveling2025Teveel,
    zonderAard,
    structureel,
    gaten,
    gat2026,
    gat2029,
    vooruitTeveel,
    structureelPerRegeling,
    incidenteel,
    doorgeven,
    totaalLasten,
    totaalBaten,
    saldo,
    baten,
    saldoPerRegeling,
    perTaakveld,
    dekking,
    nietGedekt,
    verschilTotaalOnderdelen,
    doorbetalingDubbel,
    signalen,
  };
}

/**
 * An empty begroting input for an edition (no rows, nothing carried or received in advance): one
 * zero per Brede SPUK onderdeel of the edition and per year of its axis.
 */
export function legeBegroting(edition: ResolvedEdition): BegrotingInvoer {
  return {
    regels: [],
    overheveling2023: begrotingRegels(edition).onderdelen.map(() => ZERO),
    overheveling2025: ZERO,
    vooruitOntvangen: edition.years.map(() => ZERO),
  };
}

/**
 * What a mandaatgemeente passes on to the other member gemeenten of its SPUK IZA region, per regional
 * post × year (the edition's years), as planned: Σ of the members' parts of `regioVerdeling` with the
 * default method `aandeel` (as the sheet Regioverdeling plans it and as each member's `geplandAandeel`
 * is), without the mandaatgemeente's own part (its eigen uitvoering, SiSa H35). 0 where the gemeente
 * is no mandaatgemeente (a member, a gemeente in no region, `code` undefined: the national view), in
 * a year whose regional line is another post's (16 SPUK IZA to 2026, 18 AZWA from 2027), or where the
 * region has no money or no split. The region is the gemeente's first (`ledger.mandaatVan`), the one
 * the werkmap's sheet Regioverdeling divides.
 *
 * Why a last and not less baten: the mandaatgemeente receives the whole regional amount (the Rijk's
 * beschikking is to it; it accounts for all of it in SiSa, H35 for its own besteding and H35B for the
 * medeoverheden), and its raad adopts a regional begroting in which "lokale uitvoering (passed to
 * member gemeenten)" is a lastenpost (../shared/docs/begroting-practice.md, layout 7;
 * verantwoording-facts.md 2.2). BBV: baten and lasten gross, not netted.
 */
export function doorTeGevenAanLeden(ledger: Ledger, code: Maybe<CbsCode>): Record<RegionalePost, Euro[]> {
  const regio = code === undefined ? undefined : ledger.mandaatVan(code)[0];
  const out = {} as Record<RegionalePost, Euro[]>;
  for (const post of REGIONALE_POSTEN) {
    const line = regelingLines(ledger.lines, post)[0];
    out[post] = ledger.years.map((jaar) => {
      if (regio === undefined || line === undefined || regionalLine(ledger, jaar).nr !== line.nr) return ZERO;
      if (ledger.regio(regio.naam, line.nr, jaar).bedrag === 0) return ZERO;
      const split = regioVerdeling(ledger, regio.naam, jaar);
      if (!split.ok) return ZERO;
      return euro(
        split.value.delen
          .filter((d) => d.soort === 'lid' && !d.mandaatgemeente)
          .reduce((a, d) => a + d.bedrag, 0),
      );
    });
  }
  return out;
}
