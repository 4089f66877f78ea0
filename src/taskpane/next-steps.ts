/**
 * What the pane tells the user to look at after a successful load: Overzicht (the BBV answer first),
 * the model check, and how many of the amounts shown are published, derived or estimated (the
 * ledger's `bron` labels). Pure: the numbers come from the plan and the domain, the words from
 * messages.nl.ts.
 */
import type { Bron, CbsCode, Ledger } from '../domain';
import { EDITION_YEARS } from '../domain';
import type { WorkbookPlan } from '../plan';
import { NL } from './messages.nl';

export interface SourceCounts {
  readonly beschikking: number;
  readonly gepubliceerd: number;
  readonly afgeleid: number;
  readonly geschat: number;
  /** Money that leaves a regeling without a known amount (open posten). */
  readonly open: number;
}

/**
 * Per line and year 2023–2029 that the gemeente receives (own money and, as mandaatgemeente, regional
 * money): the source of each amount that is not zero. The national view counts the national amounts.
 */
export function sourceCounts(ledger: Ledger, code: CbsCode | undefined): SourceCounts {
  const counts: Record<Bron | 'open', number> = {
    beschikking: 0,
    gepubliceerd: 0,
    afgeleid: 0,
    geschat: 0,
    open: 0,
  };
  for (const line of ledger.lines) {
    if (line.ontvanger === 'landelijk') continue;
    for (const jaar of EDITION_YEARS) {
      const amount =
        code === undefined ? ledger.national(line.nr, jaar) : ledger.gemeente(code, line.nr, jaar);
      if (!amount) continue;
      if (amount.open) counts.open++;
      else if (amount.bedrag !== 0) counts[amount.bron]++;
    }
  }
  return counts;
}

/** What a workbook name's single cell holds right after loading (its formula's value in the plan). */
function nameValue(plan: WorkbookPlan, name: string): number | undefined {
  const ref = plan.names.find((n) => n.name === name)?.ref;
  const [sheet, cell] = ref?.replace(/\$/g, '').split('!') ?? [];
  for (const block of plan.sheets.find((s) => s.name === sheet)?.blocks ?? [])
    if (block.kind === 'formula' && block.range === cell) {
      const v = block.expected[0]?.[0];
      return typeof v === 'number' ? v : undefined;
    }
  return undefined;
}

/** The master check the workbook computes right after loading (Controle_Totaal). */
export function controleTotaal(plan: WorkbookPlan): number | undefined {
  return nameValue(plan, 'Controle_Totaal');
}

/** The begroting's signals right after loading (Begroting_Signalen). */
export function begrotingSignalen(plan: WorkbookPlan): number | undefined {
  return nameValue(plan, 'Begroting_Signalen');
}

/** The list items, in reading order. */
export function nextSteps(
  controle: number | undefined,
  sources: SourceCounts,
  national: boolean,
  signalen?: number,
): string[] {
  return [
    NL.nextSteps.overzicht,
    controle === undefined ? NL.nextSteps.controleUnknown : NL.nextSteps.controle(controle),
    NL.nextSteps.sources(sources, national),
    NL.nextSteps.begroting(signalen),
  ];
}
