import type {
  EditionYear,
  IzaRegio,
  Ledger,
  RegelingVerantwoording,
  RegioFailure,
  RegioMethode,
  RegioVerdeling,
  RegioVerdelingOpties,
  ResolvedEdition,
  Result,
  SisaDeel,
} from '../domain';
import { fail, findRegio, medeoverheden, ok, REGIO_METHODEN, regioVerdeling, sisaCodeFor } from '../domain';

/**
 * The records of `spuk-begroting regioverdeling`: the mandaatgemeente's split of its region's amount
 * (src/domain/regio-verdeling.ts) per region × year × part with the part's SiSa code as the edition
 * states it, and the medeoverheden list (SPUK IZA: SiSa H35B).
 * Pure: the command in cli.ts resolves options and writes the records.
 */

export const REGIOVERDELING_COLUMNS = [
  'regio',
  'mandaatgemeente',
  'lidmaatschap',
  'editie',
  'jaar',
  'regeling',
  'onderdeel_nr',
  'regiobedrag_eur',
  'bron',
  'methode',
  'soort',
  'gemeentecode',
  'naam',
  'sisa',
  'gewicht',
  'totaal_gewicht',
  'exact_eur',
  'omlaag_eur',
  'rest',
  'correctie_eur',
  'bedrag_eur',
] as const;

/**
 * The SiSa code of a part, as the edition states it for the split's regeling (`sisaCodeFor`): the
 * code for medeoverheden for money passed to a member gemeente other than the mandaatgemeente, the
 * code for eigen uitvoering for activities and the mandaatgemeente's own part (SPUK IZA: H35B and
 * H35, DUS-I). Empty where the edition states no code (e.g. the SPUK AZWA: not published yet).
 */
function sisa(edition: ResolvedEdition, s: RegioVerdeling, d: RegioVerdeling['delen'][number]): string {
  return sisaCodeFor(edition, regelingOf(edition, s), sisaDeel(d)) ?? '';
}

function sisaDeel(d: RegioVerdeling['delen'][number]): SisaDeel {
  return d.soort === 'lid' && !d.mandaatgemeente ? 'medeoverheden' : 'eigen uitvoering';
}

/** The id of the split's regeling (the regeling of its line). */
function regelingOf(edition: ResolvedEdition, s: RegioVerdeling): string {
  return edition.lines.find((l) => l.nr === s.nr)?.regeling.id ?? '';
}

/**
 * The regelingen × years of the splits whose parts have no SiSa code in the edition (unknown: no
 * source states it), as `naam jaar–jaar`, for a note next to the records. Empty when all are known.
 */
export function unknownSisa(edition: ResolvedEdition, splits: readonly RegioVerdeling[]): string[] {
  const years = new Map<string, number[]>();
  for (const s of splits)
    if (s.delen.some((d) => sisa(edition, s, d) === '')) {
      const list = years.get(s.regeling) ?? [];
      if (!list.includes(s.jaar)) list.push(s.jaar);
      years.set(s.regeling, list);
    }
  return [...years].map(([naam, ys]) => {
    const sorted = [...ys].sort((a, b) => a - b);
    const first = sorted[0] ?? 0;
    const last = sorted[sorted.length - 1] ?? 0;
    return first === last ? `${naam} ${first}` : `${naam} ${first}–${last}`;
  });
}

export function regioverdelingRows(
  splits: readonly RegioVerdeling[],
  edition: ResolvedEdition,
): (string | number)[][] {
  const editie = edition.manifest.id;
  return splits.flatMap((s) =>
    s.delen.map((d) => [
      s.regio.naam,
      s.regio.mandaatgemeente,
      s.ledenBron,
      editie,
      s.jaar,
      s.regeling,
      s.nr,
      s.bedrag.bedrag,
      s.bedrag.bron,
      s.methode === 'vast' ? `vast + ${s.restMethode}` : s.methode,
      d.soort,
      d.code ?? '',
      d.naam,
      sisa(edition, s, d),
      d.soort === 'lid' ? d.gewicht : '',
      d.soort === 'lid' ? s.totaalGewicht : '',
      d.soort === 'lid' ? Number(d.exact.toFixed(4)) : d.exact,
      d.omlaag,
      d.soort === 'lid' ? d.rest : '',
      d.correctie,
      d.bedrag,
    ]),
  );
}

/**
 * The status of an H35B line: the planned split (`regioverdeling --h35b` without a realisatie: what the
 * mandaatgemeente intends to pass on, not what SiSa H35B asks), what a medeoverheid spent (from the
 * realisatie), or a year after the realisatie's last (peiljaar) with money passed on but nothing spent yet.
 */
export const H35B_GEPLAND = 'gepland, nog geen realisatie';
export const H35B_REALISATIE = 'realisatie';
export const H35B_NOG_GEEN = 'nog geen realisatie (na het peiljaar)';

/**
 * The planned medeoverheden list (SPUK IZA: SiSa H35B): gemeentecode, gemeentenaam, one amount column
 * per year split, and `status` = "gepland, nog geen realisatie" (a planning, not the besteding SiSa asks).
 */
export function h35bColumns(jaren: readonly EditionYear[]): string[] {
  return ['gemeentecode', 'gemeentenaam', ...jaren.map((j) => `bedrag_${j}_eur`), 'status'];
}

export function h35bRows(
  splits: readonly RegioVerdeling[],
  jaren: readonly EditionYear[],
): (string | number)[][] {
  return medeoverheden(splits).map((m) => [
    m.code,
    m.naam,
    ...jaren.map((j) => m.bedragen[j] ?? 0),
    H35B_GEPLAND,
  ]);
}

/**
 * The realised H35B (`regioverdeling --h35b --realisatie F`): one line per medeoverheid × year, from the
 * scenario's verantwoording of the mandaatgemeente (src/domain/verantwoording: `ontvangen` = its
 * begroting rows whose Uitvoerder is that gemeente, `besteed` = its realisatie rows, `verschil` =
 * ontvangen − besteed), with the edition's SiSa code for medeoverheden.
 */
export const H35B_REALISATIE_COLUMNS = [
  'gemeentecode',
  'gemeentenaam',
  'jaar',
  'sisa',
  'ontvangen_eur',
  'besteed_eur',
  'verschil_eur',
  'status',
] as const;

/**
 * The records of `H35B_REALISATIE_COLUMNS` for the SPUK IZA verantwoording `r`, in `jaren` (whole
 * euros). `peiljaar`: the realisatie's last year (undefined: none); a later year is marked
 * `H35B_NOG_GEEN`. `metBegroting` false: no begroting was given, so what was passed on is unknown:
 * ontvangen and verschil stay empty (never 0 that reads as "received nothing").
 */
export function h35bRealisatieRows(
  r: RegelingVerantwoording,
  opties: {
    readonly jaren: readonly EditionYear[];
    readonly peiljaar: EditionYear | undefined;
    readonly sisa: string;
    readonly metBegroting: boolean;
  },
): (string | number)[][] {
  const { jaren, peiljaar, sisa: code, metBegroting } = opties;
  return (r.iza?.medeoverheden ?? [])
    .filter((m) => jaren.includes(m.jaar))
    .map((m) => {
      const gerealiseerd = peiljaar !== undefined && m.jaar <= peiljaar;
      // Up to the peiljaar the verantwoording's H35B (in the prognose year: the prognose); after it
      // what was spent so far (the verantwoording counts what was passed on there: not spent yet).
      const besteed = gerealiseerd ? m.besteed : m.realisatie;
      return [
        m.code,
        m.naam,
        m.jaar,
        code,
        metBegroting ? m.ontvangen : '',
        besteed,
        metBegroting ? m.ontvangen - besteed : '',
        gerealiseerd ? H35B_REALISATIE : H35B_NOG_GEEN,
      ];
    });
}

/** The regions of `--regio NAAM`, or those whose mandaatgemeente is `--gemeente` (one today; the data allows more). */
export function regiosFor(
  ledger: Ledger,
  regio: string | undefined,
  gemeente: { readonly code: string; readonly naam: string } | undefined,
): Result<readonly IzaRegio[], RegioFailure> {
  if (regio !== undefined) {
    const r = findRegio(regio, ledger.regios);
    return r.ok ? ok([r.value]) : r;
  }
  if (gemeente === undefined) return ok([]);
  const own = ledger.regios.filter((r) => r.mandaatgemeenteCode === gemeente.code);
  return own.length > 0
    ? ok(own)
    : fail([{ kind: 'RegioNotMandaat', code: gemeente.code, naam: gemeente.naam }]);
}

export function isRegioMethode(text: string): text is RegioMethode {
  return (REGIO_METHODEN as readonly string[]).includes(text);
}

/** Every split of the regions × years, or every failure (each failure once: they repeat per year). */
export function regioSplits(
  ledger: Ledger,
  regios: readonly IzaRegio[],
  jaren: readonly EditionYear[],
  opties: RegioVerdelingOpties,
): Result<RegioVerdeling[], RegioFailure> {
  const out: RegioVerdeling[] = [];
  const failures = new Map<string, RegioFailure>();
  for (const r of regios)
    for (const jaar of jaren) {
      const s = regioVerdeling(ledger, r.naam, jaar, opties);
      if (s.ok) out.push(s.value);
      else for (const f of s.failures) failures.set(JSON.stringify(f), f);
    }
  return failures.size > 0 ? fail([...failures.values()]) : ok(out);
}
