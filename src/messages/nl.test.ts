import type { InputFailure } from '../domain';
import { cliFailureText, failureText } from './nl';

describe('failureText and cliFailureText: the same failure, worded for where it is shown', () => {
  const unknown: InputFailure = { kind: 'UnknownCbsCode', row: 4, code: 'GM9999' };

  it('an unknown CBS code: the werkmap points to its sheet Verdeelsleutel, the command line to a command', () => {
    expect(failureText(unknown)).toBe(
      'Rij 4: de CBS-code "GM9999" bestaat niet in de gemeentelijke indeling 2025. Gebruik de vorm GM0363 (zie kolom A van het blad Verdeelsleutel).',
    );
    expect(cliFailureText(unknown)).toBe(
      'Rij 4: de CBS-code "GM9999" bestaat niet in de gemeentelijke indeling 2025. Gebruik de vorm GM0363 (zie de kolom gemeentecode van \'spuk-begroting allocaties\').',
    );
    expect(cliFailureText(unknown)).not.toMatch(/\bblad\b|werkmap/i);
  });

  it('a failure that names no place reads the same in both', () => {
    const f: InputFailure = { kind: 'DuplicateCbsCode', row: 5, code: 'GM0034', firstRow: 2 };
    expect(cliFailureText(f)).toBe(failureText(f));
    expect(failureText(f)).toBe(
      'Rij 5: de CBS-code GM0034 staat al op rij 2. Laat elke gemeente één keer voorkomen.',
    );
  });
});
