import type { Bron } from '../ledger';
import type { BegrotingInvoer, BegrotingToets, BeschikkingRegel } from '../begroting';
import type { TotaalVerdeling } from '../begroting';
import {
  beschikkingPerLine,
  legeBegroting,
  plafonds,
  REGIONALE_POSTEN,
  toetsBegroting,
  totaalVerdeling,
} from '../begroting';
import type { EditionLine, EditionYear } from '../edition';
import { isNationalOnly } from '../edition';
import type { EditionDiffRow } from '../edition-diff';
import { editionDiff } from '../edition-diff';
import type { EditionReport } from '../edition-controle';
import { editionControle } from '../edition-controle';
import type { BeschikkingAmount, EditionInput } from '../ledger';
import { Ledger, SplitMemo } from '../ledger';
import type { Euro } from '../money';
import { euro } from '../money';
import type { BbvVastlegging, Vastlegging, YearReading } from '../readings';
import { isVastgelegd, readings, regelingHeeftGeld, splitReadings, vastlegging } from '../readings';
import type { GalaTableReport } from '../gala-table';
import { galaTableChecks } from '../gala-table';
import type { CbsCode, Gemeente, Maybe } from '../types';
import type { Verdeelsleutel } from '../verdeelsleutel';
import type { ModelCheckId } from './model-checks';
import { MODEL_CHECKS, modelCheckExpectations, withChoice } from './model-checks';
import type { SourceCounts } from './sources';
import { lineSource, sourceCounts } from './sources';
import type { AansluitingRegel } from './cross-checks';
import type { OpenPostIndicatie, VloerGemeenten } from './open-posts';
import type { AzwaStatus } from './azwa';
import { azwaStatus } from './azwa';
import type { RegioRol } from '../begroting';
import { regioRol } from '../begroting';
import { openPostIndicaties, vloerGemeenten } from './open-posts';
import { aansluiting, aansluitingAfwijkingen, samenvattingAfwijkingen } from './cross-checks';
import type { RealisatieInvoer, Verantwoording, VerantwoordingAannames } from '../verantwoording';
import { verantwoording, zonderBegroting } from '../verantwoording';
import { werkmapBegroting } from './starter';

/**
 * What one workbook, one CLI command or one pane run is about: an edition, the one to compare it
 * with, a verdeelsleutel, a gemeente (or the national view), the gemeente's beschikking and begroting.
 */
export interface ScenarioRequest {
  readonly edition: EditionInput;
  /** The edition "Wat is er veranderd" compares with (none: no comparison). */
  readonly vorige?: EditionInput | undefined;
  readonly key: Verdeelsleutel;
  /** The gemeente shown on Overzicht; undefined for the national view (Σ over the gemeenten). */
  readonly gemeente?: CbsCode | undefined;
  /**
   * The BBV flag on Landelijk: lines a new regeling has made lasting after their regeling's end, a
   * bare line number from the first year after the end, `{ nr, vanaf }` from that year (see
   * `Vastlegging`). Default: none.
   */
  readonly bbvVastgelegd?: readonly (number | BbvVastlegging)[];
  /** The gemeente's beschikking: regeling totals or Brede SPUK onderdelen (whole euros). */
  readonly beschikking?: readonly BeschikkingRegel[];
  /**
   * Beschikking amounts per gemeente × line × year (the file of `allocaties --beschikking`, any
   * gemeenten): they win in `view` as the gemeente's own beschikking does.
   */
  readonly beschikkingAmounts?: readonly BeschikkingAmount[];
  /** The begroting's rows and inputs; undefined: none entered (the workbook then shows starter rows). */
  readonly begroting?: BegrotingInvoer | undefined;
  /**
   * What was spent (the realisatie, `parseRealisatieCsv`); with a gemeente it gives the scenario's
   * `verantwoording` (and the workbook its sheet Verantwoording). Undefined: none entered.
   */
  readonly realisatie?: RealisatieInvoer | undefined;
  /** The controller's carry-over limits where no source settles one (`VerantwoordingAannames`). */
  readonly aannames?: VerantwoordingAannames | undefined;
}

/** One line's amount as the gemeente's view shows it, with its live source label. */
export interface LineAmount {
  readonly bedrag: Euro;
  /** `open post`: money leaves the regeling without a known amount; '' where the regeling has no rule. */
  readonly bron: Bron | 'open post' | '';
}

/** The two readings and the afloop of the gemeente's own money, per year (euros). */
export interface ScenarioReadings {
  /** Own money (Brede SPUK, SPUK AZWA lokaal), as Overzicht reads it. */
  readonly eigen: readonly YearReading[];
}

/**
 * Every number and label the workbook, the CLI and the pane show for one request, computed once.
 * Sheets lay these out as formulas proven equal to them; shells print them. All amounts are whole
 * euros; arrays per year follow `years`.
 */
export interface Scenario {
  readonly request: ScenarioRequest;
  readonly editie: string;
  readonly input: EditionInput;
  readonly key: Verdeelsleutel;
  /** The gemeente on Overzicht and its row in `input.base.gemeenten`; undefined for the national view. */
  readonly gemeente: Maybe<Gemeente>;
  readonly chosen: Maybe<number>;
  readonly years: readonly EditionYear[];
  /** Every line of the edition. */
  readonly lines: readonly EditionLine[];
  /** The lines money of which lands on a gemeente: own money first, then what a mandaatgemeente receives. */
  readonly allocLines: readonly EditionLine[];
  readonly vastgelegd: Vastlegging;
  /** The gemeente-independent part this scenario was resolved on (the fields below are shared with it). */
  readonly national: NationalScenario;
  /** The edition's amounts for the key, for every gemeente (Allocatie): no beschikking. */
  readonly ledger: Ledger;
  /**
   * The gemeente's view: the ledger with its beschikking per line (Brede SPUK onderdelen, and the one
   * line of SPUK IZA and SPUK AZWA); the same object as `ledger` without a beschikking.
   */
  readonly view: Ledger;
  /** The ledger of the edition compared with (same key); undefined without one. */
  readonly vorige: Maybe<Ledger>;
  readonly beschikking: readonly BeschikkingRegel[];
  /** The begroting as given (undefined when none was given: see `toets`, computed on the empty one). */
  readonly begroting: Maybe<BegrotingInvoer>;
  /**
   * The begroting the werkmap's table Begroting is made with (`werkmapBegroting`): `begroting`, else
   * the edition's starter rows without amounts. Controle's `realisatie-sleutel` counts against its rows.
   */
  readonly werkmapBegroting: BegrotingInvoer;
  /**
   * Per year with a Brede SPUK total in the beschikking: its spread over the onderdelen (pro rata the
   * edition, largest remainder; `totaalVerdeling`). The view, the readings, the afloop and the sources
   * use the spread amounts (labelled `beschikking`).
   */
  readonly verdeling: readonly TotaalVerdeling[];
  /** The plafond per regeling and per line × year: the beschikking where entered, else the edition. */
  readonly plafonds: ReturnType<typeof plafonds>;
  /** Every rule of the begroting on `begroting` (or an empty begroting) with the beschikking. */
  readonly toets: BegrotingToets;
  /**
   * The verantwoording (src/domain/verantwoording) of the gemeente's realisatie against the
   * beschikking and the begroting; undefined without a realisatie or without a gemeente.
   */
  readonly verantwoording: Maybe<Verantwoording>;
  /** The edition's reconciliation (Controle, Bronnen, the `controle` command). */
  readonly report: EditionReport;
  /** The GALA table's own checks (hoofdthema totals). */
  readonly galaReport: GalaTableReport;
  readonly readings: ScenarioReadings;
  /** How many amounts the gemeente receives per source (the pane's "Wat nu?"), after the beschikking. */
  readonly sources: SourceCounts;
  /**
   * Overzicht against the Begrotingstoets per begroting post and year (`aansluiting`): 0 unless the
   * beschikking gives a total the onderdelen cannot carry. Controle's check `aansluiting` counts it.
   */
  readonly aansluiting: readonly AansluitingRegel[];
  /** The edition's open posts with an indicative amount for the gemeente (never in a paid total). */
  readonly openPosten: readonly OpenPostIndicatie[];
  /** The gemeenten with a Bijlage 2A floor amount that the SPUK AZWA raming does not carry on. */
  readonly vloer: VloerGemeenten;
  /** The years with SPUK AZWA money for the gemeente and whether its beschikking gives any (else: raming). */
  readonly azwa: AzwaStatus;
  /**
   * The gemeente's role in the regional money (`regioRol`): mandaatgemeente, lid of a region, or
   * geen (also the national view). The plan shows the member's and the mandaatgemeente's rows by it.
   */
  readonly regioRol: RegioRol;
  /**
   * A member gemeente (`regioRol` 'lid'): per year what it receives from its mandaatgemeente as
   * planned, Σ over the regional posts of `toets.vanMandaatgemeente[post][i].gepland` (its
   * `geplandAandeel` on the sheet Regioverdeling; a typed amount on the Beschikking does not change
   * it); 0 for any other gemeente and nationally. Overzicht shows it next to the eigen geld (#18).
   */
  readonly geplandVanMandaat: readonly Euro[];
  /**
   * A mandaatgemeente: per regional post × year what it passes on to the other members of its region
   * as planned (`toets.doorgeven`, `doorTeGevenAanLeden`); the Samenvatting's lasten "door te geven
   * aan de ledengemeenten" and the CLI's `begroting` show it.
   */
  readonly doorgeven: BegrotingToets['doorgeven'];
  /**
   * What each model check on Controle must count (0 unless the data itself has a deviation); with a
   * verantwoording, `realisatie-sleutel` counts the realisatie's rows whose key (Regeling|Onderdeel|
   * Activiteit) is no row of `werkmapBegroting` (`zonderBegroting`), as the werkmap does.
   */
  readonly modelChecks: Readonly<Record<ModelCheckId, number>>;
  /** Σ of `modelChecks`: Controle's master check (Controle_Totaal) right after building. */
  readonly modelChecksTotal: number;
  /** "Wat is er veranderd": for the gemeente (when chosen) and nationally; undefined without `vorige`. */
  readonly diff: Maybe<{
    readonly gemeente: Maybe<readonly EditionDiffRow[]>;
    readonly landelijk: readonly EditionDiffRow[];
  }>;
  /** The gemeente's amount and source of a line in a year (Overzicht; national view: Σ over the gemeenten). */
  amount(nr: number, jaar: EditionYear): LineAmount;
  /**
   * The edition's source label of a line in a year, the same for every gemeente (`lineSource` without
   * a beschikking): what the workbook shows where the Beschikking sheet does not give the amount.
   */
  editieBron(nr: number, jaar: EditionYear): LineAmount['bron'];
  /**
   * The source of the gemeente's own amount of a line in a year as Overzicht labels it: `amount`'s,
   * except on a regional line (paid to the mandaatgemeente: SPUK IZA, SPUK AZWA regionaal) where that
   * amount is 0: `geen` (as the Samenvatting labels a € 0 plafond). A member, or a gemeente in no
   * region, receives no regional money itself; the region's label belongs to the mandaatgemeente's
   * amount, not to this € 0 (#18: Dalfsen's rows printed € 0 "afgeleid").
   */
  cellBron(nr: number, jaar: EditionYear): LineAmount['bron'] | 'geen';
  /**
   * Both readings of that amount (`splitReadings`: Rijk structural = max(0, min(amount, level)), so a
   * negative amount is incidental; BBV by the line's end year and the BBV flag).
   */
  lineReading(nr: number, jaar: EditionYear): LineReading;
  /** What stops after `jaar` on a line: max(0, amount − next year's amount); after the last year, all. */
  afloop(nr: number, jaar: EditionYear): Euro;
  /**
   * The published Bijlage 2A totals for the gemeente (national view: Σ), per published year, against
   * Σ of its Brede SPUK onderdelen in the view; `verschil` = published − onderdelen (0 when the edition
   * follows Bijlage 2A and no beschikking differs).
   */
  readonly bijlage2A: readonly {
    readonly jaar: EditionYear;
    readonly gepubliceerd: Euro;
    readonly onderdelen: Euro;
    readonly verschil: Euro;
  }[];
}

/** The Rijk and BBV split of one line's amount in a year (euros; see `splitReadings`). */
export type LineReading = ReturnType<typeof splitReadings>;

/** What the national part of a scenario is built from: a request without the gemeente's own part. */
export type NationalRequest = Pick<ScenarioRequest, 'edition' | 'vorige' | 'key' | 'bbvVastgelegd'>;

/**
 * The part of a scenario that is the same for every gemeente (and for the national view), resolved
 * once: the edition's ledger for the key, the ledger compared with, the reconciliations, the model
 * checks of the national view and the national "Wat is er veranderd". `resolveScenario(request,
 * national)` reuses it, so a batch of one workbook per gemeente resolves it once instead of per
 * gemeente; the numbers are the same either way. Immutable (the ledgers only memoise).
 */
export interface NationalScenario {
  readonly request: NationalRequest;
  readonly input: EditionInput;
  readonly key: Verdeelsleutel;
  /** Every line of the edition. */
  readonly lines: readonly EditionLine[];
  /** The lines money of which lands on a gemeente: own money first, then what a mandaatgemeente receives. */
  readonly allocLines: readonly EditionLine[];
  readonly vastgelegd: Vastlegging;
  /** The edition's amounts for the key, for every gemeente: no beschikking. */
  readonly ledger: Ledger;
  /** The ledger of the edition compared with (same key); undefined without one. */
  readonly vorige: Maybe<Ledger>;
  readonly report: EditionReport;
  readonly galaReport: GalaTableReport;
  /** The model checks' expectations of the national view (no gemeente chosen). */
  readonly modelChecks: Readonly<Record<ModelCheckId, number>>;
  /** "Wat is er veranderd" nationally; undefined without `vorige`. */
  readonly landelijkDiff: Maybe<readonly EditionDiffRow[]>;
}

/** Resolves the gemeente-independent part of a scenario (see `NationalScenario`). Pure. */
export function resolveNational(request: NationalRequest): NationalScenario {
  const input = request.edition;
  const key = request.key;
  const lines = input.edition.lines;
  // Both ledgers split by the same key, many of the same amounts: one memo of splits for the two.
  const splits = new SplitMemo(key);
  const ledger = new Ledger(input, key, [], splits);
  const vorige = request.vorige ? new Ledger(request.vorige, key, [], splits) : undefined;
  const report = editionControle(ledger);
  const galaReport = galaTableChecks(input.base);
  return {
    request,
    input,
    key,
    lines,
    allocLines: [
      ...lines.filter((l) => l.ontvanger === 'gemeente'),
      ...lines.filter((l) => l.ontvanger === 'mandaatgemeente'),
    ],
    vastgelegd: vastlegging(request.bbvVastgelegd ?? []),
    ledger,
    vorige,
    report,
    galaReport,
    modelChecks: modelCheckExpectations({ ledger, key, gemeente: undefined, report, galaReport }),
    landelijkDiff: vorige ? editionDiff(vorige, ledger) : undefined,
  };
}

/** Why `national` cannot serve `request` (another edition, compared edition, key or BBV flags); undefined when it can. */
export function nationalMismatch(national: NationalScenario, request: NationalRequest): string | undefined {
  const own = national.request;
  if (own.edition !== request.edition) return 'another edition';
  if (own.vorige !== request.vorige) return 'another edition to compare with';
  const a = own.key;
  const b = request.key;
  const sameKey =
    a === b ||
    (a.id === b.id &&
      a.total === b.total &&
      a.codes.length === b.codes.length &&
      a.codes.every((c, i) => c === b.codes[i] && a.weights[i] === b.weights[i]));
  if (!sameKey) return 'another key';
  const flags = vastlegging(request.bbvVastgelegd ?? []);
  if (
    flags.size !== national.vastgelegd.size ||
    [...flags].some(([nr, v]) => national.vastgelegd.get(nr) !== v)
  )
    return 'other BBV flags';
  return undefined;
}

/**
 * Resolves a request into every number the products show, once. Pure. `national` (from
 * `resolveNational` on the same edition, vorige, key and BBV flags) is reused instead of resolved
 * again; the result is the same. Throws RangeError for a gemeente that is not in the edition, for a
 * `national` of another edition, key or flags, and for a beschikking of the wrong shape (see
 * `plafonds`); shells check user input before (src/data) so these are programming errors.
 */
export function resolveScenario(request: ScenarioRequest, national?: NationalScenario): Scenario {
  const mismatch = national === undefined ? undefined : nationalMismatch(national, request);
  if (mismatch !== undefined) throw new RangeError(`The national scenario is for ${mismatch}`);
  const nat = national ?? resolveNational(request);
  const input = request.edition;
  const { base } = input;
  const key = request.key;
  const chosenIndex =
    request.gemeente === undefined ? undefined : base.gemeenten.findIndex((g) => g.code === request.gemeente);
  if (chosenIndex !== undefined && chosenIndex < 0)
    throw new RangeError(`Gemeente ${request.gemeente} is not in the edition`);
  const gemeente = chosenIndex === undefined ? undefined : base.gemeenten[chosenIndex];
  const code = gemeente?.code;
  const { lines, ledger, vorige, report, galaReport, vastgelegd } = nat;
  const years = input.edition.years;
  const beschikking = request.beschikking ?? [];
  const perLine = [...beschikkingPerLine(ledger, code, beschikking), ...(request.beschikkingAmounts ?? [])];
  const view = perLine.length > 0 ? new Ledger(input, key, perLine) : ledger;
  // Once, for the toets and for the scenario's `plafonds` and `aansluiting`.
  const plafondsOf = plafonds(ledger, code, beschikking);
  const toets = toetsBegroting(
    ledger,
    code,
    request.begroting ?? legeBegroting(input.edition),
    beschikking,
    plafondsOf,
  );
  const fromBeschikking = new Set(perLine.filter((b) => b.code === code).map((b) => `${b.nr}|${b.jaar}`));
  const amount = (nr: number, jaar: EditionYear): LineAmount => {
    const bedrag =
      code === undefined ? view.sumOntvangers(nr, jaar) : euro(view.gemeente(code, nr, jaar)?.bedrag ?? 0);
    return { bedrag, bron: lineSource(ledger, view.line(nr), jaar, fromBeschikking.has(`${nr}|${jaar}`)) };
  };
  const lineReading = (nr: number, jaar: EditionYear): LineReading => {
    const line = view.line(nr);
    return splitReadings(
      amount(nr, jaar).bedrag,
      view.structuralLevel(nr, code),
      jaar,
      line.regeling.eindjaar,
      isVastgelegd(
        vastgelegd.get(nr),
        jaar,
        line.regeling.eindjaar,
        regelingHeeftGeld(input.edition, line.regeling.id, jaar),
      ),
    );
  };
  const aansluitingRegels = aansluiting(
    nat.allocLines,
    years,
    (nr, jaar) => amount(nr, jaar).bedrag,
    plafondsOf.perRegeling,
  );
  const chosenChecks = withChoice(nat.modelChecks, base.gemeenten, request.gemeente);
  const afwijkingen = aansluitingAfwijkingen(aansluitingRegels);
  const samenvatting = samenvattingAfwijkingen(toets);
  const werkmap = werkmapBegroting(input.edition, request.begroting);
  // Realisatie rows without a Begroting row: only where the werkmap has a Realisatie (a gemeente's).
  const sleutel =
    gemeente === undefined || request.realisatie === undefined
      ? 0
      : zonderBegroting(request.realisatie.regels, werkmap.regels);
  const verantw =
    gemeente === undefined || request.realisatie === undefined
      ? undefined
      : verantwoording({
          ledger,
          gemeente,
          gemeenten: base.gemeenten,
          beschikking,
          begroting: request.begroting ?? legeBegroting(input.edition),
          realisatie: request.realisatie,
          ...(request.aannames ? { aannames: request.aannames } : {}),
        });
  // A mandaatgemeente's SPUK IZA rows whose Uitvoerder names no gemeente (counted as H35, refused).
  const uitvoerder = (verantw?.regelingen ?? []).reduce((a, r) => a + (r.iza?.onbekend.length ?? 0), 0);
  const modelChecks =
    afwijkingen === chosenChecks.aansluiting &&
    samenvatting === chosenChecks.samenvatting &&
    sleutel === chosenChecks['realisatie-sleutel'] &&
    uitvoerder === chosenChecks['realisatie-uitvoerder']
      ? chosenChecks
      : {
          ...chosenChecks,
          aansluiting: afwijkingen,
          samenvatting,
          'realisatie-sleutel': sleutel,
          'realisatie-uitvoerder': uitvoerder,
        };
  const afloop = (nr: number, jaar: EditionYear): Euro => {
    const next = years[years.indexOf(jaar) + 1];
    return euro(Math.max(0, amount(nr, jaar).bedrag - (next === undefined ? 0 : amount(nr, next).bedrag)));
  };
  const brede = lines.filter((l) => l.regeling.id === 'brede-spuk' && l.ontvanger === 'gemeente');
  const publishedYears = [...new Set(input.bijlage2A.map((p) => p.jaar))].sort((a, b) => a - b);
  const bijlage2A = publishedYears.map((jaar) => {
    const gepubliceerd = euro(
      input.bijlage2A
        .filter((p) => p.jaar === jaar && (code === undefined || p.code === code))
        .reduce((a, p) => a + p.bedrag, 0),
    );
    const onderdelen = euro(brede.reduce((a, l) => a + amount(l.nr, jaar).bedrag, 0));
    return { jaar, gepubliceerd, onderdelen, verschil: euro(gepubliceerd - onderdelen) };
  });
  return {
    request,
    editie: input.edition.manifest.id,
    input,
    key,
    gemeente,
    chosen: chosenIndex,
    years,
    lines,
    allocLines: nat.allocLines,
    vastgelegd,
    national: nat,
    ledger,
    view,
    vorige,
    beschikking,
    begroting: request.begroting,
    werkmapBegroting: werkmap,
    verdeling: totaalVerdeling(ledger, code, beschikking),
    plafonds: plafondsOf,
    aansluiting: aansluitingRegels,
    openPosten: openPostIndicaties(ledger, (nr, jaar) => amount(nr, jaar).bedrag),
    vloer: vloerGemeenten(report, base),
    azwa: azwaStatus(nat.allocLines, years, amount),
    regioRol: regioRol(ledger, code),
    geplandVanMandaat: years.map((_, i) =>
      euro(REGIONALE_POSTEN.reduce((a, p) => a + (toets.vanMandaatgemeente[p][i]?.gepland ?? 0), 0)),
    ),
    doorgeven: toets.doorgeven,
    toets,
    verantwoording: verantw,
    report,
    galaReport,
    readings: {
      eigen: readings(view, code, {
        vastgelegd,
        ...(code === undefined ? { scope: 'gemeenten' as const } : {}),
      }),
    },
    sources: sourceCounts(view, code),
    modelChecks,
    modelChecksTotal: MODEL_CHECKS.reduce((a, id) => a + modelChecks[id], 0),
    diff: vorige
      ? {
          gemeente: code === undefined ? undefined : editionDiff(vorige, ledger, code),
          landelijk: nat.landelijkDiff ?? editionDiff(vorige, ledger),
        }
      : undefined,
    amount,
    editieBron: (nr, jaar) => lineSource(ledger, ledger.line(nr), jaar, false),
    cellBron: (nr, jaar) => {
      const a = amount(nr, jaar);
      const regionaal = ledger.line(nr).ontvanger === 'mandaatgemeente';
      return regionaal && a.bedrag === 0 ? 'geen' : a.bron;
    },
    lineReading,
    afloop,
    bijlage2A,
  };
}

/**
 * The lines of an edition a gemeente can receive (own and regional money), each with its regeling's
 * name and the years that regeling pays in the edition (a rule other than `beeindigd`, or an open
 * post whose amount a beschikking may state): what a
 * beschikking file may name. A line or year outside it is refused by the reader, with the row.
 */
export interface ReceivableLines {
  readonly editie: string;
  readonly lines: readonly {
    readonly nr: number;
    readonly regeling: string;
    readonly jaren: readonly number[];
  }[];
}

export function receivableLines(input: EditionInput): ReceivableLines {
  const edition = input.edition;
  return {
    editie: edition.manifest.id,
    lines: edition.lines
      .filter((l) => !isNationalOnly(l.ontvanger))
      .map((l) => ({
        nr: l.nr,
        regeling: l.regeling.naam,
        jaren: edition.years.filter((y) => {
          const rule = edition.rule(l.regeling.id, y);
          if (rule === undefined) return false;
          // An open post (BRC, Sportakkoord from 2027): the money goes on by a route not yet known; a
          // beschikking may state its amount.
          const open = edition.openPosten.some(
            (o) => o.nrs.includes(l.nr) && y >= o.vanJaar && y <= o.totEnMetJaar,
          );
          return rule.spec.regel !== 'beeindigd' || open;
        }),
      })),
  };
}
