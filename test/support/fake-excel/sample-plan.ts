/**
 * A small synthetic WorkbookPlan that exercises every plan feature the renderers translate:
 * value and formula blocks (with cross-sheet references), text that Excel would misparse, styles,
 * conditional formats, validations, a table, a chart, freeze panes, print layout, input names with
 * and without a key column. Rows can be scaled and their order reversed.
 */
import { expandFormula, rangeOf } from '../../../src/plan/a1';
import type {
  CellValue,
  DefinedNameSpec,
  SheetPlan,
  StyleName,
  StyleSpec,
  TableSchema,
  WorkbookPlan,
} from '../../../src/plan/types';

export interface SamplePlanOptions {
  /** Number of gemeente rows. Default 5. */
  readonly rows?: number;
  /** Reverse the row order (same keys, other rows). */
  readonly reversed?: boolean;
  /** Extra text column of this many characters per row (to make a large request). */
  readonly padding?: number;
  /**
   * A third, protected sheet "Verschil" without inputs (as "Wat is er veranderd", which the plan has
   * only with a comparison): a refresh without it must remove it.
   */
  readonly verschil?: boolean;
}

/** The optional sheet of `SamplePlanOptions.verschil`. */
export const VERSCHIL_SHEET = 'Verschil';

const STYLE_NAMES: readonly StyleName[] = [
  'title',
  'subtitle',
  'note',
  'header',
  'rowHeader',
  'input',
  'inputEuro',
  'inputMln',
  'euro',
  'euroTotal',
  'mln',
  'mlnTotal',
  'share',
  'integer',
  'check',
  'warning',
  'text',
  'wrap',
];

export const SAMPLE_STYLES: Readonly<Record<StyleName, StyleSpec>> = {
  ...(Object.fromEntries(STYLE_NAMES.map((n) => [n, {}])) as Record<StyleName, StyleSpec>),
  title: { bold: true, fontSize: 14, fontColor: '#1F4E79' },
  header: { bold: true, fill: '#DDEBF7', borderBottom: true, wrap: true, horizontalAlignment: 'center' },
  inputEuro: { numberFormat: '€ #,##0;[Red]-€ #,##0', fill: '#FFF2CC' },
  share: { numberFormat: '0.0000%', italic: true },
  euroTotal: { numberFormat: '€ #,##0', bold: true, borderTop: true },
  text: { horizontalAlignment: 'left' },
};

export const FIRST_ROW = 11;

export function code(i: number): string {
  return `GM${String(i).padStart(4, '0')}`;
}

/** Weight of gemeente i (1-based), independent of row order. */
export function weightOf(i: number): number {
  return i * 10;
}

export function samplePlan(options: SamplePlanOptions = {}): WorkbookPlan {
  const n = options.rows ?? 5;
  const ids = Array.from({ length: n }, (_, k) => k + 1);
  if (options.reversed) ids.reverse();
  const last = FIRST_ROW + n - 1;
  const totalRow = last + 1;
  const total = ids.reduce((s, i) => s + weightOf(i), 0);
  const padding = options.padding ?? 0;

  const rows: CellValue[][] = ids.map((i) => [code(i), `Gemeente ${i}`, weightOf(i)]);
  const shareFormula = `C${FIRST_ROW}/SUM($C$${FIRST_ROW}:$C$${last})`;
  const shareRange = `D${FIRST_ROW}:D${last}`;
  const invoer: SheetPlan = {
    name: 'Invoer',
    role: 'invoer',
    tabColor: '#FFC000',
    columns: [
      { column: 'A', width: 10 },
      { column: 'B', width: 30 },
      { column: 'C', width: 12 },
      { column: 'D', width: 12 },
      { column: 'E', width: 12 },
    ],
    blocks: [
      { kind: 'values', at: 'A1', values: [['Gewichten per gemeente']] },
      { kind: 'values', at: 'A10', values: [['Code', 'Gemeente', 'Gewicht', 'Aandeel']] },
      { kind: 'values', at: `A${FIRST_ROW}`, values: rows },
      {
        kind: 'formula',
        range: shareRange,
        formula: shareFormula,
        expected: ids.map((i) => [weightOf(i) / total]),
      },
      { kind: 'values', at: `A${totalRow}`, values: [['Totaal']] },
      { kind: 'formula', range: `C${totalRow}`, formula: `SUM(C${FIRST_ROW}:C${last})`, expected: [[total]] },
      ...(padding > 0
        ? [
            {
              kind: 'values' as const,
              at: `F${FIRST_ROW}`,
              values: ids.map((i) => [`${i}:${'x'.repeat(padding)}`]),
            },
          ]
        : []),
    ],
    formats: [
      { range: 'A1', style: 'title' },
      { range: 'A10:D10', style: 'header' },
      { range: `C${FIRST_ROW}:C${last}`, style: 'inputEuro' },
      { range: shareRange, style: 'share' },
      { range: `C${totalRow}`, style: 'euroTotal' },
    ],
    conditionalFormats: [
      {
        range: shareRange,
        formula: `D${FIRST_ROW}>0.3`,
        fill: '#FFC7CE',
        fontColor: '#9C0006',
        bold: true,
        priority: 2,
      },
      { range: shareRange, formula: `D${FIRST_ROW}=0`, fill: '#EDEDED', fontColor: '#7F7F7F', priority: 1 },
    ],
    validations: [
      {
        range: `C${FIRST_ROW}:C${last}`,
        type: 'whole',
        min: 0,
        prompt: 'Vul een geheel, niet-negatief gewicht in.',
        error: 'Alleen hele getallen vanaf 0.',
      },
    ],
    tables: [{ name: 'T_Gewichten', range: `A10:C${last}`, style: 'TableStyleLight9' }],
    charts: [],
    freeze: { rows: 10, columns: 2 },
    rowHeights: [{ row: 10, height: 30 }],
    print: {
      orientation: 'landscape',
      fitToWidth: true,
      fitToHeight: 2,
      area: `A1:D${totalRow}`,
      titleRows: '10:10',
      titleColumns: 'A:B',
      header: { left: '&A', center: 'Gemeente', right: 'Editie' },
      footer: { left: '&D', center: '', right: 'pagina &P van &N' },
    },
    protect: true,
    usedRange: `A1:${padding > 0 ? 'F' : 'D'}${totalRow}`,
  };

  const uitkomst: SheetPlan = {
    name: 'Uitkomst',
    role: 'presentatie',
    tabColor: '#70AD47',
    columns: [{ column: 'A', width: 24 }],
    blocks: [
      { kind: 'values', at: 'A1', values: [['Uitkomst']] },
      { kind: 'values', at: 'A3', values: [['Dubbel totaal']] },
      { kind: 'formula', range: 'B3', formula: `Invoer!C${totalRow}*2`, expected: [[total * 2]] },
      // Text that Excel would turn into something else when typed.
      {
        kind: 'values',
        at: 'A5',
        values: [['=geen formule'], ['0034'], ['- streepje'], ['TRUE'], ['#N/A'], ['+31 6']],
      },
      {
        kind: 'values',
        at: 'A12',
        values: [
          ['Opmerking 1', ''],
          ['Opmerking 2', ''],
          ['Opmerking 3', 'standaard'],
        ],
      },
      { kind: 'formula', range: 'C12:C14', formula: 'LEN(B12)', expected: [[0], [0], [9]] },
    ],
    formats: [
      { range: 'A1', style: 'title' },
      { range: 'B3', style: 'euroTotal' },
      { range: 'A5:A10', style: 'text' },
    ],
    conditionalFormats: [],
    validations: [
      {
        range: 'B12:B14',
        type: 'list',
        source: `Invoer!$A$${FIRST_ROW}:$A$${last}`,
        prompt: 'Kies een gemeente.',
        error: 'Kies uit de lijst.',
      },
    ],
    tables: [],
    charts: [
      {
        name: 'Grafiek_Aandeel',
        type: 'columnClustered',
        title: 'Aandeel per gemeente',
        categories: `Invoer!$A$${FIRST_ROW}:$A$${last}`,
        series: [
          { name: 'Aandeel', values: `Invoer!$D$${FIRST_ROW}:$D$${last}`, color: '#1F4E79' },
          { name: 'Gewicht', values: `Invoer!$C$${FIRST_ROW}:$C$${last}`, color: '#C00000' },
        ],
        from: 'E2',
        to: 'L18',
      },
    ],
    print: {
      orientation: 'portrait',
      fitToWidth: false,
      fitToHeight: 0,
      header: { left: '&A', center: 'Gemeente', right: 'Editie' },
      footer: { left: '&D', center: '', right: 'pagina &P van &N' },
    },
    protect: false,
    usedRange: 'A1:C14',
  };

  const names: DefinedNameSpec[] = [
    {
      name: 'Invoer_Gewichten',
      ref: `Invoer!$C$${FIRST_ROW}:$C$${last}`,
      comment: 'Gewicht per gemeente (invoer)',
      input: true,
      keyRef: `Invoer!$A$${FIRST_ROW}:$A$${last}`,
    },
    {
      name: 'Invoer_Opmerking',
      ref: 'Uitkomst!$B$12:$B$14',
      comment: 'Vrije opmerkingen (invoer)',
      input: true,
    },
    { name: 'Totaal_Gewicht', ref: `Invoer!$C$${totalRow}`, comment: 'Som van de gewichten', input: false },
  ];

  const verschil: SheetPlan = {
    name: VERSCHIL_SHEET,
    role: 'presentatie',
    tabColor: '',
    columns: [{ column: 'A', width: 20 }],
    blocks: [
      { kind: 'values', at: 'A1', values: [['Verschil met de vorige editie']] },
      { kind: 'formula', range: 'B3', formula: `Invoer!C${totalRow}-${total}`, expected: [[0]] },
    ],
    formats: [{ range: 'A1', style: 'title' }],
    conditionalFormats: [],
    validations: [],
    tables: [],
    charts: [],
    print: {
      orientation: 'portrait',
      fitToWidth: true,
      fitToHeight: 0,
      header: { left: '&A', center: '', right: '' },
      footer: { left: '', center: '', right: '' },
    },
    protect: true,
    usedRange: 'A1:B3',
  };

  return {
    meta: { title: 'Proef', editionId: 'proef', keyId: 'proef', gemeente: undefined, generator: 'test' },
    styles: SAMPLE_STYLES,
    sheets: options.verschil ? [invoer, uitkomst, verschil] : [invoer, uitkomst],
    names,
  };
}

/** Every formula cell of a plan with its expected value: [sheet, A1 address, formula, expected]. */
export function expectedFormulaCells(plan: WorkbookPlan): [string, number, number, string, CellValue][] {
  const out: [string, number, number, string, CellValue][] = [];
  for (const sheet of plan.sheets) {
    for (const block of sheet.blocks) {
      if (block.kind !== 'formula') continue;
      const cells = expandFormula(block.formula, block.range);
      const [tl] = block.range.split(':');
      const m = /^([A-Z]+)(\d+)$/.exec(tl ?? '');
      const top = Number(m?.[2] ?? 0);
      const left = (m?.[1] ?? 'A').split('').reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
      cells.forEach((line, i) =>
        line.forEach((formula, j) =>
          out.push([sheet.name, top + i, left + j, formula, block.expected[i]?.[j] ?? null]),
        ),
      );
    }
  }
  return out;
}

export { rangeOf };

/** The user-owned sheet's add-in range: title, a total, the edition and the user's note. */
export const BEGROTING_ADDIN_RANGE = 'A1:E6';
/** The table the user fills (header row 8, two starter rows). */
export const BEGROTING_TABLE = 'Begroting';

/**
 * The sample plan plus a user-owned sheet "Begroting" (`userOwned`): an add-in range A1:E6 (title, a
 * formula over Invoer, the edition, an input note in B6, a format, a conditional format and a
 * validation) and, created once, a table A8:D10 with two starter rows, widths, freeze panes and a name
 * over the starter rows. `version` changes what the add-in writes (title, formula, edition) and the
 * starter rows (which a refresh must never write into the user's table).
 */
/** The headings of the sample table, version 1. */
export const TABLE_V1 = ['Post', 'Omschrijving', 'Bedrag', 'Opmerking'] as const;
/** Version 2: `Kostenplaats` after `Omschrijving`, `Realisatie 2025` at the end (both empty for old rows). */
export const TABLE_V2 = [
  'Post',
  'Omschrijving',
  'Kostenplaats',
  'Bedrag',
  'Opmerking',
  'Realisatie 2025',
] as const;
/** The sample table's version cell (in the add-in range A1:E6, label in C5). */
export const TABLE_VERSION_CELL = 'D5';

/** The sample table's schema, version 1 or 2 (2 lists the migration from 1). */
export function sampleTableSchema(version: 1 | 2): TableSchema {
  return version === 1
    ? {
        name: BEGROTING_TABLE,
        version: 1,
        columns: [...TABLE_V1],
        migrations: [],
        versionCell: TABLE_VERSION_CELL,
      }
    : {
        name: BEGROTING_TABLE,
        version: 2,
        columns: [...TABLE_V2],
        migrations: [
          {
            from: 1,
            changes: [
              { kind: 'add', name: 'Kostenplaats', index: 2, default: null },
              { kind: 'add', name: 'Realisatie 2025', index: 5, default: null },
            ],
          },
        ],
        versionCell: TABLE_VERSION_CELL,
      };
}

export interface UserOwnedPlanOptions extends SamplePlanOptions {
  /**
   * Declare the table's schema (`userOwned.table`) at this version, with the version in D5: version 2
   * creates the table with TABLE_V2's columns (A8:F10). Absent: no schema (the plan as before).
   */
  readonly table?: 1 | 2;
}

export function userOwnedPlan(version: 1 | 2 = 1, options: UserOwnedPlanOptions = {}): WorkbookPlan {
  const plan = userOwnedPlanWithoutSchema(version, options);
  const tableVersion = options.table;
  if (tableVersion === undefined) return plan;
  const schema = sampleTableSchema(tableVersion);
  const sheets = plan.sheets.map((sheet): SheetPlan => {
    if (sheet.name !== 'Begroting') return sheet;
    const [p1, p2] = [sheet.blocks.find((b) => b.kind === 'values' && b.at === 'A8')].flatMap((b) =>
      b?.kind === 'values' ? [b.values[1], b.values[2]] : [],
    );
    const starter = (row: readonly CellValue[] | undefined): CellValue[] =>
      tableVersion === 1
        ? [...(row ?? [])]
        : [row?.[0] ?? null, row?.[1] ?? null, null, row?.[2] ?? null, row?.[3] ?? null, null];
    return {
      ...sheet,
      blocks: [
        ...sheet.blocks.filter((b) => !(b.kind === 'values' && b.at === 'A8')),
        { kind: 'values', at: 'C5', values: [['Tabelversie', tableVersion]] },
        { kind: 'values', at: 'A8', values: [[...schema.columns], starter(p1), starter(p2)] },
      ],
      tables: sheet.tables.map((t) => (tableVersion === 1 ? t : { ...t, range: 'A8:F10' })),
      usedRange: tableVersion === 1 ? sheet.usedRange : 'A1:F10',
      userOwned: { addinRanges: sheet.userOwned?.addinRanges ?? [], table: schema },
    };
  });
  return { ...plan, sheets };
}

function userOwnedPlanWithoutSchema(version: 1 | 2, options: SamplePlanOptions): WorkbookPlan {
  const base = samplePlan(options);
  const totalRow = FIRST_ROW + (options.rows ?? 5);
  const starters: CellValue[][] =
    version === 1
      ? [
          ['P1', 'Huur', 1000, ''],
          ['P2', 'Personeel', 2000, ''],
        ]
      : [
          ['P9', 'Nieuw uit plan', 9, 'mag niet verschijnen'],
          ['P8', 'Ook nieuw', 8, 'mag niet verschijnen'],
        ];
  const begroting: SheetPlan = {
    name: 'Begroting',
    role: 'invoer',
    tabColor: '#FFC000',
    columns: [
      { column: 'A', width: 10 },
      { column: 'B', width: 30 },
      { column: 'C', width: 14 },
      { column: 'D', width: 30 },
    ],
    blocks: [
      { kind: 'values', at: 'A1', values: [[`Begroting ${version === 1 ? 2026 : 2027}`]] },
      { kind: 'values', at: 'A3', values: [['Totaal gewicht']] },
      {
        kind: 'formula',
        range: 'B3',
        formula: `Invoer!C${totalRow}*${version}`,
        expected: [[150 * version]],
      },
      { kind: 'values', at: 'A5', values: [['Editie', `proef-${version}`]] },
      { kind: 'values', at: 'A6', values: [['Notitie', '']] },
      { kind: 'values', at: 'A8', values: [['Post', 'Omschrijving', 'Bedrag', 'Opmerking'], ...starters] },
    ],
    formats: [
      { range: 'A1', style: 'title' },
      { range: 'B3', style: 'euroTotal' },
      { range: 'A8:D8', style: 'header' },
      { range: 'C9:C10', style: 'inputEuro' },
    ],
    conditionalFormats: [
      { range: 'B3', formula: 'B3<0', fill: '#FFC7CE', fontColor: '#9C0006', priority: 1 },
    ],
    validations: [
      {
        range: 'E3',
        type: 'whole',
        min: version,
        prompt: 'Vul een geheel getal in.',
        error: 'Alleen hele getallen.',
      },
    ],
    tables: [{ name: BEGROTING_TABLE, range: 'A8:D10', style: 'TableStyleLight9' }],
    charts: [],
    freeze: { rows: 8, columns: 0 },
    print: {
      orientation: 'portrait',
      fitToWidth: true,
      fitToHeight: 0,
      titleRows: '8:8',
      header: { left: '&A', center: 'Begroting', right: '' },
      footer: { left: '&D', center: '', right: 'pagina &P van &N' },
    },
    protect: false,
    usedRange: 'A1:E10',
    userOwned: { addinRanges: [BEGROTING_ADDIN_RANGE] },
  };
  return {
    ...base,
    sheets: [...base.sheets, begroting],
    names: [
      ...base.names,
      { name: 'Begroting_Notitie', ref: 'Begroting!$B$6', comment: 'Notitie (invoer)', input: true },
      { name: 'Begroting_Posten', ref: 'Begroting!$A$9:$D$10', comment: 'De posten', input: false },
    ],
  };
}
