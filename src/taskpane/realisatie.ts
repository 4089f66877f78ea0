/**
 * The pane's reading of a gemeente's realisatie (what was spent per activity and year): a range pasted
 * from Excel (tab-separated, with or without the header row) or a CSV file's bytes, read by the CLI's
 * strict reader (`parseRealisatieCsv`, as `werkboek --realisatie` and `verantwoording` read it): the
 * columns of the table Begroting, the year columns holding what was spent, optionally one column
 * `Prognose <jaar>`. Every failure comes back as the reader's Dutch text naming the row and the fix;
 * there is never a partial result. Pure: the controller passes what the user gave, the state machine
 * keeps the outcome, office-services.ts writes it (the table Realisatie, when the sheet is created).
 */
import type { BegrotingRegeling, CbsCode, EditionYear, Notation, RealisatieInvoer } from '../domain';
import { BEGROTING_REGELINGEN, begrotingKolommen } from '../domain';
import { defaultEditionId, editionInput, isEditionId, parseRealisatieCsv } from '../data';
import { failureText } from '../messages';
import type { BeschikkingSource } from './beschikking';
import { delimiterOf, euroText, withoutAddedHeader, yearsText } from './beschikking';
import type { GemeenteChoice } from './gemeente-search';
import { LANDELIJK } from './gemeente-search';
import { NL } from './messages.nl';

export type RealisatieCheck =
  | {
      readonly ok: true;
      readonly gemeente: CbsCode;
      /** The edition whose years the columns are: a reading holds only for that edition. */
      readonly editionId: string;
      readonly invoer: RealisatieInvoer;
    }
  | { readonly ok: false; readonly failures: readonly string[] };

/**
 * A pasted range with the header on top: unchanged when its first non-blank line names a column of
 * the table Begroting (or a "Prognose" column); otherwise the table Begroting's header of the edition
 * (`begrotingKolommen`) is put above it, with the paste's own separator.
 */
export function withRealisatieHeader(
  text: string,
  years: readonly EditionYear[],
): { readonly text: string; readonly added: boolean } {
  const first = text.split(/\r\n|\r|\n/).find((l) => l.trim() !== '');
  if (first === undefined) return { text, added: false };
  const kolommen = begrotingKolommen(years);
  const known = new Set(kolommen.map((k) => k.toLowerCase().replace(/\s+/g, '')));
  const cells = first.split(/[\t;,]/).map((c) =>
    c
      .trim()
      .replace(/^"|"$/g, '')
      .toLowerCase()
      .replace(/[\s_]+/g, ''),
  );
  // A year alone is no header: the first data row holds amounts, never "2023" in the first columns.
  const names = cells.filter((c) => !/^\d+$/.test(c));
  if (names.some((c) => known.has(c) || c.startsWith('prognose'))) return { text, added: false };
  return { text: `${kolommen.join(delimiterOf(first))}\n${text}`, added: true };
}

/**
 * Reads a realisatie for the chosen gemeente and edition. A realisatie belongs to one gemeente (its
 * verantwoording): with the national view chosen nothing is read.
 */
export function checkRealisatie(
  source: BeschikkingSource,
  gemeente: GemeenteChoice,
  editionId: string,
  excelNotation?: Notation,
): RealisatieCheck {
  if (gemeente === LANDELIJK) return { ok: false, failures: [NL.realisatiePaste.needsGemeente] };
  const edition = editionInput(isEditionId(editionId) ? editionId : defaultEditionId()).edition;
  const paste = source.kind === 'paste' ? withRealisatieHeader(source.text, edition.years) : undefined;
  const input = paste ? paste.text : source.kind === 'file' ? source.bytes : '';
  // Excel's notation is a hint for a paste only (a file may come from anywhere): columnNotation's `hint`.
  const result = parseRealisatieCsv(input, {
    edition,
    ...(paste && excelNotation ? { notationHint: excelNotation } : {}),
  });
  if (!result.ok)
    return {
      ok: false,
      failures: result.failures.map((f) => failureText(paste?.added ? withoutAddedHeader(f) : f)),
    };
  return { ok: true, gemeente: gemeente as CbsCode, editionId, invoer: result.value };
}

export interface RealisatieSummary {
  /** "3 rijen realisatie voor Almere gelezen, samen € 1.234.567 besteed:" */
  readonly text: string;
  /** Per regeling, in the workbook's order: the years with an amount and their sum; then the prognose. */
  readonly regelingen: readonly string[];
}

/** What the pane shows before writing: rows, per regeling the years spent and the total, the prognose. */
export function summarizeRealisatie(
  invoer: RealisatieInvoer,
  years: readonly EditionYear[],
  where: string,
): RealisatieSummary {
  const sum = (xs: readonly number[]): number => xs.reduce((a, x) => a + x, 0);
  const total = sum(invoer.regels.map((r) => sum(r.lasten)));
  const per = (regeling: BegrotingRegeling): string | undefined => {
    const own = invoer.regels.filter((r) => r.regeling === regeling);
    if (own.length === 0) return undefined;
    const spent = years.filter((_, i) => own.some((r) => (r.lasten[i] ?? 0) > 0));
    const amount = sum(own.map((r) => sum(r.lasten)));
    return NL.realisatiePaste.perRegeling(
      regeling,
      spent.length > 0 ? yearsText(spent) : '–',
      euroText(amount),
    );
  };
  const prognose = invoer.regels
    .map((r) => r.prognose)
    .filter((p): p is NonNullable<typeof p> => p !== undefined);
  return {
    text: NL.realisatiePaste.summary(invoer.regels.length, where, euroText(total)),
    regelingen: [
      ...BEGROTING_REGELINGEN.map(per).filter((t): t is string => t !== undefined),
      ...(invoer.prognoseJaar !== undefined && prognose.length > 0
        ? [NL.realisatiePaste.prognose(invoer.prognoseJaar, euroText(sum(prognose)))]
        : []),
    ],
  };
}

/** The years (the columns) of an edition the pane may choose; an unknown id: the default edition's. */
export function editionYears(editionId: string): readonly EditionYear[] {
  return editionInput(isEditionId(editionId) ? editionId : defaultEditionId()).edition.years;
}
