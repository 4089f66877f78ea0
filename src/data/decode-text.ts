import type { Result } from '../domain';
import { fail, ok } from '../domain';

/**
 * Bytes of a user file → text, as Excel-NL saves them: UTF-8 (with or without BOM), Windows-1252
 * ("CSV (gescheiden door lijstscheidingsteken)" on older Excel), UTF-16 LE/BE with BOM
 * ("Unicode-tekst"). Anything else (an .xlsx, a PDF, an image) is refused as NotText. Used by the
 * CLI's file reading and usable by the task pane's file import (`new Uint8Array(await file.arrayBuffer())`).
 */
export function decodeText(bytes: Uint8Array): Result<string> {
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04)
    return fail([{ kind: 'NotText', looksLike: 'xlsx' }]);
  const text = decode(bytes);
  if (text === undefined || !isText(text)) return fail([{ kind: 'NotText', looksLike: 'binary' }]);
  return ok(text);
}

function decode(bytes: Uint8Array): string | undefined {
  const b0 = bytes[0];
  const b1 = bytes[1];
  if (b0 === 0xef && b1 === 0xbb && bytes[2] === 0xbf) return strict('utf-8', bytes.subarray(3));
  if (b0 === 0xff && b1 === 0xfe) return strict('utf-16le', bytes.subarray(2));
  if (b0 === 0xfe && b1 === 0xff) return strict('utf-16be', bytes.subarray(2));
  const utf16 = utf16WithoutBom(bytes);
  if (utf16) return strict(utf16, bytes);
  return strict('utf-8', bytes) ?? windows1252(bytes);
}

/**
 * Windows-1252 → text. Not `new TextDecoder('windows-1252')`: Node (20) decodes that label as
 * ISO-8859-1, so 0x80 became U+0080 instead of "€" and a CSV with "€ 150.000" was refused as no text.
 * The five bytes Windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) stay control characters.
 */
const CP1252_80_9F = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d,
  0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d,
  0x17e, 0x178,
];
function windows1252(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += String.fromCharCode(b >= 0x80 && b <= 0x9f ? (CP1252_80_9F[b - 0x80] ?? b) : b);
  return out;
}

/** UTF-16 without BOM: text in the Latin alphabet has a zero in every other byte. */
function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const n = Math.min(bytes.length - (bytes.length % 2), 512);
  if (n < 4) return undefined;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.9 && evenZero === 0) return 'utf-16le';
  if (evenZero > pairs * 0.9 && oddZero === 0) return 'utf-16be';
  return undefined;
}

function strict(encoding: string, bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** Control characters other than tab, line feed, carriage return and form feed; U+FFFD from a failed decode. */
function notTextChar(code: number): boolean {
  return (
    code <= 0x08 || code === 0x0b || (code >= 0x0e && code <= 0x1f) || (code >= 0x7f && code <= 0x9f) || code === 0xfffd
  );
}

/** True when a decoded string is text a user could have typed (no control characters or replacement marks). */
export function isText(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (notTextChar(text.charCodeAt(i))) return false;
  return true;
}

/**
 * Invisible characters that a copy from a web page or PDF brings along: the BOM, zero-width
 * spaces and joiners are removed; non-breaking and narrow spaces become ordinary spaces.
 */
export function cleanInvisible(text: string): string {
  return text.replace(/\ufeff|\u200b|\u200c|\u200d|\u2060|\u00ad/g, '').replace(/[\u00a0\u2007\u202f]/g, ' ');
}
