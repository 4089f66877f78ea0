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
  return strict('utf-8', bytes) ?? new TextDecoder('windows-1252').decode(bytes);
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
