import type { EditionManifest } from '../domain';
import { parseManifest } from './manifest';
import galaManifest from '../../data/gala-2023/edition.json';
import vws2025Manifest from '../../data/vws-2025-09/edition.json';
import vws2026Manifest from '../../data/vws-2026-04/edition.json';

/**
 * The shipped editions' manifests (`data/<id>/edition.json`), oldest first: the one place where the
 * editions and the descriptions of their datasets (titel, bron, kenmerk, datum, kanttekeningen) are
 * written. Adding a shipped edition = a folder + its manifest + one line here (the bundle needs
 * static imports; its CSV files also go into EMBEDDED_TEXTS, ./load.ts).
 */
const MANIFESTS: readonly { readonly file: string; readonly json: unknown }[] = [
  { file: 'data/gala-2023/edition.json', json: galaManifest },
  { file: 'data/vws-2025-09/edition.json', json: vws2025Manifest },
  { file: 'data/vws-2026-04/edition.json', json: vws2026Manifest },
];

let parsed: readonly { readonly file: string; readonly manifest: EditionManifest }[] | undefined;

/** The shipped manifests, checked once (ManifestError names the file and the field). */
export function shippedManifests(): readonly { readonly file: string; readonly manifest: EditionManifest }[] {
  parsed ??= MANIFESTS.map((m) => ({ file: m.file, manifest: parseManifest(m.file, m.json) }));
  return parsed;
}
