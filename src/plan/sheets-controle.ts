import type { ModelCheckId } from '../domain';
import { columnLetter } from './a1';
import { SheetRange } from './anchors';
import type { PlanContext } from './context';
import { SHEETS } from './layout';
import type { Built } from './sheet-builder';
import { SheetBuilder } from './sheet-builder';
import type { AfrondingCells, AllocatieCells, VerdeelsleutelCells } from './sheets-gemeenten';
import { GEWICHT_KOLOM } from './sheets-gemeenten';
import type { IzaCells } from './iza-layout';
import type { LandelijkCells } from './sheets-landelijk';
import type { BegrotingTableCells } from './begroting/fixed-cells';
import type { RealisatieControle, WerkmapCheckId } from './realisatie/checks';
import { realisatieChecks, WERKMAP_CHECKS } from './realisatie/checks';

/** What Controle exposes: the master check (0 = every control passes), shown on Overzicht. */
export interface ControleCells {
  readonly master: SheetRange;
}

/** The anchors Controle counts deviations in. */
export interface ControleFrom {
  readonly landelijk: Pick<
    LandelijkCells,
    'galaStatus' | 'compositionCheck' | 'ramingCheck' | 'inputs' | 'bbvFlags'
  >;
  readonly verdeelsleutel: VerdeelsleutelCells;
  readonly afronding: AfrondingCells;
  readonly allocatie: AllocatieCells;
  readonly iza: IzaCells;
  /** The begroting's signal count (the Begrotingstoets is built later; a fixed cell) and its value. */
  readonly signalen: { readonly cell: SheetRange; readonly count: number };
  /** The chosen gemeente's row on Overzicht's helper cell (built after Controle; a fixed cell there): a number when it exists. */
  readonly chosen: SheetRange;
  /** Overzicht's hidden count of amount cells that no longer equal their formula (a fixed cell there). */
  readonly overwritten: SheetRange;
  /** Overzicht's hidden count of its differences with the Begrotingstoets per post and year (a fixed cell there). */
  readonly aansluiting: SheetRange;
  /**
   * The user's Begroting table (a fixed place, `begrotingTable(years)`) and its headings in order
   * (`begrotingKolommen(years)`): where the formulas read them, and its amounts, are checked.
   */
  readonly begroting: { readonly table: BegrotingTableCells; readonly kolommen: readonly string[] };
  /**
   * The input amounts checked for text (issue #17 item 3): the Beschikking's (grid, from the
   * mandaatgemeente) and the Begrotingstoets's (overheveling, vooruit ontvangen, limits). Absent: 0.
   */
  readonly invoer?: {
    readonly beschikking: readonly Invoer[];
    readonly toets: readonly Invoer[];
  };
  /**
   * With a Realisatie: the count of its rows without a Begroting row (Besteding!B3, a fixed cell: the
   * sheet is built after Controle). Absent: no such check row.
   */
  readonly realisatie?: SheetRange;
  /**
   * With a Realisatie: its table and headings and the count of the Verantwoording's inputs that are
   * text (src/plan/realisatie/checks.ts: `realisatie-kolommen`, `realisatie-tekst`,
   * `verantwoording-tekst`, each expected 0). Absent: no such check rows.
   */
  readonly realisatieTabel?: RealisatieControle;
  /**
   * A mandaatgemeente's werkmap with a Realisatie: the count of its SPUK IZA rows whose Uitvoerder is
   * neither empty, the gemeente nor a medeoverheid on the sheet (Besteding!B4, fixed like B3). Absent:
   * no such check row.
   */
  readonly uitvoerder?: SheetRange;
  /** The count of beschikking amounts in a year without the regeling's money (Excel expression; absent: 0). */
  readonly beschikkingJaren?: string;
  /**
   * The Samenvatting's baten total per year and the Begrotingstoets's baten it must equal (check
   * `samenvatting`), with the domain's difference per year (`samenvattingVerschil`, 0 = equal).
   * Absent: the check counts 0 (no Samenvatting).
   */
  readonly samenvatting?: {
    readonly totaal: SheetRange;
    readonly plafondNa: SheetRange;
    readonly vanMandaat: SheetRange;
    readonly verschil: readonly number[];
    /** The years of `totaal`'s columns: the helper row's headings (#18: "€ 0" × 8 printed without years). */
    readonly jaren: readonly number[];
  };
}

/** An input range checked for text, with what the reader calls it (the check's per-range columns). */
export interface Invoer {
  readonly range: SheetRange;
  readonly naam: string;
}

/**
 * Every control counts deviations; the master is their sum. Only model integrity counts (the splits
 * add up, the rounding hands out exactly d euros, Bijlage 2A and 2B are met to the euro, inputs are
 * well-formed, rows are not sorted): a user who types another national amount or a mutation changes
 * the model, not its integrity, so that is never a FOUT (Landelijk shows it as information). Inputs
 * are well-formed includes no text in an input amount (issue #17: a pasted amount that is text is
 * skipped or replaced without a word) and a built-in key's weights equal to their source (a sorted
 * or overtyped weight; own weights are an own key, see `keySourceCheck`).
 */
export function buildControle(
  /** Only the model checks' expectations depend on the scenario (a batch shares the sheet by them). */
  ctx: { readonly scenario: Pick<PlanContext['scenario'], 'modelChecks'> },
  from: ControleFrom,
): Built<ControleCells> {
  const s = new SheetBuilder(SHEETS.controle, 'controle');
  const cells: ControleCells = { master: SheetRange.at(SHEETS.controle, 4, 3) };
  s.value('A1', 'Controles (0 = goed)', 'title');
  s.value(
    'A2',
    'Elke regel telt de afwijkingen; het totaal staat ook op het blad Overzicht. De lijsten van kolomkoppen onderaan staan alleen op het scherm.',
    'subtitle',
  );
  s.values('A3', [['Controle', 'Omschrijving', 'Afwijkingen']], 'header');
  s.values('A4', [['Totaal', 'Som van alle controles hieronder']], 'rowHeader');
  // Rows: the checks (6…; the text and key checks last), the begroting's info row, the Samenvatting
  // helper (its note and its row),
  // a blank row, then the list of the Begroting table's headings (its heading row first).
  const all = (samenvattingRow: number, list: SheetRange, realisatieList: SheetRange): Check[] => [
    ...modelChecks(from),
    ...sourceChecks(from, samenvattingRow),
    ...begrotingTableChecks(from.begroting.table, list),
    ...tekstChecks(from),
    ...(from.realisatieTabel ? realisatieChecks(from.realisatieTabel, deviationsOf(realisatieList)) : []),
  ];
  const nowhere = SheetRange.at(SHEETS.controle, 1, 1);
  const nChecks = all(0, nowhere, nowhere).length;
  const samenvattingRow = 10 + nChecks;
  const headingList = SheetRange.at(SHEETS.controle, samenvattingRow + 3, 1, from.begroting.kolommen.length);
  // The Realisatie's heading list below the Begroting's (a blank row and its heading row between).
  const realisatieList = SheetRange.at(
    SHEETS.controle,
    headingList.bottom + 3,
    1,
    Math.max(1, from.realisatieTabel?.kolommen.length ?? 0),
  );
  const checks = all(samenvattingRow, headingList, realisatieList);
  // What the domain says each control must count (its own reconciliation of the same data); the
  // werkmap-only checks (src/plan/realisatie/checks.ts) 0.
  const expected = (id: Check[0]): number => (isWerkmapCheck(id) ? 0 : ctx.scenario.modelChecks[id]);
  const total = checks.reduce((a, [id]) => a + expected(id), 0);
  // A check whose terms do not fit in one formula counts per range in the columns "Deel 1" … from
  // E (headings in the header row; the description names the ranges in that order, #18: "0 0 0"
  // printed without a heading and the text pointed at "kolom E en verder").
  let bereiken = 0;
  checks.forEach(([id, name, text, f, namen], i) => {
    const row = 6 + i;
    const formula = typeof f === 'string' ? f : termsFormula(s, row, f, expected(id));
    const split = typeof f !== 'string' && formula !== f.join('+');
    if (split) bereiken = Math.max(bereiken, f.length);
    s.values(`A${row}`, [[name, split ? `${text} (${perBereik(f.length, namen)})` : text]]);
    s.formula(`C${row}`, formula.endsWith('=0') ? `1*(${formula})` : formula, () => expected(id), 'integer');
  });
  if (bereiken > 0)
    s.values('D3', [['', ...Array.from({ length: bereiken }, (_, j) => `Deel ${j + 1}`)]], 'header');
  s.formula(cells.master.address(), `SUM(C6:C${5 + checks.length})`, () => total, 'check');
  // The begroting's signals are about the user's plan, not the model's integrity: shown, not counted.
  const info = 7 + checks.length;
  s.values(
    `A${info}`,
    [['Begroting', `Signalen van de begroting (telt niet mee in het totaal; zie blad ${SHEETS.toets})`]],
    'note',
  );
  s.formula(`C${info}`, from.signalen.cell.abs(), () => from.signalen.count, 'integer');
  samenvattingHelper(s, from, samenvattingRow);
  headingListSection(s, from.begroting, headingList);
  if (from.realisatieTabel) headingListSection(s, from.realisatieTabel, realisatieList);
  s.width('A', 20).width('B', 100).width('C', 14).width('D', 16);
  // The print: the checks, the begroting's signals and the Samenvatting's row per year (columns A up
  // to its last year); the lists of column headings below are read on screen when their check is not
  // 0 (#18: two pages of "0" rows; the werkmap's print stays within its pages).
  const years = from.samenvatting ? from.samenvatting.totaal.right - from.samenvatting.totaal.left + 1 : 2;
  s.printColumns('A', columnLetter(Math.max(4, 2 + years)), samenvattingRow);
  // A check's name and description wrap in their columns, the row as high as its lines (#18: a long
  // description was cut at the count beside it, a long name ran into its description).
  s.wrapLongTexts('A', 20).wrapLongTexts('B', 100);
  // Landscape: the Samenvatting helper row (one column per year) and the heading list widen the sheet
  // beyond a portrait page at 7 pt (measured 6.2 pt portrait, #18).
  // One page tall: a page more held only the last checks (Calibri metrics, #18).
  s.printAs('landscape', true).printLayout({ fitToHeight: 1 });
  return { sheet: s, cells };
}

/**
 * Issue #17 item 4 (the integrator's decision): the built-in key's weights against their source on
 * Verdeelsleutel (E, F or G, or 1 for `gelijk`), the way `builtInKey` makes them: 0 = equal (the
 * domain's weights are the source's by construction), 1 = a weight differs, counted as FOUT. A sorted
 * weight column (Excel lets a user sort the unlocked weights alone) or a weight typed over changes
 * every estimated amount while the werkmap still names the built-in key, so the published figures
 * would change without a word. Deliberate own weights are an own key: a key file made into the werkmap
 * with `spuk-begroting werkboek --sleutel-bestand` (key "eigen", which has no source: this check then
 * counts 0; the pane keeps such weights and asks before replacing them). SUMXMY2 (Σ squared
 * differences) is 0 exactly when every weight equals its source, without an array formula.
 */
function keySourceCheck(from: ControleFrom): Check {
  const vs = from.verdeelsleutel;
  const src = vs.keySource;
  const where = `blad ${SHEETS.verdeelsleutel}`;
  if (src === undefined)
    return [
      'sleutel-bron',
      'Sleutel',
      `Eigen gewichten (${where}, sleutel eigen): geen bron om mee te vergelijken`,
      '0',
    ];
  const what = src === 1 ? 'gelijk: 1 per gemeente' : src.label;
  return [
    'sleutel-bron',
    'Sleutel',
    `Gewichten (${where}, kolom "${GEWICHT_KOLOM}") = de bron van de sleutel (${what}); 1 = een gewicht is gesorteerd of overtypt en de geschatte bedragen zijn niet meer die van de sleutel. Zet de gewichten terug, of maak van bewust andere gewichten een eigen sleutel (een sleutelbestand, opgegeven bij het maken van de werkmap)`,
    src === 1
      ? `1*(COUNTIF(${vs.weights.abs()},"<>1")>0)`
      : `IF(SUMXMY2(${vs.weights.abs()},${src.range.abs()})=0,0,1)`,
  ];
}

/** COUNTA − COUNT over each range (the non-empty cells that are no number: text): the terms of a sum. */
function countText(ranges: readonly SheetRange[]): string[] {
  return ranges.map((r) => `COUNTA(${r.abs()})-COUNT(${r.abs()})`);
}

/**
 * Issue #17 item 3 beyond the Begroting table: input amounts that are text (a paste from a letter or a
 * web page: "3.912.345" with a no-break space, "€ 1.000"). Data validation does not stop a paste, the
 * CLI and the pane refuse the same text. On the Beschikking a text amount falls back to the edition's
 * amount without a word; on the Begrotingstoets SUM skips it; on Landelijk a split reads it as text.
 * Each sheet's inputs are one check, naming where to look; the key's weights against their source last.
 */
function tekstChecks(from: ControleFrom): Check[] {
  const l = from.landelijk;
  return [
    [
      'beschikking-tekst',
      'Tekst in beschikking',
      `Bedragen op het blad ${SHEETS.beschikking} die tekst zijn (geplakt "3.912.345"): dan geldt zonder melding het bedrag van de editie. Typ een getal; het jaar staat op het blad ${SHEETS.toets} (rij "Tekst in een bedrag (blad ${SHEETS.beschikking})")`,
      countText((from.invoer?.beschikking ?? []).map((x) => x.range)),
      (from.invoer?.beschikking ?? []).map((x) => x.naam),
    ],
    [
      'invoer-tekst',
      'Tekst in invoer toets',
      `Invoer op het blad ${SHEETS.toets} die tekst is (overheveling, vooruit ontvangen, limieten %): telt niet mee. Typ een getal (rij "Tekst in de invoer" op dat blad)`,
      countText((from.invoer?.toets ?? []).map((x) => x.range)),
      (from.invoer?.toets ?? []).map((x) => x.naam),
    ],
    [
      'landelijk-tekst',
      'Tekst op Landelijk',
      `Invoer op het blad ${SHEETS.landelijk} die tekst is (landelijk bedrag, structureel niveau, BBV-vlag; gele cellen): typ een getal`,
      countText([l.inputs, l.bbvFlags]),
      ['landelijke bedragen en structureel niveau', 'BBV-vlaggen'],
    ],
    keySourceCheck(from),
    ...realisatieCheck(from),
  ];
}

/**
 * Issue #17: the Realisatie's key signal (a filled row whose Regeling|Onderdeel|Activiteit is no row
 * of the Begroting table: a typo or a row left out makes the realisatie no longer line up with the
 * begroting per activity) as a counted check, only in a werkmap with a Realisatie.
 */
function realisatieCheck(from: ControleFrom): Check[] {
  if (from.realisatie === undefined) return [];
  return [
    [
      'realisatie-sleutel',
      'Realisatie',
      `Rijen van de tabel ${SHEETS.realisatie} zonder begrotingsregel (Regeling, Onderdeel en Activiteit staan zo niet op het blad ${SHEETS.begroting}): corrigeer de rij of voeg de begrotingsregel toe (per rij: blad ${SHEETS.besteding}, kolom "Zonder begrotingsregel")`,
      from.realisatie.abs(),
    ],
    ...(from.uitvoerder === undefined
      ? []
      : [
          [
            'realisatie-uitvoerder',
            'Uitvoerder',
            `Rijen SPUK IZA van de tabel ${SHEETS.realisatie} met spaties voor of na de Uitvoerder (de formules vergelijken de hele tekst: " Kampen" is niet Kampen). Die besteding telt nu als eigen uitvoering (H35). Haal de spaties weg; een medeoverheid (H35B) typt u met de naam of CBS-code zoals op het blad ${SHEETS.verantwoording} (herkende spellingen: blad ${SHEETS.besteding})`,
            from.uitvoerder.abs(),
          ] as Check,
        ]),
  ];
}

/**
 * A control: its id (the domain's `ModelCheckId`), its name, its description, and the formula that
 * counts its deviations, or the terms of that sum (`termsFormula`).
 */
type Check = [
  ModelCheckId | WerkmapCheckId,
  string,
  string,
  string | readonly string[],
  /** The terms' ranges as the reader calls them (shown when the terms get their own columns). */
  (readonly string[])?,
];

/**
 * "afwijkingen per deel, rechts: 1 …, 2 …" for a check counted per range in the columns headed
 * "Deel 1" … (`termsFormula`): in words what each part counts (#18 review 12: "Bereik 1–4" over a row
 * of zeros told a reader nothing).
 */
function perBereik(n: number, namen: readonly string[] | undefined): string {
  const named = namen !== undefined && namen.length === n;
  return named
    ? `afwijkingen per deel, rechts: ${namen.map((x, j) => `${j + 1} ${x}`).join(', ')}`
    : `afwijkingen per deel, rechts in de kolommen Deel 1 tot en met ${n}`;
}

/** A check of src/plan/realisatie/checks.ts (expected 0), not one of the domain's model checks. */
function isWerkmapCheck(id: Check[0]): id is WerkmapCheckId {
  return (WERKMAP_CHECKS as readonly string[]).includes(id);
}

/** Column C of a heading list (`headingListSection`): its 0/1 deviation per heading. */
function deviationsOf(list: SheetRange): SheetRange {
  return SheetRange.at(SHEETS.controle, list.top, 3, list.bottom - list.top + 1).local();
}

/** The longest formula the plan writes in one cell (`plan-lint.test.ts`). */
const MAX_FORMULA = 125;

/**
 * The sum of `terms` for the check on `row`: one formula when it fits in a cell, else each term in a
 * helper cell of the row from column E and their SUM (a check whose expected count is 0, the only
 * kind with many terms: the text checks; throws otherwise).
 */
function termsFormula(s: SheetBuilder, row: number, terms: readonly string[], expected: number): string {
  if (terms.length === 0) return '0';
  const joined = terms.join('+');
  if (joined.length <= MAX_FORMULA - 4) return joined;
  if (expected !== 0) throw new Error(`Controle row ${row}: a split check must expect 0`);
  terms.forEach((term, j) =>
    s.formula(SheetRange.at(SHEETS.controle, row, 5 + j).address(), term, () => 0, 'integer'),
  );
  return `SUM(${SheetRange.at(SHEETS.controle, row, 5, 1, terms.length).address()})`;
}

/** COUNTIF(…,"<>0") over each range, summed ("0" for none). */
function countNonZero(ranges: readonly SheetRange[]): string {
  return ranges.length === 0 ? '0' : ranges.map((r) => `COUNTIF(${r.abs()},"<>0")`).join('+');
}

/** The model's own checks: splits, rounding, Bijlage 2A, weights, row order. */
function modelChecks(from: ControleFrom): Check[] {
  const { verdeelsleutel: vs, afronding, allocatie } = from;
  const weights = vs.weights.abs();
  return [
    [
      'verdeling',
      'Verdeling',
      'Som van de ontvangers = landelijk bedrag (geschatte kolommen; regionaal geld: alle regio’s, SamenTwente inbegrepen)',
      `COUNTIF(${allocatie.checks.abs()},"<>0")`,
    ],
    [
      'afronding',
      'Afronding',
      "Uitgedeelde afrondingseuro's = d in elke geschatte kolom",
      `COUNTIF(${afronding.correctionChecks.abs()},"<>0")`,
    ],
    [
      'afronding-2a',
      'Afronding 2A',
      "Per gemeente en jaar: uitgedeelde afrondingseuro's = d (afgeleid uit Bijlage 2A)",
      countNonZero(afronding.rowCorrectionChecks),
    ],
    [
      'bijlage-2a',
      'Bijlage 2A',
      'Per gemeente en jaar: som van de onderdelen = Bijlage 2A, tot op de euro',
      countNonZero(afronding.bijlage2AChecks),
    ],
    [
      'gewichten',
      'Gewichten',
      'Geen negatieve, lege of tekstgewichten',
      `COUNTIF(${weights},"<0")+ROWS(${weights})-COUNT(${weights})`,
    ],
    [
      'volgorde',
      'Volgorde',
      'Rijen van Verdeelsleutel, Allocatie en de IZA-indeling horen bij dezelfde gemeente (niet sorteren)',
      `SUM(${afronding.order.abs()})`,
    ],
    [
      'som-gewichten',
      'Som gewichten',
      'De som van de gewichten is groter dan 0',
      `COUNTIF(${vs.weightTotal.abs()},"<=0")`,
    ],
  ];
}

/**
 * The check `samenvatting`'s helper row (issue 16, "one truth"): per year (from column C), the
 * Samenvatting's "Totaal baten" minus the Begrotingstoets's baten (Σ plafond na overheveling + Σ van
 * de mandaatgemeente); the check counts the years that are not 0. Expected: the domain's
 * `samenvattingVerschil`.
 */
function samenvattingHelper(s: SheetBuilder, from: ControleFrom, row: number): void {
  const sv = from.samenvatting;
  if (sv === undefined) return;
  const n = sv.totaal.right - sv.totaal.left + 1;
  // Its own heading row: the years above the amounts (#18: a row of "€ 0" printed without years).
  s.values(
    `A${row - 1}`,
    [['Samenvatting', `Totaal baten op de Samenvatting − de baten op de ${SHEETS.toets}, per jaar`]],
    'note',
  );
  s.values(`C${row - 1}`, [sv.jaren.slice(0, n).map(String)], 'header');
  s.values(`B${row}`, [['Verschil (0 = gelijk)']]);
  const col = (r: SheetRange, c: number): string => {
    const one = r.cols(c);
    return one.top === one.bottom ? one.abs() : `SUM(${one.abs()})`;
  };
  for (let c = 0; c < n; c++)
    s.formula(
      SheetRange.at(SHEETS.controle, row, 3 + c).address(),
      `${col(sv.totaal, c)}-${col(sv.plafondNa, c)}-${col(sv.vanMandaat, c)}`,
      () => sv.verschil[c] ?? 0,
      'euro',
    );
}

/** The checks on the sources and inputs: GALA totals, composition, raming, regions, membership, choice. */
function sourceChecks(from: ControleFrom, samenvattingRow: number): Check[] {
  const { iza, landelijk } = from;
  return [
    [
      'gala-tabel',
      'GALA-tabel',
      'De regels van de GALA-tabel tellen op tot de gepubliceerde totalen',
      `COUNTIF(${landelijk.galaStatus.abs()},"VERSCHIL")`,
    ],
    [
      'samenstelling',
      'Samenstelling',
      'De afgeleide landelijke bedragen tellen op tot Σ Bijlage 2A',
      landelijk.compositionCheck ? countNonZero([landelijk.compositionCheck]) : '0',
    ],
    [
      'raming-azwa',
      'Raming AZWA',
      'De regels van de SPUK AZWA-raming tellen op tot het gepubliceerde totaal',
      landelijk.ramingCheck ? countNonZero([landelijk.ramingCheck]) : '0',
    ],
    [
      'regios',
      "Regio's",
      "Per regionale regel en jaar: som van de regio's = landelijk bedrag",
      countNonZero(iza.regional.map((b) => b.check)),
    ],
    [
      'afronding-regios',
      'Afronding regio’s',
      "Uitgedeelde afrondingseuro's over de regio's = d",
      countNonZero(iza.regional.flatMap((b) => (b.rounding ? [b.rounding.checks] : []))),
    ],
    [
      'iza-indeling',
      'IZA-indeling',
      'Gemeenten zonder bekende SPUK IZA-regio',
      `ROWS(${iza.members.regions.abs()})-${iza.memberCount.abs()}`,
    ],
    ['keuze', 'Keuze', 'De gekozen gemeente op Overzicht bestaat', `IF(ISNUMBER(${from.chosen.abs()}),0,1)`],
    [
      'overzicht',
      'Overzicht',
      'Elk bedrag op Overzicht is nog zijn formule (niet met een getal overschreven)',
      from.overwritten.abs(),
    ],
    [
      // Decision (issue 16): a Brede SPUK beschikking total below the onderdelen entered stays a FOUT
      // here, not a Begrotingstoets signal. The toets's signals judge the user's plan against the
      // rules (they may stand, e.g. a deliberate overspend); this case makes two sheets of the werkmap
      // tell two different amounts for one regeling × year (Overzicht Σ onderdelen, Samenvatting and
      // toets the total), so no figure of the werkmap can be trusted until the input is corrected,
      // which is what the Modelcontrole answers (as for a negative weight). The Begrotingstoets also
      // shows the difference where the total is spread (one signal), next to the input to correct; the
      // fix is on the sheet Beschikking: empty the onderdelen or correct the total.
      'aansluiting',
      'Aansluiting',
      'Per regeling en jaar: bedrag op Overzicht = plafond op de Begrotingstoets (waar de Samenvatting de baten uit leest)',
      from.aansluiting.abs(),
    ],
    [
      'beschikking-jaren',
      'Beschikking',
      // Also an amount in the Beschikking's hidden rows: regional money typed by a gemeente that is no
      // mandaatgemeente, or "ontvangen van de mandaatgemeente" typed by one that is no member (#18).
      `Geen bedrag op het blad ${SHEETS.beschikking} in een jaar zonder geld van de regeling (grijze cellen; bijv. SPUK AZWA in 2030) of in een verborgen rij (geld dat deze gemeente niet zo ontvangt)`,
      from.beschikkingJaren ?? '0',
    ],
    [
      'samenvatting',
      'Samenvatting',
      `Per jaar: Totaal baten op de Samenvatting = de baten op de ${SHEETS.toets} (plafond na overheveling + van de mandaatgemeente; per jaar in het blok Samenvatting onderaan dit blad)`,
      from.samenvatting === undefined
        ? '0'
        : `COUNTIF(${SheetRange.at(SHEETS.controle, samenvattingRow, 3, 1, from.samenvatting.totaal.right - from.samenvatting.totaal.left + 1).abs()},"<>0")`,
    ],
  ];
}

/**
 * The checks on the user's Begroting table that keep the Begrotingstoets and the Samenvatting from
 * reading it silently wrong (issue #17 items 2 and 3): every heading where the formulas read it (a
 * column inserted or moved in the table shifts the years: SUMIFS would read another column), and no
 * text in the year columns (a pasted "12.500" or "€ 1.000" is text, which SUMIFS skips). `list` is
 * the heading list's rows (`headingListSection`), whose column C holds a 0/1 deviation per heading.
 */
function begrotingTableChecks(table: BegrotingTableCells, list: SheetRange): Check[] {
  const years = table.years.abs();
  const deviations = SheetRange.at(SHEETS.controle, list.top, 3, list.bottom - list.top + 1).local();
  return [
    [
      'begroting-kolommen',
      'Kolommen Begroting',
      'Kopjes van de tabel Begroting staan waar de formules ze lezen (per kopje: de lijst onderaan dit blad, op het scherm); eigen kolommen rechts naast de tabel',
      `SUM(${deviations.abs()})`,
    ],
    [
      'begroting-tekst',
      'Tekst in bedragen',
      `Bedragen in de tabel Begroting die tekst zijn (geplakt "12.500"): tellen niet mee; typ een getal (per jaar: blad ${SHEETS.toets}, rij "Tekst in een bedrag (blad ${SHEETS.begroting})")`,
      `COUNTA(${years})-COUNT(${years})`,
    ],
  ];
}

/**
 * Per heading of the Begroting table, top down from `list`'s first row: its number (A), the heading
 * the formulas expect (B), 0/1 (C, summed by the check `begroting-kolommen`) and the heading found
 * (D). The heading is read in the heading row at the column of the very reference the formulas read
 * (`COLUMN(Begroting!$G$7:$G$506)`, `table.column(heading)`): Excel moves a reference with the cells
 * that inserting a table column shifts only when the whole reference lies within the table's rows, so
 * this column moves exactly when the formulas' references do, for any length of the table (issue #17:
 * a table longer than the checked rows moves both, and the formulas read the right column; a shorter
 * one moves neither, and the heading found there is the inserted one). The heading row is read from
 * column A over `HEADING_ROW_WIDTH` columns (a reference that starts at A keeps its offsets when a
 * column is inserted into it).
 */
function headingListSection(
  s: SheetBuilder,
  begroting: {
    readonly table: Pick<BegrotingTableCells, 'header' | 'headerRow' | 'column'>;
    readonly kolommen: readonly string[];
  },
  list: SheetRange,
): void {
  const { table, kolommen } = begroting;
  const n = kolommen.length;
  s.values(
    `A${list.top - 1}`,
    [
      [
        'Kolom',
        `Kopje in rij ${table.headerRow} van het blad ${table.header.sheet} (verwacht)`,
        'Afwijking',
        'Gevonden',
      ],
    ],
    'header',
  );
  s.values(
    `A${list.top}`,
    kolommen.map((k, i) => [i + 1, k]),
  );
  const headings = SheetRange.at(table.header.sheet, table.headerRow, 1, 1, HEADING_ROW_WIDTH);
  kolommen.forEach((k, i) =>
    s.formula(`D${list.top + i}`, `INDEX(${headings.abs()},1,COLUMN(${table.column(k).abs()}))&""`, () => k),
  );
  s.formula(`C${list.top}:C${list.top + n - 1}`, `IF(D${list.top}=B${list.top}&"",0,1)`, () => 0, 'integer');
}

/** Columns of the Begroting's heading row that Controle reads a heading in (A..CV: room for inserted columns). */
const HEADING_ROW_WIDTH = 100;
