import type { KeyId } from '../domain';

/** Dutch one-line descriptions of the keys, shown on the Verdeelsleutel sheet and in the task pane. */
export function keyDescription(id: KeyId): string {
  switch (id) {
    case 'spuk-2025':
      return 'Sleutel spuk-2025: aandeel van elke gemeente in het Brede SPUK-totaal 2025 (VWS-brief 12-09-2025, Bijlage 2A); bevat de officiële weging van inwoners, lage SES en een bodembedrag.';
    case 'spuk-2026':
      return 'Sleutel spuk-2026: aandeel van elke gemeente in het Brede SPUK-totaal 2026 (VWS-brief 12-09-2025, Bijlage 2A).';
    case 'inwoners':
      return 'Sleutel inwoners: aandeel in het aantal inwoners 2025 (indicatief, niet-officiële bron).';
    case 'gelijk':
      return 'Sleutel gelijk: elke gemeente een gelijk deel.';
    case 'eigen':
      return 'Eigen sleutel: gewichten per CBS-code, ingevoerd door de gebruiker.';
  }
}
