/**
 * What the pane tells the user to look at after a successful load: Overzicht (the BBV answer first),
 * the model check, and how many of the amounts shown are published, derived or estimated (the
 * ledger's `bron` labels). Pure: the numbers come from the scenario the workbook was built from
 * (`resolveScenario`: its model checks, source counts after the beschikking and the begroting's
 * signals), the words from messages.nl.ts.
 */
import type { AzwaStatus, SourceCounts } from '../domain';
import { NL } from './messages.nl';

/**
 * The list items, in reading order. `azwa` (the scenario's `azwa`): for a gemeente whose edition pays
 * it SPUK AZWA money and whose beschikking gives none of it yet, the first step asks for the SPUK AZWA
 * beschikking (the amounts are a raming with a verdeelsleutel "vooralsnog" until then).
 */
export function nextSteps(
  controle: number | undefined,
  sources: SourceCounts,
  national: boolean,
  signalen?: number,
  azwa?: AzwaStatus,
): string[] {
  const askAzwa =
    !national && azwa !== undefined && azwa.jaren.length > 0 && !azwa.beschikking
      ? [NL.nextSteps.azwaBeschikking(azwa.jaren)]
      : [];
  return [
    ...askAzwa,
    NL.nextSteps.overzicht,
    controle === undefined ? NL.nextSteps.controleUnknown : NL.nextSteps.controle(controle),
    NL.nextSteps.sources(sources, national),
    NL.nextSteps.begroting(signalen),
  ];
}
