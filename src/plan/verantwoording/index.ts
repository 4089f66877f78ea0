/**
 * The sheet Verantwoording: per regeling with a verantwoording (Brede SPUK, SPUK IZA) the chain of
 * `verantwoording()` as live formulas (regeling-section.ts, onderdelen-section.ts), the BBV art. 52a
 * verloop (bbv-section.ts), the signals (signalen-section.ts), the medeoverheden of a mandaatgemeente
 * (h35b-section.ts), then the SiSa opgave as the controller copies it into the SiSa bijlage
 * (`sisaOpgave`: codes only where the edition states them, H35/H35B for the SPUK IZA; indicator
 * numbers are not found and never invented). Built only when the scenario has a verantwoording (a
 * gemeente and a realisatie: `werkboek --realisatie`). Expected values: the scenario's
 * verantwoording. A4 landscape.
 *
 * The realisatie enters the sheet only through these named inputs (keep them stable: a Realisatie
 * sheet may fill them; `<Regeling>` is the regeling's name with `_` for other characters, e.g.
 * `Brede_SPUK`, `SPUK_IZA`):
 * - `Invoer_Besteding_<Regeling>`: one row, one column per year of the regeling (2023–2026), whole
 *   euros: the besteding of the year (realisatie; prognose in the prognose year; the begroting after
 *   the last realisatie) minus what the two blocks below hold for that year (Brede SPUK 2023–2024:
 *   what was spent outside the onderdelen; SPUK IZA of a mandaatgemeente: its own besteding, H35);
 * - `Invoer_Besteding_Onderdelen_<Regeling>`: onderdelen × the per-onderdeel years (Brede SPUK
 *   2023, 2024), keyed by the onderdeel number in the column right of it;
 * - `Invoer_H35B_Doorbetaald_<Regeling>` and `Invoer_H35B_Besteed_<Regeling>`: medeoverheden × the
 *   regeling's years (SPUK IZA of a mandaatgemeente with medeoverheden), keyed by the CBS code right
 *   of it: what was passed on to and spent by each medeoverheid;
 * - `Invoer_Na_Einde_<Regeling>`: one row, the edition's years after the regeling's last year:
 *   what was spent after the end (a signal);
 * - `Invoer_Schuifruimte_<Regeling>` (a regeling with onderdelen): one cell, the schuifruimte %
 *   counted in the terugvordering per jaar (default 0: not counted; an aanname, see
 *   `VerantwoordingRegels.schuifruimte`).
 * With the Realisatie table the H35B besteding per medeoverheid reads it (not an input then).
 * The limit % per year (`Invoer_Limiet_Overheveling_<Regeling>`) refers to the Begrotingstoets's
 * limit (`Invoer_Overheveling_Limiet`) where that sheet states the same rule.
 */
import { begrotingRegels, sisaCodes } from '../../domain';
import type { RegelingVerantwoording } from '../../domain/verantwoording';
import type { RealisatieInvoer, SisaRegel } from '../../domain/verantwoording';
import { prognoseJaarOf, realisatieTable } from '../realisatie';
import { sisaOpgave } from '../../domain/verantwoording';
import { formatDate } from '../../messages';
import { columnLetter } from '../a1';
import type { SheetRange } from '../anchors';
import { RowCursor } from '../anchors';
import type { PlanContext } from '../context';
import { SHEETS } from '../layout';
import { INPUT_NAMES } from '../names';
import { SheetBuilder } from '../sheet-builder';
import type { Built } from '../sheet-builder';
import type { DefinedNameSpec } from '../types';
import type { KenmerkCells } from '../begroting/beschikking-sheet';
import type { RegioShares } from '../sheets-regioverdeling';
import type { RegelingCells, RegelingFrom, ToetsLimiet } from './regeling-section';
import { FIRST_COL, regelingSection } from './regeling-section';
import { ONDERDEEL_KOLOMMEN } from './onderdelen-section';
import { wrapLabels } from './year-rows';

/**
 * The width of the rules-and-sources column (characters): 54, so with the SiSa's "verantwoording"
 * column 16 wide (`SISA_EIND_COL`) the printed width stays at 228 characters (7 pt or more, #18).
 */
const RULE_WIDTH = 54;
/**
 * The rows a landscape page holds with the text at about 7 pt (type, in Calibri metrics): Zwolle's 285
 * rows (vws-2026-04, both samples) need 5.2 pages at the page width's scale; 60 a page folds the rest in.
 */
const ROWS_PER_PAGE = 60;
/** The SiSa opgave's column "Eindverantwoording" (F): 16 wide, for "verantwoording" in bold on a line. */
const SISA_EIND_COL = FIRST_COL + 4;

export interface VerantwoordingCells {
  /** Per regeling id (brede-spuk, spuk-iza). */
  readonly regelingen: ReadonlyMap<string, RegelingCells>;
  /** The named inputs of the sheet (besteding, limit %, besteding per onderdeel). */
  readonly names: readonly DefinedNameSpec[];
}

/** What the sheet reads from the Begrotingstoets (its plafonds and its limit % cells). */
export type VerantwoordingFrom = Omit<
  RegelingFrom,
  'years' | 'labels' | 'ruleCol' | 'toetsLimieten' | 'signaal' | 'signaalAantal' | 'kenmerk' | 'plan'
> & {
  /** The sheet Regioverdeling's split (a mandaatgemeente's region): the planned doorbetaling reads it. */
  readonly regio?: RegioShares;
  /** Beschikking: the beschikkingsnummer and -datum per regeling (input). */
  readonly kenmerk?: KenmerkCells;
  /** The Begrotingstoets's limit % cells: per onderdeel (2023 → 2024) and of the total (2025 → 2026). */
  readonly limieten: { readonly perOnderdeel: SheetRange; readonly totaal: SheetRange };
  /**
   * The realisatie in the Realisatie table (with `besteding`): the H35B besteding per medeoverheid
   * reads the table (SUMIFS by Uitvoerder); absent, it is typed per medeoverheid.
   */
  readonly realisatie?: RealisatieInvoer;
};

/** Prefixes of the sheet's named inputs (the regeling's name is added; see the module comment). */
const NAMES = {
  h35bDoorbetaald: 'Invoer_H35B_Doorbetaald',
  h35bBesteed: 'Invoer_H35B_Besteed',
  naEinde: 'Invoer_Na_Einde',
  schuifruimte: 'Invoer_Schuifruimte',
} as const;

/** The sheet, or undefined when the scenario has no verantwoording. */
export function buildVerantwoording(
  ctx: PlanContext,
  from: VerantwoordingFrom,
): Built<VerantwoordingCells> | undefined {
  const v = ctx.scenario.verantwoording;
  const g = ctx.scenario.gemeente;
  if (v === undefined || g === undefined) return undefined;
  const s = new SheetBuilder(SHEETS.verantwoording, 'presentatie');
  const rows = new RowCursor(1);
  s.value(
    `A${rows.take()}`,
    `Verantwoording ${g.naam} (${g.code}): besteding, overheveling en terugvordering`,
    'title',
  );
  const uitleg = [
    `Editie ${ctx.scenario.editie} (${formatDate(ctx.input.edition.manifest.datum)}); ${v.peiljaar === undefined ? 'nog geen realisatie' : `realisatie tot en met ${v.peiljaar}`}. ${from.besteding !== undefined && from.besteding.size > 0 ? `De besteding komt uit het blad ${SHEETS.realisatie}; gele cellen hier zijn invoer: de limiet van de overheveling, de schuifruimte en wat aan medeoverheden is doorbetaald (H35B).` : 'Gele cellen zijn invoer: de besteding per jaar en de limiet van de overheveling.'}`,
    // No command names on paper (the raad and the accountant reading the print have no CLI): that the
    // CLI's verantwoording gives the same figures is asserted by the tests and told in the README.
    'Brede SPUK en SPUK IZA worden niet tegen elkaar weggestreept (aparte beschikkingen).',
  ];
  uitleg.forEach((t) => s.value(`A${rows.take()}`, t, 'subtitle'));
  rows.skip();
  const labels = new Map(ctx.input.edition.lines.map((l) => [l.nr, l.naam] as const));
  const maxYears = Math.max(...v.regelingen.map((r) => r.regels.jaren.length));
  const ruleCol = Math.max(FIRST_COL + maxYears, FIRST_COL + ONDERDEEL_KOLOMMEN.length);
  const regelingen = new Map<string, RegelingCells>();
  const names: DefinedNameSpec[] = [];
  const t = begrotingRegels(ctx.input.edition);
  const toets: ToetsLimiet[] = [
    ...(t.overhevelingPerOnderdeel.rule
      ? [
          {
            jaar: t.overhevelingPerOnderdeel.vanJaar,
            cell: from.limieten.perOnderdeel,
            pct: t.overhevelingPerOnderdeel.pct,
          },
        ]
      : []),
    ...(t.overhevelingTotaal.rule
      ? [{ jaar: t.overhevelingTotaal.vanJaar, cell: from.limieten.totaal, pct: t.overhevelingTotaal.pct }]
      : []),
  ];
  for (const r of v.regelingen) {
    const signaal: RegelingFrom['signaal'] = (soort, jaar) =>
      v.signalen
        .filter((x) => x.soort === soort && x.regeling === r.regels.naam && x.jaar === jaar)
        .reduce((a, x) => a + x.bedrag, 0);
    const signaalAantal: RegelingFrom['signaalAantal'] = (soort) =>
      v.signalen.filter((x) => x.soort === soort && x.regeling === r.regels.naam).length;
    const { kenmerk: k, realisatie, regio, ...rest } = from;
    const plan =
      regio === undefined || r.iza?.rol !== 'mandaatgemeente' ? {} : { plan: { regio, code: g.code } };
    const at = k?.rowOf(r.regels.post) ?? -1;
    const given = ctx.scenario.beschikking.filter((b) => b.regeling === r.regels.post);
    const cells = regelingSection(s, rows, r, {
      ...rest,
      ...(k !== undefined && at >= 0
        ? {
            kenmerk: {
              nummer: k.nummer.cell(at),
              datum: k.datum.cell(at),
              given: {
                nummer: given.find((b) => b.nummer !== undefined)?.nummer,
                datum: given.find((b) => b.datum !== undefined)?.datum,
              },
            },
          }
        : {}),
      years: ctx.years,
      labels,
      ruleCol,
      ruleWidth: RULE_WIDTH,
      toetsLimieten: r.regels.post === 'Brede SPUK' ? toets : [],
      signaal,
      signaalAantal,
      ...plan,
      ...(realisatie
        ? {
            h35bFeed: {
              table: realisatieTable(ctx.years),
              regels: realisatie.regels,
              gemeenten: ctx.gemeenten,
              prognoseJaar: prognoseJaarOf(ctx, realisatie),
            },
          }
        : {}),
    });
    regelingen.set(r.regels.regeling, cells);
    names.push(...inputNames(r, cells));
    rows.skip();
  }
  // The SiSa opgave starts a printed page (the controller copies it; #18: a table split over two pages,
  // or its title at the foot of the page above): Brede SPUK and SPUK IZA fit one page together.
  const sisaTop = rows.next;
  for (const r of v.regelingen) sisaSection(s, rows, r, ctx, regelingen.get(r.regels.regeling));
  if (rows.next > sisaTop) s.pageBreakBefore(sisaTop);
  s.width('A', 46);
  for (let c = FIRST_COL; c < ruleCol; c++) s.width(columnLetter(c), c === SISA_EIND_COL ? 16 : 14);
  // The rules column 54 wide: with the onderdelen's nine figure columns (B–J) the printed width stays
  // at the Begroting's (about 228 characters), so the page prints at 7 pt or more (#18).
  s.width(columnLetter(ruleCol), RULE_WIDTH);
  s.format(`${columnLetter(ruleCol)}1:${columnLetter(ruleCol)}${rows.next}`, 'wrap');
  s.printAs('landscape', true);
  // As many pages tall as its rows need at about 7 pt (ROWS_PER_PAGE): a last page with a few rows is
  // folded in (Calibri metrics: Zwolle's 285 rows printed 5 full pages and a sixth with 8 rows, #18).
  s.printLayout({
    area: `A1:${columnLetter(ruleCol)}${rows.next - 1}`,
    fitToHeight: Math.ceil((rows.next - 1) / ROWS_PER_PAGE),
  });
  // The rules and sources wrap in their column (the labels of column A: `wrapLabels` per block):
  // rows as high as their text (printed whole, #18).
  s.wrapLongTexts(columnLetter(ruleCol), RULE_WIDTH);
  return { sheet: s, cells: { regelingen, names } };
}

/** `Invoer_Besteding_Brede_SPUK`: a name from the prefix and the regeling's name. */
const nameOf = (prefix: string, r: RegelingVerantwoording) =>
  `${prefix}_${r.regels.naam.replace(/[^A-Za-z0-9]+/g, '_')}`;

function inputNames(r: RegelingVerantwoording, cells: RegelingCells): DefinedNameSpec[] {
  const out: DefinedNameSpec[] = [
    {
      name: nameOf(INPUT_NAMES.besteding, r),
      ref: cells.besteding.abs(),
      comment: `${r.regels.naam}: besteding per jaar ${r.regels.jaren.join('–')}, hele euro's (invoer)`,
      input: true,
    },
  ];
  if (cells.pct)
    out.push({
      name: nameOf(INPUT_NAMES.limiet, r),
      ref: cells.pct.abs(),
      comment: `${r.regels.naam}: limiet van de overheveling naar het volgende jaar, % (invoer; leeg: onbekend)`,
      input: true,
    });
  if (cells.onderdelen)
    out.push({
      name: nameOf(NAMES.schuifruimte, r),
      ref: cells.onderdelen.schuifruimte.abs(),
      comment: `${r.regels.naam}: schuifruimte verrekend in de terugvordering per jaar, % van de beschikking van het onderdeel (invoer; aanname, standaard 0)`,
      input: true,
    });
  if (cells.onderdelen)
    out.push({
      name: nameOf(INPUT_NAMES.bestedingOnderdelen, r),
      ref: cells.onderdelen.invoer.abs(),
      comment: `${r.regels.naam}: besteding per onderdeel en jaar, hele euro's (${cells.onderdelen.live ? `uit het blad ${SHEETS.besteding}` : 'invoer'})`,
      input: !cells.onderdelen.live,
      keyRef: cells.onderdelen.nrs.abs(),
    });
  if (cells.h35b) {
    const live = cells.h35b.live;
    out.push(
      {
        name: nameOf(NAMES.h35bDoorbetaald, r),
        ref: cells.h35b.ontvangen.abs(),
        comment: `${r.regels.naam}: doorbetaald aan de medeoverheid per jaar, hele euro's (invoer; SiSa H35B)`,
        input: true,
        keyRef: cells.h35b.ontvangenCodes.abs(),
      },
      {
        name: nameOf(NAMES.h35bBesteed, r),
        ref: cells.h35b.besteed.abs(),
        comment: `${r.regels.naam}: besteed door de medeoverheid per jaar, hele euro's (${live ? `uit het blad ${SHEETS.realisatie}` : 'invoer'}; SiSa H35B)`,
        input: !live,
        keyRef: cells.h35b.besteedCodes.abs(),
      },
    );
  }
  if (cells.signalen.naEinde)
    out.push({
      name: nameOf(NAMES.naEinde, r),
      ref: cells.signalen.naEinde.abs(),
      comment: `${r.regels.naam}: besteed na het laatste jaar van de regeling, per jaar (invoer; signaal)`,
      input: true,
    });
  return out;
}

/**
 * The SiSa opgave of a regeling: per year and line the code (where the edition states it), what the
 * line is, the besteding of year T (live: the regeling's or the onderdeel's besteding; an H35B line:
 * the medeoverheid's realisatie, a value), the cumulative besteding through T and "Ja" in the last year.
 */
function sisaSection(
  s: SheetBuilder,
  rows: RowCursor,
  r: RegelingVerantwoording,
  ctx: PlanContext,
  cells: RegelingCells | undefined,
): void {
  const lines = sisaOpgave(r, sisaCodes(ctx.input.edition, r.regels.regeling));
  if (lines.length === 0 || cells === undefined) return;
  s.value(
    `A${rows.take()}`,
    `SiSa-opgave ${r.regels.naam} (indicatornummers en -teksten: volgens de invulwijzer SiSa van het jaar; beschikkingsnummer: uit de beschikking)`,
    'rowHeader',
  );
  const h = cells.h35b;
  s.values(
    `A${rows.take()}`,
    [
      [
        // The onderdelen as "12. Eén tegen Eenzaamheid (lokale coalities)", as in the blocks above:
        // with "onderdeel " before it that label took two lines in column A (#18).
        'Regel of onderdeel',
        'Jaar',
        'Code',
        // Deliberate line breaks at word boundaries (a header wraps; "Eindverantwoording" printed
        // "Eindverantwoo" / "rding" on paper, #18): the compound split after "Eind-", its column 16 wide.
        'Besteding\njaar T',
        'Cumulatief\nt/m T',
        'Eind-\nverantwoording',
        ...(h ? ['Doorbetaald (H35B)'] : []),
      ],
    ],
    'header',
  );
  const mandaat = r.iza?.rol === 'mandaatgemeente';
  const top = rows.take(lines.length);
  const wat = (l: SisaRegel) =>
    l.medeoverheid
      ? `H35B ${l.medeoverheid.code} ${l.medeoverheid.naam}`
      : l.onderdeel !== undefined
        ? `${l.onderdeel}. ${ctx.input.edition.lines.find((x) => x.nr === l.onderdeel)?.naam ?? ''}`
        : mandaat
          ? 'eigen uitvoering'
          : l.viaMandaatgemeente
            ? 'besteding jaar T (ledengemeente: in H35B van de mandaatgemeente)'
            : 'besteding jaar T';
  // One write for the labels, one for the Ja/Nee column, one format per column (not per line).
  s.values(
    `A${top}`,
    // "niet gevonden" fits the column (a longer text was cut on paper).
    lines.map((l) => [wat(l), l.jaar, l.viaMandaatgemeente ? 'geen eigen' : (l.code ?? 'niet gevonden')]),
  );
  wrapLabels(s, top, lines.map(wat));
  // Year and code centred under their headers (right- and left-aligned they printed as one: "2023H35").
  s.format(`B${top}:C${top + lines.length - 1}`, 'center');
  s.values(
    `F${top}`,
    lines.map((l) => [l.eindverantwoording ? 'Ja' : 'Nee']),
    'center',
  );
  // Column D: what each line reads, as (cell, row offset) so consecutive lines reading consecutive
  // cells of one column (the onderdelen of a year) become one filled formula.
  const refOf = (l: SisaRegel): { ref?: SheetRange; formula?: string } => {
    const j = r.regels.jaren.indexOf(l.jaar);
    const m = l.medeoverheid
      ? (h?.medeoverheden.findIndex((x) => x.code === l.medeoverheid?.code) ?? -1)
      : -1;
    const total = cells.bestedingTotaal.cell(0, j);
    if (h && m >= 0) return { ref: h.besteed.cell(m, j) };
    if (h && mandaat) return { formula: `${total.local().rel()}-SUM(${h.besteed.cols(j).local().abs()})` };
    // A mandaatgemeente without medeoverheden: its own besteding (H35) is the regeling's besteding.
    if (l.medeoverheid) return {};
    const oIndex = l.onderdeel === undefined ? -1 : r.onderdelen.findIndex((o) => o.nr === l.onderdeel);
    if (oIndex >= 0 && cells.onderdelen)
      return { ref: cells.onderdelen.invoer.cell(oIndex, r.regels.perOnderdeelJaren.indexOf(l.jaar)) };
    return { ref: total };
  };
  let k = 0;
  while (k < lines.length) {
    const l = lines[k] as SisaRegel;
    const at = refOf(l);
    let e = k;
    if (at.ref)
      while (e + 1 < lines.length) {
        const next = refOf(lines[e + 1] as SisaRegel).ref;
        if (next?.left !== at.ref.left || next.top !== at.ref.top + (e + 1 - k)) break;
        e += 1;
      }
    const range = e > k ? `D${top + k}:D${top + e}` : `D${top + k}`;
    const from = k;
    if (at.ref) s.formula(range, at.ref.local().rel(), (row) => lines[from + row]?.besteding ?? 0);
    else if (at.formula) s.formula(range, at.formula, () => l.besteding);
    else s.value(range, l.besteding);
    k = e + 1;
  }
  lines.forEach((l, i) => {
    const j = r.regels.jaren.indexOf(l.jaar);
    if (l.cumulatief !== undefined)
      s.formula(`E${top + i}`, cells.cumBesteding.cell(0, j).local().rel(), () => l.cumulatief ?? 0);
    const m = l.medeoverheid
      ? (h?.medeoverheden.findIndex((x) => x.code === l.medeoverheid?.code) ?? -1)
      : -1;
    if (h && m >= 0) {
      const ontvangen =
        r.iza?.medeoverheden.find((x) => x.code === l.medeoverheid?.code && x.jaar === l.jaar)?.ontvangen ??
        0;
      s.formula(`G${top + i}`, h.ontvangen.cell(m, j).local().rel(), () => ontvangen);
    }
  });
  s.format(`D${top}:${h ? 'G' : 'E'}${top + lines.length - 1}`, 'euro');
  rows.skip();
}
