import type { BegrotingInvoer, BegrotingRegel, BeschikkingRegel, Plafond, RegionalePost } from '../begroting';
import {
  doorTeGevenAanLeden,
  plafonds,
  REGIONALE_POSTEN,
  regioVanLid,
  vanMandaatgemeente,
} from '../begroting';
import type { EditionYear, ResolvedEdition } from '../edition';
import type { Ledger } from '../ledger';
import type { Euro } from '../money';
import { euro, ZERO } from '../money';
import type { CbsCode, Gemeente, Maybe } from '../types';
import type {
  OverhevelingsLimiet,
  VerantwoordingAannames,
  VerantwoordingBron,
  VerantwoordingRegels,
} from './regels';
import { verantwoordingRegels } from './regels';
import { medeoverheidVan, uitvoerderVan } from './uitvoerder';

/**
 * The verantwoording of the SPUK money: what was spent (realisatie) against the begroting and the
 * beschikking, per regeling, onderdeel (where the rules are per onderdeel) and year; the carry-over
 * (overheveling) against its limit; the cumulative onderbesteding; and the expected terugvordering
 * at the eindafrekening. Pure and exact (whole euros). The rules and their sources are the edition's
 * (`verantwoordingRegels`, the manifests' block `verantwoording`, ../shared/docs/verantwoording-facts.md):
 *
 * - besteding_T: what counts as spent in year T: the realisatie; in the prognose year the prognose
 *   where a row has one; after the last year with realisatie (the regeling still running) the
 *   begroting (labelled `begroting`: not yet spent).
 * - beschikbaar_T = beschikking_T + overhevelingIn_T; saldo_T = beschikbaar_T − besteding_T.
 * - onbesteed_T: the unspent money of T: max(0, saldo_T), per onderdeel in the per-onderdeel years
 *   (Brede SPUK 2023–2024: Σ over the onderdelen of max(0, saldo), so an overspent onderdeel does not
 *   cover another one's underspend; the schuifruimte counts only in the terugvordering, below).
 * - limiet_T: what may be carried from T into T+1: floor(pct × beschikking_T / 100), per onderdeel or
 *   over the total as the rule says; 0 in the regeling's last year (no regeling after it; facts §1.5,
 *   §2.3 [derived]); undefined where no source states a rule and the controller set none ("onbekend").
 * - overhevelingUit_T = min(onbesteed_T, limiet_T) (per onderdeel where the rule is per onderdeel);
 *   where the limit is unknown, what T+1 actually used (`gebruikt`) is carried, and a signal asks the
 *   controller to set the limit. overhevelingIn_{T+1} = overhevelingUit_T.
 * - gebruikt_T: the carry-over actually used in T+1: min(onbesteed_T, max(0, besteding_{T+1} −
 *   beschikking_{T+1})); above overhevelingUit_T it is an overheveling above its limit (signal).
 * - terugvordering per jaar_T = onbesteed_T − overhevelingUit_T (facts §1.7 [derived]: beschikt −
 *   besteding − allowed overheveling); undefined where the limit is unknown. In a per-onderdeel year
 *   minus the schuifruimte counted (≥ 0): Σ over the onderdelen of min(overschrijding_o,
 *   floor(beschikking_o × schuifruimte % / 100)); the % is the controller's aanname, default 0
 *   (not counted: facts §1.4 finds neither the base nor whether the eindafrekening counts it).
 * - cumulatief: Σ beschikking and Σ besteding over the regeling's years up to T; onderbesteding =
 *   their difference (negative: overspent); terugvordering cumulatief = max(0, Σ beschikking − Σ
 *   besteding) over the whole period (facts §1.8 (b)).
 * Whether the eindafrekening settles per year or cumulatively is not found (facts §1.8): both are
 * returned with the edition's `eindafrekening` rule and its source. Brede SPUK and SPUK IZA are never
 * netted against each other (separate beschikkingen; facts §6.3).
 *
 * SPUK IZA (mandaatgemeente): rows whose Uitvoerder is another gemeente (its CBS code with or
 * without GM, its name or its name in the VWS letter, compared as the werkmap's SUMIFS: whole text,
 * any case, not trimmed; `uitvoerderVan`) are the money passed on to that medeoverheid (SiSa H35B):
 * `ontvangen` = its begroting rows (what was passed on), `besteed` = its realisatie rows (what it
 * spent); the other rows (empty, the gemeente itself, a partner that is no gemeente) are the
 * mandaatgemeente's own besteding (H35). A realisatie row whose Uitvoerder has spaces before or after
 * it is refused, not guessed: it counts as H35 as the werkmap does, with the signal
 * `uitvoerder-onbekend` (Controle: `realisatie-uitvoerder`). Refused too: a year the Regioverdeling plans money
 * for the members (`doorTeGevenAanLeden`) with nothing doorbetaald to nor spent by a medeoverheid and
 * money left unspent is not "passed on € 0" (that read Zwolle's samples as a terugvordering of the
 * whole regional amount, € 10.488.419, review #18): the signal `doorbetaling-ontbreekt` per year, that
 * year's terugvordering and the cumulative one undefined ("onbekend"). A member gemeente (not a
 * mandaatgemeente): its SPUK IZA beschikking is what it receives from the mandaatgemeente
 * (`vanMandaatgemeente` of the begroting: the amount typed from the mandaatgemeente's letter, bron
 * `beschikking`, else its planned share, bron `afgeleid`; a beschikking of its own for regional money
 * is refused, `plafonds`), the way the Begrotingstoets counts it; its realisatie is what it spent. A member has no SiSa code of its own
 * for it: its besteding reaches SiSa through the mandaatgemeente's H35B (verantwoording-facts.md
 * §2.2; H35 is the mandaatgemeente's).
 */

/** One row of the realisatie: a Begroting row whose year amounts are what was spent, plus its prognose. */
export interface RealisatieRegel extends BegrotingRegel {
  /** The expected total of the prognose year (whole euros); undefined: none given (the realisatie counts). */
  readonly prognose: Maybe<Euro>;
}

/** The realisatie as read from the file (`parseRealisatieCsv`). */
export interface RealisatieInvoer {
  readonly regels: readonly RealisatieRegel[];
  /** The year of the prognose column ("Prognose 2026"); undefined without one. */
  readonly prognoseJaar: Maybe<EditionYear>;
}

/** What a year's besteding is: spent, expected (prognose), or only budgeted (no realisatie yet). */
export type BestedingBasis = 'realisatie' | 'prognose' | 'begroting';

/** The figures of one regeling (or onderdeel) in one year, whole euros. */
export interface VerantwoordingJaar {
  readonly jaar: EditionYear;
  /** The beschikking (plafond) with its source; a member gemeente's SPUK IZA: what it received. */
  readonly beschikking: Euro;
  readonly beschikkingBron: Plafond['bron'];
  readonly begroting: Euro;
  readonly realisatie: Euro;
  /** begroting − realisatie. */
  readonly verschil: Euro;
  /** Σ of the rows' prognose (a row without one: its realisatie) in the prognose year; undefined otherwise. */
  readonly prognose: Maybe<Euro>;
  readonly besteding: Euro;
  readonly basis: BestedingBasis;
  readonly overhevelingIn: Euro;
  readonly beschikbaar: Euro;
  /** beschikbaar − besteding (negative: overspent). */
  readonly saldo: Euro;
  /** Unspent money (≥ 0); per onderdeel summed without netting in the per-onderdeel years. */
  readonly onbesteed: Euro;
  /** besteding above beschikbaar (≥ 0). */
  readonly overschrijding: Euro;
  /** The carry-over rule from this year (undefined: none stated; in the last year: the regeling's end). */
  readonly limietRegel: Maybe<OverhevelingsLimiet>;
  /** The most that may be carried into the next year; undefined: unknown (no rule, controller set none). */
  readonly limiet: Maybe<Euro>;
  readonly overhevelingUit: Euro;
  /** Carry-over actually used in the next year. */
  readonly gebruikt: Euro;
  /** gebruikt above overhevelingUit (where the limit is known). */
  readonly overhevelingTeveel: Euro;
  /**
   * The schuifruimte counted (per-onderdeel years, `VerantwoordingRegels.schuifruimte`): an onderdeel's
   * min(overschrijding, floor(beschikking × % / 100)); the regeling's: Σ over its onderdelen. 0 otherwise.
   */
  readonly schuifruimteGedekt: Euro;
  /**
   * Per-year view: onbesteed − overhevelingUit (the regeling in a per-onderdeel year: minus
   * schuifruimteGedekt, ≥ 0); undefined where the limit is unknown.
   */
  readonly terugvordering: Maybe<Euro>;
  readonly cumBeschikking: Euro;
  readonly cumBesteding: Euro;
  /** cumBeschikking − cumBesteding (negative: overspent). */
  readonly cumOnderbesteding: Euro;
}

/** A Brede SPUK onderdeel in the per-onderdeel years. */
export interface VerantwoordingOnderdeel {
  readonly nr: number;
  readonly jaren: readonly VerantwoordingJaar[];
}

/** One medeoverheid of a mandaatgemeente's SPUK IZA in one year (SiSa H35B). */
export interface MedeoverheidJaar {
  readonly code: CbsCode;
  readonly naam: string;
  readonly jaar: EditionYear;
  /** What the mandaatgemeente passed on (its begroting rows for this medeoverheid). */
  readonly ontvangen: Euro;
  /**
   * What the medeoverheid spent, on the basis of the regeling's besteding that year (`BestedingBasis`,
   * the same for H35 and H35B): its realisatie; in the prognose year its rows' prognose (a row without
   * one: its realisatie); after the peiljaar what it received (its begroting rows: not yet spent).
   */
  readonly besteed: Euro;
  /** What its realisatie rows hold for the year (spent so far). */
  readonly realisatie: Euro;
  /** ontvangen − besteed. */
  readonly verschil: Euro;
}

/** The SPUK IZA split for SiSa: own besteding (H35) and the medeoverheden (H35B), per year. */
export interface IzaSisa {
  /**
   * mandaatgemeente: H35 + H35B; lid: a member of a region (or one that received or spent SPUK IZA
   * money), whose beschikking is what it receives from the mandaatgemeente; geen: no SPUK IZA role.
   */
  readonly rol: 'mandaatgemeente' | 'lid' | 'geen';
  readonly jaren: readonly {
    readonly jaar: EditionYear;
    /**
     * The own besteding: the regeling's besteding of the year minus H35B (so on the year's basis:
     * realisatie, prognose or begroting); a mandaatgemeente's is SiSa H35; a member's has no SiSa code
     * of its own (the mandaatgemeente reports it under H35B).
     */
    readonly eigen: Euro;
    /** Σ passed on to medeoverheden (begroting rows). */
    readonly doorbetaald: Euro;
    /**
     * A mandaatgemeente: what the Regioverdeling plans to pass on to the other members that year
     * (`doorTeGevenAanLeden`, the Begrotingstoets's "Door te geven aan de ledengemeenten"); 0 otherwise.
     * Planned but nothing doorbetaald: the signal `doorbetaling-ontbreekt` and no terugvordering.
     */
    readonly gepland: Euro;
    /** H35B total: Σ spent by the medeoverheden (`MedeoverheidJaar.besteed`: the year's basis). */
    readonly h35b: Euro;
    /** The basis of eigen and h35b: the regeling's besteding basis of the year. */
    readonly basis: BestedingBasis;
  }[];
  readonly medeoverheden: readonly MedeoverheidJaar[];
  /**
   * The medeoverheden the werkmap lists for H35B (mandaatgemeente; empty otherwise): the other member
   * gemeenten of its SPUK IZA region(s) (the edition's lidmaatschap), so one typed later is on the
   * sheet already, then every other gemeente the rows name; by CBS code.
   */
  readonly lijst: readonly { readonly code: CbsCode; readonly naam: string }[];
  /**
   * The realisatie rows (mandaatgemeente) whose Uitvoerder has spaces before or after it
   * (`uitvoerderVan`: `onbekend`): counted as own besteding (H35), refused by the signal
   * `uitvoerder-onbekend` and Controle's `realisatie-uitvoerder`.
   */
  readonly onbekend: readonly { readonly rij: number; readonly uitvoerder: string }[];
}

/** The expected terugvordering at the eindafrekening, in both readings, with the rule that settles which. */
export interface Terugvordering {
  /** Σ of the per-year terugvorderingen; undefined when a year's is unknown. */
  readonly perJaar: Maybe<Euro>;
  /**
   * max(0, Σ beschikking − Σ besteding) over the regeling's years; undefined (refused, not guessed)
   * where a mandaatgemeente's doorbetaling to its medeoverheden is missing in a year
   * (`doorbetaling-ontbreekt`): their besteding is then not in the besteding, and the unspent money
   * would read as the whole regional amount.
   */
  readonly cumulatief: Maybe<Euro>;
  /** The edition's eindafrekening rule (year, way, source); undefined: none stated. */
  readonly regel: Maybe<VerantwoordingRegels['eindafrekening']>;
}

/**
 * One year of the BBV art. 52a verloop of the regeling's voorschot (overlopende passiva, "het Rijk"),
 * whole euros. BBV art. 49 b: received voorschotbedragen for a specific purpose that cover lasten of
 * later years are overlopende passiva; art. 52a lid 1: per uitkering the verloop "a. het saldo aan
 * het begin van het begrotingsjaar; b. de ontvangen bedragen; c. de vrijgevallen bedragen of de
 * terugbetalingen; d. het saldo aan het einde van het begrotingsjaar" (verantwoording-facts.md §4.1,
 * [read], 2015 text confirmed by jaarstukken 2019–2023; the current text is to be checked on
 * wetten.overheid.nl BWBR0014606). The rest is an aanname ([derived], facts §4.3; no Commissie BBV
 * notitie found, §4.2):
 * - ontvangen_T = beschikking_T: the voorschot of year T is received in year T (the payment dates
 *   of the Brede SPUK are not found);
 * - vrijgevallen_T = MIN(besteding_T, saldoBegin_T + ontvangen_T): the voorschot released to the
 *   baten as it is spent; a besteding above what is on hand (`eigenLast`) is a last of the gemeente;
 * - saldoEind_T = saldoBegin_T + ontvangen_T − vrijgevallen_T; saldoBegin_{T+1} = saldoEind_T:
 *   all unspent money stays vooruit ontvangen until the eindafrekening (no terugbetaling in the period);
 * - terugbetalingsverplichting: the saldo at the end of the regeling's last year (0 before it).
 */
export interface BbvJaar {
  readonly jaar: EditionYear;
  readonly saldoBegin: Euro;
  readonly ontvangen: Euro;
  readonly vrijgevallen: Euro;
  readonly saldoEind: Euro;
  /** besteding − vrijgevallen: spent above the voorschot on hand (a last of the gemeente). */
  readonly eigenLast: Euro;
  readonly terugbetalingsverplichting: Euro;
}

/** The verantwoording of one regeling. */
export interface RegelingVerantwoording {
  readonly regels: VerantwoordingRegels;
  readonly jaren: readonly VerantwoordingJaar[];
  /** Brede SPUK per onderdeel in the per-onderdeel years (empty for one total). */
  readonly onderdelen: readonly VerantwoordingOnderdeel[];
  /** Realisatie after the regeling's last year, per year (money spent after its end). */
  readonly naEinde: readonly { readonly jaar: EditionYear; readonly bedrag: Euro }[];
  /** Brede SPUK realisatie without an onderdeel in the per-onderdeel years. */
  readonly zonderOnderdeel: readonly { readonly jaar: EditionYear; readonly bedrag: Euro }[];
  readonly terugvordering: Terugvordering;
  /** SPUK IZA only. */
  readonly iza: Maybe<IzaSisa>;
  /** The BBV art. 52a verloop per year (see `BbvJaar`). */
  readonly bbv: readonly BbvJaar[];
}

export type VerantwoordingSignaalSoort =
  | 'boven-plafond'
  | 'overheveling-boven-limiet'
  | 'limiet-onbekend'
  | 'na-einde'
  | 'h35b-verschil'
  | 'geen-realisatie'
  | 'zonder-onderdeel'
  | 'uitvoerder-onbekend'
  | 'doorbetaling-ontbreekt'
  | 'terugvordering';

/** One active signal of the verantwoording (Dutch text: src/messages/verantwoording.nl.ts). */
export interface VerantwoordingSignaal {
  readonly soort: VerantwoordingSignaalSoort;
  /** The regeling's name (Brede SPUK, SPUK IZA). */
  readonly regeling: string;
  readonly onderdeel?: number;
  readonly jaar?: EditionYear;
  /** The amount involved, whole euros (for terugvordering: the cumulative reading). */
  readonly bedrag: Euro;
  /** The rule behind the signal, where one applies. */
  readonly regel?: VerantwoordingBron;
  /** uitvoerder-onbekend: the rows (their count) and the first one (row, Uitvoerder as given). */
  readonly rijen?: readonly { readonly rij: number; readonly uitvoerder: string }[];
}

export interface Verantwoording {
  /** The last year with realisatie (or the prognose year); undefined when nothing was realised. */
  readonly peiljaar: Maybe<EditionYear>;
  readonly regelingen: readonly RegelingVerantwoording[];
  readonly signalen: readonly VerantwoordingSignaal[];
}

export interface VerantwoordingRequest {
  readonly ledger: Ledger;
  /** The gemeente (a verantwoording is always one gemeente's). */
  readonly gemeente: Gemeente;
  readonly gemeenten: readonly Gemeente[];
  readonly beschikking: readonly BeschikkingRegel[];
  /** The begroting (for begroting, verschil and what was passed on to medeoverheden); may have no rows. */
  readonly begroting: BegrotingInvoer;
  readonly realisatie: RealisatieInvoer;
  readonly aannames?: VerantwoordingAannames;
}

const pos = (n: number): Euro => euro(Math.max(0, n));
const floorPct = (amount: number, pct: number): Euro => euro(Math.floor((Math.max(0, amount) * pct) / 100));

/** The figures of a year before the carry-over out and the cumulative ones. */
type YearBase = Omit<
  VerantwoordingJaar,
  | 'limietRegel'
  | 'limiet'
  | 'overhevelingUit'
  | 'gebruikt'
  | 'overhevelingTeveel'
  | 'schuifruimteGedekt'
  | 'terugvordering'
  | 'cumBeschikking'
  | 'cumBesteding'
  | 'cumOnderbesteding'
>;

/** One stream (a regeling total or an onderdeel): amounts per year in the regeling's years. */
interface Stream {
  readonly beschikking: readonly Euro[];
  readonly bron: readonly Plafond['bron'][];
  readonly begroting: readonly Euro[];
  readonly realisatie: readonly Euro[];
  readonly prognose: readonly Maybe<Euro>[];
  readonly besteding: readonly Euro[];
}

/** What every section of one gemeente's verantwoording reads; `signalen` collects the signals in order. */
interface Context {
  readonly request: VerantwoordingRequest;
  readonly edition: ResolvedEdition;
  readonly years: readonly EditionYear[];
  readonly code: CbsCode;
  readonly plafond: ReturnType<typeof plafonds>;
  /** The last year with realisatie (or the prognose year). */
  readonly peiljaar: Maybe<EditionYear>;
  readonly idx: (y: EditionYear) => number;
  readonly signalen: VerantwoordingSignaal[];
  /** Per regional post and edition year: what a member receives from its mandaatgemeente (`vanMandaatgemeente`). */
  readonly van: ReturnType<typeof vanMandaatgemeente>;
}

/** Σ of the rows' amounts in edition year index `i`. */
const sumOf = (rows: readonly BegrotingRegel[], i: number): Euro =>
  euro(rows.reduce((a, r) => a + (r.lasten[i] ?? 0), 0));

/** The context of a request; RangeError for a row without one amount per edition year. */
function contextOf(request: VerantwoordingRequest): Context {
  const { ledger, gemeente, beschikking, begroting, realisatie } = request;
  const edition = ledger.input.edition;
  const years = edition.years;
  const n = years.length;
  for (const r of [...begroting.regels, ...realisatie.regels])
    if (r.lasten.length !== n) throw new RangeError(`Row ${r.rij}: needs ${n} years`);
  const code = gemeente.code;
  const realised = years.filter((y, i) => realisatie.regels.some((r) => (r.lasten[i] ?? 0) !== 0));
  return {
    request,
    edition,
    years,
    code,
    plafond: plafonds(ledger, code, beschikking),
    peiljaar: realisatie.prognoseJaar ?? realised[realised.length - 1],
    idx: (y) => years.indexOf(y),
    signalen: [],
    van: vanMandaatgemeente(ledger, code, begroting.vanMandaatgemeente),
  };
}

/**
 * The beschikking of a regeling's year: the plafond (`plafonds`); where that is 0 on a regional post
 * (SPUK IZA), what a member gemeente receives from its mandaatgemeente (`vanMandaatgemeente`, the
 * Begrotingstoets's "Ontvangen van de mandaatgemeente"; 0 for a mandaatgemeente and elsewhere), with
 * its bron: `beschikking` for the amount typed from the mandaatgemeente's letter
 * (`--van-mandaatgemeente`, the Beschikking sheet), `afgeleid` for the planned share (the region's
 * Regioverdeling). (A member has no SPUK IZA beschikking of its own: `plafonds` refuses one, #18.)
 */
function beschikkingOf(ctx: Context, post: string, jaar: EditionYear): Plafond {
  const i = ctx.idx(jaar);
  const p = ctx.plafond.perRegeling[post as keyof typeof ctx.plafond.perRegeling][i] ?? {
    bedrag: ZERO,
    bron: 'geen' as const,
  };
  const v = (REGIONALE_POSTEN as readonly string[]).includes(post)
    ? ctx.van[post as RegionalePost][i]
    : undefined;
  if (v === undefined || v.bedrag === 0 || p.bedrag !== 0) return p;
  return { bedrag: v.bedrag, bron: v.bron === 'ingevuld' ? 'beschikking' : 'afgeleid' };
}

/** What a year's besteding is (see the module comment: besteding_T). */
function basisOf(ctx: Context, jaar: EditionYear, rows: readonly RealisatieRegel[]): BestedingBasis {
  const { peiljaar } = ctx;
  if (peiljaar === undefined || jaar > peiljaar) return 'begroting';
  if (jaar === ctx.request.realisatie.prognoseJaar && rows.some((r) => r.prognose !== undefined))
    return 'prognose';
  return 'realisatie';
}

/** The amounts per year of one stream (a regeling total or an onderdeel). */
function streamOf(
  ctx: Context,
  jaren: readonly EditionYear[],
  plafond: (jaar: EditionYear) => Plafond,
  begrRows: readonly BegrotingRegel[],
  realRows: readonly RealisatieRegel[],
): Stream {
  const { idx } = ctx;
  const prognoseJaar = ctx.request.realisatie.prognoseJaar;
  const prognoseSum = (rows: readonly RealisatieRegel[], i: number): Euro =>
    euro(rows.reduce((a, r) => a + (r.prognose ?? r.lasten[i] ?? 0), 0));
  const b = jaren.map((y) => plafond(y));
  const begr = jaren.map((y) => sumOf(begrRows, idx(y)));
  const real = jaren.map((y) => sumOf(realRows, idx(y)));
  const prog = jaren.map((y) => (y === prognoseJaar ? prognoseSum(realRows, idx(y)) : undefined));
  const best = jaren.map((y, j) => {
    const basis = basisOf(ctx, y, realRows);
    return basis === 'begroting'
      ? (begr[j] ?? ZERO)
      : basis === 'prognose'
        ? (prog[j] ?? ZERO)
        : (real[j] ?? ZERO);
  });
  return {
    beschikking: b.map((p) => p.bedrag),
    bron: b.map((p) => p.bron),
    begroting: begr,
    realisatie: real,
    prognose: prog,
    besteding: best,
  };
}

/** One regeling's rows and streams: its total and, in the per-onderdeel years, one per onderdeel. */
interface RegelingStreams {
  readonly regels: VerantwoordingRegels;
  readonly naam: string;
  readonly begrRows: readonly BegrotingRegel[];
  readonly realRows: readonly RealisatieRegel[];
  readonly total: Stream;
  /** The Brede SPUK onderdelen (empty for another regeling). */
  readonly nrs: readonly number[];
  /** Per onderdeel of `nrs`, over the per-onderdeel years (empty without such years). */
  readonly oStreams: readonly Stream[];
}

function regelingStreams(ctx: Context, regels: VerantwoordingRegels): RegelingStreams {
  const { edition, idx } = ctx;
  const { perRegeling, perOnderdeel } = ctx.plafond;
  const post = regels.post;
  const begrRows = ctx.request.begroting.regels.filter((r) => r.regeling === post);
  const realRows = ctx.request.realisatie.regels.filter((r) => r.regeling === post);
  const total = streamOf(ctx, regels.jaren, (y) => beschikkingOf(ctx, post, y), begrRows, realRows);
  const oJaren = regels.perOnderdeelJaren;
  const nrs =
    post === 'Brede SPUK'
      ? [...new Set(edition.lines.filter((l) => l.begroting === post).map((l) => l.nr))]
      : [];
  const oStreams =
    oJaren.length === 0
      ? []
      : nrs.map((nr) =>
          streamOf(
            ctx,
            oJaren,
            (y) => ({ bedrag: perOnderdeel(nr, y), bron: perRegeling[post][idx(y)]?.bron ?? 'geen' }),
            begrRows.filter((r) => r.onderdeel === nr),
            realRows.filter((r) => r.onderdeel === nr),
          ),
        );
  return { regels, naam: regels.naam, begrRows, realRows, total, nrs, oStreams };
}

/** Where a year stands in the chain: its index, the carry-over rule from it, the per-onderdeel indices. */
interface YearAt {
  readonly jaar: EditionYear;
  readonly j: number;
  readonly last: boolean;
  readonly rule: Maybe<OverhevelingsLimiet>;
  readonly pct: number | null | undefined;
  readonly next: Maybe<EditionYear>;
  /** Index among the per-onderdeel years (−1: a year of one total). */
  readonly o: number;
  readonly perO: boolean;
  readonly nextO: number;
}

function yearAt(regels: VerantwoordingRegels, jaar: EditionYear, j: number): YearAt {
  const jaren = regels.jaren;
  const oJaren = regels.perOnderdeelJaren;
  const last = jaar === regels.eindjaar || j === jaren.length - 1;
  const rule = last ? undefined : regels.overheveling(jaar);
  const next = jaren[j + 1];
  const o = oJaren.indexOf(jaar);
  return {
    jaar,
    j,
    last,
    rule,
    pct: rule?.waarde ?? undefined,
    next,
    o,
    perO: o >= 0,
    nextO: next === undefined ? -1 : oJaren.indexOf(next),
  };
}

/** The running totals of the chain over the years (carry-over in, cumulative figures) and its output. */
interface Chain {
  inTotal: number;
  readonly oIn: number[];
  cumB: number;
  cumS: number;
  readonly oCum: { b: number; s: number }[];
  readonly out: VerantwoordingJaar[];
  readonly oOut: VerantwoordingJaar[][];
}

/** beschikking_T, besteding_T, beschikbaar_T and saldo_T of stream `s` at its index `k`. */
function yearBase(
  ctx: Context,
  st: RegelingStreams,
  jaar: EditionYear,
  s: Stream,
  k: number,
  carryIn: number,
): YearBase {
  const beschikbaar = (s.beschikking[k] ?? 0) + carryIn;
  const saldo = beschikbaar - (s.besteding[k] ?? 0);
  return {
    jaar,
    beschikking: s.beschikking[k] ?? ZERO,
    beschikkingBron: s.bron[k] ?? 'geen',
    begroting: s.begroting[k] ?? ZERO,
    realisatie: s.realisatie[k] ?? ZERO,
    verschil: euro((s.begroting[k] ?? 0) - (s.realisatie[k] ?? 0)),
    prognose: s.prognose[k],
    besteding: s.besteding[k] ?? ZERO,
    basis: basisOf(ctx, jaar, st.realRows),
    overhevelingIn: euro(carryIn),
    beschikbaar: euro(beschikbaar),
    saldo: euro(saldo),
    onbesteed: pos(saldo),
    overschrijding: pos(-saldo),
  };
}

/** The onderdelen's sums of a per-onderdeel year, for the regeling's total. */
interface OnderdelenSom {
  readonly rows: readonly VerantwoordingJaar[];
  readonly uit: number;
  readonly onbesteed: number;
  readonly gebruikt: number;
  readonly teveel: number;
  /** Σ of the limits; undefined where one is unknown. */
  readonly limiet: number | undefined;
}

/** One onderdeel in a per-onderdeel year: its chain (limit per onderdeel where the rule says so) and signals. */
function onderdeelYear(
  ctx: Context,
  st: RegelingStreams,
  y: YearAt,
  chain: Chain,
  k: number,
): VerantwoordingJaar {
  const { jaar, last, rule, pct, o, nextO } = y;
  const s = st.oStreams[k] as Stream;
  const base = yearBase(ctx, st, jaar, s, o, chain.oIn[k] ?? 0);
  // The next year's need of this onderdeel, where the next year is also per onderdeel.
  const need = nextO >= 0 ? pos((s.besteding[nextO] ?? 0) - (s.beschikking[nextO] ?? 0)) : undefined;
  const limiet = last
    ? ZERO
    : rule?.per === 'onderdeel' && pct !== undefined && pct !== null
      ? floorPct(base.beschikking, pct)
      : undefined;
  const gebruikt = need === undefined ? ZERO : euro(Math.min(base.onbesteed, need));
  // Unknown limit: what the next year used is carried (the signal asks for the limit).
  const uit = limiet === undefined ? gebruikt : euro(Math.min(base.onbesteed, limiet));
  const teveel = limiet === undefined ? ZERO : pos(gebruikt - uit);
  const c = chain.oCum[k] ?? { b: 0, s: 0 };
  c.b += base.beschikking;
  c.s += base.besteding;
  const r: VerantwoordingJaar = {
    ...base,
    limietRegel: rule,
    limiet,
    overhevelingUit: uit,
    gebruikt,
    overhevelingTeveel: teveel,
    schuifruimteGedekt: euro(
      Math.min(base.overschrijding, floorPct(base.beschikking, st.regels.schuifruimte.waarde)),
    ),
    terugvordering:
      base.onbesteed === 0 ? ZERO : limiet === undefined ? undefined : pos(base.onbesteed - uit),
    cumBeschikking: euro(c.b),
    cumBesteding: euro(c.s),
    cumOnderbesteding: euro(c.b - c.s),
  };
  chain.oOut[k]?.push(r);
  if (nextO >= 0) chain.oIn[k] = uit;
  const onderdeel = st.nrs[k] ?? 0;
  if (base.overschrijding > 0)
    ctx.signalen.push({
      soort: 'boven-plafond',
      regeling: st.naam,
      onderdeel,
      jaar,
      bedrag: base.overschrijding,
    });
  if (teveel > 0)
    ctx.signalen.push({
      soort: 'overheveling-boven-limiet',
      regeling: st.naam,
      onderdeel,
      jaar,
      bedrag: teveel,
      ...(rule ? { regel: rule } : {}),
    });
  return r;
}

/** The onderdelen of a per-onderdeel year (none in a year of one total), summed for the total. */
function onderdelenYear(ctx: Context, st: RegelingStreams, y: YearAt, chain: Chain): OnderdelenSom {
  let uit = 0;
  let onbesteed = 0;
  let gebruikt = 0;
  let teveel = 0;
  let limiet: number | undefined = 0;
  const rows = y.perO
    ? st.oStreams.map((_s, k) => {
        const r = onderdeelYear(ctx, st, y, chain, k);
        uit += r.overhevelingUit;
        onbesteed += r.onbesteed;
        gebruikt += r.gebruikt;
        teveel += r.overhevelingTeveel;
        limiet = r.limiet === undefined || limiet === undefined ? undefined : limiet + r.limiet;
        return r;
      })
    : [];
  return { rows, uit, onbesteed, gebruikt, teveel, limiet };
}

/** The carry-over out of the regeling's total in a year: limit, used, carried and above the limit. */
function totalCarry(
  st: RegelingStreams,
  y: YearAt,
  base: YearBase,
  onbesteed: Euro,
  som: OnderdelenSom,
): { limiet: Maybe<Euro>; uit: Euro; gebruikt: Euro; teveel: Euro } {
  const { j, last, rule, pct, next, perO, nextO } = y;
  const total = st.total;
  const need =
    next === undefined ? ZERO : pos((total.besteding[j + 1] ?? 0) - (total.beschikking[j + 1] ?? 0));
  let limiet: Maybe<Euro>;
  let uit: Euro;
  let gebruikt: Euro;
  if (perO && rule?.per === 'onderdeel') {
    limiet = som.limiet === undefined ? undefined : euro(som.limiet);
    uit = euro(som.uit);
    gebruikt = nextO >= 0 ? euro(som.gebruikt) : euro(Math.min(onbesteed, need));
  } else {
    limiet = last ? ZERO : pct === undefined || pct === null ? undefined : floorPct(base.beschikking, pct);
    gebruikt = euro(Math.min(onbesteed, need));
    uit = limiet === undefined ? gebruikt : euro(Math.min(onbesteed, limiet));
  }
  const teveel =
    limiet === undefined
      ? ZERO
      : perO && rule?.per === 'onderdeel' && nextO >= 0
        ? euro(som.teveel)
        : pos(gebruikt - uit);
  return { limiet, uit, gebruikt, teveel };
}

/** One year of the regeling's total (after its onderdelen), with the year's signals. */
function regelingYear(ctx: Context, st: RegelingStreams, y: YearAt, chain: Chain): void {
  const { jaar, j, rule, perO, nextO } = y;
  const som = onderdelenYear(ctx, st, y, chain);
  const base = yearBase(ctx, st, jaar, st.total, j, chain.inTotal);
  const onbesteed = perO ? euro(som.onbesteed) : base.onbesteed;
  const { limiet, uit, gebruikt, teveel } = totalCarry(st, y, base, onbesteed, som);
  const gedekt = euro(som.rows.reduce((a, r) => a + r.schuifruimteGedekt, 0));
  chain.cumB += base.beschikking;
  chain.cumS += base.besteding;
  chain.out.push({
    ...base,
    onbesteed,
    overschrijding: perO ? euro(som.rows.reduce((a, r) => a + r.overschrijding, 0)) : base.overschrijding,
    limietRegel: rule,
    limiet,
    overhevelingUit: uit,
    gebruikt,
    overhevelingTeveel: teveel,
    schuifruimteGedekt: gedekt,
    terugvordering: onbesteed === 0 ? ZERO : limiet === undefined ? undefined : pos(onbesteed - uit - gedekt),
    cumBeschikking: euro(chain.cumB),
    cumBesteding: euro(chain.cumS),
    cumOnderbesteding: euro(chain.cumB - chain.cumS),
  });
  const naam = st.naam;
  const regel = rule ? { regel: rule } : {};
  if (!perO && base.overschrijding > 0)
    ctx.signalen.push({ soort: 'boven-plafond', regeling: naam, jaar, bedrag: base.overschrijding });
  if (teveel > 0 && !(perO && rule?.per === 'onderdeel' && nextO >= 0))
    ctx.signalen.push({ soort: 'overheveling-boven-limiet', regeling: naam, jaar, bedrag: teveel, ...regel });
  if (limiet === undefined && onbesteed > 0)
    ctx.signalen.push({ soort: 'limiet-onbekend', regeling: naam, jaar, bedrag: onbesteed, ...regel });
  geenRealisatieInJaar(ctx, st, jaar, base.beschikking);
  chain.inTotal = uit;
}

/** Signal: a year of the regeling up to the peiljaar with money but no realisatie at all. */
function geenRealisatieInJaar(ctx: Context, st: RegelingStreams, jaar: EditionYear, beschikking: Euro): void {
  const { peiljaar, idx } = ctx;
  const prognoseJaar = ctx.request.realisatie.prognoseJaar;
  if (
    peiljaar !== undefined &&
    jaar <= peiljaar &&
    beschikking > 0 &&
    !st.realRows.some(
      (r) => (r.lasten[idx(jaar)] ?? 0) !== 0 || (jaar === prognoseJaar && (r.prognose ?? 0) !== 0),
    )
  )
    ctx.signalen.push({ soort: 'geen-realisatie', regeling: st.naam, jaar, bedrag: beschikking });
}

/** The chain over the regeling's years: carry-over in, saldo, limit, carry-over out, per-year terugvordering. */
function yearChain(ctx: Context, st: RegelingStreams): Chain {
  const chain: Chain = {
    inTotal: 0,
    oIn: st.nrs.map(() => 0),
    cumB: 0,
    cumS: 0,
    oCum: st.nrs.map(() => ({ b: 0, s: 0 })),
    out: [],
    oOut: st.nrs.map(() => []),
  };
  st.regels.jaren.forEach((jaar, j) => regelingYear(ctx, st, yearAt(st.regels, jaar, j), chain));
  return chain;
}

/**
 * The regeling's realisatie outside its chain, with signals: no realisatie at all (no peiljaar),
 * money spent after its last year, Brede SPUK realisatie without an onderdeel in the per-onderdeel years.
 */
function buitenDeKeten(
  ctx: Context,
  st: RegelingStreams,
  out: readonly VerantwoordingJaar[],
): Pick<RegelingVerantwoording, 'naEinde' | 'zonderOnderdeel'> {
  const { idx, signalen } = ctx;
  const naam = st.naam;
  if (ctx.peiljaar === undefined && out.some((r) => r.beschikking > 0))
    signalen.push({
      soort: 'geen-realisatie',
      regeling: naam,
      bedrag: euro(out.reduce((a, r) => a + r.beschikking, 0)),
    });
  const naEinde = ctx.years
    .filter((y) => y > st.regels.eindjaar)
    .map((y) => ({ jaar: y, bedrag: sumOf(st.realRows, idx(y)) }))
    .filter((x) => x.bedrag !== 0);
  for (const x of naEinde)
    signalen.push({ soort: 'na-einde', regeling: naam, jaar: x.jaar, bedrag: x.bedrag });
  const zonderOnderdeel = st.regels.perOnderdeelJaren
    .map((y) => ({
      jaar: y,
      bedrag: sumOf(
        st.realRows.filter((r) => r.onderdeel === undefined || !st.nrs.includes(r.onderdeel)),
        idx(y),
      ),
    }))
    .filter((x) => x.bedrag !== 0);
  for (const x of zonderOnderdeel)
    signalen.push({ soort: 'zonder-onderdeel', regeling: naam, jaar: x.jaar, bedrag: x.bedrag });
  return { naEinde, zonderOnderdeel };
}

/**
 * The expected terugvordering in both readings (module comment), with its signal. `jaren`: the
 * regeling's years, where a year whose doorbetaling is missing has no terugvordering (`ontbreekt`,
 * `withoutDoorbetaling`): then neither reading is stated and no terugvordering signal is raised (the
 * signal `doorbetaling-ontbreekt` says what to fill in).
 */
function terugvorderingOf(
  ctx: Context,
  st: RegelingStreams,
  chain: Chain,
  jaren: readonly VerantwoordingJaar[],
  ontbreekt: boolean,
): Terugvordering {
  const perJaarParts = jaren.map((r) => r.terugvordering);
  const perJaar = perJaarParts.some((t) => t === undefined)
    ? undefined
    : euro(perJaarParts.reduce<number>((a, t) => a + (t ?? 0), 0));
  const cum = pos(chain.cumB - chain.cumS);
  const cumulatief = ontbreekt && cum > 0 ? undefined : cum;
  const regel = st.regels.eindafrekening;
  if (cumulatief !== undefined && (cumulatief > 0 || (perJaar ?? 0) > 0))
    ctx.signalen.push({
      soort: 'terugvordering',
      regeling: st.naam,
      bedrag: cumulatief,
      ...(regel ? { regel } : {}),
    });
  return { perJaar, cumulatief, regel };
}

/**
 * The medeoverheden of a mandaatgemeente's SPUK IZA (SiSa H35B): per medeoverheid and year, received
 * and spent; spent on the year's basis (`MedeoverheidJaar.besteed`), so H35 (the regeling's besteding
 * minus H35B) and H35B rest on the same figures as the regeling's besteding.
 */
function medeoverheden(
  st: RegelingStreams,
  ctx: Context,
  of: (r: BegrotingRegel) => Maybe<Gemeente>,
): MedeoverheidJaar[] {
  const mede = new Map<CbsCode, Gemeente>();
  for (const r of [...st.begrRows, ...st.realRows]) {
    const g = of(r);
    if (g) mede.set(g.code, g);
  }
  const out: MedeoverheidJaar[] = [];
  for (const g of [...mede.values()].sort((a, b) => a.code.localeCompare(b.code)))
    for (const jaar of st.regels.jaren) {
      const ontvangen = sumOf(
        st.begrRows.filter((r) => of(r)?.code === g.code),
        ctx.idx(jaar),
      );
      const rows = st.realRows.filter((r) => of(r)?.code === g.code);
      const i = ctx.idx(jaar);
      const realisatie = sumOf(rows, i);
      const basis = basisOf(ctx, jaar, st.realRows);
      const besteed =
        basis === 'begroting'
          ? ontvangen
          : basis === 'prognose'
            ? euro(rows.reduce((a, r) => a + (r.prognose ?? r.lasten[i] ?? 0), 0))
            : realisatie;
      if (ontvangen !== 0 || besteed !== 0 || realisatie !== 0)
        out.push({
          code: g.code,
          naam: g.naam,
          jaar,
          ontvangen,
          besteed,
          realisatie,
          verschil: euro(ontvangen - besteed),
        });
    }
  return out;
}

/**
 * The SPUK IZA split for SiSa (H35 own besteding, H35B per medeoverheid), the member gemeente's side,
 * and the signal where H35B ≠ what was passed on (up to the peiljaar).
 */
function izaSisa(ctx: Context, st: RegelingStreams, out: readonly VerantwoordingJaar[]): IzaSisa {
  const { code, request } = ctx;
  const mandaat = request.ledger.regios.some((r) => r.mandaatgemeenteCode === code);
  const lid =
    !mandaat &&
    (regioVanLid(request.ledger, code) !== undefined ||
      out.some((r) => r.beschikking > 0 || r.realisatie > 0));
  const of = (r: BegrotingRegel): Maybe<Gemeente> =>
    mandaat ? medeoverheidVan(r.uitvoerder, request.gemeenten, code) : undefined;
  const mede = medeoverheden(st, ctx, of);
  const lijst = mandaat ? medeoverheidLijst(ctx, st, of) : [];
  const onbekendeRijen = mandaat
    ? st.realRows.filter((r) => uitvoerderVan(r.uitvoerder, request.gemeenten, code).soort === 'onbekend')
    : [];
  const onbekend = onbekendeRijen.map((r) => ({ rij: r.rij, uitvoerder: r.uitvoerder }));
  // What the Regioverdeling plans to pass on (a mandaatgemeente's; 0 for any other gemeente).
  const plan = mandaat ? doorTeGevenAanLeden(request.ledger, code) : undefined;
  const post = st.regels.post;
  const geplandIn = (jaar: EditionYear): Euro =>
    plan !== undefined && (REGIONALE_POSTEN as readonly string[]).includes(post)
      ? (plan[post as RegionalePost][ctx.idx(jaar)] ?? ZERO)
      : ZERO;
  const jaren = st.regels.jaren.map((jaar, k) => {
    const dit = mede.filter((m) => m.jaar === jaar);
    const doorbetaald = euro(dit.reduce((a, m) => a + m.ontvangen, 0));
    const h35b = euro(dit.reduce((a, m) => a + m.besteed, 0));
    // The regeling's besteding (its year's basis) minus H35B: the own besteding on the same basis.
    const eigen = euro((out[k]?.besteding ?? 0) - h35b);
    const gepland = geplandIn(jaar);
    return { jaar, eigen, doorbetaald, gepland, h35b, basis: basisOf(ctx, jaar, st.realRows) };
  });
  // Refuse rather than guess: money planned for the members but nothing doorbetaald typed (the H35B
  // inputs, or begroting rows naming a medeoverheid) nor spent by them (realisatie rows naming one)
  // is not "passed on € 0": their besteding is then missing from the regeling's, and the
  // terugvordering would read as the whole regional amount. Only in a year that leaves money unspent:
  // a year spent in full has no terugvordering to refuse.
  for (const [k, x] of jaren.entries())
    if (ontbreektIn(x) && (out[k]?.onbesteed ?? 0) > 0)
      ctx.signalen.push({
        soort: 'doorbetaling-ontbreekt',
        regeling: st.naam,
        jaar: x.jaar,
        bedrag: x.gepland,
      });
  for (const x of jaren)
    if (x.h35b !== x.doorbetaald && (ctx.peiljaar === undefined || x.jaar <= ctx.peiljaar))
      ctx.signalen.push({
        soort: 'h35b-verschil',
        regeling: st.naam,
        jaar: x.jaar,
        bedrag: euro(x.doorbetaald - x.h35b),
      });
  if (onbekend.length > 0)
    ctx.signalen.push({
      soort: 'uitvoerder-onbekend',
      regeling: st.naam,
      bedrag: euro(onbekendeRijen.reduce((a, r) => a + r.lasten.reduce((b, x) => b + x, 0), 0)),
      rijen: onbekend,
    });
  return {
    rol: mandaat ? 'mandaatgemeente' : lid ? 'lid' : 'geen',
    jaren,
    medeoverheden: mede,
    lijst,
    onbekend,
  };
}

/** `IzaSisa.lijst`: the region's other members, then the gemeenten the rows name, by CBS code. */
function medeoverheidLijst(
  ctx: Context,
  st: RegelingStreams,
  of: (r: BegrotingRegel) => Maybe<Gemeente>,
): { code: CbsCode; naam: string }[] {
  const { code, request } = ctx;
  const regios = new Set(
    request.ledger.regios.filter((r) => r.mandaatgemeenteCode === code).map((r) => r.naam),
  );
  const codes = new Set(
    request.ledger.input.base.lidmaatschap.filter((m) => regios.has(m.regio)).map((m) => m.code),
  );
  for (const r of [...st.begrRows, ...st.realRows]) {
    const g = of(r);
    if (g) codes.add(g.code);
  }
  codes.delete(code);
  return request.gemeenten
    .filter((g) => codes.has(g.code))
    .map((g) => ({ code: g.code, naam: g.naam }))
    .sort((a, b) => a.code.localeCompare(b.code));
}

/** Planned for the members, but nothing doorbetaald to nor spent by a medeoverheid (`doorbetaling-ontbreekt` where money is left). */
const ontbreektIn = (x: IzaSisa['jaren'][number]): boolean =>
  x.gepland > 0 && x.doorbetaald === 0 && x.h35b === 0;

/**
 * The years of a mandaatgemeente's SPUK IZA whose doorbetaling is missing (planned by the
 * Regioverdeling, nothing doorbetaald: `doorbetaling-ontbreekt`) have no terugvordering per jaar where
 * money is unspent (undefined: "onbekend"); `ontbreekt`: some such year has money unspent (a year
 * spent in full cannot hide an underspend: the members' besteding would only add to it).
 */
function withoutDoorbetaling(
  out: readonly VerantwoordingJaar[],
  iza: Maybe<IzaSisa>,
): { jaren: readonly VerantwoordingJaar[]; ontbreekt: boolean } {
  const mist = new Set((iza?.jaren ?? []).filter(ontbreektIn).map((x) => x.jaar));
  return {
    jaren: out.map((j) => (mist.has(j.jaar) && j.onbesteed > 0 ? { ...j, terugvordering: undefined } : j)),
    ontbreekt: out.some((j) => mist.has(j.jaar) && j.onbesteed > 0),
  };
}

/** The BBV art. 52a verloop of the regeling's years (see `BbvJaar` for every rule and its source). */
export function bbvVerloop(regels: VerantwoordingRegels, jaren: readonly VerantwoordingJaar[]): BbvJaar[] {
  let saldo = 0;
  return jaren.map((j, k) => {
    const saldoBegin = saldo;
    const vrijgevallen = Math.min(j.besteding, saldoBegin + j.beschikking);
    saldo = saldoBegin + j.beschikking - vrijgevallen;
    const laatste = k === jaren.length - 1 || j.jaar === regels.eindjaar;
    return {
      jaar: j.jaar,
      saldoBegin: euro(saldoBegin),
      ontvangen: j.beschikking,
      vrijgevallen: euro(vrijgevallen),
      saldoEind: euro(saldo),
      eigenLast: euro(j.besteding - vrijgevallen),
      terugbetalingsverplichting: laatste ? euro(saldo) : ZERO,
    };
  });
}

/** The verantwoording of one regeling (its signals go to `ctx.signalen`, in the order of the sections). */
function regelingVerantwoording(ctx: Context, regels: VerantwoordingRegels): RegelingVerantwoording {
  const st = regelingStreams(ctx, regels);
  const chain = yearChain(ctx, st);
  const buiten = buitenDeKeten(ctx, st, chain.out);
  const iza = regels.post === 'SPUK IZA' ? izaSisa(ctx, st, chain.out) : undefined;
  const { jaren, ontbreekt } = withoutDoorbetaling(chain.out, iza);
  const terugvordering = terugvorderingOf(ctx, st, chain, jaren, ontbreekt);
  return {
    regels,
    jaren,
    onderdelen:
      st.nrs.length > 0 && regels.perOnderdeelJaren.length > 0
        ? st.nrs.map((nr, k) => ({ nr, jaren: chain.oOut[k] ?? [] }))
        : [],
    ...buiten,
    terugvordering,
    iza,
    bbv: bbvVerloop(regels, chain.out),
  };
}

/**
 * The verantwoording of a gemeente: per regeling with a `verantwoording` block in the edition
 * (shipped: Brede SPUK, SPUK IZA), see the module comment for every figure and its rule. Pure.
 * Throws RangeError for input of the wrong shape (a row without one amount per edition year).
 */
export function verantwoording(request: VerantwoordingRequest): Verantwoording {
  const ctx = contextOf(request);
  const regelingen = verantwoordingRegels(ctx.edition, request.aannames).map((regels) =>
    regelingVerantwoording(ctx, regels),
  );
  return { peiljaar: ctx.peiljaar, regelingen, signalen: ctx.signalen };
}

/**
 * One line of the SiSa opgave of a regeling for year T (verantwoording-facts.md §3.3, [derived]):
 * the uitkeringscode where a source states it (SPUK IZA: H35 eigen uitvoering, H35B medeoverheden;
 * Brede SPUK: not found, undefined), the besteding of year T, the cumulative besteding through T and
 * whether T is the eindverantwoording (the regeling's last year; the transformatiemiddelen pattern of
 * DUS-I, "Eindverantwoording jaar T? (Ja/Nee)"). Per onderdeel in the per-onderdeel years; H35B one
 * line per medeoverheid. The indicator numbers and texts are not found: never invented here.
 */
export interface SisaRegel {
  readonly jaar: EditionYear;
  readonly code: Maybe<string>;
  /** What the line is: the regeling, an onderdeel, eigen uitvoering or a medeoverheid. */
  readonly onderdeel?: number;
  readonly medeoverheid?: { readonly code: CbsCode; readonly naam: string };
  readonly besteding: Euro;
  /**
   * A member gemeente's SPUK IZA: true. Its besteding has no SiSa code of its own (code undefined): the
   * mandaatgemeente reports it under H35B (verantwoording-facts.md §2.2); H35 is the mandaatgemeente's.
   */
  readonly viaMandaatgemeente?: true;
  /** Through T; undefined for an onderdeel or medeoverheid line (the cumulative is the regeling's). */
  readonly cumulatief: Maybe<Euro>;
  readonly eindverantwoording: boolean;
}

/** The SiSa lines of a regeling per year (see `SisaRegel`); `codes` the edition's SiSa codes of the regeling. */
export function sisaOpgave(
  r: RegelingVerantwoording,
  codes: Maybe<readonly { readonly code: string; readonly deel?: string }[]>,
): readonly SisaRegel[] {
  const eigen = codes?.find((c) => c.deel === 'eigen uitvoering')?.code;
  const mede = codes?.find((c) => c.deel === 'medeoverheden')?.code;
  const out: SisaRegel[] = [];
  const lid = r.iza?.rol === 'lid';
  for (const j of r.jaren) {
    const eind = j.jaar === r.regels.eindjaar;
    const perO = r.regels.perOnderdeelJaren.includes(j.jaar) && r.onderdelen.length > 0;
    const iza = r.iza?.rol === 'mandaatgemeente' ? r.iza.jaren.find((x) => x.jaar === j.jaar) : undefined;
    if (perO)
      for (const o of r.onderdelen) {
        const oj = o.jaren.find((x) => x.jaar === j.jaar);
        if (oj)
          out.push({
            jaar: j.jaar,
            code: eigen,
            onderdeel: o.nr,
            besteding: oj.besteding,
            cumulatief: undefined,
            eindverantwoording: eind,
          });
      }
    else
      out.push({
        jaar: j.jaar,
        code: lid ? undefined : eigen,
        ...(lid ? { viaMandaatgemeente: true as const } : {}),
        besteding: iza ? euro(j.besteding - iza.h35b) : j.besteding,
        cumulatief: j.cumBesteding,
        eindverantwoording: eind,
      });
    if (iza)
      for (const m of r.iza?.medeoverheden.filter((x) => x.jaar === j.jaar) ?? [])
        out.push({
          jaar: j.jaar,
          code: mede,
          medeoverheid: { code: m.code, naam: m.naam },
          besteding: m.besteed,
          cumulatief: undefined,
          eindverantwoording: eind,
        });
  }
  return out;
}
