/**
 * Command-line options: which options each command takes, and parsing them strictly. An unknown
 * option, a missing value or an option given twice is refused (UsageError, Dutch text), never
 * resolved silently.
 */

/**
 * Every command also takes `--edities-map DIR`: an edition folder to add for this run (see
 * ./editions-folder.ts), chosen with `--editie` (or `--van`/`--naar`).
 */
/** The options that choose the distribution key: a built-in one, or a file. */
const SLEUTEL = ['--sleutel', '--sleutel-bestand'] as const;
/** The options of a command that writes records: the format (tekst, csv, json, …) and the CSV's separator. */
const UITVOER = ['--formaat', '--csv-komma'] as const;
/** The options that choose one gemeente's money (edition, gemeente, key, its beschikking). */
const GEMEENTE = ['--edities-map', '--editie', '--gemeente', ...SLEUTEL, '--beschikking'] as const;

export const OPTIONS: Record<string, readonly string[]> = {
  werkboek: [
    ...GEMEENTE,
    '--van',
    '--alle',
    '--uit',
    '--begroting',
    '--van-mandaatgemeente',
    '--realisatie',
    '--limiet',
    '--schuifruimte',
    '--csv-komma',
    '--vervang',
  ],
  begroting: [...GEMEENTE, '--invoer', '--van-mandaatgemeente', ...UITVOER],
  allocaties: [...GEMEENTE, ...UITVOER],
  verantwoording: [
    ...GEMEENTE,
    '--begroting',
    '--realisatie',
    '--limiet',
    '--schuifruimte',
    '--van-mandaatgemeente',
    ...UITVOER,
  ],
  iza: ['--edities-map', '--editie', ...SLEUTEL, ...UITVOER],
  controle: ['--edities-map', '--editie', '--json', ...UITVOER],
  edities: ['--edities-map', ...UITVOER],
  verschil: ['--edities-map', '--van', '--naar', '--gemeente', ...SLEUTEL, ...UITVOER],
  regioverdeling: [
    '--edities-map',
    '--regio',
    '--gemeente',
    '--jaar',
    '--methode',
    '--invoer',
    '--editie',
    '--h35b',
    '--realisatie',
    '--begroting',
    ...UITVOER,
  ],
};
const FLAGS = new Set(['--json', '--alle', '--help', '-h', '--h35b', '--csv-komma', '--vervang']);

/** Bad arguments: the message is shown as "Fout: …" on stderr, exit code 2. */
export class UsageError extends Error {}

export function parseArgs(command: string, args: readonly string[]): Map<string, string> {
  const allowed = OPTIONS[command] ?? [];
  const out = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const a = args[i] ?? '';
    const [name, inline] =
      a.startsWith('--') && a.includes('=')
        ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)]
        : [a, undefined];
    if (name === '--help' || name === '-h') {
      out.set('--help', '');
      continue;
    }
    if (!allowed.includes(name))
      throw new UsageError(
        a.startsWith('-')
          ? `Onbekende optie "${a}" voor ${command}. Zie 'spuk-begroting ${command} --help'.`
          : `Onverwacht argument "${a}" voor ${command}: opties beginnen met --. Zie 'spuk-begroting ${command} --help'.`,
      );
    if (out.has(name)) throw new UsageError(`De optie ${name} staat er twee keer. Geef elke optie één keer.`);
    if (FLAGS.has(name)) {
      if (inline !== undefined)
        throw new UsageError(`De optie ${name} heeft geen waarde: laat "=${inline}" weg.`);
      out.set(name, '');
      continue;
    }
    const value = inline ?? args[++i];
    if (value === undefined || value.startsWith('--'))
      throw new UsageError(
        `De optie ${name} heeft een waarde nodig. Zie 'spuk-begroting ${command} --help'.`,
      );
    if (value.trim() === '') throw new UsageError(`De optie ${name} heeft een lege waarde. Geef een waarde.`);
    out.set(name, value);
  }
  return out;
}
