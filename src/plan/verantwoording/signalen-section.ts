/**
 * Verantwoording, the signals of one regeling as live formulas per year (0 = in orde), the same as
 * `verantwoording()` raises them (src/domain/verantwoording; the CLI prints them): realisatie above
 * the plafond (per onderdeel summed in the per-onderdeel years), overheveling above its limit, a year
 * without realisatie while the regeling ran (up to the peiljaar: live from the sheet Besteding where
 * the werkmap has the Realisatie table), the H35B total ≠ what the
 * mandaatgemeente passed on, and money spent after the regeling's end (inputs per year), with a count;
 * with H35B also the Realisatie rows whose Uitvoerder matches neither the gemeente nor a medeoverheid
 * (`uitvoerder-onbekend`, the sheet Besteding's count).
 */
import type { EditionYear } from '../../domain';
import type { RegelingVerantwoording, VerantwoordingSignaalSoort } from '../../domain/verantwoording';
import { BASIS_TEXT } from '../../messages/verantwoording.nl';
import { columnLetter } from '../a1';
import { SheetRange } from '../anchors';
import { SHEETS } from '../layout';
import type { SheetBuilder } from '../sheet-builder';
import type { H35bCells } from './h35b-section';
import { BESTEDING_UITVOERDER_ONBEKEND } from '../realisatie';
import type { OnderdelenCells } from './onderdelen-section';
import type { YearRow } from './year-rows';
import { yearRows } from './year-rows';

/** The regeling block's rows and blocks the signals read. */
export interface SignalenFrom {
  /** The row of a figure of the regeling block. */
  readonly row: (
    id: 'besch' | 'best' | 'basis' | 'saldo' | 'teveel' | 'invoer' | 'onbesteed' | 'limiet',
  ) => number;
  /** The expected terugvordering's two cells (per jaar, cumulatief; A1 on this sheet). */
  readonly terug: { readonly perJaar: string; readonly cumulatief: string };
  readonly firstCol: number;
  /** The rule texts beside the rows (row → text), written as one column by the regeling block. */
  readonly notes: Map<number, string>;
  readonly onderdelen: OnderdelenCells | undefined;
  readonly h35b: H35bCells | undefined;
  /** The edition's years after the regeling's last year (money spent then is outside it). */
  readonly naJaren: readonly EditionYear[];
  /** The signals of the domain (expected values): Σ of a kind's amounts in a year (undefined: all years). */
  readonly amount: (soort: VerantwoordingSignaalSoort, jaar: EditionYear | undefined) => number;
  /** How many signals of a kind the domain raises for this regeling. */
  readonly count: (soort: VerantwoordingSignaalSoort) => number;
  /** The column of the rules (the hidden per-row counts are right of it, outside the print area). */
  readonly ruleCol: number;
  /**
   * The live peiljaar (sheet Besteding), where the werkmap has the Realisatie table: a year counts
   * up to it, so a later realisatie moves the signals. Absent: the basis row as built (not begroting).
   */
  readonly peiljaar?: SheetRange;
}

export interface SignalenCells {
  /** The inputs: spent after the regeling's end, per year of `naJaren` (undefined without such years). */
  readonly naEinde: SheetRange | undefined;
  /** The number of signals (0 = in orde). */
  readonly aantal: SheetRange;
}

/** The rows the block takes. */
export function signalenHeight(h35b: boolean, naJaren: number, onderdelen: boolean): number {
  // Heading, boven, teveel, limiet onbekend, geen realisatie, terugvordering, count; H35B: its
  // per-year row, the doorbetaling's and the row of Realisatie rows with an unknown Uitvoerder;
  // onderdelen: besteding without an onderdeel.
  return 7 + (h35b ? 3 : 0) + (onderdelen ? 1 : 0) + (naJaren > 0 ? 3 : 0);
}

/** The row of the doorbetaling's signal in the block at `top` (H35B only; see `signalenSection`). */
export function doorbetalingSignaalRow(top: number, onderdelen: boolean): number {
  return top + 6 + (onderdelen ? 1 : 0);
}

/** Writes the block at `top` (height `signalenHeight`). */
export function signalenSection(
  s: SheetBuilder,
  top: number,
  r: RegelingVerantwoording,
  from: SignalenFrom,
): SignalenCells {
  const jaren = r.regels.jaren;
  const n = jaren.length;
  const B = columnLetter(from.firstCol);
  const L = columnLetter(from.firstCol + n - 1);
  const h = from.h35b;
  // The per-year signal rows, their labels and rules (one shared block writer).
  type Id = keyof typeof SOORT;
  const o = from.onderdelen;
  const signalRows: YearRow<Id>[] = [
    [
      'boven',
      'Realisatie boven het plafond',
      'Besteding boven beschikking plus overheveling; in de jaren per onderdeel per onderdeel opgeteld.',
    ],
    [
      'teveel',
      'Overheveling boven de limiet',
      'Wat het volgende jaar meer gebruikte dan de limiet toestaat.',
    ],
    [
      'limiet',
      'Onbesteed zonder bekende limiet',
      'Geen bron noemt hoeveel naar het volgende jaar mag: stel de limiet in (bijvoorbeeld 0).',
    ],
    [
      'geen',
      'Jaar zonder realisatie',
      'Een jaar tot en met de laatste realisatie met een beschikking maar een besteding van 0: vul de realisatie in.',
    ],
    ...(o
      ? ([
          ['zonder', 'Besteed zonder onderdeel', 'In de jaren per onderdeel: vul het onderdeel (1–15) in.'],
        ] as const)
      : []),
    ...(h
      ? ([
          [
            'h35b',
            'H35B-totaal ongelijk aan doorbetaald',
            'Doorbetaald min besteed door de medeoverheden (tot en met de laatste realisatie): vraag hun verantwoording op.',
          ],
          [
            'door',
            'Doorbetaling aan medeoverheden niet ingevuld',
            'Gepland voor de ledengemeenten, niets doorbetaald ingevuld: niet als € 0 geteld. Vul de doorbetaling en besteding per ledengemeente in; tot dan is de terugvordering onbekend.',
          ],
        ] as const)
      : []),
  ];
  const line = yearRows(
    s,
    top,
    { title: 'Signalen (bedrag per jaar; 0 = in orde)', style: 'rowHeader', jaren },
    signalRows,
    from.notes,
  );
  const first = top + 1;
  let at = top + signalRows.length;
  const c = (k: number) => columnLetter(from.firstCol + k);
  const f = from.row;
  // A year up to the peiljaar (its heading in this block's first row): live, or the basis as built.
  const tot = (C: string) =>
    from.peiljaar ? `${C}$${top}<=${from.peiljaar.abs()}` : `${C}${f('basis')}<>"${BASIS_TEXT.begroting}"`;
  // Realisatie above the plafond: MAX(0, −saldo); per onderdeel summed in the per-onderdeel years.
  const boven = line('boven');
  // The per-onderdeel years one formula each; the years of one total one filled formula.
  const perO = (jaar: EditionYear) => o !== undefined && r.regels.perOnderdeelJaren.includes(jaar);
  const totaal = jaren.map((y, k) => (perO(y) ? -1 : k)).filter((k) => k >= 0);
  jaren.forEach((jaar, k) => {
    const sum = (kol: Parameters<OnderdelenCells['kolom']>[1]) =>
      `SUM(${o?.kolom(jaar, kol).local().abs() ?? ''})`;
    if (perO(jaar))
      s.formula(
        `${c(k)}${boven}`,
        `${sum('Onbesteed')}-${sum('Beschikking')}-${sum('Overheveling in')}+${sum('Besteding')}`,
        () => r.jaren[k]?.overschrijding ?? 0,
      );
  });
  const k0 = totaal[0];
  const k1 = totaal[totaal.length - 1];
  // The years of one total follow the per-onderdeel years (consecutive): one block.
  if (k0 !== undefined && k1 !== undefined)
    s.formula(
      `${c(k0)}${boven}:${c(k1)}${boven}`,
      `MAX(0,-${c(k0)}${f('saldo')})`,
      (_r, i) => r.jaren[k0 + i]?.overschrijding ?? 0,
    );
  const teveel = line('teveel');
  s.formula(
    `${B}${teveel}:${L}${teveel}`,
    `${B}${f('teveel')}`,
    (_r, k) => r.jaren[k]?.overhevelingTeveel ?? 0,
  );
  const limiet = line('limiet');
  s.formula(
    `${B}${limiet}:${L}${limiet}`,
    `IF(ISNUMBER(${B}${f('limiet')}),0,${B}${f('onbesteed')})`,
    (_r, k) => from.amount('limiet-onbekend', jaren[k] ?? 0),
  );
  if (o) {
    // Spent outside the onderdelen in a per-onderdeel year: the besteding input of that year.
    const zonder = line('zonder');
    jaren.forEach((jaar, k) => {
      if (perO(jaar))
        s.formula(`${c(k)}${zonder}`, `${c(k)}${f('invoer')}`, () => from.amount('zonder-onderdeel', jaar));
      else s.value(`${c(k)}${zonder}`, 0);
    });
  }
  const geen = line('geen');
  s.formula(
    `${B}${geen}:${L}${geen}`,
    `IF(AND(${tot(B)},${B}${f('besch')}>0,${B}${f('best')}=0),${B}${f('besch')},0)`,
    (_r, k) => from.amount('geen-realisatie', jaren[k] ?? 0),
  );
  if (h) {
    const h35b = line('h35b');
    const ontv = h.ontvangen.local().cols(0).fixRow();
    const best = h.besteed.local().cols(0).fixRow();
    s.formula(`${B}${h35b}:${L}${h35b}`, `IF(${tot(B)},SUM(${ontv})-SUM(${best}),0)`, (_r, k) =>
      from.amount('h35b-verschil', jaren[k] ?? 0),
    );
    // Planned for the members but nothing doorbetaald: refused, not counted as € 0 (the domain's
    // `doorbetaling-ontbreekt`).
    const door = line('door');
    const plan = h.gepland.local().cols(0).fixRow();
    s.formula(
      `${B}${door}:${L}${door}`,
      `IF(AND(SUM(${ontv})=0,SUM(${best})=0,${plan}>0,${B}${f('onbesteed')}>0),${plan},0)`,
      (_r, k) => from.amount('doorbetaling-ontbreekt', jaren[k] ?? 0),
    );
  }
  const last = at;
  let naEinde: SheetRange | undefined;
  let naSom: string | undefined;
  if (from.naJaren.length > 0) {
    const na = from.naJaren;
    at += 1;
    s.values(`A${at}`, [['Na het einde van de regeling', ...na]], 'rowHeader');
    at += 1;
    s.value(`A${at}`, 'Besteed na het einde (invoer)');
    naEinde = SheetRange.at(SHEETS.verantwoording, at, from.firstCol, 1, na.length);
    s.values(`${B}${at}`, [na.map((y) => r.naEinde.find((x) => x.jaar === y)?.bedrag ?? 0)], 'inputEuro');
    from.notes.set(
      at,
      `Na ${r.regels.eindjaar} valt besteding buiten de regeling: boek het op een andere dekking.`,
    );
    at += 1;
    s.value(`A${at}`, 'Besteed na het einde van de regeling');
    s.formula(`${B}${at}`, `SUM(${naEinde.local().abs()})`, () =>
      r.naEinde.reduce((a, x) => a + x.bedrag, 0),
    );
    naSom = `${B}${at}`;
    s.format(naSom, 'euro');
  }
  s.format(`${B}${first}:${L}${last}`, 'euro');
  // A mandaatgemeente's realisatie rows whose Uitvoerder has spaces before or after it, so that it
  // matches no medeoverheid above (Besteding!B4; the domain's `uitvoerder-onbekend`): a count.
  let onbekend: string | undefined;
  if (h) {
    at += 1;
    s.value(`A${at}`, `Rijen met spaties om de Uitvoerder (blad ${SHEETS.realisatie})`);
    onbekend = `${B}${at}`;
    if (h.live)
      s.formula(onbekend, BESTEDING_UITVOERDER_ONBEKEND.abs(), () => r.iza?.onbekend.length ?? 0, 'integer');
    else s.value(onbekend, 0, 'integer');
    from.notes.set(
      at,
      `Zo'n rij telt als eigen uitvoering (H35), ook als de Uitvoerder een medeoverheid noemt. Haal de spaties weg; een medeoverheid typt u zoals hierboven bij H35B.`,
    );
  }
  // The expected terugvordering (cumulatief) as the domain raises it: where it is stated and the
  // regeling leaves money unspent in either reading.
  at += 1;
  const terug = at;
  s.value(`A${terug}`, 'Verwachte terugvordering');
  const { perJaar, cumulatief } = from.terug;
  const raised = `AND(ISNUMBER(${cumulatief}),OR(N(${cumulatief})>0,N(${perJaar})>0))`;
  s.formula(
    `${B}${terug}`,
    `IF(${raised},${cumulatief},0)`,
    () => from.amount('terugvordering', undefined),
    'euro',
  );
  at += 1;
  s.value(`A${at}`, 'Aantal signalen (0 = in orde)', 'rowHeader');
  // The count as the domain's: one signal per year and kind, per onderdeel where the domain raises
  // them per onderdeel (2023–2024: above the beschikking; above a limit per onderdeel), and one per
  // year spent after the end. Each row's count in a hidden cell right of the print area (each formula
  // within 125 characters), the total their sum.
  const X = columnLetter(from.ruleCol + 1);
  const row = (id: Id) => line(id);
  const cnt = (a: string) => `COUNTIF(${a},"<>0")`;
  const pos = (a: SheetRange) => `COUNTIF(${a.local().abs()},">0")`;
  const onderdeelJaar = (jaar: EditionYear) => perO(jaar) && o !== undefined;
  const teveelPerO = (jaar: EditionYear) => {
    const j = jaren.indexOf(jaar);
    const next = jaren[j + 1];
    return (
      onderdeelJaar(jaar) &&
      r.regels.overheveling(jaar)?.per === 'onderdeel' &&
      next !== undefined &&
      r.regels.perOnderdeelJaren.includes(next)
    );
  };
  /** A signal row's count: per year its cell ≠ 0, or (`perOnderdeel`) the onderdelen counted. */
  const perYear = (at: number, perOnderdeel: (jaar: EditionYear) => SheetRange | undefined): string => {
    const parts: string[] = [];
    let k = 0;
    while (k < n) {
      const x = perOnderdeel(jaren[k] ?? 0);
      if (x) {
        parts.push(pos(x));
        k += 1;
        continue;
      }
      let e = k;
      while (e + 1 < n && perOnderdeel(jaren[e + 1] ?? 0) === undefined) e += 1;
      parts.push(cnt(`${c(k)}${at}:${c(e)}${at}`));
      k = e + 1;
    }
    return parts.join('+');
  };
  const counts: [number, string, VerantwoordingSignaalSoort][] = [
    [
      row('boven'),
      perYear(row('boven'), (y) => (onderdeelJaar(y) ? o?.overschrijding(y) : undefined)),
      'boven-plafond',
    ],
    [
      row('teveel'),
      perYear(row('teveel'), (y) => (teveelPerO(y) ? o?.kolom(y, 'Boven de limiet') : undefined)),
      'overheveling-boven-limiet',
    ],
    ...signalRows
      .map(([id]) => id)
      .filter((id) => id !== 'boven' && id !== 'teveel')
      .map((id): [number, string, VerantwoordingSignaalSoort] => [
        row(id),
        cnt(`${B}${row(id)}:${L}${row(id)}`),
        SOORT[id],
      ]),
    ...(naEinde
      ? [
          [naEinde.top, cnt(naEinde.local().abs()), 'na-einde'] as [
            number,
            string,
            VerantwoordingSignaalSoort,
          ],
        ]
      : []),
    ...(onbekend
      ? [
          [at - 2, `(${onbekend}<>0)*1`, 'uitvoerder-onbekend'] as [
            number,
            string,
            VerantwoordingSignaalSoort,
          ],
        ]
      : []),
    [terug, `(${raised})*1`, 'terugvordering'],
  ];
  for (const [r0, formula, soort] of counts)
    s.formula(`${X}${r0}`, formula, () => from.count(soort), 'lookupKey');
  s.formula(`${B}${at}`, `SUM(${X}${first}:${X}${at - 1})`, () =>
    counts.reduce((a, [, , soort]) => a + from.count(soort), 0),
  );
  return { naEinde, aantal: SheetRange.at(SHEETS.verantwoording, at, from.firstCol) };
}

/** The domain's signal kind of each per-year row of the block. */
const SOORT = {
  boven: 'boven-plafond',
  teveel: 'overheveling-boven-limiet',
  limiet: 'limiet-onbekend',
  geen: 'geen-realisatie',
  zonder: 'zonder-onderdeel',
  h35b: 'h35b-verschil',
  door: 'doorbetaling-ontbreekt',
} as const satisfies Record<string, VerantwoordingSignaalSoort>;
