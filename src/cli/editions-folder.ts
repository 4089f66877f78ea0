import { DataFileError, decodeText, parseManifest, registerEditionFolder } from '../data';
import { UsageError } from './args';
import type { CliIo } from './io';

/**
 * The option `--edities-map DIR`: an edition folder outside the shipped ones (a new VWS publication
 * as data, or a test fixture) made available to this run, chosen with `--editie ID`. The folder has
 * an `edition.json` manifest (schema: src/data/manifest.ts) and the CSV files its datasets name as
 * `data/<id>/<file name>`; it builds on a shipped edition (`vorige`). The default edition stays the
 * newest shipped one. A file that cannot be read is a UsageError; a manifest or data error names the
 * file and the field or line (DataFileError, reported as "Fout: …", exit code 2).
 */
export function loadEditionFolder(io: CliIo, dir: string): string {
  const base = dir.replace(/[\\/]+$/, '');
  const read = (name: string): string => {
    const path = `${base}/${name}`;
    const raw = io.readFile(path);
    if (raw === undefined)
      throw new UsageError(
        `Kan het bestand "${path}" niet lezen (--edities-map ${dir}). Controleer pad en rechten.`,
      );
    if (typeof raw === 'string') return raw;
    const text = decodeText(raw);
    if (!text.ok)
      throw new UsageError(`Het bestand "${path}" is geen tekst (UTF-8, Windows-1252 of UTF-16).`);
    return text.value;
  };
  const file = `${base}/edition.json`;
  let json: unknown;
  try {
    json = JSON.parse(read('edition.json'));
  } catch (e) {
    if (e instanceof UsageError) throw e;
    throw new DataFileError(file, 1, `not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
  const manifest = parseManifest(file, json);
  const prefix = `data/${manifest.id}/`;
  const files: Record<string, string> = {};
  for (const d of manifest.datasets)
    if (d.bestand.startsWith(prefix)) {
      const name = d.bestand.slice(prefix.length);
      files[name] = read(name);
    }
  return registerEditionFolder({ dir: base, manifest: json, files });
}
