import type {
  AmountRule,
  Check,
  EditionWarning,
  OpenPost,
  Euro,
  InputFailure,
  UserInputKind,
  Warning,
} from '../domain';
import type { Weergave } from './begroting.nl';

/**
 * The Dutch message catalogue for domain facts: input failures and data warnings. Each text names
 * the row and the fix. Switches are exhaustive: a new kind does not compile until it has a text.
 */

const nf = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 4 });
export function formatEuro(value: number): string {
  return `€ ${new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 0 }).format(value)}`;
}
export function formatMln(value: Euro | number): string {
  return `${new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value / 1_000_000)} mln`;
}

const MONTHS = [
  'januari',
  'februari',
  'maart',
  'april',
  'mei',
  'juni',
  'juli',
  'augustus',
  'september',
  'oktober',
  'november',
  'december',
];

/** "2025-09-12" → "12 september 2025"; text that is no ISO date is returned unchanged. */
export function formatDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso.trim());
  const month = m ? MONTHS[Number(m[2]) - 1] : undefined;
  return m && month ? `${Number(m[3])} ${month} ${m[1]}` : iso;
}

/**
 * A source text as a reader of the workbook sees it: ISO dates written out in Dutch ("t/m" as "tot en
 * met"), and no paths of project files (they stay in data/SOURCES.md).
 */
export function readerText(text: string): string {
  return text
    .replace(/\d{4}-\d{2}-\d{2}/g, (d) => formatDate(d))
    .replace(/ t\/m /g, ' tot en met ')
    .replace(/\s*\(zie data\/SOURCES\.md\)/g, ' (zie de bronbeschrijving van het project)')
    .replace(/\bdata\/[\w./-]+/g, 'de bronbeschrijving van het project');
}

function list(items: readonly string[], max = 5): string {
  const shown = items.slice(0, max).join(', ');
  return items.length > max ? `${shown} en ${items.length - max} andere` : shown;
}

/** What a header must name, per kind of user file. */
const HEADER: Record<UserInputKind, string> = {
  sleutel: 'de kolommen gemeentecode en gewicht (of aandeel)',
  beschikking: 'de kolommen gemeentecode, onderdeel_nr, jaar en bedrag_eur',
  regioverdeling: 'de kolommen gemeentecode en gewicht, en/of activiteit en bedrag_eur',
  begroting:
    'de kolommen van de tabel Begroting: Regeling;Onderdeel;Activiteit;Taakveld;Uitvoerder;Aard lasten;2023;2024;2025;2026;2027;2028;2029;Andere dekking;Opmerking',
  'beschikking-regels':
    'de kolommen regeling, onderdeel, jaar en bedrag_eur (of gemeentecode, onderdeel_nr, jaar en bedrag_eur)',
};

/**
 * What a header must name: the columns the reader expects when it knows them (the Begroting's
 * follow the edition's years, e.g. 2023–2030 for vws-2026-04), else the fixed text per kind.
 */
function header(input: UserInputKind, expected: readonly string[] | undefined): string {
  if (input === 'begroting' && expected !== undefined && expected.length > 0)
    return `de kolommen van de tabel Begroting: ${expected.join(';')}`;
  return HEADER[input];
}

/** What one row of a user file is, per kind (for an empty file). */
const ROW: Record<UserInputKind, string> = {
  sleutel: 'één rij per gemeente',
  beschikking: 'één rij per gemeente, onderdeel en jaar',
  begroting: 'één rij per activiteit',
  regioverdeling: 'één rij per ledengemeente of activiteit',
  'beschikking-regels': 'één rij per regeling (of onderdeel) en jaar',
};

/** Where a column belongs, per kind of user file. */
const FILE: Record<UserInputKind, string> = {
  sleutel: 'een verdeelsleutel',
  beschikking: 'een beschikking',
  begroting: 'de tabel Begroting',
  regioverdeling: 'een regioverdeling',
  'beschikking-regels': 'een beschikking',
};

/** A user's text in a message: at most 40 characters. */
function quoteShort(text: string): string {
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

const DELIMITER: Record<string, string> = { ';': 'puntkomma (;)', ',': 'komma (,)', '\t': 'tab' };

/** "942.1" → "942,1": a reading as Dutch text, without separators between thousands. */
function decimal(plain: string): string {
  return plain.replace('.', ',');
}

/**
 * A reading ("942.1", "1.234", "942100") as the user can write it so it is read one way only: Dutch
 * ("942,1"), or with a decimal point in a comma file (`point`: a decimal comma would split the field);
 * exactly three decimals get a fourth zero ("1,2340"), as "1,234" and "1.234" each have two readings.
 */
function unambiguous(plain: string, point: boolean): string {
  const written = /\.\d{3}$/.test(plain) ? `${plain}0` : plain;
  return point ? written : decimal(written);
}

/**
 * Where the gemeenten's CBS codes are listed, per weergave: the werkmap's sheet Verdeelsleutel, or on
 * the command line (no sheet there) the gemeentecode column of `allocaties`, which lists every gemeente.
 */
const CBS_CODES: Record<Weergave, string> = {
  werkmap: 'zie kolom A van het blad Verdeelsleutel',
  cli: "zie de kolom gemeentecode van 'spuk-begroting allocaties'",
};

/** An input failure's text as the werkmap and its task pane show it (`cliFailureText`: the command line). */
export function failureText(f: InputFailure): string {
  return inputFailureText(f, 'werkmap');
}

/** An input failure's text on the command line: where a text points to a sheet, it names a command instead. */
export function cliFailureText(f: InputFailure): string {
  return inputFailureText(f, 'cli');
}

function inputFailureText(f: InputFailure, weergave: Weergave): string {
  switch (f.kind) {
    case 'UnknownCbsCode':
      return `Rij ${f.row}: de CBS-code "${f.code}" bestaat niet in de gemeentelijke indeling 2025. Gebruik de vorm GM0363 (${CBS_CODES[weergave]}).`;
    case 'DuplicateCbsCode':
      return `Rij ${f.row}: de CBS-code ${f.code} staat al op rij ${f.firstRow}. Laat elke gemeente één keer voorkomen.`;
    case 'NotANumber':
      return f.column === 'bedrag_eur' || /^(Prognose )?20\d\d$/.test(f.column)
        ? `Rij ${f.row}: "${f.text}" in kolom ${f.column} is geen bedrag. Typ een bedrag in hele euro's, zonder tekst of scheidingsteken voor duizendtallen, bijvoorbeeld 150000.`
        : `Rij ${f.row}: "${f.text}" in kolom ${f.column} is geen getal. Typ een getal zonder tekst of eenheid, bijvoorbeeld 12500 of ${
            // A comma file: a decimal comma would split the field, a decimal point reads as one number there.
            f.delimiter === ',' ? '0.0125 (in dit bestand scheidt de komma de velden)' : '0,0125'
          }.`;
    case 'NegativeWeight':
      return `Rij ${f.row}: het gewicht ${f.text} is negatief. Gebruik 0 of een positief getal.`;
    case 'TooManyDecimals':
      return `Rij ${f.row}: "${f.text}" heeft meer dan ${f.max} decimalen. Rond af op ${f.max} decimalen of vermenigvuldig alle gewichten met hetzelfde getal.`;
    case 'MissingGemeenten':
      return `Deze gemeenten ontbreken in de sleutel: ${list(f.codes)}. Voeg ze toe, met gewicht 0 als ze niets krijgen.`;
    case 'AllWeightsZero':
      return 'Alle gewichten zijn 0, dus er valt niets te verdelen. Geef minstens één gemeente een gewicht groter dan 0.';
    case 'SharesDoNotAddUp':
      return `De aandelen tellen op tot ${f.sumText.replace('.', ',')} in plaats van 1 (100%). Corrigeer de aandelen, of gebruik de kolom "gewicht" als het vrije gewichten zijn.`;
    case 'WeightsTooLarge':
      return f.decimals > 0
        ? `Rij ${f.row} (${f.code}): met ${f.decimals} decimalen worden de gewichten te groot om tot op de euro exact te rekenen. Rond alle getallen af op ${f.fitsDecimals === undefined ? 'minder' : f.fitsDecimals} decimalen.`
        : `Rij ${f.row} (${f.code}): het gewicht is te groot om tot op de euro exact te rekenen. Deel alle gewichten door hetzelfde getal (bijvoorbeeld 1000).`;
    case 'MissingColumn':
      return `De kolom "${f.column}" ontbreekt. Gevonden kolommen: ${list(f.found.map((c) => (c === '' ? '(leeg)' : c)))}. Zet een kopregel met ${header(f.input, f.expected)}.`;
    case 'MissingHeader':
      return `De kopregel ontbreekt: de eerste rij begint met "${f.firstCell}". Zet bovenaan een regel met ${header(f.input, f.expected)}.`;
    case 'NotText':
      return f.looksLike === 'xlsx'
        ? 'Dit is een Excel-werkmap, geen tekstbestand. Sla haar in Excel op als "CSV (gescheiden door lijstscheidingsteken)" en kies dat bestand.'
        : 'Dit is geen tekstbestand. Kies een CSV-bestand (in Excel: Opslaan als "CSV (gescheiden door lijstscheidingsteken)").';
    case 'UnclosedQuote':
      return `Rij ${f.row}: een aanhalingsteken (") wordt niet gesloten, zodat de rest van het bestand één veld zou worden. Sluit het aanhalingsteken of verwijder het.`;
    case 'MisplacedQuote':
      return `Rij ${f.row}: na een afsluitend aanhalingsteken (") staat nog tekst in hetzelfde veld. Verwijder het aanhalingsteken, of zet het hele veld tussen aanhalingstekens en verdubbel de aanhalingstekens erin ("").`;
    case 'FieldCount':
      return f.found > f.expected
        ? `Rij ${f.row} heeft ${f.found} velden, de kopregel ${f.expected}. ${f.delimiter === '\t' ? 'Staat er een tab in een veld?' : `Staat er een ${DELIMITER[f.delimiter] ?? f.delimiter} in een getal, zoals 150${f.delimiter}000? Schrijf getallen zonder scheidingsteken voor duizendtallen, of zet het veld tussen aanhalingstekens.`}`
        : `Rij ${f.row} heeft ${f.found} ${f.found === 1 ? 'veld' : 'velden'}, de kopregel ${f.expected}. Vul de ontbrekende velden aan, gescheiden door een ${DELIMITER[f.delimiter] ?? f.delimiter} zoals in de kopregel, of verwijder de rij.`;
    case 'AmbiguousNumber':
      return `Rij ${f.row}: "${f.text}" in kolom ${f.column} kan ${decimal(f.nl)} zijn (Nederlandse notatie: punt tussen duizendtallen, komma voor decimalen) of ${decimal(f.en)} (Engelse notatie: komma tussen duizendtallen, punt voor decimalen). Schrijf ${f.others > 0 ? `dit getal en de ${f.others} andere in deze kolom die zo op twee manieren te lezen zijn` : 'het getal'} zonder scheidingsteken voor duizendtallen${
        // A comma file: a decimal comma would split the field, a decimal point reads as one number there.
        f.delimiter === ','
          ? ' en met een punt voor decimalen (in dit bestand scheidt de komma de velden)'
          : ''
      }: ${unambiguous(f.nl, f.delimiter === ',')} of ${unambiguous(f.en, f.delimiter === ',')}.`;
    case 'MixedNotation':
      return `Kolom ${f.column} mengt twee notaties: rij ${f.nlRow} ("${f.nlText}") is Nederlands (komma voor decimalen), rij ${f.enRow} ("${f.enText}") Engels (punt voor decimalen). Gebruik in de hele kolom één notatie, het liefst zonder scheidingsteken voor duizendtallen.`;
    case 'NegativeAmount':
      if (f.column !== undefined)
        return `Rij ${f.row}: het bedrag ${f.text} in kolom ${f.column} is negatief. Lasten zijn 0 of meer: laat het veld leeg of zet 0.`;
      return `Rij ${f.row}: het bedrag ${f.text} is negatief. Een beschikking kent alleen bedragen van 0 of meer.`;
    case 'CentsInAmount':
      if (f.column !== undefined)
        return `Rij ${f.row}: het bedrag "${f.text}" in kolom ${f.column} heeft centen. De begroting rekent in hele euro's: rond af op hele euro's, zonder decimalen.`;
      return `Rij ${f.row}: het bedrag "${f.text}" heeft centen. Bedragen in een beschikking zijn hele euro's: rond af op hele euro's, zonder decimalen.`;
    case 'AmountTooLarge':
      return `Rij ${f.row}: het bedrag "${f.text}" is groter dan ${formatEuro(f.max)} en kan niet kloppen. Controleer het bedrag (een cijfer te veel?).`;
    case 'DuplicateBeschikking':
      return `Rij ${f.row}: ${f.code}, onderdeel ${f.nr}, ${f.period} staat al op rij ${f.firstRow}. Geef elke combinatie van gemeente, onderdeel en jaar één keer (tel bedragen uit meerdere beschikkingen zelf op).`;
    case 'EmptyInput':
      return weergave === 'cli'
        ? `Het bestand is leeg. Geef een bestand met een kopregel en ${ROW[f.input ?? 'sleutel']}.`
        : `De invoer is leeg. Plak of kies een bestand met een kopregel en ${ROW[f.input ?? 'sleutel']}.`;
    case 'UnknownGemeente':
      return f.suggestions.length > 0
        ? `"${f.text}" wijst niet precies één gemeente aan. Bedoelt u: ${f.suggestions.join(', ')}? Geef de volledige naam of de CBS-code.`
        : `Gemeente "${f.text}" niet gevonden. Gebruik een CBS-code (bijvoorbeeld GM0034) of de naam van een gemeente uit de indeling 2025.`;
    case 'UnknownKey':
      return `Onbekende verdeelsleutel "${f.text}". Kies uit: ${f.known.join(', ')}.`;
    case 'UnknownRegio':
      return `Rij ${f.row}: de regio "${f.regio}" staat niet in Bijlage 2B. Kies een van de 42 SPUK IZA-regio's.`;
    case 'UnknownPeriod':
      return `Rij ${f.row}: "${f.text}" is geen jaar van een editie. Gebruik een jaar van ${f.years?.[0] ?? 2023} tot en met ${f.years?.[f.years.length - 1] ?? 2029}, bijvoorbeeld 2025.`;
    case 'UnknownLine':
      if (f.editie !== undefined && f.known !== undefined)
        return `Rij ${f.row}: onderdeel "${f.text}" bestaat niet in editie ${f.editie} of wordt niet aan een gemeente betaald. Gebruik een van ${numberList(f.known)}, of kies ${weergave === 'cli' ? 'met --editie ' : ''}de editie van uw beschikking.`;
      return `Rij ${f.row}: "${f.text}" is geen onderdeelnummer dat een gemeente ontvangt. Gebruik 1 tot en met 15 (Brede SPUK), 16 (SPUK IZA), 17 (SPUK AZWA lokaal) of 18 (SPUK AZWA regionaal).`;
    case 'UnknownEdition':
      return `Onbekende editie "${f.text}". Kies uit: ${f.known.join(', ')} (zie 'spuk-begroting edities').`;
    case 'DuplicateColumn':
      return `De kolom "${f.column}" staat twee keer in de kopregel. Laat elke kolom één keer voorkomen.`;
    case 'UnknownColumn':
      return `De kolom "${quoteShort(f.column)}" hoort niet in ${FILE[f.input]}. Verwacht: ${f.expected.join(', ')}. Controleer de spelling, of verwijder de kolom.`;
    case 'UnknownRegeling':
      return f.text === ''
        ? `Rij ${f.row}: de regeling is leeg. Kies uit: ${f.known.join(', ')}.`
        : `Rij ${f.row}: "${quoteShort(f.text)}" is geen regeling. Kies uit: ${f.known.join(', ')} (hoofdletters maken niet uit).`;
    case 'UnknownOnderdeel':
      return `Rij ${f.row}: "${quoteShort(f.text)}" is geen onderdeel van de Brede SPUK. Gebruik een nummer van 1 tot en met 15, of laat het onderdeel leeg.`;
    case 'OnderdeelNotBredeSpuk':
      return `Rij ${f.row}: de ${f.regeling} heeft geen onderdelen, maar er staat onderdeel "${quoteShort(f.text)}". Laat het onderdeel leeg: alleen de Brede SPUK kent de onderdelen 1–15.`;
    case 'InvalidTaakveld':
      return `Rij ${f.row}: "${quoteShort(f.text)}" is geen Iv3-taakveld. Schrijf de code met een punt, zoals 6.1, 6.71 of 0.10, of laat het taakveld leeg (dan geldt het standaardtaakveld van het onderdeel).`;
    case 'UnknownAard':
      return `Rij ${f.row}: "${quoteShort(f.text)}" is geen aard van lasten. Kies structureel of incidenteel (leeg mag, maar geeft een signaal).`;
    case 'MissingActiviteit':
      return `Rij ${f.row}: de activiteit is leeg. Geef elke rij een korte naam van de activiteit.`;
    case 'FormulaText':
      return `Rij ${f.row}: de tekst in kolom ${f.column} begint met "=" ("${quoteShort(f.text)}") en zou in Excel een formule worden. Verwijder het =-teken aan het begin.`;
    case 'TextTooLong':
      return `Rij ${f.row}: de tekst in kolom ${f.column} is ${f.length} tekens lang; een Excel-cel houdt er hoogstens ${f.max}. Kort de tekst in.`;
    case 'DuplicateBegrotingRegel':
      return `Rij ${f.row}: ${f.regeling}${f.onderdeel === '' ? '' : `, onderdeel ${f.onderdeel}`}, activiteit "${quoteShort(f.activiteit)}"${f.uitvoerder === '' ? '' : `, uitvoerder "${quoteShort(f.uitvoerder)}"`} staat al op rij ${f.firstRow}. Tel de bedragen op in één rij, of maak de activiteit of de uitvoerder verschillend.`;
    case 'TooManyRows':
      return `De begroting heeft ${f.count} rijen; de tabel Begroting toetst er hoogstens ${f.max}. Voeg activiteiten samen of splits de begroting.`;
    case 'RegelingNotInYear':
      return `Rij ${f.row}: de ${f.regeling} bestaat niet in ${f.jaar}, alleen ${f.from}–${f.to}. Controleer het jaar of de regeling.`;
    case 'DuplicateBeschikkingRegel':
      return `Rij ${f.row}: ${f.regeling}, ${f.onderdeel === '' ? 'totaal' : `onderdeel ${f.onderdeel}`}, ${f.jaar} staat al op rij ${f.firstRow}. Geef elke combinatie van regeling, onderdeel en jaar één keer (tel bedragen uit meerdere beschikkingen zelf op).`;
    case 'BadBeschikkingsdatum':
      return `Rij ${f.row}: de beschikkingsdatum "${quoteShort(f.text)}" is geen datum. Schrijf de datum als dd-mm-jjjj (bijvoorbeeld 15-03-2025) of jjjj-mm-dd (2025-03-15), of laat de cel leeg.`;
    case 'ConflictingBeschikkingKenmerk':
      return `Rij ${f.row}: ${f.column === 'beschikkingsnummer' ? 'het' : 'de'} ${f.column} van de ${f.regeling} is hier "${quoteShort(f.text)}", maar op rij ${f.firstRow} "${quoteShort(f.first)}". Eén beschikking per regeling: geef overal hetzelfde, of laat de cel leeg op de andere rijen.`;
    case 'OtherGemeente':
      return `Rij ${f.row}: deze rij is van ${f.code}, maar de gekozen gemeente is ${f.chosen}. Laat alleen de rijen van ${f.chosen} staan, of kies gemeente ${f.code}.`;
    case 'RegionaalVoorLid':
      return `Rij ${f.row}: de ${f.regeling} wordt per IZA-regio aan de mandaatgemeente betaald, en ${f.gemeente} is geen mandaatgemeente. Staat deze rij in de beschikking van uw mandaatgemeente, laat hem dan weg; wat de mandaatgemeente u doorgeeft, vult u in als "ontvangen van de mandaatgemeente" (${weergave === 'cli' ? 'met --van-mandaatgemeente' : 'blad Beschikking'}).`;
    case 'BeschikkingNeedsGemeente':
      return 'De beschikking noemt een gemeentecode, maar er is geen gemeente gekozen. Kies eerst de gemeente van de beschikking.';
    case 'HeaderNotFirst': {
      const [a, b] = f.above;
      const rows = a === b ? `rij ${a}` : `rij ${a} tot en met ${b}`;
      return `De kopregel van ${FILE[f.input]} staat op rij ${f.headerRow}, niet bovenaan: ${rows} ${a === b ? 'staat' : 'staan'} erboven. Verwijder ${rows}${f.input === 'begroting' ? ' (of zet die rijen onder de kopregel als het activiteiten zijn)' : ''} en lees het bestand opnieuw in.`;
    }
    case 'TwoRowHeader':
      return `De kopregel staat op twee rijen: rij ${f.first} en rij ${f.second} (met ${f.columns.join(', ')}). Zet alle kolomnamen op één rij: ${f.expected.join(';')}, en verwijder de andere rij.`;
    case 'UnknownGridKey':
      return `Rij ${f.row}: "${quoteShort(f.text)}" is geen sleutel van het blad Beschikking. Gebruik de rijen van dat blad zoals ze zijn (${f.known.join(', ')}), of plak de beschikking als regeling, onderdeel, jaar en bedrag_eur.`;
  }
}

export function warningText(w: Warning): string {
  switch (w.kind) {
    case 'StructuralTotalBlank':
      return `De bron laat het structurele totaal "${w.label}" leeg; berekend uit de regels: ${formatMln(w.berekend)}.`;
    case 'RatioAnomaly':
      return `Bijlage 2B: de verhouding 2026/2025 van ${w.regio} is ${nf.format(w.ratio)}, bij de meeste regio's ${nf.format(w.modal)}. Mogelijk een fout in de bron (bij Noordoost Brabant en Noord-Holland Noord lijken de 2025-bedragen verwisseld); gepubliceerde waarden ongewijzigd overgenomen. Controleer in de beschikking.`;
    case 'FloorAmounts':
      return `Bijlage 2A: bij ${w.gemeenten.length} gemeenten (${list(w.gemeenten, 6)}) wijkt 2026/2025 af van ${nf.format(w.modal)}; dit wijst op een bodembedrag in de officiële sleutel.`;
    case 'DerivedMembership':
      return `De indeling van gemeenten is afgeleid (niet officieel) voor ${w.regios.length} van de SPUK IZA-regio's: ${list(w.regios, 8)}. Vervang haar door bijlage 1 van de Regeling SPUK IZA-doelen zodra die beschikbaar is.`;
    case 'UnknownMembership':
      return `Geen ledengemeenten bekend voor: ${list(w.regios)}. Vul de indeling aan op het blad IZA.`;
    case 'IzaBelowNational':
      return `SPUK IZA ${w.jaar}: Bijlage 2B telt op tot ${formatEuro(w.gepubliceerd)}, het landelijke IZA-bedrag in GALA is ${formatEuro(w.landelijk)}. De bronnen verklaren het verschil niet volledig (DUS-I noemt afdracht aan het btw-compensatiefonds en een uitvoeringsreservering; 2026: mutaties Bijlage 1). Begroot met de beschikking.`;
    case 'MutatiesGap':
      return `Brede SPUK 2026: GALA ${formatMln(w.gala2026)} plus mutaties Bijlage 1 (${formatMln(w.mutaties)}) = ${formatMln(w.gala2026 + w.mutaties)}, terwijl Bijlage 2A optelt tot ${formatMln(w.bijlage2A2026)}; het verschil past bij de loon- en prijsbijstelling (indicatief).`;
  }
}

export function checkStatusText(c: Pick<Check, 'status'>): string {
  switch (c.status) {
    case 'ok':
      return 'OK';
    case 'verschil':
      return 'VERSCHIL';
    case 'bron leeg':
      return 'BRON LEEG';
  }
}

/**
 * The years of an open post in Dutch: "2027–2029", or for a post whose source names no end
 * (`zonderEinde`: "vanaf 2027") "vanaf 2027 (geen einde in de bron; hier t/m 2030, het laatste jaar van de editie)".
 */
export function openPostJaren(p: OpenPost): string {
  return p.zonderEinde
    ? `vanaf ${p.vanJaar} (geen einde in de bron; hier t/m ${p.totEnMetJaar}, het laatste jaar van de editie)`
    : `${p.vanJaar}–${p.totEnMetJaar}`;
}

/** Dutch text for an edition's warnings (the base data's warnings included). */
export function editionWarningText(w: EditionWarning): string {
  switch (w.kind) {
    case 'OpenPost':
      return `Open post ${openPostJaren(w.post)}: ${w.post.onderwerp} (onderdeel ${w.post.nrs.join(' en ')}). ${w.post.toelichting}${w.post.landelijk === undefined ? '' : ` Landelijk: ${formatMln(w.post.landelijk)} per jaar.`} Bron: ${w.post.bron}.`;
    case 'FloorNotInAzwa':
      return `SPUK AZWA lokaal ${w.jaar}: de verdeling naar rato van de Brede SPUK-sleutel geeft ${list(w.gemeenten, 6)} minder dan hun bodembedrag in 2026; of de SPUK AZWA een bodembedrag kent, is nog niet bekend (open post).`;
    case 'AlternativeReading': {
      const l = w.lezing;
      return `${l.onderwerp} (onderdeel ${l.nr}): GALA noemt ${formatMln(w.gala)} per jaar, ${l.wie} ${formatMln(l.bedrag)}${l.toelichting === '' ? '' : ` ${l.toelichting}`}. Het model volgt GALA; controleer met de beschikking.`;
    }
    default:
      return warningText(w);
  }
}

/** How an amount was made, in one Dutch sentence per rule (shown next to `afgeleid` and `geschat` amounts). */
export function ruleText(rule: AmountRule | 'beschikking'): string {
  switch (rule) {
    case 'gala-tabel':
      return 'GALA-tabel (prijspeil 2023) landelijk; per gemeente geschat met de verdeelsleutel; IZA per regio = som van de ledengemeenten.';
    case 'gala-structureel':
      return 'Het structurele niveau dat het Rijk in GALA na 2026 wilde voortzetten; geen regeling: volgens het BBV niet te begroten.';
    case 'gala-plus-lpo':
      return 'GALA plus de loon- en prijsbijstelling 2024 (Σ Bijlage 2A 2025 − GALA 2025 − eenmalige mutaties 2025), naar rato van GALA; per gemeente geschat met de verdeelsleutel.';
    case 'bijlage-2a':
      return 'Totaal per gemeente uit Bijlage 2A (gepubliceerd), verdeeld over de onderdelen met de landelijke samenstelling van het jaar (GALA + loon- en prijsbijstelling + mutaties Bijlage 1; korting naar rato).';
    case 'bijlage-2b':
      return 'Bedrag per SPUK IZA-regio uit Bijlage 2B, betaald aan de mandaatgemeente.';
    case 'bijlage-2b-2025':
      return 'Regio’s ontvingen in 2023 en 2024 hetzelfde bedrag als in 2025 (Bijlage 2B 2025).';
    case 'azwa-raming':
      return 'Landelijke raming SPUK AZWA (brief 22-04-2026); lokaal per gemeente met de Brede SPUK-sleutel, regionaal per regio met de SPUK IZA-sleutel (Bijlage 2B 2026) naar de mandaatgemeente.';
    case 'tabel-per-gemeente':
      return 'Bedrag per gemeente uit de tabel van de editie (gepubliceerd); landelijk = de som over de gemeenten.';
    case 'beeindigd':
      return 'De regeling is geëindigd; wat doorloopt, valt onder een andere regeling of is een open post.';
    case 'beschikking':
      return 'Bedrag uit de eigen beschikking van de gemeente.';
  }
}

/** "1 tot en met 15, 16 en 17": runs of consecutive numbers joined in Dutch. */
function numberList(nrs: readonly number[]): string {
  const sorted = [...nrs].sort((a, b) => a - b);
  const runs: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === (sorted[j] ?? 0) + 1) j++;
    const a = sorted[i] ?? 0;
    const b = sorted[j] ?? 0;
    runs.push(j - i >= 2 ? `${a} tot en met ${b}` : j > i ? `${a}, ${b}` : String(a));
    i = j + 1;
  }
  return runs.length <= 1
    ? (runs[0] ?? '')
    : `${runs.slice(0, -1).join(', ')} en ${runs[runs.length - 1] ?? ''}`;
}
