import type { Bron } from '../ledger';
import type { EditionLine, EditionYear } from '../edition';
import { isNationalOnly } from '../edition';
import type { Ledger } from '../ledger';
import { weakest } from '../ledger';
import type { CbsCode, Maybe } from '../types';

/** How many amounts a gemeente receives per source label, and how many are open posten. */
export interface SourceCounts {
  readonly beschikking: number;
  readonly gepubliceerd: number;
  readonly afgeleid: number;
  readonly geschat: number;
  /** SPUK AZWA amounts: a raming with a verdeelsleutel "vooralsnog" until a beschikking is entered. */
  readonly raming: number;
  /** Money that leaves a regeling without a known amount (open posten). */
  readonly open: number;
}

/**
 * Per line and year that the gemeente receives (own money and, as mandaatgemeente, regional money):
 * the source of each amount that is not zero, read on `view` (the ledger with the gemeente's
 * beschikking, so amounts from the beschikking count as `beschikking`). The national view (`code`
 * undefined) counts the national amounts.
 */
export function sourceCounts(view: Ledger, code: Maybe<CbsCode>): SourceCounts {
  const counts: Record<Bron | 'open', number> = {
    beschikking: 0,
    gepubliceerd: 0,
    afgeleid: 0,
    geschat: 0,
    raming: 0,
    open: 0,
  };
  for (const line of view.lines) {
    if (isNationalOnly(line.ontvanger)) continue;
    for (const jaar of view.years) {
      const amount = code === undefined ? view.national(line.nr, jaar) : view.gemeente(code, line.nr, jaar);
      if (!amount) continue;
      if (amount.open && amount.bron !== 'beschikking') counts.open++;
      else if (amount.bedrag !== 0) counts[amount.bron]++;
    }
  }
  return counts;
}

/**
 * The source label of a line's amount in a year as the workbook writes it next to the amount: the
 * same for every gemeente (the user may choose another gemeente on Overzicht), so it is read from the
 * first receiving gemeente (or region) of the edition: `beschikking` where the gemeente's beschikking
 * gives it; `open post` where the money leaves the regeling without a known amount; '' where the
 * regeling has no rule or has ended.
 */
export function lineSource(
  ledger: Ledger,
  line: EditionLine,
  jaar: EditionYear,
  fromBeschikking: boolean,
): Bron | 'open post' | '' {
  if (fromBeschikking) return 'beschikking';
  const rule = ledger.input.edition.rule(line.regeling.id, jaar);
  if (!rule) return '';
  if (ledger.openPost(line.nr, jaar) && line.ontvanger === 'gemeente') return 'open post';
  if (rule.spec.regel === 'beeindigd') return '';
  if (line.ontvanger === 'mandaatgemeente') {
    const regio = ledger.regios[0]?.naam ?? '';
    return ledger.regio(regio, line.nr, jaar).bron;
  }
  const first = ledger.gemeenten[0];
  return first === undefined ? '' : (ledger.gemeente(first, line.nr, jaar)?.bron ?? '');
}

/**
 * The weakest of several labels (`beschikking` > `gepubliceerd` > `afgeleid` > `geschat` > `raming`,
 * the ledger's `BRONNEN_STERK_NAAR_ZWAK`; `raming` = the SPUK AZWA until a beschikking): a sum is
 * only as good as its least certain part. Labels that are no source ('open post', '') are skipped;
 * '' when none is a source.
 */
export function weakestLabel(labels: readonly (Bron | 'open post' | '')[]): Bron | '' {
  const sources = labels.filter((b): b is Bron => b !== '' && b !== 'open post');
  return sources.length === 0 ? '' : weakest(sources.map((bron) => ({ bron })));
}
