import type {
  EditionYear,
  Ledger,
  RegioFailure,
  RegioMethode,
  RegioVerdeling,
  RegioVerdelingOpties,
  ResolvedEdition,
  Result,
  SisaDeel,
} from '../domain';
import { fail, findRegio, medeoverheden, ok, REGIO_METHODEN, regioVerdeling, sisaCodeFor } from '../domain';
import type { IzaRegio } from '../domain';

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

/** The medeoverheden list (SPUK IZA: SiSa H35B): gemeentecode, gemeentenaam, then one amount column per year split. */
export function h35bColumns(jaren: readonly EditionYear[]): string[] {
  return ['gemeentecode', 'gemeentenaam', ...jaren.map((j) => `bedrag_${j}_eur`)];
}

export function h35bRows(
  splits: readonly RegioVerdeling[],
  jaren: readonly EditionYear[],
): (string | number)[][] {
  return medeoverheden(splits).map((m) => [m.code, m.naam, ...jaren.map((j) => m.bedragen[j] ?? 0)]);
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
