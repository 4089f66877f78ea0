/**
 * Every Dutch text of the task pane (nl-NL). Failure texts of the Excel renderer live in
 * src/messages; this file holds the pane's own words only.
 */
import type { BuiltInKeyId } from '../domain';

export interface KeyText {
  readonly label: string;
  /** One line: what the key does, and where its numbers come from. */
  readonly explanation: string;
}

export const KEY_TEXTS: Readonly<Record<BuiltInKeyId, KeyText>> = {
  'spuk-2025': {
    label: 'SPUK 2025',
    explanation:
      'Naar het aandeel van elke gemeente in de Brede SPUK 2025 (VWS-brief 12-09-2025, bijlage 2A).',
  },
  'spuk-2026': {
    label: 'SPUK 2026',
    explanation:
      'Naar het aandeel van elke gemeente in de Brede SPUK 2026 (VWS-brief 12-09-2025, bijlage 2A).',
  },
  inwoners: {
    label: 'Inwoners',
    explanation: 'Naar het aantal inwoners in 2025 (indicatief: geen officiële bron).',
  },
  gelijk: {
    label: 'Gelijk',
    explanation: 'Elke gemeente krijgt hetzelfde bedrag.',
  },
};

/** The sheet that keeps the table Realisatie's rows when "Vervangen" replaces them ("… 2" when taken). */
export const KEPT_SHEET = 'Realisatie (vorige)';

export const NL = {
  title: 'SPUK-begroting',
  subtitle: 'Brede SPUK, SPUK IZA en SPUK AZWA voor uw gemeente, als werkmap met live formules.',

  gemeente: {
    label: 'Gemeente',
    placeholder: 'Typ een naam of CBS-code',
    hint: 'Bijvoorbeeld “Almere” of “0034”. Kies “Heel Nederland” voor het landelijke beeld.',
    landelijk: 'Heel Nederland (landelijk)',
    showAll: 'Toon alle gemeenten',
    noResults: 'Geen gemeente gevonden',
    results: (n: number): string => (n === 1 ? '1 gemeente gevonden' : `${n} gemeenten gevonden`),
    invalid: (text: string): string =>
      `“${text}” staat niet in de lijst. Kies een gemeente uit de lijst of “Heel Nederland (landelijk)”.`,
  },

  key: {
    legend: 'Verdeelsleutel',
    /** A workbook built with the CLI's own key ("eigen"): weights the pane cannot rebuild. */
    own: 'Eigen gewichten',
    /** The workbook's key cell (Verdeelsleutel!B5) was empty: nobody knows the weights' key. */
    unknown: 'onbekende verdeelsleutel',
  },

  realisatie: {
    label: 'Bladen Realisatie en Verantwoording toevoegen',
    hint: 'Voor de verantwoording: op het blad Realisatie vult u per activiteit en jaar wat besteed is (de kolommen van de Begroting, plus een prognose). Vernieuwen laat die tabel staan. Alleen voor een gemeente.',
    /** Unticked while the table Realisatie holds rows: the option stays on, the sheets stay. */
    keptRows: (n: number): string =>
      `De werkmap heeft een Realisatie met ${n === 1 ? '1 regel' : `${n} regels`}: de bladen Realisatie, ` +
      'Besteding en Verantwoording blijven staan, want SPUK-begroting verwijdert nooit regels die u hebt ' +
      'ingevuld. Wilt u die bladen kwijt, maak dan eerst de tabel Realisatie leeg (of verwijder de bladen zelf).',
    /** Unticked with an empty table Realisatie: the next run removes the three sheets. */
    willRemove:
      'De tabel Realisatie is leeg: bij Werkmap laden of Vernieuwen verwijdert SPUK-begroting de bladen ' +
      'Realisatie, Besteding en Verantwoording (met de aannames op Verantwoording).',
    /** The run was asked to remove them, but the table had rows by then. */
    stayed:
      'De bladen Realisatie, Besteding en Verantwoording zijn blijven staan: de tabel Realisatie heeft ' +
      'ingevulde regels. Maak die tabel eerst leeg als u de bladen kwijt wilt.',
  },

  protection: {
    label: 'Bladen niet beveiligen',
    hint: 'Alleen nodig als Excel meldt dat het de beveiliging van bladen niet kan opheffen. Zonder beveiliging kunt u formules per ongeluk overschrijven; wel blijft Ctrl+Z na Vernieuwen vaker werken.',
  },

  edition: {
    label: 'Editie van de brongegevens',
    hint: 'Meegeleverd met deze versie; er is geen internet nodig. Een andere editie laden vervangt de landelijke bedragen op het blad Landelijk.',
    /** Under the newest edition's name. */
    newest: 'Nieuwste editie.',
    /** Before the option that chooses it on the command line (`--editie ID`, `--van ID`), kept on one line. */
    cli: 'Op de opdrachtregel:',
  },

  /** "Vergelijk met editie": what the sheet Wat is er veranderd compares with (the CLI's --van). */
  compare: {
    label: 'Vergelijk met editie',
    hint: 'Het blad Wat is er veranderd toont het verschil tussen de gekozen editie en deze eerdere editie.',
    previous: (naam: string): string => `Vorige editie: ${naam}`,
    previousHint: 'Standaard.',
    none: 'Geen vergelijking',
    noneHint: 'Zonder het blad Wat is er veranderd.',
    noneOnly: 'Er is geen eerdere editie om mee te vergelijken.',
    /** After a run with a comparison other than the default. */
    compared: (naam: string): string => `Het blad Wat is er veranderd vergelijkt met de editie ${naam}.`,
    /** After a run with "geen" (the renderer leaves a sheet of an earlier run as it was). */
    notCompared:
      'Zonder vergelijking: het blad Wat is er veranderd wordt niet gemaakt; staat het er nog van een eerdere keer, dan wordt het verwijderd (tenzij een ander blad of een eigen naam ernaar verwijst: dan blijft het staan en hoort het bij die keer).',
  },

  actions: {
    load: 'Werkmap laden',
    refresh: 'Vernieuwen',
    refreshHint: 'Vernieuwen schrijft de bladen van SPUK-begroting opnieuw en houdt uw eigen invoer.',
    loadHint: 'Laden zet de bladen van SPUK-begroting in deze werkmap; uw eigen bladen blijven onaangeroerd.',
  },

  progress: {
    label: 'Voortgang',
    step: (step: number, total: number): string => `Stap ${step} van ${total}`,
    stepWithLabel: (step: number, total: number, label: string): string =>
      `Stap ${step} van ${total}: ${label}`,
    prepare: 'Berekening voorbereiden',
    /** Fallback when the renderer gives no label; normally src/messages/excel.nl.ts names each round trip. */
    write: 'Bladen schrijven',
  },

  confirm: {
    title: 'Andere verdeelsleutel',
    text: (from: string, to: string): string =>
      `De werkmap is gemaakt met verdeelsleutel “${from}”. Wilt u de gewichten op het blad Verdeelsleutel ` +
      `vervangen door “${to}”? Gewichten die u zelf hebt aangepast, gaan dan verloren.`,
    /** The workbook's key cell (Verdeelsleutel!B5) is empty, so the weights' key is unknown. */
    unknownText: (to: string): string =>
      'Bij welke verdeelsleutel de gewichten op het blad Verdeelsleutel horen, staat niet in de werkmap ' +
      `(cel B5 is leeg). Wilt u de gewichten vervangen door “${to}”? Gewichten die u zelf hebt aangepast, ` +
      'gaan dan verloren. Kies “Annuleren” om ze te houden.',
    replace: 'Gewichten vervangen',
    cancel: 'Annuleren',
  },

  status: {
    starting: 'Verbinden met Excel…',
    ready: 'Kies een gemeente en een verdeelsleutel en klik op “Werkmap laden”.',
    existing: (where: string, key: string): string =>
      `Deze werkmap bevat al een SPUK-begroting (${where}, verdeelsleutel ${key}). ` +
      'Klik op “Vernieuwen” om bij te werken; uw eigen invoer blijft behouden.',
    existingOwnKey: (where: string): string =>
      `Deze werkmap bevat al een SPUK-begroting (${where}) met eigen gewichten op het blad Verdeelsleutel. ` +
      'SPUK-begroting kan die sleutel niet opnieuw opbouwen: bij Vernieuwen of Laden vraagt het eerst of de ' +
      'gewichten vervangen mogen worden door de gekozen verdeelsleutel.',
    existingUnknownKey: (where: string): string =>
      `Deze werkmap bevat al een SPUK-begroting (${where}), maar bij welke verdeelsleutel de gewichten op het ` +
      'blad Verdeelsleutel horen, is onbekend (cel B5 is leeg): bij Vernieuwen of Laden vraagt SPUK-begroting ' +
      'eerst of de gewichten vervangen mogen worden door de gekozen verdeelsleutel.',
    working: 'Bezig…',
    loaded: (where: string, key: string): string =>
      `Werkmap geladen voor ${where} met verdeelsleutel ${key}.`,
    refreshed: (where: string): string => `Werkmap vernieuwd voor ${where}.`,
    weightsReplaced: (key: string): string => `De gewichten zijn vervangen door verdeelsleutel ${key}.`,
    edition: (naam: string): string => `De landelijke bedragen zijn die van de editie ${naam}.`,
    keptInputs: (n: number): string =>
      n === 1 ? '1 eigen invoerwaarde is behouden.' : `${n} eigen invoerwaarden zijn behouden.`,
    droppedInputs: (keys: readonly string[]): string =>
      `Eigen invoer voor ${keys.join(', ')} is niet overgenomen: die rijen bestaan niet meer.`,
    /** After a write that stopped part-way: cells typed since its restore point, kept. */
    editsAfterRestorePoint: (n: number): string =>
      n === 1
        ? '1 cel die na het afgebroken laden werd gewijzigd, is behouden (niet overschreven door het herstelpunt).'
        : `${n} cellen die na het afgebroken laden werden gewijzigd, zijn behouden (niet overschreven door het herstelpunt).`,
    /** After a write that stopped part-way: the inputs came from the restore point (SPUK_Herstel). */
    restoredFromBackup:
      'De vorige keer werd het schrijven halverwege afgebroken; uw invoer is teruggezet uit de kopie die ' +
      'SPUK-begroting daarvoor had bewaard, niet vervangen door standaardwaarden.',
    /** Ownership marks (names SPUK_Blad_<blad>) the user had deleted, written again. */
    restoredMarks: (sheets: readonly string[]): string => {
      const q = sheets.map((s) => `“${s}”`);
      const list = q.length <= 1 ? q.join('') : `${q.slice(0, -1).join(', ')} en ${q[q.length - 1] ?? ''}`;
      return sheets.length === 1
        ? `De verborgen naam waaraan SPUK-begroting het blad ${list} herkent, was verwijderd en is hersteld.`
        : `De verborgen namen waaraan SPUK-begroting de bladen ${list} herkent, waren verwijderd en zijn hersteld.`;
    },
    skippedFeatures: (features: readonly string[]): string =>
      `Niet beschikbaar in deze Excel-versie: ${features.join(', ')}.`,
    cancelled: (key: string): string =>
      `Niets gewijzigd: de werkmap houdt verdeelsleutel ${key}. Kies die sleutel om bij te werken met uw eigen gewichten.`,
    cancelledOwnKey:
      'Niets gewijzigd: de werkmap houdt haar eigen gewichten. Werk haar bij met de opdrachtregel ' +
      '(spuk-begroting werkboek), of kies een verdeelsleutel en vervang de gewichten.',
    cancelledUnknownKey:
      'Niets gewijzigd: de gewichten blijven staan. Wilt u ze houden en de werkmap bijwerken, typ dan in cel ' +
      'B5 van het blad Verdeelsleutel de verdeelsleutel waar ze bij horen (bijvoorbeeld spuk-2025), kies ' +
      'dezelfde verdeelsleutel hier en klik op “Werkmap laden”. Of klik opnieuw en vervang de gewichten.',
    planFailed:
      'De werkmap kon niet worden opgebouwd uit de meegeleverde gegevens. Er is niets in Excel gewijzigd. ' +
      'Dit is een fout in SPUK-begroting: meld het, met de gekozen gemeente en verdeelsleutel.',
    unexpected:
      'Er ging iets onverwachts mis. Mogelijk is de werkmap maar voor een deel bijgewerkt: klik op “Vernieuwen” ' +
      'om het opnieuw te proberen. Blijft het misgaan, sluit dan het taakvenster, open het opnieuw en meld het probleem.',
  },

  /** The section "Beschikking": the gemeente's beschikking from a pasted Excel range or a CSV file. */
  beschikking: {
    heading: 'Beschikking',
    intro:
      'Zet de bedragen uit de beschikking van uw gemeente op het blad Beschikking: plak ze uit Excel of kies een CSV-bestand.',
    pasteLabel: 'Geplakt uit Excel',
    pasteHint:
      'Kopieer in Excel de kolommen regeling, onderdeel, jaar en bedrag_eur (één rij per regeling of onderdeel ' +
      'en jaar), eventueel gevolgd door beschikkingsnummer en beschikkingsdatum (dd-mm-jjjj), en plak ze hier, ' +
      'met of zonder kopregel. Zonder kopregel zet SPUK-begroting de kopregel in die volgorde er zelf boven; ' +
      "rij 1 is dan uw eerste geplakte regel. Bedragen in hele euro's, zonder centen.",
    check: 'Geplakte bedragen controleren',
    fileLabel: 'Of kies een CSV-bestand',
    fileHint:
      'Met kopregel regeling;onderdeel;jaar;bedrag_eur (eventueel met gemeentecode, beschikkingsnummer en ' +
      'beschikkingsdatum), of het bestand van ' +
      'spuk-begroting allocaties --beschikking. Puntkomma, tab of komma als scheidingsteken.',
    needsGemeente:
      'Een beschikking hoort bij één gemeente, en nu is “Heel Nederland (landelijk)” gekozen. Kies eerst bovenaan de gemeente van de beschikking.',
    refusedHeading: 'De beschikking is niet ingelezen; er is niets in de werkmap gewijzigd. Pas dit aan:',
    more: (n: number): string => (n === 1 ? 'en nog 1 melding' : `en nog ${n} meldingen`),
    summary: (n: number, where: string, total: string): string =>
      `${n === 1 ? '1 bedrag' : `${n} bedragen`} voor ${where} gelezen, samen ${total}:`,
    perRegeling: (regeling: string, years: string, total: string): string =>
      `${regeling}: ${years}, ${total}`,
    kenmerk: (nummer: string | undefined, datum: string | undefined): string =>
      [
        nummer !== undefined ? `beschikking nr. ${nummer}` : 'beschikking',
        datum !== undefined ? `van ${datum}` : '',
      ]
        .filter((t) => t !== '')
        .join(' '),
    replaces:
      'Vervangt de bedragen op het blad Beschikking, en de beschikkingsnummers en -datums als u die meegeeft; ' +
      'uw overige invoer blijft staan.',
    apply: 'Beschikking in werkmap zetten',
    applied: (n: number): string =>
      n === 1
        ? 'Het bedrag uit de beschikking staat op het blad Beschikking.'
        : `De ${n} bedragen uit de beschikking staan op het blad Beschikking.`,
    otherGemeente: (where: string): string =>
      `De ingelezen beschikking hoort bij ${where}. Lees haar opnieuw in voor de gekozen gemeente.`,
    fileFailed:
      'Het bestand kon niet worden gelezen. Kies het opnieuw, of open het in Excel en plak de bedragen hierboven.',
  },

  /**
   * The section "Realisatie": what was spent, pasted from Excel or a CSV file with the columns of the
   * table Begroting (as `spuk-begroting werkboek --realisatie` reads it).
   */
  realisatiePaste: {
    heading: 'Realisatie',
    intro:
      'Zet wat per activiteit en jaar besteed is in de tabel op het blad Realisatie (met de bladen Besteding en ' +
      'Verantwoording): plak het uit Excel of kies een CSV-bestand.',
    pasteLabel: 'Realisatie geplakt uit Excel',
    pasteHint:
      'Kopieer in Excel de rijen van uw tabel Begroting met de bedragen die besteed zijn (de kolommen Regeling tot ' +
      'en met Opmerking, eventueel een kolom “Prognose 2026”) en plak ze hier, met of zonder kopregel. Zonder ' +
      'kopregel zet SPUK-begroting de kopregel van de tabel Begroting er zelf boven; rij 1 is dan uw eerste ' +
      "geplakte regel. Bedragen in hele euro's, zonder centen.",
    check: 'Geplakte realisatie controleren',
    fileLabel: 'Of kies een CSV-bestand met de realisatie',
    fileHint:
      'Het bestand van uw begroting met de bestede bedragen in de jaarkolommen, zoals spuk-begroting werkboek ' +
      '--realisatie het leest. Puntkomma, tab of komma als scheidingsteken.',
    needsGemeente:
      'Een realisatie hoort bij de verantwoording van één gemeente, en nu is “Heel Nederland (landelijk)” gekozen. ' +
      'Kies eerst bovenaan uw gemeente.',
    refusedHeading: 'De realisatie is niet ingelezen; er is niets in de werkmap gewijzigd. Pas dit aan:',
    sheetExists:
      'Het blad Realisatie staat al in deze werkmap, met uw tabel; SPUK-begroting overschrijft die tabel nooit. ' +
      'Plak de rijen daar in de tabel Realisatie (onder de kopregel, in rij 7), of verwijder eerst het blad ' +
      'Realisatie (zijn rijen gaan dan verloren) en zet de realisatie opnieuw vanuit dit taakvenster.',
    notWritten:
      'De realisatie is niet in de tabel gezet: het blad Realisatie stond al in deze werkmap en SPUK-begroting ' +
      'overschrijft uw tabel nooit (de overige bladen zijn bijgewerkt). Plak de rijen daar in de tabel Realisatie.',
    summary: (n: number, where: string, total: string): string =>
      `${n === 1 ? '1 rij' : `${n} rijen`} realisatie voor ${where} gelezen, samen ${total} besteed:`,
    perRegeling: (regeling: string, years: string, total: string): string =>
      `${regeling}: ${years}, ${total}`,
    prognose: (jaar: number, total: string): string => `Prognose ${jaar}: samen ${total}`,
    replaces:
      'Maakt het blad Realisatie met deze rijen, en de bladen Besteding en Verantwoording; uw overige invoer blijft staan.',
    apply: 'Realisatie in werkmap zetten',
    applied: (n: number): string =>
      n === 1
        ? 'De rij realisatie staat in de tabel op het blad Realisatie.'
        : `De ${n} rijen realisatie staan in de tabel op het blad Realisatie.`,
    otherChoice: (where: string): string =>
      `De ingelezen realisatie hoort bij ${where} en de toen gekozen editie. Lees haar opnieuw in.`,
    /** The werkmap has its own table Realisatie: add the rows, or replace the table's rows. */
    existingHint:
      'Deze werkmap heeft al een tabel Realisatie. Toevoegen zet deze rijen onder de rijen die er staan (een rij ' +
      'met een activiteit die er al staat wordt geweigerd, zodat niets twee keer telt). Vervangen zet deze rijen ' +
      'in plaats van de huidige; SPUK-begroting vraagt dat eerst en bewaart de huidige rijen op een nieuw blad.',
    append: 'Toevoegen aan de tabel',
    replace: 'Vervangen',
    replaceTitle: 'Tabel Realisatie vervangen',
    replaceText: (existing: number, given: number): string =>
      `De tabel Realisatie heeft ${existing === 1 ? '1 regel' : `${existing} regels`}. Wilt u ` +
      `${existing === 1 ? 'die' : 'die allemaal'} vervangen door de ${given === 1 ? 'geplakte regel' : `${given} geplakte regels`}? ` +
      `De huidige ${existing === 1 ? 'regel blijft' : 'regels blijven'} bewaard op een nieuw blad “${KEPT_SHEET}”, ` +
      'dat SPUK-begroting daarna nooit meer wijzigt.',
    replaceAccept: (existing: number): string =>
      `${existing === 1 ? '1 regel' : `${existing} regels`} vervangen`,
    notReplaced: 'De tabel Realisatie is niet vervangen; er is niets gewijzigd.',
    /** The title above the previous rows on the kept sheet (A1). */
    keptTitle: (date: string): string =>
      `Realisatie zoals die in de tabel stond vóór het vervangen op ${date} (bewaard door SPUK-begroting; ` +
      'de add-in wijzigt dit blad niet)',
    appended: (n: number): string =>
      `${n === 1 ? 'De geplakte regel staat' : `De ${n} geplakte regels staan`} onderaan de tabel Realisatie.`,
    replaced: (existing: number, given: number, sheet: string): string =>
      `De ${existing === 1 ? 'vorige regel staat' : `${existing} vorige regels staan`} op het blad “${sheet}”; ` +
      `de tabel Realisatie heeft nu de ${given === 1 ? 'geplakte regel' : `${given} geplakte regels`}.`,
    emptyRowsLeft: (n: number): string =>
      `Onderaan de tabel ${n === 1 ? 'staat 1 lege regel' : `staan ${n} lege regels`}; die tellen niet mee en u kunt ze verwijderen.`,
    alreadyWritten:
      'De geplakte regels stonden al in de tabel Realisatie (van de keer dat het schrijven werd onderbroken); ze zijn niet nog eens gezet.',
  },

  /** After a load: what to look at next (a list in the success message). */
  nextSteps: {
    heading: 'Wat nu?',
    overzicht:
      'Begin op het blad Overzicht: bovenaan staat de lezing BBV, wat u in de eigen begroting structureel en incidenteel opneemt.',
    controle: (afwijkingen: number): string =>
      afwijkingen === 0
        ? 'Modelcontrole: OK. Het blad Controle telt 0 afwijkingen.'
        : `Modelcontrole: FOUT. Het blad Controle telt ${afwijkingen} ${afwijkingen === 1 ? 'afwijking' : 'afwijkingen'}; kijk daar eerst.`,
    controleUnknown: 'Modelcontrole: zie het blad Controle (0 afwijkingen is goed).',
    azwaBeschikking: (jaren: readonly number[]): string =>
      `Eerst: voer uw beschikking SPUK AZWA in (blad Beschikking of hieronder). De bedragen ${jaren[0] ?? ''}–${jaren[jaren.length - 1] ?? ''} zijn tot dan een raming; de verdeelsleutel is "vooralsnog" (VWS/LZJS aan VNG, 22-04-2026).`,
    begroting: (signalen: number | undefined): string =>
      `Uw begroting: zet uw activiteiten op het blad Begroting en uw beschikking op het blad Beschikking (of hieronder). Het blad Begrotingstoets ${signalen === undefined ? 'toetst ze' : `telt nu ${signalen} ${signalen === 1 ? 'signaal' : 'signalen'}`}; het blad Samenvatting is voor de aanvraag en de raad, met op de tweede pagina de mutaties voor uw eigen begroting.`,
    sources: (
      c: {
        readonly beschikking: number;
        readonly gepubliceerd: number;
        readonly afgeleid: number;
        readonly geschat: number;
        readonly raming?: number;
        readonly open: number;
      },
      national: boolean,
    ): string => {
      const raming = c.raming ?? 0;
      const total = c.beschikking + c.gepubliceerd + c.afgeleid + c.geschat + raming;
      const parts = [
        ...(c.beschikking > 0 ? [`${c.beschikking} uit uw beschikking`] : []),
        `${c.gepubliceerd} gepubliceerd`,
        `${c.afgeleid} afgeleid uit gepubliceerde cijfers`,
        `${c.geschat} geschat met de verdeelsleutel`,
        ...(raming > 0 ? [`${raming} een raming (SPUK AZWA)`] : []),
      ];
      const list = `${parts.slice(0, -1).join(', ')} en ${parts[parts.length - 1] ?? ''}`;
      const open =
        c.open > 0
          ? ` ${c.open} ${c.open === 1 ? 'bedrag is' : 'bedragen zijn'} nog onbekend (open post).`
          : '';
      return `Van de ${total} ${national ? 'landelijke bedragen' : 'bedragen'} per onderdeel en jaar zijn er ${list}; de bron staat bij elk bedrag op Overzicht.${open}`;
    },
  },

  environment: {
    noOffice:
      'SPUK-begroting is een taakvenster voor Excel en is hier buiten Excel geopend. Open Excel (Windows, Mac of ' +
      'Excel op het web) en kies op het tabblad Start de knop “SPUK-begroting”.',
    otherHost: (host: string): string =>
      `SPUK-begroting werkt alleen in Excel, niet in ${host}. Open een werkmap in Excel en start de invoegtoepassing daar.`,
    noHost:
      'SPUK-begroting is buiten Excel geopend, in een gewone browser. Open Excel (Windows, Mac of Excel op het web) ' +
      'en kies op het tabblad Start de knop “SPUK-begroting”.',
    unsupported:
      'Deze versie van Excel is te oud voor SPUK-begroting: Excel-API 1.9 of hoger is nodig. Werk Office bij, ' +
      'of gebruik Excel voor Microsoft 365 of Excel op het web.',
    heading: 'Alleen in Excel',
  },

  /** Office host names as a Dutch reader knows them. */
  hostNames: {
    Word: 'Word',
    PowerPoint: 'PowerPoint',
    Outlook: 'Outlook',
    OneNote: 'OneNote',
    Project: 'Project',
    Access: 'Access',
  } as Readonly<Record<string, string>>,
} as const;
