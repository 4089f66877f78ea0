import type { Euro } from '../domain';
import type {
  BestedingBasis,
  Eindafrekening,
  OverhevelingsLimiet,
  VerantwoordingBron,
  VerantwoordingSignaal,
} from '../domain/verantwoording';
import { formatEuro } from './nl';

/**
 * Dutch texts of the verantwoording (CLI, later the sheet and the pane): each signal as one sentence
 * naming the regeling, year, amount and what to do; each rule with its grondslag and source.
 */

/** What the sheet and the CLI say for a beschikkingsnummer or -datum not given. */
export const NIET_INGEVULD = 'nog niet ingevuld';

/**
 * A date `jjjj-mm-dd` as dd-mm-jjjj ("15-03-2025"), as the Verantwoording's formula builds it without
 * TEXT()'s date codes (which follow Excel's language: "jjjj" in Dutch Excel): TEXT(DAY(d),"00") &
 * "-" & TEXT(MONTH(d),"00") & "-" & YEAR(d); the digit placeholder "0" is the same in every language.
 */
export function kenmerkDatum(iso: string | undefined): string {
  if (iso === undefined) return NIET_INGEVULD;
  const [y, m, d] = iso.split('-').map(Number);
  const two = (x: number | undefined) => String(x ?? 0).padStart(2, '0');
  return `${two(d)}-${two(m)}-${y ?? ''}`;
}

/** Excel's serial number of a date `jjjj-mm-dd` (days since 30-12-1899). */
export function excelSerial(iso: string): number {
  const [y, m, d] = iso.split('-').map(Number);
  return Math.round((Date.UTC(y ?? 1900, (m ?? 1) - 1, d ?? 1) - Date.UTC(1899, 11, 30)) / 86_400_000);
}

/** The kenmerk line when neither the beschikkingsnummer nor the -datum is given. */
export const KENMERK_LEEG = 'Beschikking: nummer en datum nog niet ingevuld';
/** What the kenmerk line says for a missing nummer or datum (after the part that is given). */
export const NUMMER_ONTBREEKT = ' (nummer nog niet ingevuld)';
export const DATUM_ONTBREEKT = ' (datum nog niet ingevuld)';

/**
 * "Beschikking nr 1234567-202345-PG van 15-03-2025" (issue #19 item 4): the Verantwoording's line per
 * regeling (its formula gives the same text) and the CLI's. A part not given is said once, in words,
 * not as a placeholder in the sentence (#18 review: "Beschikking nr nog niet ingevuld van nog niet
 * ingevuld"): "Beschikking nr 123 (datum nog niet ingevuld)", "Beschikking (nummer nog niet ingevuld)
 * van 15-03-2025", neither: `KENMERK_LEEG`.
 */
export function beschikkingKenmerkText(nummer: string | undefined, datum: string | undefined): string {
  if (nummer === undefined && datum === undefined) return KENMERK_LEEG;
  const nr = nummer === undefined ? NUMMER_ONTBREEKT : ` nr ${nummer}`;
  const van = datum === undefined ? DATUM_ONTBREEKT : ` van ${kenmerkDatum(datum)}`;
  return `Beschikking${nr}${van}`;
}

/** "volgens de regeling", "volgens een brief", "praktijk", "aanname": how firm a rule is. */
export function grondslagText(b: VerantwoordingBron): string {
  switch (b.grondslag) {
    case 'regeling':
      return 'regeling';
    case 'brief':
      return 'brief van de minister';
    case 'praktijk':
      return 'praktijk, niet de regeling';
    case 'aanname':
      return 'aanname: geen bron gevonden';
  }
}

/**
 * A carry-over rule's source in a word or two, for a cell under the year's limit on the Verantwoording
 * ("praktijk", "brief minister"); "" for the last year (nothing to carry over).
 */
export function limietBronKort(rule: OverhevelingsLimiet | undefined, last: boolean): string {
  if (last) return '';
  if (rule === undefined) return 'geen regel';
  if (rule.waarde === null) return 'niet gevonden';
  switch (rule.grondslag) {
    case 'regeling':
      return 'regeling';
    case 'brief':
      return 'brief minister';
    case 'praktijk':
      return 'praktijk';
    case 'aanname':
      return 'aanname';
  }
}

/** A carry-over rule from `vanJaar`: "max. 10% van de beschikking 2025 naar 2026 (brief van de minister)". */
export function limietText(vanJaar: number, rule: OverhevelingsLimiet | undefined, last: boolean): string {
  if (last)
    return `${vanJaar} is het laatste jaar van de regeling: niets over te hevelen (het restant valt in de eindafrekening)`;
  if (rule === undefined)
    return `${vanJaar} → ${vanJaar + 1}: geen regel in de editie; stel de limiet in met --limiet`;
  if (rule.waarde === null)
    return `${vanJaar} → ${vanJaar + 1}: limiet niet gevonden (${grondslagText(rule)}); stel de limiet in met --limiet. ${rule.bron}`;
  return `${vanJaar} → ${vanJaar + 1}: max. ${rule.waarde}% van de beschikking ${vanJaar}${rule.per === 'onderdeel' ? ', per onderdeel' : ''} (${grondslagText(rule)}). ${rule.bron}`;
}

/** The eindafrekening rule in one sentence. */
export function eindafrekeningText(e: Eindafrekening | undefined): string {
  if (e === undefined) return 'Eindafrekening: geen regel in de editie; beide lezingen getoond.';
  const jaar = e.jaar === null ? 'jaar niet gevonden' : `in ${e.jaar}`;
  const wijze =
    e.wijze === null
      ? 'of per jaar of cumulatief wordt afgerekend is niet gevonden: beide lezingen getoond'
      : e.wijze === 'per-jaar'
        ? 'per jaar'
        : 'cumulatief over de looptijd';
  return `Eindafrekening ${jaar}; ${wijze} (${grondslagText(e)}). ${e.bron}`;
}

export const BASIS_TEXT: Record<BestedingBasis, string> = {
  realisatie: 'realisatie',
  prognose: 'prognose',
  begroting: 'begroting (nog geen realisatie)',
};

/** An amount that may be unknown ("onbekend"). */
export const euroOfOnbekend = (x: Euro | undefined): string => (x === undefined ? 'onbekend' : formatEuro(x));

/** One signal as a full Dutch sentence with the amount and the fix. */
export function verantwoordingSignaalText(s: VerantwoordingSignaal): string {
  const waar = `${s.regeling}${s.onderdeel !== undefined ? `, onderdeel ${s.onderdeel}` : ''}${s.jaar !== undefined ? ` ${s.jaar}` : ''}`;
  const bedrag = formatEuro(s.bedrag);
  switch (s.soort) {
    case 'boven-plafond':
      return `${waar}: de besteding ligt ${bedrag} boven de beschikking plus de toegestane overheveling. Dat deel is niet gedekt door de regeling: dek het uit eigen middelen of corrigeer de realisatie.`;
    case 'overheveling-boven-limiet':
      return `${waar}: ${bedrag} meer overgeheveld naar ${(s.jaar ?? 0) + 1} dan de limiet toestaat${s.regel ? ` (${grondslagText(s.regel)})` : ''}. Dat deel telt niet als besteding van de regeling; het valt in de terugvordering.`;
    case 'limiet-onbekend':
      return `${waar}: ${bedrag} is niet besteed en geen bron noemt hoeveel naar ${(s.jaar ?? 0) + 1} mag. De terugvordering per jaar is daarom onbekend: stel de limiet in met --limiet (bijvoorbeeld 0 als niets mag) en leg de keuze vast.`;
    case 'na-einde':
      return `${waar}: ${bedrag} besteed na het laatste jaar van de regeling. Dat valt buiten de regeling: boek het op een andere dekking.`;
    case 'h35b-verschil':
      return `${waar}: de medeoverheden besteedden ${formatEuro(Math.abs(s.bedrag) as Euro)} ${s.bedrag >= 0 ? 'minder' : 'meer'} dan de mandaatgemeente doorbetaalde (SiSa H35B). Vraag de verantwoording van de medeoverheden op; wat niet besteed is, gaat terug.`;
    case 'geen-realisatie':
      return s.jaar === undefined
        ? `${s.regeling}: geen realisatie ingevuld, terwijl de regeling ${bedrag} toekent. Vul de bestede bedragen in.`
        : `${waar}: geen realisatie, terwijl de regeling dat jaar ${bedrag} toekende. Vul de besteding in (0 als er niets is uitgegeven).`;
    case 'zonder-onderdeel':
      return `${waar}: ${bedrag} besteed zonder onderdeel, terwijl dat jaar per onderdeel wordt verantwoord. Vul het onderdeel (1–15) in.`;
    case 'uitvoerder-onbekend': {
      const rijen = s.rijen ?? [];
      const eerste = rijen[0];
      return `${s.regeling}: ${rijen.length} ${rijen.length === 1 ? 'rij' : 'rijen'} realisatie (samen ${bedrag}) met spaties voor of na de Uitvoerder${eerste ? ` (rij ${eerste.rij}: "${eerste.uitvoerder}")` : ''}; die besteding telt als eigen uitvoering (H35). Haal de spaties weg; een medeoverheid (H35B) noemt u met haar naam of CBS-code.`;
    }
    case 'doorbetaling-ontbreekt':
      return `${waar}: niets doorbetaald aan of besteed door de medeoverheden ingevuld, terwijl de Regioverdeling ${bedrag} voor de ledengemeenten plant. Niet als € 0 geteld: vul per ledengemeente in wat is doorbetaald (blad Verantwoording, H35B; of een begrotingsregel met de ledengemeente als Uitvoerder) en haar besteding. Tot dan is de verwachte terugvordering onbekend.`;
    case 'terugvordering':
      return `${s.regeling}: verwachte terugvordering bij de eindafrekening ${bedrag} (cumulatief: beschikking min besteding over de looptijd). Neem het onbestede deel op als vooruit ontvangen bedrag (BBV art. 49 b) en niet als baat.`;
  }
}
