import type { InputFailure, RegioFailure, RegioMethode } from '../domain';
import { failureText, formatEuro } from './nl';

/**
 * Dutch texts for the mandaatgemeente's split (src/domain/regio-verdeling.ts) and its input file
 * (src/data/regio-input.ts): each names the row when the value came from a file, and the fix. The
 * switch is exhaustive; the reader's shared failures (CSV shape, notation) go to `failureText`.
 */

const METHODE: Record<RegioMethode, string> = {
  aandeel: 'aandeel (naar het Brede SPUK-bedrag van elke ledengemeente)',
  gewichten: 'gewichten (eigen gewicht per ledengemeente)',
  vast: 'vast (vaste bedragen voor regionale activiteiten, de rest naar aandeel of gewichten)',
};

const at = (row: number | undefined): string => (row === undefined ? '' : `Rij ${row}: `);

function list(items: readonly string[], max = 8): string {
  const shown = items.slice(0, max).join(', ');
  return items.length > max ? `${shown} en ${items.length - max} andere` : shown;
}

export function regioFailureText(f: RegioFailure | InputFailure): string {
  switch (f.kind) {
    case 'RegioUnknown':
      return f.suggestions.length > 0
        ? `"${f.text}" wijst niet precies één SPUK IZA-regio aan. Bedoelt u: ${f.suggestions.join(', ')}? Geef de volledige naam zoals in Bijlage 2B.`
        : `SPUK IZA-regio "${f.text}" niet gevonden. Gebruik de naam uit Bijlage 2B (zie 'spuk-begroting iza'), bijvoorbeeld Flevoland of IJssel-Vecht, of geef --gemeente met de CBS-code van de mandaatgemeente.`;
    case 'RegioNotMandaat':
      return `${f.naam} (${f.code}) is geen mandaatgemeente van een SPUK IZA-regio. Geef de mandaatgemeente (zie 'spuk-begroting iza') of kies de regio met --regio.`;
    case 'RegioNoMembers':
      return `De regio ${f.regio} heeft geen ledengemeenten om aan te verdelen. Geef de leden op (gemeentecodes in het invoerbestand met methode gewichten).`;
    case 'RegioUnknownMember':
      return `${at(f.row)}de CBS-code "${f.code}" bestaat niet in de gemeentelijke indeling 2025. Gebruik de vorm GM0363.`;
    case 'RegioDuplicateMember':
      return `${at(f.row)}de gemeente ${f.code} staat er twee keer${f.firstRow === undefined ? '' : ` (ook op rij ${f.firstRow})`}. Geef elke ledengemeente één keer.`;
    case 'RegioNotAMember':
      return `${at(f.row)}${f.code} is geen lid van de regio ${f.regio}. Verwijder de rij, of controleer de regio: de indeling in regio's is afgeleid, niet officieel.`;
    case 'RegioMissingWeights':
      return `Deze ledengemeenten van ${f.regio} hebben geen gewicht: ${list(f.codes)}. Geef elke ledengemeente een gewicht, 0 als zij niets krijgt.`;
    case 'RegioBadWeight':
      return `${at(f.row)}het gewicht ${f.text} van ${f.code} is negatief of geen geheel getal. Gebruik 0 of een positief getal.`;
    case 'RegioZeroWeights':
      return `Alle gewichten in ${f.regio} zijn 0, dus er valt niets te verdelen. Geef minstens één ledengemeente een gewicht groter dan 0.`;
    case 'RegioWeightsTooLarge':
      return `De gewichten voor ${f.regio} zijn te groot om tot op de euro exact te rekenen. Deel alle gewichten door hetzelfde getal (bijvoorbeeld 1000).`;
    case 'RegioBadAmount':
      return f.reden === 'negatief'
        ? `${at(f.row)}het vaste bedrag ${f.text} voor "${f.activiteit}" is negatief. Gebruik een bedrag van 0 of meer.`
        : `${at(f.row)}het vaste bedrag "${f.text}" voor "${f.activiteit}" heeft centen. Gebruik hele euro's, zonder decimalen.`;
    case 'RegioDuplicateActivity':
      return `${at(f.row)}de activiteit "${f.activiteit}" staat er twee keer${f.firstRow === undefined ? '' : ` (ook op rij ${f.firstRow})`}. Tel de bedragen op in één rij, of geef de activiteiten verschillende namen.`;
    case 'RegioFixedExceeds':
      return `De vaste bedragen (${formatEuro(f.vast)}) zijn hoger dan wat ${f.regio} in ${f.jaar} ontvangt (${formatEuro(f.bedrag)}). Verlaag de vaste bedragen tot samen hoogstens ${formatEuro(f.bedrag)}.`;
    case 'RegioInputForMethod':
      return f.given === 'geen'
        ? f.methode === 'gewichten'
          ? 'Methode gewichten heeft een invoerbestand nodig met de kolommen gemeentecode en gewicht (--invoer BESTAND).'
          : 'Methode vast heeft een invoerbestand nodig met de kolommen activiteit en bedrag_eur (--invoer BESTAND).'
        : f.given === 'gewichten'
          ? `Het invoerbestand geeft gewichten, maar de methode is ${METHODE[f.methode]}. Kies --methode gewichten (of vast), of laat de gewichten weg.`
          : `Het invoerbestand geeft vaste bedragen, maar de methode is ${METHODE[f.methode]}. Kies --methode vast, of laat de vaste bedragen weg.`;
    case 'RegioRowKind':
      return f.both
        ? `Rij ${f.row}: de rij noemt een gemeente én een activiteit. Zet een gewicht voor een gemeente en een vast bedrag voor een activiteit op aparte rijen.`
        : `Rij ${f.row}: de rij noemt geen gemeente (gemeentecode) en geen activiteit. Vul er één in, of verwijder de rij.`;
    default:
      return failureText(f);
  }
}
