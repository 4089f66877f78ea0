import {
  DataFileError,
  defaultEditionId,
  defaultReferenceData,
  earlierEditions,
  editionInput,
  editionManifests,
  isEditionId,
  parseBegrotingCsv,
  parseBeschikkingCsv,
  parseBeschikkingRegelsCsv,
  parseRegioInvoerCsv,
  parseUserKeyCsv,
  registeredEditionFolders,
  resolveEdition as resolveEditionData,
  scenarioEditions,
} from '../data';
import type {
  BeschikkingAmount,
  EditionInput,
  Gemeente,
  InputFailure,
  IzaRegio,
  ReferenceData,
  RegioGewicht,
  RegioVastBedrag,
  BegrotingInvoer,
  BeschikkingRegel,
  RegionalePost,
  Scenario,
  Verdeelsleutel,
} from '../domain';
import {
  BEGROTING_REGELINGEN,
  begrotingMutaties,
  begrotingRegels,
  BUILT_IN_KEYS,
  builtInKey,
  customKey,
  DIFF_SIGNAL_PCT,
  eigenBeschikkingMogelijk,
  findGemeente,
  isBuiltInKey,
  membershipStatus,
  largestKeySplitAmount,
  legeBegroting,
  receivableLines,
  REGIONALE_POSTEN,
  resolveNational,
  resolveScenario,
  sisaCodeFor,
  splitReadings,
} from '../domain';
import {
  checkStatusText,
  cliFailureText,
  editionWarningText,
  formatEuro,
  mutatieExportRegels,
  mutatiesSamenvattingText,
  regioFailureText,
  ruleText,
  signaalText,
  verantwoordingSignaalText,
} from '../messages';
import { version as packageVersion } from '../../package.json';
import { planWorkbook, sheetPurposes, verschilCellen } from '../plan';
import type { SheetCondition, SheetKey, WorkbookPlan } from '../plan';
import { OPTIONS, parseArgs, UsageError } from './args';
import type { CsvVorm } from './csv-out';
import { CSV_KOMMA, CSV_KOMMA_HELP, CSV_SEPARATOR, csvKolommen, csvText, csvVorm } from './csv-out';
import { loadEditionFolder } from './editions-folder';
import type { CliIo } from './io';
import {
  H35B_GEPLAND,
  H35B_REALISATIE_COLUMNS,
  h35bColumns,
  h35bRealisatieRows,
  h35bRows,
  isRegioMethode,
  REGIOVERDELING_COLUMNS,
  regioSplits,
  regioverdelingRows,
  unknownSisa,
  regiosFor,
} from './regioverdeling';
import { regioOntvangers } from './ontvangers';
import { readRealisatie, runVerantwoording, verantwoordingHelp } from './verantwoording';
import { parseVanMandaatgemeente } from './van-mandaatgemeente';
import type { WerkmapProducer } from './werkmappen';
import { errorCode, LOCK_FILE, RUN_FILE, writeErrorReason } from './batch-folder';
import { folderProblem, INDEX_FILE, indexColumns, serialProducer, writeWerkmappen } from './werkmappen';

/**
 * The command line: Dutch verbs for analysts and tests. Exit codes: 0 success, 1 checks failed
 * (controle), 2 bad arguments or input. On failure nothing that looks like data goes to stdout.
 */

/**
 * What an option of werkboek does to a sheet, added to the plan's line for it (`SHEET_PURPOSE`) in
 * `werkboek --help`.
 */
const BLAD_OPTIE: Readonly<Partial<Record<SheetKey, string>>> = {
  begroting: '--begroting vult die',
  beschikking: '--beschikking vult die',
  realisatie: '--realisatie vult die',
  verschil: '--van kiest die',
};

/** When a sheet is in the werkmap, as the options of werkboek say it. */
const BLAD_CONDITIE: Readonly<Record<SheetCondition, string>> = {
  realisatie: 'alleen met --realisatie',
  gemeente: 'met --gemeente',
  vorige: 'vanaf de tweede editie',
};

/**
 * The sheets of a werkmap in the plan's order, [name, what it holds], from the plan's own list
 * (src/plan/sheet-purpose.ts, which the plan's build order is checked against); no plan is built.
 */
export function werkboekBladen(): [string, string][] {
  return sheetPurposes().map(({ key, name, purpose }) => {
    const optie = BLAD_OPTIE[key];
    const conditie = purpose.only === undefined ? '' : `${BLAD_CONDITIE[purpose.only]}: `;
    return [name, `${conditie}${purpose.holds}${optie === undefined ? '' : ` (${optie})`}`];
  });
}

function werkboekBladenText(): string {
  const bladen = werkboekBladen();
  const width = Math.max(...bladen.map(([naam]) => naam.length));
  const indent = ' '.repeat(width + 4);
  // Each explanation wrapped at the help's width, continuation lines under its first word.
  const wrap = (text: string): string => {
    const lines: string[] = [];
    for (const word of text.split(' ')) {
      const last = lines[lines.length - 1];
      if (last !== undefined && indent.length + last.length + 1 + word.length <= 104)
        lines[lines.length - 1] = `${last} ${word}`;
      else lines.push(word);
    }
    return lines.join(`\n${indent}`);
  };
  return bladen.map(([naam, uitleg]) => `  ${naam.padEnd(width)}  ${wrap(uitleg)}`).join('\n');
}

/**
 * The year axis of an edition (default: the default edition), read from the manifests alone (cheap
 * enough for --help): the union of `jaren` over its `vorige` chain, as resolveEdition makes it (src/data
 * editions.ts). Shape: `{ first, last, span: "2023–2030", columns: "2023;…;2030" }`.
 */
export function editieJaren(id: string = defaultEditionId()): {
  first: number;
  last: number;
  span: string;
  columns: string;
} {
  const manifests = new Map(editionManifests().map((m) => [m.id, m]));
  const years = new Set<number>();
  const seen = new Set<string>();
  for (
    let m = manifests.get(id);
    m !== undefined && !seen.has(m.id);
    m = m.vorige === null ? undefined : manifests.get(m.vorige)
  ) {
    seen.add(m.id);
    m.jaren.forEach((j) => years.add(j));
  }
  const sorted = [...years].sort((a, b) => a - b);
  const first = sorted[0] ?? 0;
  const last = sorted[sorted.length - 1] ?? 0;
  return { first, last, span: `${first}–${last}`, columns: `${first};…;${last}` };
}

/** The help of `--formaat csv|json` (and --csv-komma) on the commands that write records. */
const FORMAAT_CSV_JSON = `  --formaat csv|json     standaard: csv (Excel-NL: "${CSV_SEPARATOR['excel-nl']}" tussen de velden, decimale komma, BOM in een
                         bestand); json: een lijst van objecten met dezelfde namen
${CSV_KOMMA_HELP}`;

/** The columns of the planned H35B list (`regioverdeling --h35b`), one `bedrag_JAAR_eur` standing for each year. */
function h35bHelpColumns(): string[] {
  const columns = h35bColumns([]);
  return [...columns.slice(0, 2), 'bedrag_JAAR_eur', ...columns.slice(2)];
}

/**
 * Columns of the first and last year of a series (eigen_2023_eur, eigen_2030_eur) with "…" between them,
 * for the help: the names the CSV has, without every year.
 */
function yearsElided(columns: readonly string[]): string[] {
  const series = (c: string | undefined) => c?.replace(/\d{4}/, 'JAAR');
  return columns.flatMap((c, i) =>
    i > 0 && /\d{4}/.test(c) && series(columns[i - 1]) === series(c) ? ['…', c] : [c],
  );
}

/** The help texts by command ('' = the general help); the years are the default edition's (editieJaren). */
const HELP = (jaren = editieJaren()): Record<string, string> => ({
  verantwoording: verantwoordingHelp(),
  '': `spuk-begroting: Brede SPUK, SPUK IZA en SPUK AZWA per gemeente, met live Excel-formules.

Gebruik: spuk-begroting <opdracht> [opties]

Opdrachten:
  werkboek     schrijf de Excel-werkmap (.xlsx)
  allocaties   bedragen per gemeente × regeling × onderdeel × jaar ${jaren.span} (CSV of JSON)
  iza          SPUK IZA en SPUK AZWA regionaal per samenwerkingsregio, naar de mandaatgemeente
  controle     sluit de editie aan op de gepubliceerde bedragen, tot op de euro
  edities      de edities (standen van de brongegevens) met datum en omschrijving
  verschil     wat er veranderd is tussen twee edities, per regeling, onderdeel en jaar
  regioverdeling  hoe de mandaatgemeente het regiobedrag verdeelt over ledengemeenten en activiteiten (SiSa H35B)
  begroting    toets uw begroting (CSV) aan de plafonds en regels van de regelingen
  verantwoording  realisatie tegen begroting en beschikking, overheveling en verwachte terugvordering (SiSa)

Zie 'spuk-begroting <opdracht> --help' voor de opties; 'spuk-begroting --version' geeft de versie en
de edities.

CSV-uitvoer is zoals Excel met Nederlandse instellingen die opent: "${CSV_SEPARATOR['excel-nl']}" tussen de velden, decimalen met
een komma, en een BOM (UTF-8) als de uitvoer naar een bestand gaat (> uit.csv). --csv-komma geeft de
vorm van eerdere versies: komma's, een decimale punt, geen BOM; elke opdracht die CSV schrijft neemt die
optie.

Elke opdracht neemt ook --edities-map MAP: een editie-map buiten de meegeleverde (edition.json met de
CSV-bestanden die het manifest noemt, als data/<id>/<bestand>), te kiezen met --editie ID.
`,
  werkboek: `spuk-begroting werkboek [--editie ID] [--van ID] [--gemeente CODE|NAAM] [--sleutel SLEUTEL | --sleutel-bestand CSV]
                         [--beschikking CSV] [--begroting CSV] [--realisatie CSV [--limiet ...] [--schuifruimte ...]] [--uit BESTAND]
         spuk-begroting werkboek --alle --uit MAP [--editie ID] [--van ID] [--sleutel SLEUTEL | --sleutel-bestand CSV]
                         [--vervang]

Schrijft de werkmap (.xlsx, --uit) met de bladen, ${jaren.span}:
${werkboekBladenText()}
Alle bedragen zijn live formules; de werkmap werkt zonder add-in.

  --editie ID            standaard: de nieuwste (zie 'spuk-begroting edities')
  --van ID               het blad Wat is er veranderd vergelijkt met deze eerdere editie (standaard: de
                         editie waarop --editie voortbouwt), bijv. --van gala-2023 voor de stap van de
                         GALA-tabel naar Bijlage 2A; een latere of onbekende editie wordt geweigerd
  --gemeente CODE|NAAM   gemeente op het blad Overzicht (standaard: heel Nederland)
  --sleutel SLEUTEL      ${BUILT_IN_KEYS.join(' | ')} (standaard: spuk-2025)
  --sleutel-bestand CSV  eigen sleutel: kolommen gemeentecode en gewicht (of aandeel)
  --uit BESTAND          standaard: spuk-begroting.xlsx
  --beschikking CSV      de beschikking van de gemeente (vraagt --gemeente): regeling;onderdeel;jaar;bedrag_eur
                         (onderdeel leeg = totaal van de regeling), of het bestand van 'allocaties --beschikking';
                         optioneel beschikkingsnummer en beschikkingsdatum (dd-mm-jjjj of jjjj-mm-dd) per regeling
  --begroting CSV        de activiteiten voor de tabel Begroting, met de kolommen van die tabel
                         (zie 'spuk-begroting begroting --help')
  --van-mandaatgemeente JAAR=BEDRAG,...   met --begroting, voor een ledengemeente: wat de mandaatgemeente
                         doorgeeft (het blad Beschikking; zie 'spuk-begroting begroting --help')
  --realisatie CSV       wat besteed is (vraagt --gemeente): de kolommen van de tabel Begroting, zoals bij
                         'spuk-begroting verantwoording'; maakt het blad Verantwoording met die besteding
  --limiet REGELING:JAAR=PCT   met --realisatie: uw eigen limiet voor een overheveling die geen bron regelt
  --schuifruimte REGELING=PCT  met --realisatie: de schuifruimte die u in de terugvordering verrekent
                         (standaard 0: niet verrekend; geen bron regelt het), bijv. brede-spuk=15
  --alle                 één werkmap per gemeente in de map --uit MAP (die moet bestaan), elk geopend
                         op het eigen Overzicht, met de naam "CBS-code naam.xlsx" (bijv. "GM0034 Almere.xlsx"),
                         en ${INDEX_FILE} (CSV, Excel-NL) met de kolommen
                         ${csvKolommen(yearsElided(indexColumns([jaren.first, jaren.last])), { indent: ' '.repeat(25), first: 25 })}
                         (per jaar ${jaren.span} het eigen geld en wat de gemeente als mandaatgemeente
                         ontvangt; editie, sleutel en van van de run): een regel per gemeente, daarna een
                         regel per ontvanger die geen gemeente is (SamenTwente voor de regio Twente:
                         gemeentecode en bestand leeg, geen werkmap), zodat elke kolom optelt tot het
                         landelijke bedrag. Voortgang op stderr. Eén map = één run: een tweede
                         run in dezelfde map tegelijk wordt geweigerd (${LOCK_FILE}), net als een map met
                         werkmappen van een andere editie of sleutel; bij een volle schijf of een map
                         zonder schrijfrechten stopt de run zonder index; na Ctrl+C of een volle schijf
                         maakt dezelfde opdracht de map af (${RUN_FILE} noemt de run tot de index er is); exitcode 2 als er een werkmap ontbreekt
  --vervang              met --alle: vervang de werkmappen van een andere run in de map
  --csv-komma            met --alle: ${INDEX_FILE} met komma's en een decimale punt, zonder BOM (de vorm
                         van eerdere versies)
`,
  allocaties: `spuk-begroting allocaties [--editie ID] [--gemeente CODE|NAAM] [--sleutel SLEUTEL | --sleutel-bestand CSV]
                           [--beschikking CSV] [--formaat csv|json]

Schrijft naar stdout: CSV (standaard) of JSON; niets in een bestand (> allocaties.csv om te bewaren).
Eén regel per gemeente × onderdeel × jaar van de editie (${jaren.span} in ${defaultEditionId()}) dat de
gemeente ontvangt, met de kolommen
${csvKolommen(COLUMNS)}.
Onderdelen 1–15 Brede SPUK, 16 SPUK IZA, 17 SPUK AZWA lokaal, 18 SPUK AZWA regionaal. Regionaal geld
(16, 18) staat alleen bij de mandaatgemeente, die het hele regiobedrag ontvangt. Zonder --gemeente staat een ontvanger die geen gemeente is op een eigen regel, met
gemeentecode leeg en als gemeentenaam bijv. "SamenTwente (geen gemeente; mandaathouder regio Twente)":
zo is de som van bedrag_eur per onderdeel en jaar het landelijke bedrag (SPUK IZA = som Bijlage 2B).
structureel/incidenteel volgen de lezing van het Rijk. bron: beschikking, gepubliceerd,
afgeleid (met een vaste regel uit gepubliceerde cijfers), geschat (sleutel × landelijk bedrag) of
raming (SPUK AZWA: landelijke raming van 22-04-2026 × verdeelsleutel "vooralsnog", tot de beschikking);
open: geld dat de regeling verlaat zonder bekend bedrag (bedrag_eur leeg).
Zonder --gemeente: alle gemeenten.

  --editie ID            standaard: de nieuwste (zie 'spuk-begroting edities')
  --beschikking CSV      bedragen uit de eigen beschikking (gemeentecode;onderdeel_nr;jaar;bedrag_eur);
                         die gaan voor (bron: beschikking)
${FORMAAT_CSV_JSON}`,
  iza: `spuk-begroting iza [--editie ID] [--sleutel SLEUTEL | --sleutel-bestand CSV] [--formaat csv|json]

Schrijft naar stdout: CSV (standaard) of JSON.
Eén regel per SPUK IZA-regio × jaar van de editie met de kolommen
${csvKolommen(IZA_COLUMNS)}
(onderdeel 16 = SPUK IZA, 18 = SPUK AZWA regionaal).
bedrag_eur is wat de mandaatgemeente ontvangt: SPUK IZA tot en met 2026, SPUK AZWA regionaal vanaf
2027. schatting_eur is de som van de sleutelbedragen van de ledengemeenten (GALA bijlage 2), als
controle op de indeling; die indeling is afgeleid, niet officieel (kolom lidmaatschap: indeling bekend
of afgeleid).

${FORMAAT_CSV_JSON}`,
  controle: `spuk-begroting controle [--editie ID] [--formaat tekst|csv|json]

Schrijft naar stdout: de controles als tabel (tab tussen de kolommen), CSV of JSON (--formaat).
Sluit de editie aan op de gepubliceerde bedragen, tot op de euro: de GALA-totalen per hoofdthema,
Bijlage 2A per gemeente, Bijlage 2B per regio, de SPUK AZWA-raming en elke verdeling (som = landelijk).
Meldt bijzonderheden in de bronnen en open posten als waarschuwing.
Exitcode 0 als alles aansluit, 1 als er een verschil is.

  --editie ID            standaard: de nieuwste (zie 'spuk-begroting edities')
  --formaat FORMAAT      tekst (standaard): de tabel, de waarschuwingen en de conclusie;
                         csv: een regel per controle met de kolommen
                         ${csvKolommen(CONTROLE_COLUMNS, { indent: ' '.repeat(25), first: 25 })}
                         (de waarschuwingen en de conclusie op stderr);
                         json: de controles en de waarschuwingen (--json is hetzelfde)
${CSV_KOMMA_HELP}`,
  edities: `spuk-begroting edities [--formaat csv|json]

Schrijft naar stdout: CSV (standaard) of JSON.
De meegeleverde edities, oudste eerst (daarna die van --edities-map MAP), met de kolommen
${csvKolommen(EDITIE_COLUMNS)}. De nieuwste meegeleverde is de standaard. JSON geeft ook per
regeling en jaar de regel waarmee de bedragen zijn gemaakt.

${FORMAAT_CSV_JSON}`,
  begroting: `spuk-begroting begroting --invoer CSV [--gemeente CODE|NAAM] [--editie ID] [--beschikking CSV]
                          [--van-mandaatgemeente JAAR=BEDRAG,...]
                          [--sleutel SLEUTEL | --sleutel-bestand CSV] [--formaat tekst|csv|json|mutaties]

Schrijft naar stdout: het overzicht en de signalen (tekst), of CSV, JSON of de mutaties (--formaat).
Toetst de begroting aan de plafonds (de beschikking, anders de editie) en de regels: 15% schuiven
binnen een hoofdthema tot en met 2024, overheveling, de aard van de lasten en het BBV. Schrijft per
regeling en jaar het plafond (met de bron), de lasten, wat een mandaatgemeente volgens plan doorgeeft
aan de ledengemeenten (Regioverdeling) en het saldo, en daarna de signalen.
Exitcode 0 zonder signalen, 1 met signalen, 2 bij onjuiste invoer.

  --invoer CSV           de activiteiten, met de kolommen van de tabel Begroting:
                         Regeling;Onderdeel;Activiteit;Taakveld;Uitvoerder;Aard lasten;${jaren.columns};
                         Andere dekking;Opmerking (";", tab of ","; bedragen in hele euro's).
                         Regeling: ${BEGROTING_REGELINGEN.join(', ')}. Onderdeel 1–15 alleen bij
                         de Brede SPUK. Overheveling en vooruit ontvangen staan niet in dit bestand (0).
  --gemeente CODE|NAAM   de gemeente (standaard: heel Nederland, de som van alle gemeenten)
  --beschikking CSV      de beschikking van de gemeente (vraagt --gemeente), als bij werkboek
  --van-mandaatgemeente JAAR=BEDRAG,...
                         een ledengemeente van een SPUK IZA-regio (vraagt --gemeente): wat de
                         mandaatgemeente per jaar doorgeeft, in hele euro's (uit haar brief of
                         raadsbesluit), bijv. 2025=120000,2027=20000; tot en met 2026 SPUK IZA, daarna
                         SPUK AZWA regionaal. Een jaar dat er niet staat: het geplande aandeel
                         (Regioverdeling, methode aandeel). Niet voor de mandaatgemeente zelf.
  --editie ID            standaard: de nieuwste (zie 'spuk-begroting edities')
  --formaat FORMAAT      tekst (standaard): het overzicht en de signalen als tekst;
                         csv: ${csvKolommen(BEGROTING_COLUMNS)} (signalen op stderr);
                         json: dezelfde regels en de signalen (soort, regeling, jaar, bedrag_eur, tekst);
                         mutaties: de begroting zoals gemeenten die in hun eigen begroting zetten, per
                         taakveld: ${csvKolommen([...MUTATIE_COLUMNS, jaren.columns])}, bedragen × € 1.000
                         (+ = voordelig, − = nadelig), per activiteit een regel lasten en een regel baten
                         (de SPUK, incidenteel), per taakveld een regel baten "Niet gedekt door de
                         uitkering (eigen middelen)" (0 waar de uitkering de lasten dekt) en
                         per taakveld een totaal (0: budgettair neutraal; anders de eigen middelen)
${CSV_KOMMA_HELP}`,
  verschil: `spuk-begroting verschil [--van ID] [--naar ID] [--gemeente CODE|NAAM] [--sleutel SLEUTEL] [--formaat csv|json]

Schrijft naar stdout: CSV (standaard) of JSON; op stderr welke edities vergeleken zijn.
Wat er veranderd is van editie --van naar editie --naar (standaard: de nieuwste en de editie
ervoor), per regeling, onderdeel en jaar ${jaren.span}, met het totaal per regeling. De kolommen
${csvKolommen(VERSCHIL_COLUMNS)}; signaal = ja
bij meer dan ${DIFF_SIGNAL_PCT}% verschil. Met --gemeente: wat die gemeente ontvangt; anders landelijk.
regeling is de post op de begroting: SPUK AZWA lokaal (eigen geld) en SPUK AZWA regionaal (wat de
mandaatgemeente ontvangt en doorgeeft) staan apart, elk met onderdeel_nr totaal. Als laatste per jaar
de regel "Eigen geld (netto)" (onderdeel_nr netto): het eigen geld van de gemeente (Brede SPUK, SPUK
AZWA lokaal) in beide edities en het verschil; landelijk de som over alle gemeenten.

${FORMAAT_CSV_JSON}`,
  regioverdeling: `spuk-begroting regioverdeling --regio NAAM | --gemeente CODE|NAAM [--jaar JAAR]
                               [--methode aandeel|gewichten|vast] [--invoer CSV] [--editie ID]
                               [--formaat csv|json] [--h35b]
         spuk-begroting regioverdeling --gemeente CODE|NAAM --h35b --realisatie CSV [--begroting CSV]
                               [--jaar JAAR] [--editie ID] [--formaat csv|json]

Schrijft naar stdout: CSV (standaard) of JSON; op stderr een melding waar de SiSa-code onbekend is.
Hoe de mandaatgemeente het bedrag van haar SPUK IZA-regio (onderdeel 16, 2023–2026; SPUK AZWA
regionaal, onderdeel 18, 2027–2029) doorgeeft aan de ledengemeenten en aan regionale activiteiten,
tot op de euro (grootste-restmethode; de afronding staat per regel). Eén regel per regio × jaar ×
deel, met de kolommen
${csvKolommen(REGIOVERDELING_COLUMNS)}.
bedrag_eur = omlaag_eur + correctie_eur; de som per regio en jaar is regiobedrag_eur.
sisa: de SiSa-code die de editie noemt (SPUK IZA: H35B = doorgegeven aan een medeoverheid, H35 = eigen
uitvoering); leeg waar geen bron de code noemt (SPUK AZWA), met een melding.

  --regio NAAM           de regio zoals in Bijlage 2B (bijv. Flevoland, IJssel-Vecht)
  --gemeente CODE|NAAM   of: de mandaatgemeente (bijv. Zwolle, GM0034)
  --jaar JAAR            2023–2029 (standaard: alle jaren)
  --methode METHODE      aandeel (standaard): naar het eigen Brede SPUK-bedrag van elke ledengemeente
                         in dat jaar (2027–2029: SPUK AZWA lokaal); gewichten: eigen gewicht per
                         ledengemeente; vast: eerst vaste bedragen voor regionale activiteiten, de rest
                         naar aandeel (of naar gewichten als het invoerbestand die geeft)
  --invoer CSV           gewichten (kolommen gemeentecode;gewicht: elke ledengemeente één keer) en/of
                         vaste bedragen (kolommen activiteit;bedrag_eur in hele euro's)
  --h35b                 alleen de lijst medeoverheden voor SiSa H35B. Zonder --realisatie is dat de
                         GEPLANDE verdeling, geen besteding: de kolommen
                         ${csvKolommen(h35bHelpColumns(), { indent: ' '.repeat(25), first: 25 })}
                         (een kolom per jaar; de ledengemeenten behalve de mandaatgemeente, met een
                         bedrag), status "${H35B_GEPLAND}"
  --realisatie CSV       met --h35b en --gemeente (de mandaatgemeente): wat elke medeoverheid besteedde,
                         zoals SiSa H35B vraagt, uit de realisatie (zie 'spuk-begroting verantwoording'):
                         de SPUK IZA-regels met als Uitvoerder de naam of CBS-code van een ledengemeente.
                         Eén regel per medeoverheid × jaar (2023–2026) met de kolommen
                         ${csvKolommen(H35B_REALISATIE_COLUMNS, { indent: ' '.repeat(25), first: 25 })}
                         (status: realisatie, of nog geen realisatie na het laatste jaar met realisatie);
                         de signalen op stderr
  --begroting CSV        met --realisatie: de begroting, voor wat de mandaatgemeente doorbetaalde
                         (ontvangen_eur; zonder --begroting blijven ontvangen en verschil leeg)
${FORMAAT_CSV_JSON}
De indeling in regio's is afgeleid, niet officieel (kolom lidmaatschap: bekend of afgeleid).
`,
});

type Failed = { failures: readonly InputFailure[] };

/**
 * `spuk-begroting --version`: the version from package.json and the shipped editions (id and date,
 * the default marked), e.g. "spuk-begroting 0.1.0\nEdities: gala-2023 (2023-03-01), … (standaard)".
 */
export function versionText(): string {
  const standaard = defaultEditionId();
  const edities = editionManifests()
    .map((m) => `  ${m.id} (${m.datum})${m.id === standaard ? ' standaard' : ''}`)
    .join('\n');
  return `spuk-begroting ${packageVersion}\nEdities:\n${edities}\n`;
}

function resolveKey(
  data: ReferenceData,
  opts: Map<string, string>,
  io: CliIo,
): Verdeelsleutel | Failed | string {
  const file = opts.get('--sleutel-bestand');
  const id = opts.get('--sleutel');
  if (file !== undefined) {
    if (id !== undefined && id !== 'eigen') return 'Gebruik --sleutel of --sleutel-bestand, niet allebei.';
    const text = io.readFile(file);
    if (text === undefined) return `Kan het bestand "${file}" niet lezen. Controleer pad en rechten.`;
    const parsed = parseUserKeyCsv(text);
    if (!parsed.ok) return { failures: parsed.failures };
    const maxAmount = largestKeySplitAmount(data);
    const key = customKey(parsed.value.rows, data.gemeenten, { maxAmount, shares: parsed.value.shares });
    return key.ok ? key.value : { failures: key.failures };
  }
  const k = id ?? 'spuk-2025';
  if (!isBuiltInKey(k)) return { failures: [{ kind: 'UnknownKey', text: k, known: [...BUILT_IN_KEYS] }] };
  return builtInKey(k, data);
}

function resolveGemeente(data: ReferenceData, opts: Map<string, string>): Gemeente | undefined | Failed {
  const text = opts.get('--gemeente');
  if (text === undefined || text.toUpperCase() === 'NL') return undefined;
  const r = findGemeente(text, data.gemeenten);
  return r.ok ? r.value : { failures: r.failures };
}

function isFailed(x: unknown): x is Failed {
  return typeof x === 'object' && x !== null && 'failures' in x;
}

/** What a command may take besides edition, key and gemeente. */
interface ScenarioOptions {
  /** `--beschikking` as regeling totals/onderdelen (werkboek, begroting) or per line (allocaties). */
  readonly beschikking?: 'regels' | 'per-line';
  /** The option naming the begroting file (`--begroting`, or `--invoer` for `begroting`). */
  readonly begroting?: string;
  /** Compare with the edition before (werkboek: the sheet "Wat is er veranderd"). */
  readonly vorige?: boolean;
  /** A key resolved already (werkboek resolves it first for --alle). */
  readonly key?: Verdeelsleutel;
  /** The option that names the edition (default `--editie`; `verschil`: `--naar`). */
  readonly editionOption?: string;
  /** The edition to compare with, instead of the edition's `vorige` (`verschil --van`, `werkboek --van`). */
  readonly van?: string;
  /** Read `--realisatie` and `--limiet` (`readRealisatie`): the scenario then has its verantwoording. */
  readonly realisatie?: boolean;
  /**
   * Read `--van-mandaatgemeente` (`parseVanMandaatgemeente`) into the begroting (`begroting`, `werkboek`;
   * `zonder-begroting`: also without `--begroting`, into an empty one: `verantwoording`).
   */
  readonly vanMandaatgemeente?: boolean | 'zonder-begroting';
}

/**
 * The one way every command turns its options into numbers: edition (`--editie`, default the newest),
 * key, gemeente, then the user's files checked against that edition (a beschikking naming a line or
 * year the chosen edition lacks is refused with its row); then the scenario, resolved once. Returns the
 * scenario, or the exit code after printing the failures (2). Throws UsageError for option misuse.
 */
function scenarioFor(
  data: ReferenceData,
  opts: Map<string, string>,
  io: CliIo,
  options: ScenarioOptions = {},
): Scenario | number {
  const editie = resolveEdition(opts, options.editionOption);
  if (isFailed(editie)) return reportFailures(io, editie.failures);
  const key = options.key ?? resolveKey(data, opts, io);
  if (typeof key === 'string') throw new UsageError(key);
  if (isFailed(key)) return reportFailures(io, key.failures);
  const g = resolveGemeente(data, opts);
  if (isFailed(g)) return reportFailures(io, g.failures);
  const editions = scenarioEditions(editie, options.van);
  // The command's own input file is reported first (`begroting --invoer`), then the beschikking.
  const begroting =
    options.begroting === undefined ? undefined : resolveBegroting(opts, io, options.begroting, editie);
  const files: unknown[] = options.begroting === '--invoer' ? [begroting] : [];
  let beschikking: BeschikkingRegel[] = [];
  let beschikkingAmounts: BeschikkingAmount[] = [];
  if (options.beschikking === 'regels') {
    const b = resolveBeschikkingRegels(data, opts, io, g, editie);
    files.push(b);
    if (!isFailed(b)) beschikking = b;
  } else if (options.beschikking === 'per-line') {
    const b = resolveBeschikkingAmounts(data, opts, io, editions.edition);
    files.push(b);
    if (!isFailed(b)) beschikkingAmounts = b;
  }
  if (options.begroting !== '--invoer') files.push(begroting);
  const realisatie = options.realisatie
    ? readRealisatie(opts, io, editions.edition.edition, g ?? undefined)
    : undefined;
  files.push(realisatie);
  if (reportFileFailures(io, files) !== undefined || isFailed(begroting) || isFailed(realisatie)) return 2;
  const request = {
    edition: editions.edition,
    vorige: options.vorige ? editions.vorige : undefined,
    key,
    gemeente: g?.code,
    beschikking,
    beschikkingAmounts,
    begroting,
    ...(realisatie !== undefined ? realisatie : {}),
  };
  const van = options.vanMandaatgemeente ? opts.get('--van-mandaatgemeente') : undefined;
  if (van === undefined) return resolveScenario(request);
  // The amounts are checked against the region's ledger: resolve its national part once, use it twice.
  if (begroting === undefined && options.vanMandaatgemeente !== 'zonder-begroting')
    throw new UsageError(
      '--van-mandaatgemeente hoort bij uw begroting (het blad Beschikking ernaast): geef ook --begroting CSV.',
    );
  const national = resolveNational(request);
  const vanMandaatgemeente = parseVanMandaatgemeente(van, national.ledger, g ?? undefined);
  const basis = begroting ?? legeBegroting(editions.edition.edition);
  return resolveScenario({ ...request, begroting: { ...basis, vanMandaatgemeente } }, national);
}

/** The per-line beschikking of `allocaties --beschikking` (any gemeenten), checked against the edition. */
function resolveBeschikkingAmounts(
  data: ReferenceData,
  opts: Map<string, string>,
  io: CliIo,
  edition: EditionInput,
): BeschikkingAmount[] | FileFailed {
  const file = opts.get('--beschikking');
  if (file === undefined) return [];
  // Per line: regional money (SPUK IZA, SPUK AZWA regionaal) only for a mandaatgemeente, as the
  // beschikking of one gemeente (`RegionaalVoorLid`, the domain's `eigenBeschikkingMogelijk`).
  const lines = edition.edition.lines;
  const regios = edition.base.izaRegios;
  const parsed = parseBeschikkingCsv(
    readUserFile(io, file),
    data.gemeenten,
    receivableLines(edition),
    edition.edition.years,
    (code, nr) => {
      const post = lines.find((l) => l.nr === nr)?.begroting;
      return post !== undefined && !eigenBeschikkingMogelijk(lines, regios, code, post) ? post : undefined;
    },
  );
  return parsed.ok ? parsed.value : { failures: parsed.failures, file };
}

/** Prints the failures in Dutch on stderr (at most 20), naming the file when given; returns exit code 2. */
function reportFailures(io: CliIo, failures: readonly InputFailure[], file?: string): number {
  const max = 20;
  const where = file === undefined ? '' : ` in ${file}`;
  failures.slice(0, max).forEach((f) => io.err(`Fout${where}: ${cliFailureText(f)}\n`));
  if (failures.length > max) io.err(`… en nog ${failures.length - max} fouten.\n`);
  return 2;
}

function resolveEdition(opts: Map<string, string>, option = '--editie'): string | Failed {
  const id = opts.get(option) ?? defaultEditionId();
  if (isEditionId(id)) return id;
  return { failures: [{ kind: 'UnknownEdition', text: id, known: editionManifests().map((m) => m.id) }] };
}

/**
 * The edition `werkboek --van` compares with: undefined without the option (the sheet then compares
 * with the edition's `vorige`), the id of an earlier edition (one the edition builds on, directly or
 * not, or one with an earlier `datum`), or the failures of an unknown id. Throws UsageError (Dutch)
 * for the edition itself or a later one.
 */
function resolveVan(opts: Map<string, string>, editie: string): string | undefined | Failed {
  if (!opts.has('--van')) return undefined;
  const van = resolveEdition(opts, '--van');
  if (isFailed(van)) return van;
  const manifests = editionManifests();
  const own = manifests.find((m) => m.id === editie);
  const other = manifests.find((m) => m.id === van);
  // The rule the pane's "Vergelijk met editie" uses too; listed oldest first here.
  const earlier = earlierEditions(manifests, editie).reverse();
  if (earlier.includes(van)) return van;
  const kies = earlier.length > 0 ? ` Kies uit: ${earlier.join(', ')}.` : ' Er is geen eerdere editie.';
  if (van === editie)
    throw new UsageError(
      `--van ${van} is de editie van de werkmap zelf; het blad Wat is er veranderd vergelijkt met een eerdere editie.${kies}`,
    );
  throw new UsageError(
    `De editie ${van}${other ? ` (${other.datum})` : ''} is niet eerder dan ${editie}${own ? ` (${own.datum})` : ''}; het blad Wat is er veranderd vergelijkt met een eerdere editie.${kies}`,
  );
}

/** The columns of `controle --formaat csv`: one row per check (`verwacht` empty where nothing is published). */
const CONTROLE_COLUMNS = [
  'editie',
  'naam',
  'onderwerp',
  'periode',
  'verwacht',
  'berekend',
  'afwijkingen',
  'ok',
  'status',
] as const;

/** `controle [--formaat tekst|csv|json]` (default tekst; `--json` = `--formaat json`), with --csv-komma for csv. */
function controleFormat(opts: Map<string, string>): 'tekst' | Formaat {
  if (opts.has('--json') && opts.has('--formaat'))
    throw new UsageError('Geef --json of --formaat, niet beide (--json is --formaat json).');
  const formaat = opts.has('--json') ? 'json' : (opts.get('--formaat') ?? 'tekst');
  if (formaat !== 'tekst' && formaat !== 'csv' && formaat !== 'json')
    throw new UsageError(`Onbekend formaat "${formaat}". Kies tekst, csv of json.`);
  return csvFormat(opts, formaat);
}

function runControle(data: ReferenceData, opts: Map<string, string>, io: CliIo): number {
  const formaat = controleFormat(opts);
  const scenario = scenarioFor(data, opts, io, { key: builtInKey('spuk-2025', data) });
  if (typeof scenario === 'number') return scenario;
  const { editie, report } = scenario;
  const checks = report.checks;
  const slot = report.ok
    ? 'Alle gepubliceerde bedragen sluiten aan, tot op de euro.'
    : 'NIET alle gepubliceerde bedragen sluiten aan.';
  if (formaat === 'json') {
    writeJson(io, {
      editie,
      ok: report.ok,
      controles: checks.map((c) => ({
        naam: c.id,
        onderwerp: c.onderwerp,
        periode: c.periode ?? null,
        verwacht: c.verwacht ?? null,
        berekend: c.berekend,
        afwijkingen: c.afwijkingen,
        ok: c.status !== 'verschil',
        status: checkStatusText(c),
      })),
      waarschuwingen: report.warnings.map((w) => ({ soort: w.kind, tekst: editionWarningText(w) })),
    });
  } else if (formaat === 'csv' || formaat === 'csv-komma') {
    writeRecords(
      io,
      formaat,
      CONTROLE_COLUMNS,
      checks.map((c) => [
        editie,
        c.id,
        c.onderwerp,
        c.periode ?? '',
        c.verwacht ?? '',
        c.berekend,
        c.afwijkingen,
        c.status === 'verschil' ? 'nee' : 'ja',
        checkStatusText(c),
      ]),
    );
    // The warnings and the conclusion beside the data, as the other commands write their notes.
    io.err(
      `Waarschuwingen (${report.warnings.length}):\n${report.warnings.map((w) => `- ${editionWarningText(w)}\n`).join('')}${slot}\n`,
    );
  } else {
    io.out(`Editie: ${editie}\n`);
    io.out('naam\tverwacht\tberekend\tafwijkingen\tok\n');
    for (const c of checks) {
      const show = (v: number | undefined) =>
        v === undefined ? '(leeg)' : c.id.startsWith('aantal:') ? String(v) : formatEuro(v);
      io.out(`${c.id}\t${show(c.verwacht)}\t${show(c.berekend)}\t${c.afwijkingen}\t${checkStatusText(c)}\n`);
    }
    io.out(`\nWaarschuwingen (${report.warnings.length}):\n`);
    report.warnings.forEach((w) => io.out(`- ${editionWarningText(w)}\n`));
    io.out(`\n${slot}\n`);
  }
  return report.ok ? 0 : 1;
}

/** `csv` = Excel-NL (`;`, decimal comma, BOM into a file); `csv-komma` = the old form (`--csv-komma`). */
type Formaat = 'csv' | 'csv-komma' | 'json';

function outputFormat(opts: Map<string, string>): Formaat {
  const formaat = opts.get('--formaat') ?? 'csv';
  if (formaat !== 'csv' && formaat !== 'json')
    throw new UsageError(`Onbekend formaat "${formaat}". Kies csv of json.`);
  return csvFormat(opts, formaat);
}

/** `csv` becomes `csv-komma` with `--csv-komma`; that option with another format is refused (`csvVorm`). */
function csvFormat<F extends string>(opts: Map<string, string>, formaat: F): F | 'csv-komma' {
  return csvVorm(opts, formaat) === 'komma' ? 'csv-komma' : formaat;
}

/** A command's JSON document on stdout, indented by 2 (controle, edities: more than their CSV rows). */
function writeJson(io: CliIo, document: unknown): void {
  io.out(JSON.stringify(document, null, 2) + '\n');
}

/**
 * Records as CSV (header row; ./csv-out.ts: Excel-NL by default, with a BOM when stdout is a file) or
 * as a JSON array of objects; an empty field becomes null in JSON.
 */
function writeRecords(
  io: CliIo,
  formaat: Formaat,
  columns: readonly string[],
  rows: readonly (readonly (string | number)[])[],
): void {
  if (formaat === 'json') {
    const records = rows.map((r) =>
      Object.fromEntries(columns.map((c, i) => [c, r[i] === '' ? null : r[i]])),
    );
    io.out(JSON.stringify(records) + '\n');
  } else {
    io.out(csvText(columns, rows, formaat === 'csv' ? 'excel-nl' : 'komma', io.outIsFile === true));
  }
}

const COLUMNS = [
  'gemeentecode',
  'gemeentenaam',
  'regeling',
  'editie',
  'onderdeel_nr',
  'onderdeel',
  'jaar',
  'bedrag_eur',
  'structureel_eur',
  'incidenteel_eur',
  'bron',
] as const;

function runAllocaties(data: ReferenceData, opts: Map<string, string>, io: CliIo): number {
  const formaat = outputFormat(opts);
  const scenario = scenarioFor(data, opts, io, { beschikking: 'per-line' });
  if (typeof scenario === 'number') return scenario;
  const { editie, gemeente: g } = scenario;
  // The beschikking wins: the amounts are the gemeente's view (the edition's where none is entered).
  const ledger = scenario.view;
  const rows: (string | number)[][] = [];
  for (const gem of g ? [g] : data.gemeenten) {
    for (const line of ledger.lines) {
      for (const jaar of ledger.years) {
        const rule = ledger.input.edition.rule(line.regeling.id, jaar);
        if (rule === undefined) continue;
        const a = ledger.gemeente(gem.code, line.nr, jaar);
        if (a === undefined) continue;
        const prefix = [gem.code, gem.naam, line.regeling.naam, editie, line.nr, line.naam, jaar];
        if (a.open !== undefined && a.bron !== 'beschikking') {
          rows.push([...prefix, '', '', '', 'open']);
          continue;
        }
        if (rule.spec.regel === 'beeindigd' && a.bron !== 'beschikking') continue;
        const r = splitReadings(
          a.bedrag,
          ledger.structuralLevel(line.nr, gem.code),
          jaar,
          line.regeling.eindjaar,
          false,
        );
        rows.push([...prefix, a.bedrag, r.rijkS, r.rijkI, a.bron]);
      }
    }
  }
  // Regional money to a body that is no gemeente (SamenTwente for Twente): a row of its own, so that
  // Σ bedrag_eur per regional line and year = the national amount (Σ Bijlage 2B, the AZWA raming).
  if (!g)
    for (const o of regioOntvangers(ledger))
      for (const line of ledger.lines.filter((l) => l.ontvanger === 'mandaatgemeente'))
        for (const jaar of ledger.years) {
          const rule = ledger.input.edition.rule(line.regeling.id, jaar);
          if (rule === undefined) continue;
          const a = ledger.regio(o.regio.naam, line.nr, jaar);
          const prefix = ['', o.naam, line.regeling.naam, editie, line.nr, line.naam, jaar];
          if (a.open !== undefined) {
            rows.push([...prefix, '', '', '', 'open']);
            continue;
          }
          if (rule.spec.regel === 'beeindigd') continue;
          const r = splitReadings(
            a.bedrag,
            ledger.regioStructuralLevel(o.regio.naam, line.nr),
            jaar,
            line.regeling.eindjaar,
            false,
          );
          rows.push([...prefix, a.bedrag, r.rijkS, r.rijkI, a.bron]);
        }
  writeRecords(io, formaat, COLUMNS, rows);
  return 0;
}

const IZA_COLUMNS = [
  'regio',
  'mandaatgemeente',
  'lidmaatschap',
  'leden',
  'regeling',
  'onderdeel_nr',
  'editie',
  'jaar',
  'schatting_eur',
  'gepubliceerd_eur',
  'bedrag_eur',
  'bron',
] as const;

function runIza(data: ReferenceData, opts: Map<string, string>, io: CliIo): number {
  const formaat = outputFormat(opts);
  const scenario = scenarioFor(data, opts, io);
  if (typeof scenario === 'number') return scenario;
  const { editie, ledger } = scenario;
  const status = membershipStatus(data.izaRegios, data.lidmaatschap);
  const regional = ledger.lines.filter((l) => l.ontvanger === 'mandaatgemeente');
  const rows: (string | number)[][] = [];
  for (const s of status) {
    for (const jaar of ledger.years) {
      for (const line of regional) {
        const rule = ledger.input.edition.rule(line.regeling.id, jaar);
        if (rule === undefined || rule.spec.regel === 'beeindigd') continue;
        const a = ledger.regio(s.regio.naam, line.nr, jaar);
        const published = ledger.input.bijlage2B.find((b) => b.regio === s.regio.naam && b.jaar === jaar);
        rows.push([
          s.regio.naam,
          s.regio.mandaatgemeente,
          s.status,
          s.leden.length,
          line.regeling.naam,
          line.nr,
          editie,
          jaar,
          ledger.memberEstimate(s.regio.naam, line.nr, jaar),
          rule.spec.regel === 'bijlage-2b' && published ? published.bedrag : '',
          a.bedrag,
          a.bron,
        ]);
      }
    }
  }
  writeRecords(io, formaat, IZA_COLUMNS, rows);
  return 0;
}

const EDITIE_COLUMNS = ['id', 'datum', 'naam', 'vorige', 'omschrijving'] as const;

function runEdities(opts: Map<string, string>, io: CliIo): number {
  const formaat = outputFormat(opts);
  const manifests = editionManifests();
  if (formaat === 'json') {
    const out = manifests.map((m) => {
      const e = resolveEditionData(m.id);
      return {
        id: m.id,
        datum: m.datum,
        naam: m.naam,
        vorige: m.vorige,
        omschrijving: m.omschrijving,
        standaard: m.id === defaultEditionId(),
        regels: e.regelingen.flatMap((r) =>
          e.years.flatMap((jaar) => {
            const rule = e.rule(r.id, jaar);
            return rule
              ? [
                  {
                    regeling: r.naam,
                    jaar,
                    regel: rule.spec.regel,
                    editie: rule.editie,
                    afleiding: ruleText(rule.spec.regel),
                  },
                ]
              : [];
          }),
        ),
        datasets: e.datasets.map((d) => ({
          id: d.id,
          titel: d.titel,
          bron: d.bron,
          kenmerk: d.kenmerk,
          datum: d.datum,
        })),
      };
    });
    writeJson(io, out);
    return 0;
  }
  writeRecords(
    io,
    formaat,
    EDITIE_COLUMNS,
    manifests.map((m) => [m.id, m.datum, m.naam, m.vorige ?? '', m.omschrijving]),
  );
  return 0;
}

const VERSCHIL_COLUMNS = [
  'regeling',
  'onderdeel_nr',
  'onderdeel',
  'jaar',
  'van_eur',
  'naar_eur',
  'verschil_eur',
  'verschil_pct',
  'signaal',
] as const;

function runVerschil(data: ReferenceData, opts: Map<string, string>, io: CliIo): number {
  const formaat = outputFormat(opts);
  const naar = resolveEdition(opts, '--naar');
  if (isFailed(naar)) return reportFailures(io, naar.failures);
  const vorige = editionManifests().find((m) => m.id === naar)?.vorige;
  if (!opts.has('--van') && (vorige === null || vorige === undefined))
    throw new UsageError(`De editie ${naar} is de eerste; kies met --van een editie om mee te vergelijken.`);
  const van = opts.has('--van') ? resolveEdition(opts, '--van') : (vorige as string);
  if (isFailed(van)) return reportFailures(io, van.failures);
  const scenario = scenarioFor(data, opts, io, { editionOption: '--naar', van, vorige: true });
  if (typeof scenario === 'number') return scenario;
  const g = scenario.gemeente;
  const diff = (g ? scenario.diff?.gemeente : scenario.diff?.landelijk) ?? [];
  const pct = (p: number | undefined) =>
    p === undefined ? '' : formaat === 'json' ? p : Number(p.toFixed(1));
  writeRecords(
    io,
    formaat,
    VERSCHIL_COLUMNS,
    diff.map((r) => [...verschilCellen(r), pct(r.procent), r.signaal ? 'ja' : 'nee']),
  );
  io.err(
    `Verschil van ${van} naar ${naar}, ${g ? `${g.naam} (${g.code})` : 'landelijk'}; signaal bij meer dan ${DIFF_SIGNAL_PCT}%.\n`,
  );
  return 0;
}

function runRegioverdeling(data: ReferenceData, opts: Map<string, string>, io: CliIo): number {
  const formaat = outputFormat(opts);
  if (opts.has('--regio') === opts.has('--gemeente'))
    throw new UsageError(
      'Geef --regio NAAM (de SPUK IZA-regio) of --gemeente (de mandaatgemeente), één van beide.',
    );
  checkH35bRealisatie(opts);
  const methode = opts.get('--methode') ?? 'aandeel';
  if (!isRegioMethode(methode))
    throw new UsageError(`Onbekende methode "${methode}". Kies aandeel, gewichten of vast.`);
  const jaarText = opts.get('--jaar');
  const jaar = jaarText === undefined ? undefined : Number(jaarText);
  const editie = resolveEdition(opts);
  if (isFailed(editie)) return reportFailures(io, editie.failures);
  const axis = editionInput(editie).edition.years;
  if (jaar !== undefined && !(/^\d{4}$/.test(jaarText ?? '') && axis.includes(jaar)))
    throw new UsageError(
      `Onbekend jaar "${jaarText}". Kies een jaar van ${axis[0] ?? ''} tot en met ${axis[axis.length - 1] ?? ''}.`,
    );
  const g = resolveGemeente(data, opts);
  if (isFailed(g)) return reportFailures(io, g.failures);
  const report = (failures: readonly Parameters<typeof regioFailureText>[0][]): number => {
    failures.slice(0, 20).forEach((f) => io.err(`Fout: ${regioFailureText(f)}\n`));
    if (failures.length > 20) io.err(`… en nog ${failures.length - 20} fouten.\n`);
    return 2;
  };
  let invoer = emptyInvoer();
  const file = opts.get('--invoer');
  if (file !== undefined) {
    const text = io.readFile(file);
    if (text === undefined)
      throw new UsageError(`Kan het bestand "${file}" niet lezen. Controleer pad en rechten.`);
    const parsed = parseRegioInvoerCsv(text);
    if (!parsed.ok) return report(parsed.failures);
    invoer = parsed.value;
  }
  const ledger = resolveScenario({
    edition: editionInput(editie),
    key: builtInKey('spuk-2025', data),
  }).ledger;
  // Only the years in which a regional line pays (not 2030 of vws-2026-04: the SPUK regelingen have
  // ended, the BFU is an open post without an amount).
  const pays = (y: number): boolean =>
    ledger.lines.some((l) => l.ontvanger === 'mandaatgemeente' && ledger.national(l.nr, y).bedrag > 0);
  if (jaar !== undefined && !pays(jaar))
    throw new UsageError(
      `In ${jaar} verdeelt de regio geen SPUK-geld (de regelingen zijn dan geëindigd). Kies een jaar van ${axis.filter(pays).join(', ')}.`,
    );
  const jaren = jaar === undefined ? axis.filter(pays) : [jaar];
  const regios = regiosFor(ledger, opts.get('--regio'), g ?? undefined);
  if (!regios.ok) return report(regios.failures);
  if (opts.has('--realisatie')) return runH35bRealisatie(data, opts, io, regios.value, jaar);
  const splits = regioSplits(ledger, regios.value, jaren, { methode, ...invoer });
  if (!splits.ok) return report(splits.failures);
  const edition = editionInput(editie).edition;
  if (opts.has('--h35b')) {
    writeRecords(io, formaat, h35bColumns(jaren), h35bRows(splits.value, jaren));
    io.err(
      `Let op: dit is de geplande verdeling (${H35B_GEPLAND}). SiSa H35B vraagt wat elke medeoverheid besteedde: geef --realisatie CSV (en --begroting CSV) voor de besteding.\n`,
    );
  } else writeRecords(io, formaat, REGIOVERDELING_COLUMNS, regioverdelingRows(splits.value, edition));
  // SiSa codes come from the edition; where it states none, say so rather than print a guess.
  const unknown = unknownSisa(edition, splits.value);
  if (unknown.length > 0)
    io.err(
      `SiSa-code onbekend voor ${unknown.join(', ')}: editie ${editie} noemt geen SiSa-code (geen bron gevonden)${opts.has('--h35b') ? '' : '; de kolom sisa is daar leeg'}.\n`,
    );
  return 0;
}

/** `regioverdeling --realisatie`: only with --h35b, without the planned split's --methode/--invoer. Throws UsageError. */
function checkH35bRealisatie(opts: Map<string, string>): void {
  if (!opts.has('--realisatie')) {
    if (opts.has('--begroting'))
      throw new UsageError(
        '--begroting hoort bij --realisatie (met --h35b): wat de mandaatgemeente aan elke medeoverheid doorbetaalde.',
      );
    return;
  }
  if (!opts.has('--h35b'))
    throw new UsageError(
      '--realisatie hoort bij --h35b: de besteding per medeoverheid (SiSa H35B). De regioverdeling zelf is een planning; laat --realisatie weg of voeg --h35b toe.',
    );
  for (const o of ['--methode', '--invoer'])
    if (opts.has(o))
      throw new UsageError(
        `${o} hoort bij de geplande verdeling, niet bij --realisatie: SiSa H35B vraagt wat elke medeoverheid besteedde. Laat ${o} weg.`,
      );
}

/**
 * `regioverdeling --h35b --gemeente M --realisatie F [--begroting F]`: what each medeoverheid of the
 * mandaatgemeente M spent on the SPUK IZA (SiSa H35B), from the scenario's verantwoording (the
 * realisatie's rows whose Uitvoerder names a member gemeente; the begroting's such rows for what was
 * passed on), the same figures as `verantwoording`. The h35b-verschil signals on stderr; exit 0.
 */
function runH35bRealisatie(
  data: ReferenceData,
  opts: Map<string, string>,
  io: CliIo,
  regios: readonly IzaRegio[],
  jaar: number | undefined,
): number {
  const formaat = outputFormat(opts);
  const regio = regios[0];
  if (opts.has('--regio'))
    throw new UsageError(
      regio?.mandaatgemeenteCode === undefined
        ? `De realisatie hoort bij een gemeente, en de mandaathouder van ${regio?.naam ?? 'deze regio'} (${regio?.mandaatgemeente ?? '?'}) is geen gemeente: --realisatie kan hier niet.`
        : `Geef bij --realisatie de mandaatgemeente met --gemeente (voor ${regio.naam}: --gemeente ${regio.mandaatgemeente}) in plaats van --regio: de realisatie is van één gemeente.`,
    );
  const scenario = scenarioFor(data, opts, io, {
    key: builtInKey('spuk-2025', data),
    begroting: '--begroting',
    realisatie: true,
  });
  if (typeof scenario === 'number') return scenario;
  const v = scenario.verantwoording;
  const iza = v?.regelingen.find((r) => r.iza !== undefined);
  if (v === undefined || iza === undefined || scenario.gemeente === undefined)
    throw new UsageError(
      `Editie ${scenario.editie} heeft geen verantwoording van de SPUK IZA: SiSa H35B uit de realisatie kan niet.`,
    );
  const izaJaren = iza.regels.jaren;
  if (jaar !== undefined && !izaJaren.includes(jaar))
    throw new UsageError(
      `SiSa H35B uit de realisatie gaat over de SPUK IZA, ${izaJaren.join(', ')}: kies --jaar uit die jaren of laat --jaar weg.`,
    );
  const edition = scenario.input.edition;
  const metBegroting = scenario.begroting !== undefined;
  const rows = h35bRealisatieRows(iza, {
    jaren: jaar === undefined ? izaJaren : [jaar],
    peiljaar: v.peiljaar,
    sisa: sisaCodeFor(edition, iza.regels.regeling, 'medeoverheden') ?? '',
    metBegroting,
  });
  writeRecords(io, formaat, H35B_REALISATIE_COLUMNS, rows);
  const g = scenario.gemeente;
  io.err(
    `SiSa H35B van ${g.naam} (${g.code}): wat elke medeoverheid besteedde, uit ${opts.get('--realisatie') ?? ''} (${v.peiljaar === undefined ? 'nog geen realisatie' : `realisatie tot en met ${v.peiljaar}`}).\n`,
  );
  if (!metBegroting)
    io.err(
      'Zonder --begroting is onbekend wat de mandaatgemeente doorbetaalde: ontvangen en verschil zijn leeg.\n',
    );
  if (rows.length === 0)
    io.err(
      'De realisatie noemt geen medeoverheid: zet bij SPUK IZA de CBS-code of naam van de ledengemeente in de kolom Uitvoerder.\n',
    );
  for (const s of v.signalen.filter((x) => x.soort === 'h35b-verschil'))
    if (jaar === undefined || s.jaar === jaar) io.err(`- ${verantwoordingSignaalText(s)}\n`);
  return 0;
}

function emptyInvoer(): { gewichten: readonly RegioGewicht[]; vast: readonly RegioVastBedrag[] } {
  return { gewichten: [], vast: [] };
}

function readUserFile(io: CliIo, file: string): string | Uint8Array {
  const text = io.readFile(file);
  if (text === undefined)
    throw new UsageError(`Kan het bestand "${file}" niet lezen. Controleer pad en rechten.`);
  return text;
}

type FileFailed = Failed & { file: string };

/** The gemeente's beschikking from --beschikking (none without the option); it needs a gemeente. */
function resolveBeschikkingRegels(
  data: ReferenceData,
  opts: Map<string, string>,
  io: CliIo,
  g: Gemeente | undefined,
  editie: string = defaultEditionId(),
): BeschikkingRegel[] | FileFailed {
  const file = opts.get('--beschikking');
  if (file === undefined) return [];
  if (g === undefined)
    throw new UsageError('Een beschikking hoort bij één gemeente: geef ook --gemeente CODE|NAAM.');
  const parsed = parseBeschikkingRegelsCsv(readUserFile(io, file), {
    gemeente: g.code,
    gemeenten: data.gemeenten,
    regios: data.izaRegios,
    edition: editionInput(editie).edition,
  });
  return parsed.ok ? parsed.value : { failures: parsed.failures, file };
}

/** The begroting from the file of `option` (undefined without the option). */
function resolveBegroting(
  opts: Map<string, string>,
  io: CliIo,
  option: string,
  editie: string = defaultEditionId(),
): BegrotingInvoer | undefined | FileFailed {
  const file = opts.get(option);
  if (file === undefined) return undefined;
  const parsed = parseBegrotingCsv(readUserFile(io, file), { edition: editionInput(editie).edition });
  return parsed.ok ? parsed.value : { failures: parsed.failures, file };
}

/** Reports the failures of each file that failed (both files at once); 2, or undefined when none failed. */
function reportFileFailures(io: CliIo, results: readonly unknown[]): number | undefined {
  const failed = results.filter((r): r is FileFailed => isFailed(r));
  for (const f of failed) reportFailures(io, f.failures, f.file);
  return failed.length > 0 ? 2 : undefined;
}

function runBegroting(data: ReferenceData, opts: Map<string, string>, io: CliIo): number {
  if (!opts.has('--invoer'))
    throw new UsageError(
      "Geef met --invoer het CSV-bestand van de begroting, met de kolommen van de tabel Begroting (zie 'spuk-begroting begroting --help').",
    );
  const formaat = begrotingFormat(opts);
  const scenario = scenarioFor(data, opts, io, {
    beschikking: 'regels',
    begroting: '--invoer',
    vanMandaatgemeente: true,
  });
  if (typeof scenario === 'number') return scenario;
  if (formaat !== 'tekst') return writeBegrotingData(io, formaat, scenario);
  const { editie, key, gemeente: g, beschikking, toets } = scenario;
  const begroting = scenario.begroting ?? legeBegroting(scenario.input.edition);
  io.out(
    `Begroting ${g ? `${g.naam} (${g.code})` : 'heel Nederland (som van alle gemeenten)'}; editie ${editie}; sleutel ${key.id}; ${begroting.regels.length} ${begroting.regels.length === 1 ? 'activiteit' : 'activiteiten'}${beschikking.length > 0 ? `; beschikking: ${beschikking.length} ${beschikking.length === 1 ? 'bedrag' : 'bedragen'}` : ''}.\n\n`,
  );
  const rows: string[][] = [['regeling', 'jaar', 'plafond', 'bron', 'lasten', 'doorgeven', 'saldo']];
  for (const r of begrotingRows(scenario))
    rows.push([
      r.regeling,
      String(r.jaar),
      formatEuro(r.plafond),
      r.bron,
      formatEuro(r.lasten),
      formatEuro(r.doorgeven),
      formatEuro(r.saldo),
    ]);
  const widths = rows[0]?.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length))) ?? [];
  const right = new Set([2, 4, 5, 6]);
  for (const r of rows)
    io.out(
      r
        .map((v, c) => (right.has(c) ? v.padStart(widths[c] ?? 0) : v.padEnd(widths[c] ?? 0)))
        .join('  ')
        .trimEnd() + '\n',
    );
  const signalen = toets.signalen;
  if (signalen.length === 0) {
    io.out('\nGeen signalen: de begroting blijft binnen de plafonds en regels.\n');
    return 0;
  }
  io.out(`\nSignalen (${signalen.length}):\n`);
  const regels = begrotingRegels(scenario.input.edition);
  for (const s of signalen) io.out(`- ${signaalText(s, regels, 'cli')}\n`);
  return 1;
}

type BegrotingFormaat = 'tekst' | 'mutaties' | 'mutaties-komma' | Formaat;

/** `begroting --formaat tekst|csv|json|mutaties` (default tekst), with `--csv-komma` for the CSV ones. */
function begrotingFormat(opts: Map<string, string>): BegrotingFormaat {
  const formaat = opts.get('--formaat') ?? 'tekst';
  if (formaat === 'mutaties')
    return csvVorm(opts, formaat, ['mutaties']) === 'komma' ? 'mutaties-komma' : 'mutaties';
  if (formaat !== 'tekst' && formaat !== 'csv' && formaat !== 'json')
    throw new UsageError(`Onbekend formaat "${formaat}". Kies tekst, csv, json of mutaties.`);
  return csvFormat(opts, formaat);
}

/** One row of the begroting's overview: a regeling × year with money or lasten (whole euros, the domain's). */
interface BegrotingRow {
  readonly regeling: string;
  readonly jaar: number;
  /** What the gemeente receives on the post (`toets.baten`: the plafond after carry-over, a member's share). */
  readonly plafond: number;
  readonly bron: string;
  readonly lasten: number;
  /** A mandaatgemeente's regional post: what it passes on to the other members as planned (`doorgeven`). */
  readonly doorgeven: number;
  /** The domain's `saldoPerRegeling` (plafond − lasten − doorgeven, as the Samenvatting's saldo). */
  readonly saldo: number;
}

/**
 * The overview of the toets, per regeling and year where there is a plafond, money or lasten. Every
 * number is the domain's (`toets.baten`, `lasten`, `doorgeven`, `saldoPerRegeling`); a member
 * gemeente's regional post counts what its mandaatgemeente passes on (`toets.vanMandaatgemeente`:
 * typed with --van-mandaatgemeente, else the planned share), and its bron says which.
 */
function begrotingRows(scenario: Scenario): BegrotingRow[] {
  const { toets } = scenario;
  const rows: BegrotingRow[] = [];
  for (const reg of BEGROTING_REGELINGEN)
    scenario.years.forEach((jaar, i) => {
      const plafond = toets.plafond[reg][i];
      const regionaal = (REGIONALE_POSTEN as readonly string[]).includes(reg);
      const van = regionaal ? toets.vanMandaatgemeente[reg as RegionalePost][i] : undefined;
      const na = toets.baten[reg][i] ?? 0;
      const lasten = toets.lasten[reg][i] ?? 0;
      if (plafond === undefined || (plafond.bedrag === 0 && na === 0 && lasten === 0)) return;
      const bron =
        plafond.bron === 'geen' && van !== undefined && van.bron !== 'geen'
          ? VAN_MANDAAT_BRON[van.bron]
          : plafond.bron === 'geen'
            ? '–'
            : plafond.bron;
      rows.push({
        regeling: reg,
        jaar,
        plafond: na,
        bron,
        lasten,
        doorgeven: regionaal ? (toets.doorgeven[reg as RegionalePost][i] ?? 0) : 0,
        saldo: toets.saldoPerRegeling[reg][i] ?? 0,
      });
    });
  return rows;
}

/** The bron of a member gemeente's regional amount in the begroting overview. */
const VAN_MANDAAT_BRON = {
  ingevuld: 'van mandaatgemeente (ingevuld)',
  regioverdeling: 'van mandaatgemeente (gepland aandeel)',
} as const;

const BEGROTING_COLUMNS = [
  'regeling',
  'jaar',
  'plafond_eur',
  'bron',
  'lasten_eur',
  'doorgeven_eur',
  'saldo_eur',
] as const;

/**
 * `begroting --formaat csv|json|mutaties`: the overview as records (CSV: the signals on stderr; JSON:
 * with the signals), or the mutations per taakveld in the gemeente's own begroting layout (× € 1.000,
 * lasten/baten per activity, Inc./Struc.; src/domain/begroting-export.ts). Exit 0 without signals,
 * 1 with signals, as the text form.
 */
function writeBegrotingData(
  io: CliIo,
  formaat: Exclude<BegrotingFormaat, 'tekst'>,
  scenario: Scenario,
): number {
  const regels = begrotingRegels(scenario.input.edition);
  const signalen = scenario.toets.signalen.map((s) => ({ signaal: s, tekst: signaalText(s, regels, 'cli') }));
  const g = scenario.gemeente;
  if (formaat === 'json') {
    io.out(
      JSON.stringify(
        {
          gemeente: g ? { code: g.code, naam: g.naam } : null,
          editie: scenario.editie,
          sleutel: scenario.key.id,
          regels: begrotingRows(scenario).map((r) => ({
            regeling: r.regeling,
            jaar: r.jaar,
            plafond_eur: r.plafond,
            bron: r.bron,
            lasten_eur: r.lasten,
            doorgeven_eur: r.doorgeven,
            saldo_eur: r.saldo,
          })),
          signalen: signalen.map(({ signaal: s, tekst }) => ({
            soort: s.soort,
            regeling: s.regeling ?? null,
            jaar: s.jaar ?? null,
            bedrag_eur: s.bedrag,
            tekst,
          })),
        },
        null,
        2,
      ) + '\n',
    );
  } else if (formaat === 'csv' || formaat === 'csv-komma') {
    writeRecords(
      io,
      formaat,
      BEGROTING_COLUMNS,
      begrotingRows(scenario).map((r) => [
        r.regeling,
        r.jaar,
        r.plafond,
        r.bron,
        r.lasten,
        r.doorgeven,
        r.saldo,
      ]),
    );
  } else {
    writeMutaties(io, formaat === 'mutaties' ? 'excel-nl' : 'komma', scenario);
  }
  if (formaat !== 'json' && signalen.length > 0)
    io.err(`Signalen (${signalen.length}):\n${signalen.map((s) => `- ${s.tekst}\n`).join('')}`);
  return signalen.length === 0 ? 0 : 1;
}

/**
 * The options of one gemeente's werkmap that `werkboek --alle` refuses, with why (Dutch): three are
 * files of one gemeente; `--van-mandaatgemeente` gives amounts one member gemeente receives from its
 * mandaatgemeente; `--limiet` sets the overheveling limits of one gemeente's Verantwoording.
 */
const ALLE_REFUSED: readonly (readonly [string, string])[] = [
  ['--beschikking', 'het bestand hoort bij één gemeente'],
  ['--begroting', 'het bestand hoort bij één gemeente'],
  ['--van-mandaatgemeente', 'de bedragen zijn wat één ledengemeente van haar mandaatgemeente ontvangt'],
  ['--realisatie', 'het bestand hoort bij één gemeente'],
  ['--limiet', 'de limieten gelden voor de Verantwoording van één gemeente (met --realisatie)'],
  ['--schuifruimte', 'de schuifruimte geldt voor de Verantwoording van één gemeente (met --realisatie)'],
];

/** The columns of `begroting --formaat mutaties` before the years. */
const MUTATIE_COLUMNS = ['Taakveld', 'Omschrijving', 'Inc.', 'Struc.'] as const;

/**
 * The mutations as CSV in the layout gemeenten use in their own begroting (begroting-practice.md,
 * layout 3): Taakveld;Omschrijving;Inc.;Struc.;<the scenario's years>, bedragen × € 1.000, + = voordelig,
 * − = nadelig; per activity a lasten and a baten line, per taakveld (`TAAKVELDEN`, then "overig") a
 * line "Niet gedekt door de uitkering (eigen middelen)" (0 where covered; the toets's dekking,
 * `begrotingMutaties`), per taakveld a total (0: budgettair neutraal; else − the eigen middelen).
 */
function writeMutaties(io: CliIo, vorm: CsvVorm, scenario: Scenario): void {
  const begroting = scenario.begroting ?? legeBegroting(scenario.input.edition);
  const years = scenario.years;
  const taakvelden = begrotingMutaties(begroting.regels, years, scenario.toets.dekking);
  const rows = mutatieExportRegels(taakvelden).map((l) => [
    l.taakveld,
    l.omschrijving,
    l.inc,
    l.struc,
    ...l.bedragen,
  ]);
  io.out(csvText([...MUTATIE_COLUMNS, ...years.map(String)], rows, vorm, io.outIsFile === true));
  const eigenMiddelen = years.map((_, i) =>
    taakvelden.reduce((a, t) => a + (t.lasten[i] ?? 0) - (t.baten[i] ?? 0), 0),
  );
  io.err(mutatiesSamenvattingText(years, eigenMiddelen, rows.length === 0));
}

async function runWerkboekAlle(
  opts: Map<string, string>,
  io: CliIo,
  key: Verdeelsleutel,
  produce: WerkmapProducer,
): Promise<number> {
  if (opts.has('--gemeente'))
    throw new UsageError(
      'Gebruik --gemeente of --alle, niet allebei: --alle maakt een werkmap voor elke gemeente.',
    );
  for (const [option, reason] of ALLE_REFUSED)
    if (opts.has(option))
      throw new UsageError(`Gebruik ${option} met één gemeente (--gemeente), niet met --alle: ${reason}.`);
  const folder = opts.get('--uit');
  if (folder === undefined)
    throw new UsageError('Geef met --uit de map waarin de werkmappen komen, bijvoorbeeld --uit werkmappen.');
  const problem = folderProblem(io, folder);
  if (problem !== undefined) throw new UsageError(problem);
  const editie = resolveEdition(opts);
  if (isFailed(editie)) return reportFailures(io, editie.failures);
  const van = resolveVan(opts, editie);
  if (isFailed(van)) return reportFailures(io, van.failures);
  // The folders of --edities-map go with the job: a worker thread knows only the shipped editions.
  const editieMappen = registeredEditionFolders();
  return writeWerkmappen(
    io,
    folder,
    {
      editie,
      key,
      ...(van !== undefined ? { van } : {}),
      ...(editieMappen.length > 0 ? { editieMappen } : {}),
    },
    produce,
    { vorm: opts.has(CSV_KOMMA) ? 'komma' : 'excel-nl', vervang: opts.has('--vervang') },
  );
}

async function runWerkboek(
  data: ReferenceData,
  opts: Map<string, string>,
  io: CliIo,
  render: (plan: WorkbookPlan) => Promise<Uint8Array>,
  produce: WerkmapProducer,
): Promise<number> {
  const key = resolveKey(data, opts, io);
  if (typeof key === 'string') throw new UsageError(key);
  if (isFailed(key)) return reportFailures(io, key.failures);
  if (opts.has('--alle')) return runWerkboekAlle(opts, io, key, produce);
  if (opts.has('--vervang'))
    throw new UsageError(
      '--vervang hoort bij --alle: het vervangt de werkmappen van een andere run in de map.',
    );
  if (opts.has(CSV_KOMMA))
    throw new UsageError(
      `${CSV_KOMMA} hoort bij --alle: het geldt voor de index ${INDEX_FILE}; een werkmap heeft geen CSV.`,
    );
  const g = resolveGemeente(data, opts);
  if (isFailed(g)) return reportFailures(io, g.failures);
  const file = opts.get('--uit') ?? 'spuk-begroting.xlsx';
  if (!file.toLowerCase().endsWith('.xlsx'))
    throw new UsageError(`Het uitvoerbestand moet op .xlsx eindigen: "${file}".`);
  const mapProbleem = uitvoerMapProbleem(io, file);
  if (mapProbleem !== undefined) throw new UsageError(mapProbleem);
  const gekozen = resolveEdition(opts);
  if (isFailed(gekozen)) return reportFailures(io, gekozen.failures);
  const van = resolveVan(opts, gekozen);
  if (isFailed(van)) return reportFailures(io, van.failures);
  const scenario = scenarioFor(data, opts, io, {
    key,
    beschikking: 'regels',
    begroting: '--begroting',
    vorige: true,
    realisatie: true,
    vanMandaatgemeente: true,
    ...(van !== undefined ? { van } : {}),
  });
  if (typeof scenario === 'number') return scenario;
  const { editie, beschikking, begroting } = scenario;
  const plan = planWorkbook(scenario);
  const bytes = await render(plan);
  try {
    io.writeFileAtomic(file, bytes);
  } catch (e) {
    io.err(`${werkmapWriteError(file, e)}\n`);
    return 2;
  }
  const cells = plan.sheets.reduce(
    (a, s) =>
      a +
      s.blocks.reduce(
        (b, x) =>
          b +
          (x.kind === 'values'
            ? x.values.length * (x.values[0]?.length ?? 0)
            : x.expected.length * (x.expected[0]?.length ?? 0)),
        0,
      ),
    0,
  );
  io.err(
    `Geschreven: ${file} (${plan.sheets.length} bladen, ${cells} cellen; editie ${editie}${van !== undefined ? `; vergeleken met ${van}` : ''}; sleutel ${key.id}; ${g ? `gemeente ${g.naam} (${g.code})` : 'heel Nederland'}${opts.has('--beschikking') ? `; beschikking: ${beschikking.length} ${beschikking.length === 1 ? 'bedrag' : 'bedragen'}` : ''}${begroting ? `; begroting: ${begroting.regels.length} activiteiten` : ''}).\n`,
  );
  return 0;
}

/**
 * The folder of an output file (`--uit`), checked before any work: a Dutch message when it does not
 * exist or is a file, undefined when it is a folder or the file names none (the working folder).
 * `/` and `\\` both separate folders (a Windows path typed on any system).
 */
export function uitvoerMapProbleem(io: CliIo, file: string): string | undefined {
  const i = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
  if (i < 0) return undefined;
  const map = i === 0 ? file.slice(0, 1) : file.slice(0, i);
  const naam = file.slice(i + 1);
  const kind = io.pathKind(map);
  if (kind === 'directory') return undefined;
  if (kind === 'file')
    return `"${map}" is een bestand, geen map. Kies met --uit een bestand in een bestaande map, bijvoorbeeld --uit ${naam}.`;
  return `De map "${map}" bestaat niet. Maak de map eerst aan, of kies met --uit een bestand in een bestaande map, bijvoorbeeld --uit ${naam}.`;
}

/** One Dutch line for a werkmap that could not be written: the reason when the system names it. */
function werkmapWriteError(file: string, e: unknown): string {
  return errorCode(e) === undefined
    ? `Fout: kan "${file}" niet schrijven. Is het bestand geopend in Excel, of ontbreekt de map? Sluit het en probeer opnieuw.`
    : `Fout: kan "${file}" niet schrijven (${writeErrorReason(e)}). Kies met --uit een andere plek, of sluit het bestand en probeer opnieuw.`;
}

/**
 * Runs the CLI; returns the exit code. `render` writes a plan to .xlsx bytes (injected: src/xlsx);
 * `produce` makes the workbooks of `werkboek --alle` (default: one after the other with `render`).
 */
export async function runCli(
  argv: readonly string[],
  io: CliIo,
  render: (plan: WorkbookPlan) => Promise<Uint8Array>,
  produce: WerkmapProducer = serialProducer(async () => ({ render })),
): Promise<number> {
  const [command = '', ...rest] = argv;
  if (command === '--version' || command === '-V' || command === 'versie') {
    io.out(versionText());
    return 0;
  }
  if (command === '' || command === '--help' || command === '-h' || command === 'help') {
    // Asked for: help is the output (stdout, exit 0). Not asked for: it explains an error (stderr, exit 2).
    if (command === '') {
      io.err(HELP()[''] ?? '');
      return 2;
    }
    io.out(HELP()[''] ?? '');
    return 0;
  }
  if (!(command in OPTIONS)) {
    io.err(
      `Onbekende opdracht "${command}". Kies werkboek, allocaties, iza, controle, edities, verschil, regioverdeling, begroting of verantwoording (zie --help).\n`,
    );
    return 2;
  }
  try {
    const opts = parseArgs(command, rest);
    if (opts.has('--help')) {
      io.out(HELP()[command] ?? '');
      return 0;
    }
    const folder = opts.get('--edities-map');
    if (folder !== undefined) loadEditionFolder(io, folder);
    const data = defaultReferenceData();
    if (command === 'controle') return runControle(data, opts, io);
    if (command === 'allocaties') return runAllocaties(data, opts, io);
    if (command === 'iza') return runIza(data, opts, io);
    if (command === 'edities') return runEdities(opts, io);
    if (command === 'verschil') return runVerschil(data, opts, io);
    if (command === 'regioverdeling') return runRegioverdeling(data, opts, io);
    if (command === 'begroting') return runBegroting(data, opts, io);
    if (command === 'verantwoording')
      return runVerantwoording(opts, io, () =>
        scenarioFor(data, opts, io, {
          beschikking: 'regels',
          begroting: '--begroting',
          realisatie: true,
          vanMandaatgemeente: 'zonder-begroting',
        }),
      );
    return await runWerkboek(data, opts, io, render, produce);
  } catch (e) {
    if (e instanceof UsageError || e instanceof DataFileError) {
      io.err(`Fout: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}
