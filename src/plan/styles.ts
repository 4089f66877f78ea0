import type { StyleName, StyleSpec } from './types';

/**
 * The workbook's look. Number formats are locale-neutral codes: Excel shows the user's separators,
 * so a Dutch Excel shows "€ 3.478.172" and "89,3". Input cells are light yellow with dark blue text
 * (FAST: inputs visibly coloured). All text/fill pairs have a contrast of at least 4.5:1.
 */
/**
 * Whole euros, negative amounts in the Dutch order "€ -90.747" (the minus between the euro sign and the
 * figure), zero "€ 0". Sources: the Nederlandse Taalunie (taaladvies.net, "Euro: – € 12 / € -12": for a
 * negative amount "€ -12" is recommended; "– € 12" is a discount), Unicode CLDR nl, whose currency
 * pattern "¤ #,##0.00;¤ -#,##0.00" is what Excel-NL's Valuta and Windows' nl-NL currency default show
 * (Node 20's ICU: `Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR' })` gives
 * "€ -90.747,00"). Not CLDR's accounting form "(€ 90.747,00)": Dutch begrotingen and jaarrekeningen
 * write the minus. `[$€-413]` is the euro sign of locale 0x413 (nl-NL).
 */
export const EURO_FORMAT = '[$€-413] #,##0;[$€-413] -#,##0;[$€-413] 0';
/** As EURO_FORMAT, the zero in black (the font's warning colour only for an amount that is not zero). */
export const EURO_WARNING_FORMAT = '[$€-413] #,##0;[$€-413] -#,##0;[Black][$€-413] 0';
/** As EURO_FORMAT, zero not shown (a notice's amount when there is nothing to notice). */
export const EURO_BLANK_ZERO_FORMAT = '[$€-413] #,##0;[$€-413] -#,##0;;@';
export const MLN_FORMAT = '#,##0.0;-#,##0.0;0.0';
export const SHARE_FORMAT = '0.0000%';

export const COLORS = {
  text: '#1F1F1F',
  inputFill: '#FFF2CC',
  inputText: '#1F3864',
  headerFill: '#DDEBF7',
  totalFill: '#F2F2F2',
  note: '#595959',
  structureelFill: '#DFF6DD',
  structureelText: '#0B5A08',
  deelsFill: '#FFF4CE',
  deelsText: '#6B4A00',
  incidenteelFill: '#FDE7E9',
  incidenteelText: '#A4262C',
  tab: {
    invoer: '#BF8F00',
    berekening: '#2F5597',
    presentatie: '#548235',
    controle: '#C00000',
    bronnen: '#7F7F7F',
  },
} as const;

export const STYLES: Readonly<Record<StyleName, StyleSpec>> = {
  // 15 pt: at least 9 pt on a page fitted to its width (about 65 %, the IZA with eight years; #18).
  title: { bold: true, fontSize: 15, fontColor: COLORS.text },
  subtitle: { italic: true, fontColor: COLORS.note, wrap: false },
  note: { italic: true, fontColor: COLORS.note },
  // Centred: a right-aligned year and a left-aligned neighbour never read as one word ("2029Totaal").
  header: {
    bold: true,
    fill: COLORS.headerFill,
    fontColor: COLORS.text,
    wrap: true,
    borderBottom: true,
    horizontalAlignment: 'center',
    verticalAlignment: 'bottom',
  },
  rowHeader: { bold: true, fontColor: COLORS.text },
  input: { fill: COLORS.inputFill, fontColor: COLORS.inputText, locked: false },
  inputEuro: {
    fill: COLORS.inputFill,
    fontColor: COLORS.inputText,
    numberFormat: EURO_FORMAT,
    locked: false,
  },
  /** Text input (an Iv3 taakveld such as 6.1 must not become a number or a date). */
  inputText: { fill: COLORS.inputFill, fontColor: COLORS.inputText, numberFormat: '@', locked: false },
  /** Date input, shown dd-mm-yyyy (a format code, not TEXT(): Excel shows it in any locale). */
  inputDate: {
    fill: COLORS.inputFill,
    fontColor: COLORS.inputText,
    numberFormat: 'dd-mm-yyyy',
    locked: false,
  },
  inputMln: { fill: COLORS.inputFill, fontColor: COLORS.inputText, numberFormat: MLN_FORMAT, locked: false },
  euro: { numberFormat: EURO_FORMAT },
  euroTotal: { numberFormat: EURO_FORMAT, bold: true, fill: COLORS.totalFill, borderTop: true },
  mln: { numberFormat: MLN_FORMAT },
  mlnTotal: { numberFormat: MLN_FORMAT, bold: true, fill: COLORS.totalFill, borderTop: true },
  share: { numberFormat: SHARE_FORMAT },
  percent: { numberFormat: '0.0%' },
  integer: { numberFormat: '#,##0' },
  /** A year (2026, not 2.026). */
  year: { numberFormat: '0' },
  check: { bold: true, horizontalAlignment: 'center' },
  warning: { fontColor: COLORS.incidenteelText, bold: true },
  text: {},
  // Bottom, as every other cell of the row: a wrapped label ends on the line of its number and amounts.
  wrap: { wrap: true, verticalAlignment: 'bottom' },
  center: { horizontalAlignment: 'center' },
  right: { horizontalAlignment: 'right' },
  warningEuro: { numberFormat: EURO_WARNING_FORMAT, fontColor: COLORS.incidenteelText, bold: true },
  warningEuroBlank: { numberFormat: EURO_BLANK_ZERO_FORMAT, fontColor: COLORS.incidenteelText, bold: true },
  signalCount: { numberFormat: '0;-0;;@', fontColor: COLORS.incidenteelText, bold: true },
  // Centred as 'check'; "geen" rather than "0 (= geen)" on the raad's page (#18).
  warningCount: {
    numberFormat: '0;-0;[Black]"geen";@',
    fontColor: COLORS.incidenteelText,
    bold: true,
    horizontalAlignment: 'center',
  },
  // Only the number format: laid over an input style (the Realisatie's Uitvoerder 0175 is the number
  // 175, which SUMIFS's criterion "0175" matches in every engine, shown as typed).
  cbsCode: { numberFormat: '0000' },
  // ";;;" shows no value of any kind (Excel and LibreOffice): the key stays in the cell for SUMIFS.
  lookupKey: { numberFormat: ';;;' },
};

/** WCAG relative luminance contrast of two #RRGGBB colours. */
export function contrastRatio(a: string, b: string): number {
  const lum = (hex: string): number => {
    const c = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
    const [r, g, bl] = c.map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)) as [
      number,
      number,
      number,
    ];
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}
