import type { AlternatieveLezing, EditionYear, OpenPost } from './edition';
import { isNationalOnly } from './edition';
import type { GalaYear } from './gala-table';
import { GALA_YEAR_COLUMNS } from './gala-table';
import type { Ledger } from './ledger';
import type { Euro } from './money';
import type { CheckStatus, Warning } from './reconciliation';
import { baseDataControle } from './reconciliation';

/** One reconciliation of an edition: a published (or required) figure against what the ledger adds up to. */
export interface EditionCheck {
  readonly id: string;
  /** What is compared, as facts (Dutch wording in src/messages). */
  readonly onderwerp: string;
  /** A year, 'structureel' (GALA's column), or undefined for counts. */
  readonly periode: EditionYear | 'structureel' | undefined;
  readonly verwacht: number | undefined;
  readonly berekend: number;
  /** Rows (gemeenten, regions) that do not match; 0 for a single figure that matches. */
  readonly afwijkingen: number;
  readonly status: CheckStatus;
}

/** Warnings only an edition can give, on top of the source anomalies of the base data. */
export type EditionWarning =
  | Warning
  | { readonly kind: 'OpenPost'; readonly post: OpenPost }
  | {
      readonly kind: 'FloorNotInAzwa';
      readonly gemeenten: readonly string[];
      readonly jaar: EditionYear;
    }
  | {
      /** A source reads a GALA figure differently (the edition's `lezingen`); `gala`: GALA's amount. */
      readonly kind: 'AlternativeReading';
      readonly lezing: AlternatieveLezing;
      readonly gala: Euro;
    };

export interface EditionReport {
  readonly editie: string;
  readonly checks: readonly EditionCheck[];
  readonly warnings: readonly EditionWarning[];
  /** True when every published figure reconciles to the euro (no 'verschil'). */
  readonly ok: boolean;
}

function check(
  id: string,
  onderwerp: string,
  periode: EditionCheck['periode'],
  verwacht: number,
  berekend: number,
  afwijkingen = verwacht === berekend ? 0 : 1,
): EditionCheck {
  const status: CheckStatus = afwijkingen === 0 && verwacht === berekend ? 'ok' : 'verschil';
  return { id, onderwerp, periode, verwacht, berekend, afwijkingen, status };
}

/**
 * Every reconciliation of an edition, to the euro: the GALA hoofdthema totals (the base table);
 * per rule, Σ gemeenten = Bijlage 2A per gemeente, regions = Bijlage 2B, Σ recipients = the national
 * amount (key splits, the SPUK AZWA raming), and the raming's lines = its published total. Source
 * anomalies, open posten and other readings of GALA figures (the edition's `lezingen`) are warnings,
 * never corrections.
 */
export function editionControle(ledger: Ledger): EditionReport {
  const { base, edition, bijlage2A, bijlage2B } = ledger.input;
  const baseData = baseDataControle(base);
  const checks: EditionCheck[] = baseData.checks
    .filter((c) => c.id.startsWith('totaal:') || c.id.startsWith('aantal:'))
    .map((c) => ({
      id: c.id,
      onderwerp: c.subject,
      periode: c.period,
      verwacht: c.verwacht,
      berekend: c.berekend,
      afwijkingen: c.status === 'verschil' ? 1 : 0,
      status: c.status,
    }));
  const warnings: EditionWarning[] = [...baseData.warnings];

  for (const line of ledger.lines)
    for (const jaar of edition.years) {
      const rule = edition.rule(line.regeling.id, jaar);
      if (!rule) continue;
      const national = ledger.national(line.nr, jaar).bedrag;
      const regel = rule.spec.regel;
      if (isNationalOnly(line.ontvanger) || regel === 'bijlage-2a' || regel === 'beeindigd') continue;
      // Σ gemeenten is Σ over the rows of `gemeente` (Ledger.sumGemeenten), memoised for later readers.
      const sum =
        line.ontvanger === 'gemeente'
          ? ledger.sumGemeenten(line.nr, jaar)
          : ledger.regios.reduce((a, r) => a + ledger.regio(r.naam, line.nr, jaar).bedrag, 0);
      checks.push(check(`verdeling:${line.nr}:${jaar}`, `onderdeel ${line.nr}`, jaar, national, sum));
    }

  const regelingen = new Set(ledger.lines.map((l) => l.regeling.id));
  for (const regeling of regelingen)
    for (const jaar of edition.years) {
      const regel = edition.rule(regeling, jaar)?.spec.regel;
      const lines = ledger.lines.filter((l) => l.regeling.id === regeling);
      if (regel === 'bijlage-2a') {
        let off = 0;
        let sum = 0;
        let published = 0;
        for (const p of bijlage2A) {
          if (p.jaar !== jaar) continue;
          const got = lines.reduce((a, l) => a + ledger.bedrag(p.code, l.nr, jaar), 0);
          if (got !== p.bedrag) off++;
          sum += got;
          published += p.bedrag;
        }
        checks.push(check(`2a:${jaar}`, 'Bijlage 2A per gemeente', jaar, published, sum, off));
      }
      if (regel === 'bijlage-2b') {
        let off = 0;
        let sum = 0;
        let published = 0;
        for (const p of bijlage2B) {
          if (p.jaar !== jaar) continue;
          const got = lines.reduce((a, l) => a + ledger.regio(p.regio, l.nr, jaar).bedrag, 0);
          if (got !== p.bedrag) off++;
          sum += got;
          published += p.bedrag;
        }
        checks.push(check(`2b:${jaar}`, 'Bijlage 2B per regio', jaar, published, sum, off));
      }
    }

  // The SPUK AZWA raming: its lines add up to the published column total.
  const usesRaming = ledger.lines.some((l) => l.raming !== undefined);
  const totaal = base.azwaRaming.find((a) => a.financieringsmiddel === 'Totaal');
  if (usesRaming && totaal) {
    for (const jaar of [2027, 2028, 2029] as const) {
      const rows = base.azwaRaming.filter((a) => a !== totaal).reduce((a, r) => a + r.bedragen[jaar], 0);
      checks.push(
        check(`azwa-totaal:${jaar}`, 'SPUK AZWA-raming: regels = totaal', jaar, totaal.bedragen[jaar], rows),
      );
    }
  }

  for (const post of edition.openPosten) warnings.push({ kind: 'OpenPost', post });
  if (usesRaming) {
    const floor = baseData.warnings.find((w) => w.kind === 'FloorAmounts');
    if (floor && floor.kind === 'FloorAmounts')
      warnings.push({ kind: 'FloorNotInAzwa', gemeenten: floor.gemeenten, jaar: 2027 });
  }
  // Another source's reading of a GALA figure (the edition's data, with its source): a warning where
  // it differs from the table in one of its years, never a correction.
  for (const lezing of edition.lezingen) {
    const line = base.onderdelen.find((o) => o.nr === lezing.nr);
    const gala = lezing.jaren
      .filter((j): j is GalaYear => (GALA_YEAR_COLUMNS as readonly number[]).includes(j))
      .map((j) => line?.amounts[j])
      .find((a) => a !== undefined && a !== lezing.bedrag);
    if (gala !== undefined) warnings.push({ kind: 'AlternativeReading', lezing, gala });
  }

  return { editie: edition.manifest.id, checks, warnings, ok: checks.every((c) => c.status !== 'verschil') };
}
