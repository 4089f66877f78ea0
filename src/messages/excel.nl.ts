/**
 * Dutch texts for the Excel renderer: one message per failure kind, each naming the fix. Office's
 * own error messages are never shown (they are English, technical and sometimes misleading).
 *
 * The layer rules forbid src/messages to import from src/excel, so the facts are declared here, once:
 * src/excel/failures.ts takes them as its `ExcelFailure`, and `excelFailureText` switches
 * exhaustively over `kind`, so a new failure kind fails the build until it has a message here.
 */

/**
 * What can go wrong while rendering into Excel, as facts (src/excel/failures.ts: `ExcelFailure`).
 * Office's own error messages are never kept: only the error code is looked at.
 */
export type ExcelFailureFacts =
  /** Sheets with the plan's names exist but were not made by the add-in; nothing was written. */
  | { readonly kind: 'SheetNameTaken'; readonly sheet: string; readonly sheets: readonly string[] }
  /**
   * Add-in sheets the user renamed, recognised by their ownership marks (which Excel moved with them):
   * `planned` is the name the plan and its formulas use, `now` the sheet's name. Nothing was written.
   */
  | {
      readonly kind: 'SheetRenamed';
      readonly sheets: readonly { readonly planned: string; readonly now: string }[];
    }
  /** A workbook name or table name the plan needs belongs to the user; nothing was written. */
  | { readonly kind: 'NameTaken'; readonly name: string }
  /** A sheet the add-in must write is protected (sheet known), or Excel refused access (sheet unknown). */
  | { readonly kind: 'ProtectedSheet'; readonly sheet: string | undefined }
  /**
   * Excel refused to lift the protection of these add-in sheets (a password the user set, or Excel's
   * regression office-js #6784: `unprotect()` AccessDenied without a password). Every such sheet is
   * named at once; nothing was changed (protection lifted before the failure is set back).
   */
  | { readonly kind: 'ProtectionStuck'; readonly sheets: readonly string[] }
  /** The workbook structure is protected, so sheets cannot be added. */
  | { readonly kind: 'ProtectedWorkbook' }
  /** Excel did not answer within the time limit (Excel on the web can hang: office-js #6678). */
  | { readonly kind: 'Timeout'; readonly seconds: number }
  | { readonly kind: 'PayloadTooLarge' }
  /** The user is editing a cell. */
  | { readonly kind: 'CellEditMode' }
  | { readonly kind: 'InvalidArgument' }
  | { readonly kind: 'ItemNotFound' }
  | { readonly kind: 'ItemAlreadyExists' }
  /** Opened outside Excel (plain browser, other Office application). */
  | { readonly kind: 'NotInExcel' }
  /** This Excel lacks a required API set, e.g. "ExcelApi 1.9". */
  | { readonly kind: 'UnsupportedHost'; readonly required: string }
  /** The plan itself is malformed (a programming error upstream); detected before anything is written. */
  | { readonly kind: 'InvalidPlan'; readonly sheet: string | undefined; readonly where: string }
  | { readonly kind: 'Unknown'; readonly code: string }
  /**
   * The weights in the workbook belong to another key than the one chosen (its label cell, e.g.
   * Verdeelsleutel!B5, says `workbookKey`): keeping them would put the chosen key's label next to
   * another key's weights. Nothing was written; replacing the weights must be asked for.
   */
  | { readonly kind: 'KeyMismatch'; readonly workbookKey: string; readonly chosenKey: string }
  /**
   * The user's table (e.g. `Begroting` on the sheet Begroting) has a header row the add-in does not know
   * (a column the user inserted, renamed or deleted): migrating it could misplace the user's rows.
   * `found`: its headings; `expected`: the known version's headings closest to them. Nothing was written.
   */
  | {
      readonly kind: 'TableShapeUnknown';
      readonly sheet: string;
      readonly table: string;
      readonly found: readonly string[];
      readonly expected: readonly string[];
    }
  /**
   * Rows given to append to the user's table (`RenderOptions.tableRows`) whose key the table holds
   * already: `row` is the given row (1-based), `key` its key cells, `tableRow` the sheet row with that
   * key. Appending them would count them twice. Nothing was written.
   */
  | {
      readonly kind: 'TableRowsExist';
      readonly sheet: string;
      readonly table: string;
      readonly rows: readonly {
        readonly row: number;
        readonly key: readonly string[];
        readonly tableRow: number;
      }[];
    }
  /**
   * Replacing the rows of the user's table needs the user's agreement to replace exactly `existing`
   * rows (`tableRows.expectRows`): not given yet, or the table changed since. Nothing was written.
   */
  | {
      readonly kind: 'TableRowsToReplace';
      readonly sheet: string;
      readonly table: string;
      readonly existing: number;
      readonly given: number;
    }
  /**
   * A write batch failed part-way (Excel does not roll back): `sheets` may be empty or incomplete.
   * `inputsKept`: the user's inputs are in the restore point and the next render writes them again.
   */
  | {
      readonly kind: 'WriteInterrupted';
      readonly cause: WriteInterruptionCauseFacts;
      readonly code: string;
      readonly sheets: readonly string[];
      readonly inputsKept: boolean;
    };

/** Why a write stopped part-way, as far as the user can act on it. */
export type WriteInterruptionCauseFacts =
  'Timeout' | 'ProtectedSheet' | 'CellEditMode' | 'PayloadTooLarge' | 'Other';

export type RenderStepFacts = 'check' | 'read' | 'write';
export type OptionalFeatureFacts =
  'conditionalFormats' | 'charts' | 'dataValidation' | 'tabColor' | 'printLayout';

/** The parts of a successful render report that the status line mentions. */
export interface RenderSummaryFacts {
  readonly sheets: readonly string[];
  readonly preservedInputs: readonly {
    readonly changedCells: number;
    readonly droppedKeys: readonly string[];
  }[];
  readonly skippedFeatures: readonly OptionalFeatureFacts[];
  /** Input cells a co-author changed during the render and that were written back (`Blad!A1`). */
  readonly coauthorCells?: readonly string[];
  /** Such cells that could not be put back, with what was typed. */
  readonly coauthorLost?: readonly { readonly cell: string; readonly typed: string }[];
  /** Add-in sheets that left the plan and were removed. */
  readonly removedSheets?: readonly string[];
}

type ExcelFailure = ExcelFailureFacts;
type RenderStepLabel = RenderStepFacts;
type OptionalFeature = OptionalFeatureFacts;

const NOTHING_CHANGED = 'Er is niets gewijzigd.';

function quoteList(items: readonly string[]): string {
  const q = items.map((i) => `"${i}"`);
  if (q.length <= 1) return q.join('');
  return `${q.slice(0, -1).join(', ')} en ${q[q.length - 1] ?? ''}`;
}

export function excelFailureText(failure: ExcelFailure): string {
  switch (failure.kind) {
    case 'SheetNameTaken': {
      const sheets = failure.sheets.length > 0 ? failure.sheets : [failure.sheet];
      const which =
        sheets.length === 1
          ? `Er staat al een blad ${quoteList(sheets)} in deze werkmap dat niet door SPUK-begroting is gemaakt.`
          : `Er staan al bladen ${quoteList(sheets)} in deze werkmap die niet door SPUK-begroting zijn gemaakt.`;
      return `${which} ${NOTHING_CHANGED} Geef ${sheets.length === 1 ? 'dat blad' : 'die bladen'} een andere naam (rechtsklik op de bladtab > Naam wijzigen) of laad in een nieuwe, lege werkmap, en klik dan opnieuw op Werkmap laden.`;
    }
    case 'SheetRenamed': {
      const one = failure.sheets.length === 1;
      const what = failure.sheets.map((s) => `"${s.planned}" heet nu "${s.now}"`).join(', ');
      const back = failure.sheets.map((s) => `"${s.now}" → "${s.planned}"`).join(', ');
      return `${one ? 'Een blad' : 'Bladen'} van SPUK-begroting ${one ? 'is' : 'zijn'} hernoemd: ${what}. SPUK-begroting herkent ${one ? 'het' : 'ze'} aan ${one ? 'zijn' : 'hun'} markering, maar de formules en het vernieuwen gebruiken de oorspronkelijke naam; onder de nieuwe naam zou een nieuw, leeg blad worden gemaakt. ${NOTHING_CHANGED} Geef ${one ? 'het blad zijn' : 'de bladen hun'} oorspronkelijke naam terug (rechtsklik op de bladtab > Naam wijzigen: ${back}) en klik dan opnieuw op Werkmap laden. Wat u op ${one ? 'het blad' : 'de bladen'} typte, blijft staan.`;
    }
    case 'NameTaken':
      return `De naam "${failure.name}" bestaat al in deze werkmap, als naam of als tabel buiten de bladen van SPUK-begroting. ${NOTHING_CHANGED} Geef die naam of tabel een andere naam (Formules > Namen beheren) en klik dan opnieuw op Werkmap laden.`;
    case 'ProtectedSheet':
      return failure.sheet !== undefined
        ? `Het blad "${failure.sheet}" is beveiligd. ${NOTHING_CHANGED} Hef de beveiliging op (Controleren > Beveiliging blad opheffen) en klik dan opnieuw op Werkmap laden.`
        : 'Excel staat de wijziging niet toe: een blad of de werkmap is beveiligd of alleen-lezen. Hef de beveiliging op (Controleren > Beveiliging blad opheffen) of open de werkmap om te bewerken, en klik dan opnieuw op Werkmap laden.';
    case 'ProtectionStuck': {
      const one = failure.sheets.length === 1;
      return `Excel kon de beveiliging van ${one ? 'het blad' : 'de bladen'} ${quoteList(failure.sheets)} niet opheffen (${one ? 'het blad is' : 'ze zijn'} met een wachtwoord beveiligd, of dit is een fout in deze Excel-versie). ${NOTHING_CHANGED} Hef de beveiliging van ${one ? 'dat blad' : 'elk van die bladen'} op (Controleren > Beveiliging blad opheffen), zet in het taakvenster "Bladen niet beveiligen" aan zodat Excel ze niet opnieuw vastzet, en klik dan opnieuw op Werkmap laden.`;
    }
    case 'ProtectedWorkbook':
      return `De structuur van deze werkmap is beveiligd (Controleren > Werkmap beveiligen). SPUK-begroting moet een blad toevoegen, een eigen blad verwijderen dat niet meer bij de werkmap hoort (zoals Wat is er veranderd als u geen vergelijking meer kiest) of zijn tijdelijke herstelblad maken en weer verwijderen, en dat staat een beveiligde werkmapstructuur niet toe. ${NOTHING_CHANGED} Klik op Controleren > Werkmap beveiligen om die beveiliging op te heffen (vul het wachtwoord in als Excel erom vraagt), klik dan opnieuw op Werkmap laden en beveilig de werkmap daarna weer als u dat wilt. De beveiliging van afzonderlijke bladen (Beveiliging blad opheffen) is iets anders en hoeft niet te veranderen.`;
    case 'Timeout':
      return `Excel reageerde niet binnen ${Math.max(1, Math.ceil(failure.seconds))} seconden. Wacht tot Excel weer reageert (of laad Excel op het web opnieuw) en klik dan opnieuw op Werkmap laden.`;
    case 'PayloadTooLarge':
      return 'Er moest te veel tegelijk naar Excel worden gestuurd. Klik opnieuw op Werkmap laden; lukt het dan nog niet, gebruik dan Excel voor Windows of Mac.';
    case 'CellEditMode':
      return 'Rond eerst de celbewerking af (Enter of Esc) en klik dan opnieuw op Werkmap laden.';
    case 'InvalidArgument':
      return 'Excel weigerde een onderdeel van de bladen. Klik opnieuw op Werkmap laden; gebeurt dit weer, meld het dan aan de beheerders van SPUK-begroting.';
    case 'ItemNotFound':
      return 'Een blad of naam van SPUK-begroting verdween tijdens het laden. Wijzig niets aan de werkmap tot het laden klaar is en klik opnieuw op Werkmap laden.';
    case 'ItemAlreadyExists':
      return 'Een naam of tabel van SPUK-begroting bestaat al in deze werkmap. Verwijder namen die met "SPUK" beginnen die u zelf hebt gemaakt (Formules > Namen beheren) en klik opnieuw op Werkmap laden.';
    case 'NotInExcel':
      return 'SPUK-begroting werkt alleen als invoegtoepassing in Excel. Open een werkmap in Excel (Windows, Mac of op het web) en start SPUK-begroting via Start > Invoegtoepassingen.';
    case 'UnsupportedHost':
      return `Deze versie van Excel is te oud voor SPUK-begroting (nodig: ${failure.required}). Werk Office bij of gebruik Excel op het web, en probeer het opnieuw.`;
    case 'InvalidPlan':
      return `Interne fout: het ontwerp van de werkmap is ongeldig (${failure.sheet !== undefined ? `${failure.sheet}, ` : ''}${failure.where}). ${NOTHING_CHANGED} Meld dit aan de beheerders van SPUK-begroting.`;
    case 'Unknown':
      return `Excel meldde een onverwachte fout (code ${failure.code}). Klik opnieuw op Werkmap laden; gebeurt dit weer, sla de werkmap op, start Excel opnieuw en probeer het nog eens.`;
    case 'KeyMismatch': {
      if (failure.workbookKey.trim() === '')
        // No key to choose: the pane asks on the next click (replace, or keep and fill in B5).
        return `Bij welke verdeelsleutel de gewichten in deze werkmap horen, is onbekend (cel B5 op het blad Verdeelsleutel is leeg). ${NOTHING_CHANGED} Klik opnieuw: SPUK-begroting vraagt dan of de gewichten vervangen mogen worden door "${failure.chosenKey}". Wilt u ze houden, typ dan in die cel de verdeelsleutel waar ze bij horen.`;
      return `De gewichten in deze werkmap horen bij verdeelsleutel "${failure.workbookKey}", u koos "${failure.chosenKey}". ${NOTHING_CHANGED} Kies de verdeelsleutel van de werkmap om uw gewichten te houden, of bevestig dat de gewichten van "${failure.chosenKey}" ze vervangen, en klik dan opnieuw op Werkmap laden.`;
    }
    case 'TableShapeUnknown':
      return tableShapeText(failure);
    case 'TableRowsExist': {
      const shown = failure.rows
        .slice(0, 10)
        .map(
          (r) => `regel ${r.row} (${r.key.filter((k) => k !== '').join(', ')}) staat al op rij ${r.tableRow}`,
        );
      const more = failure.rows.length - shown.length;
      const list = `${shown.join('; ')}${more > 0 ? `; en nog ${more} ${more === 1 ? 'regel' : 'regels'}` : ''}`;
      return `Deze regels staan al in de tabel ${failure.table} op het blad ${failure.sheet}: ${list}. Toevoegen zou die besteding twee keer tellen. ${NOTHING_CHANGED} Plak alleen de nieuwe regels en klik dan opnieuw op Toevoegen, of klik op Vervangen om de hele tabel door de geplakte regels te vervangen (de huidige regels blijven dan bewaard op een eigen blad).`;
    }
    case 'TableRowsToReplace':
      return `De tabel ${failure.table} op het blad ${failure.sheet} heeft ${failure.existing} ${failure.existing === 1 ? 'regel' : 'regels'}; vervangen door ${failure.given} ${failure.given === 1 ? 'regel' : 'regels'} gebeurt pas nadat u dat bevestigt. ${NOTHING_CHANGED} Klik op Vervangen en bevestig het aantal regels.`;
    case 'WriteInterrupted': {
      const sheets =
        failure.sheets.length === 1
          ? `Het blad ${quoteList(failure.sheets)} kan daardoor leeg of onvolledig zijn.`
          : `De bladen ${quoteList(failure.sheets)} kunnen daardoor leeg of onvolledig zijn.`;
      const kept = failure.inputsKept
        ? ' Uw invoer (gewichten, keuzes) is vooraf bewaard en wordt bij de volgende keer laden teruggezet, niet vervangen door standaardwaarden.'
        : '';
      return `Het schrijven naar Excel is halverwege afgebroken: ${interruptionText(failure.cause, failure.code)} ${sheets}${kept} ${interruptionFix(failure.cause)}`;
    }
    default:
      return assertNever(failure);
  }
}

type InterruptionCause = Extract<ExcelFailure, { kind: 'WriteInterrupted' }>['cause'];

function interruptionText(cause: InterruptionCause, code: string): string {
  switch (cause) {
    case 'Timeout':
      return 'Excel reageerde niet op tijd.';
    case 'ProtectedSheet':
      return 'een blad werd intussen beveiligd (bijvoorbeeld door een medeauteur), of de werkmap is alleen-lezen.';
    case 'CellEditMode':
      return 'er werd intussen een cel bewerkt.';
    case 'PayloadTooLarge':
      return 'er moest te veel tegelijk naar Excel worden gestuurd.';
    case 'Other':
      return `Excel meldde een fout (code ${code}).`;
    default:
      return assertNever(cause);
  }
}

function interruptionFix(cause: InterruptionCause): string {
  switch (cause) {
    case 'ProtectedSheet':
      return 'Hef de beveiliging op (Controleren > Beveiliging blad opheffen) en klik dan opnieuw op Werkmap laden of Vernieuwen.';
    case 'CellEditMode':
      return 'Rond de celbewerking af (Enter of Esc) en klik dan opnieuw op Werkmap laden of Vernieuwen.';
    case 'Timeout':
      return 'Wacht tot Excel weer reageert en klik dan opnieuw op Werkmap laden of Vernieuwen.';
    case 'PayloadTooLarge':
    case 'Other':
      return 'Klik opnieuw op Werkmap laden of Vernieuwen; gebeurt dit weer, sla de werkmap op, start Excel opnieuw en probeer het nog eens.';
    default:
      return assertNever(cause);
  }
}

function assertNever(value: never): never {
  throw new Error(`Unhandled Excel failure: ${JSON.stringify(value)}`);
}

export function renderStepText(label: RenderStepLabel): string {
  switch (label) {
    case 'check':
      return 'Werkmap controleren';
    case 'read':
      return 'Uw invoer bewaren';
    case 'write':
      return 'Bladen schrijven';
    default:
      return assertNever(label);
  }
}

/** "Stap 2 van 3: Uw invoer bewaren" */
export function progressText(progress: {
  readonly step: number;
  readonly total: number;
  readonly label: RenderStepLabel;
}): string {
  return `Stap ${progress.step} van ${progress.total}: ${renderStepText(progress.label)}`;
}

export function featureText(feature: OptionalFeature): string {
  switch (feature) {
    case 'charts':
      return 'grafieken';
    case 'conditionalFormats':
      return 'voorwaardelijke opmaak';
    case 'dataValidation':
      return 'invoercontrole';
    case 'tabColor':
      return 'tabkleuren';
    case 'printLayout':
      return 'afdrukinstellingen';
    default:
      return assertNever(feature);
  }
}

/** At most this many cells are named; the rest are counted. */
const MAX_CELLS_NAMED = 10;

function cellList(cells: readonly string[]): string {
  const named = cells.slice(0, MAX_CELLS_NAMED);
  const rest = cells.length - named.length;
  const last = rest > 0 ? `nog ${rest} ${rest === 1 ? 'cel' : 'cellen'}` : named.pop();
  return named.length === 0 ? (last ?? '') : `${named.join(', ')} en ${last ?? ''}`;
}

/**
 * What the user hears about a co-author's typing during Laden/Vernieuwen (office-js #108), naming the
 * cells: written back and counted, or (when they could not be put back) overwritten, with what was
 * typed, to type again. Undefined when nobody typed.
 */
export function coauthorEditsText(facts: {
  readonly coauthorCells?: readonly string[];
  readonly coauthorLost?: readonly { readonly cell: string; readonly typed: string }[];
}): string | undefined {
  const parts: string[] = [];
  const restored = facts.coauthorCells ?? [];
  if (restored.length > 0) {
    parts.push(
      restored.length === 1
        ? `Iemand anders wijzigde tijdens het laden de cel ${cellList(restored)}; die wijziging is teruggezet en telt mee.`
        : `Iemand anders wijzigde tijdens het laden de cellen ${cellList(restored)}; die wijzigingen zijn teruggezet en tellen mee.`,
    );
  }
  const lost = facts.coauthorLost ?? [];
  if (lost.length > 0) {
    const cells = cellList(
      lost.map((l) => (l.typed === '' ? `${l.cell} (leeggemaakt)` : `${l.cell} (${l.typed})`)),
    );
    parts.push(
      lost.length === 1
        ? `Iemand anders wijzigde tijdens het laden de cel ${cells}; die wijziging kon niet worden teruggezet en is overschreven. Typ die waarde opnieuw.`
        : `Iemand anders wijzigde tijdens het laden de cellen ${cells}; die wijzigingen konden niet worden teruggezet en zijn overschreven. Typ die waarden opnieuw.`,
    );
  }
  return parts.length > 0 ? parts.join(' ') : undefined;
}

/** The add-in sheets a render removed because the werkmap no longer has them (e.g. no comparison). */
export function removedSheetsText(sheets: readonly string[]): string | undefined {
  if (sheets.length === 0) return undefined;
  return sheets.length === 1
    ? `Het blad ${quoteList(sheets)} hoort niet meer bij de werkmap en is verwijderd.`
    : `De bladen ${quoteList(sheets)} horen niet meer bij de werkmap en zijn verwijderd.`;
}

/** One line for the status bar after a successful load. */
export function renderSuccessMessage(report: RenderSummaryFacts): string {
  const parts = [`Klaar: ${report.sheets.length} ${report.sheets.length === 1 ? 'blad' : 'bladen'} geladen.`];
  const kept = report.preservedInputs.reduce((n, p) => n + p.changedCells, 0);
  if (kept > 0) parts.push(`${kept} eigen ${kept === 1 ? 'invoerwaarde' : 'invoerwaarden'} behouden.`);
  const dropped = report.preservedInputs.flatMap((p) => p.droppedKeys);
  if (dropped.length > 0) {
    parts.push(
      `Invoer voor ${quoteList(dropped)} is niet overgenomen: die rijen staan niet meer in de gegevens.`,
    );
  }
  if (report.skippedFeatures.length > 0) {
    parts.push(
      `Niet beschikbaar in deze Excel-versie: ${report.skippedFeatures.map(featureText).join(', ')}.`,
    );
  }
  const removed = removedSheetsText(report.removedSheets ?? []);
  if (removed !== undefined) parts.push(removed);
  const coauthor = coauthorEditsText(report);
  if (coauthor !== undefined) parts.push(coauthor);
  return parts.join(' ');
}

/**
 * The user's table has columns the add-in does not know: which ones differ, both lists, and how to put
 * them back (the user's own extra data can go in a column next to the table).
 */
function tableShapeText(failure: Extract<ExcelFailure, { kind: 'TableShapeUnknown' }>): string {
  const extra = failure.found.filter((c) => !failure.expected.includes(c));
  const missing = failure.expected.filter((c) => !failure.found.includes(c));
  const differs = [
    extra.length > 0 ? `extra of anders genoemd: ${quoteList(extra.map(shown))}` : '',
    missing.length > 0 ? `ontbreekt: ${quoteList(missing)}` : '',
  ]
    .filter((x) => x !== '')
    .join('; ');
  const what = differs !== '' ? ` (${differs})` : ` (andere volgorde: ${movedText(failure)})`;
  return `De kolommen van de tabel "${failure.table}" op het blad "${failure.sheet}" zijn niet de kolommen die SPUK-begroting kent${what}. Gevonden: ${quoteList(failure.found.map(shown))}. Verwacht: ${quoteList(failure.expected)}. ${NOTHING_CHANGED} Zet de kolommen terug zoals verwacht: verwijder een zelf ingevoegde kolom (zet wat erin staat eerst in een kolom naast de tabel), geef een hernoemde kolom zijn naam terug en zet verschoven kolommen terug op hun plaats. Klik dan opnieuw op Werkmap laden; uw rijen blijven staan.`;
}

/**
 * The headings of a table with the known columns in another order, as the user can find them: each
 * heading not at its expected place, with the column it is in and the one it belongs in (A = 1).
 */
function movedText(failure: Extract<ExcelFailure, { kind: 'TableShapeUnknown' }>): string {
  const moved = failure.found
    .map((c, i) => ({ c, at: i, want: failure.expected.indexOf(c) }))
    .filter((x) => x.want >= 0 && x.want !== x.at);
  const letter = (i: number): string =>
    i < 26
      ? String.fromCharCode(65 + i)
      : String.fromCharCode(64 + Math.floor(i / 26)) + String.fromCharCode(65 + (i % 26));
  return moved
    .map((x) => `"${shown(x.c)}" staat in kolom ${letter(x.at)}, hoort in kolom ${letter(x.want)}`)
    .join('; ');
}

/** An empty heading, as the user sees it in the message. */
function shown(heading: string): string {
  return heading === '' ? '(leeg)' : heading;
}
