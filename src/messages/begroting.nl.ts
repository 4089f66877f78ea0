import type { Signaal, SignaalSoort } from '../domain';
import { formatEuro } from './nl';

/**
 * Dutch texts of the begroting's signals: a short explanation per kind (the label next to the check
 * in the workbook) and a full sentence per signal (CLI, task pane) naming the amount and the fix.
 */
export const SIGNAAL_UITLEG: Record<SignaalSoort, string> = {
  plafond:
    'Lasten boven het plafond (beschikking, anders de editie; na overheveling). Regionaal geld heeft alleen bij de mandaatgemeente een plafond.',
  onderdeel:
    'Tot en met 2024 per onderdeel: hoogstens 115% van het plafond (15% schuiven binnen het hoofdthema).',
  hoofdthema:
    'Tot en met 2024: de lasten van een hoofdthema niet boven de som van de plafonds van zijn onderdelen.',
  'zonder-onderdeel': 'Tot en met 2024 hoort elke Brede SPUK-last bij een onderdeel (1–15).',
  'overheveling-2023': 'Van 2023 naar 2024 hoogstens 20% van het budget 2023 per onderdeel.',
  'overheveling-2025': 'Van 2025 naar 2026 hoogstens 10% van het budget 2025.',
  'aard-ontbreekt': 'Vul bij elke activiteit de aard van de lasten in (structureel of incidenteel).',
  'bbv-structureel':
    'BBV: structurele lasten gedekt uit geld van een regeling met een einddatum (incidentele baten).',
  'bbv-gat-2026':
    'BBV: structurele lasten in 2026 op de Brede SPUK en SPUK IZA hebben vanaf 2027 geen dekking.',
  'bbv-gat-2029': 'BBV: structurele lasten in 2029 op de SPUK AZWA hebben vanaf 2030 geen dekking.',
  'bbv-gat':
    'BBV: structurele lasten in het laatste jaar van een regeling hebben het jaar erna geen dekking.',
  'vooruit-ontvangen': 'Vooruit ontvangen voor het volgende jaar, meer dan het plafond van dat jaar.',
  'buiten-bereik': 'Rijen buiten het getoetste bereik van de tabel Begroting.',
};

function waar(s: Signaal): string {
  const parts = [
    s.regeling,
    s.onderdeel !== undefined ? `onderdeel ${s.onderdeel}` : undefined,
    s.hoofdthema !== undefined ? `hoofdthema ${s.hoofdthema}` : undefined,
    s.jaar !== undefined ? String(s.jaar) : undefined,
  ].filter((p): p is string => p !== undefined);
  return parts.join(', ');
}

/** One signal as a Dutch sentence with its amount and what to do. */
export function signaalText(s: Signaal): string {
  const b = formatEuro(s.bedrag);
  const at = waar(s);
  switch (s.soort) {
    case 'plafond':
      return `${at}: de lasten liggen ${b} boven het plafond. Verlaag de lasten of zoek andere dekking; regionaal geld hoort op de begroting van de mandaatgemeente.`;
    case 'onderdeel':
      return `${at}: de lasten liggen ${b} boven 115% van het plafond van het onderdeel. Tot en met 2024 mag hoogstens 15% binnen het hoofdthema schuiven.`;
    case 'hoofdthema':
      return `${at}: de lasten liggen ${b} boven de som van de plafonds van het hoofdthema.`;
    case 'zonder-onderdeel':
      return `${at}: ${b} aan Brede SPUK-lasten zonder onderdeel (1–15). Vul het onderdeel in: tot en met 2024 wordt per onderdeel verantwoord.`;
    case 'overheveling-2023':
      return `${at}: er wordt ${b} meer naar 2024 overgeheveld dan 20% van het budget 2023 van het onderdeel.`;
    case 'overheveling-2025':
      return `${at}: er wordt ${b} meer naar 2026 overgeheveld dan 10% van het budget 2025.`;
    case 'aard-ontbreekt':
      return `${at}: ${b} aan lasten zonder aard. Kies structureel of incidenteel.`;
    case 'bbv-structureel':
      return `${at}: ${b} structurele lasten gedekt uit incidentele baten (een regeling met een einddatum). Maak ze incidenteel of zoek structurele dekking.`;
    case 'bbv-gat-2026':
      return `Na 2026: ${b} structurele lasten op de Brede SPUK en SPUK IZA zonder dekking vanaf 2027.`;
    case 'bbv-gat-2029':
      return `Na 2029: ${b} structurele lasten op de SPUK AZWA zonder dekking vanaf 2030.`;
    case 'bbv-gat':
      return `Na ${s.jaar ?? ''}: ${b} structurele lasten op een regeling die dan eindigt, zonder dekking vanaf ${(s.jaar ?? 0) + 1}.`;
    case 'vooruit-ontvangen':
      return `${at}: ${b} vooruit ontvangen boven het plafond van het volgende jaar. Controleer het bedrag; vooruit ontvangen geld is geen baat van het jaar van ontvangst (balans).`;
    case 'buiten-bereik':
      return `De tabel Begroting heeft ${s.bedrag} rijen meer dan er getoetst worden. Splits de begroting of verwijder lege rijen.`;
  }
}
