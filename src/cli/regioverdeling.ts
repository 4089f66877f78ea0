import type {
  EditionYear,
  Ledger,
  RegioFailure,
  RegioMethode,
  RegioVerdeling,
  RegioVerdelingOpties,
  Result,
} from '../domain';
import { fail, findRegio, medeoverheden, ok, REGIO_METHODEN, regioVerdeling } from '../domain';
import type { IzaRegio } from '../domain';

/**
 * The records of `spuk-begroting regioverdeling`: the mandaatgemeente's split of its region's amount
 * (src/domain/regio-verdeling.ts) per region × year × part, and the medeoverheden list for SiSa H35B.
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
 * SiSa indicator of a part: H35B for money passed to a medeoverheid (a member gemeente other than the
 * mandaatgemeente), H35 for eigen uitvoering (activities, the mandaatgemeente's own part); only for
 * the SPUK IZA (to 2026): the SPUK AZWA's indicators are not published yet, so empty from 2027.
 */
function sisa(s: RegioVerdeling, d: RegioVerdeling['delen'][number]): string {
  if (s.jaar > 2026) return '';
  return d.soort === 'lid' && !d.mandaatgemeente ? 'H35B' : 'H35';
}

export function regioverdelingRows(splits: readonly RegioVerdeling[], editie: string): (string | number)[][] {
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
      sisa(s, d),
      d.soort === 'lid' ? d.gewicht : '',
      d.soort === 'lid' ? s.totaalGewicht : '',
      d.soort === 'lid' ? d.exact.toFixed(4) : d.exact,
      d.omlaag,
      d.soort === 'lid' ? d.rest : '',
      d.correctie,
      d.bedrag,
    ]),
  );
}

/** The H35B list: gemeentecode, gemeentenaam, then one amount column per year split. */
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
