/**
 * Request-size budget. Excel on the web refuses requests of 5 MB; we keep every batch under
 * `DEFAULT_MAX_BATCH_BYTES` by estimating each queued operation as office-js would serialise it:
 * the JSON of its arguments plus a fixed overhead for the action and its object path.
 */

/** Hard limit of Excel on the web. */
export const EXCEL_WEB_REQUEST_LIMIT_BYTES = 5 * 1024 * 1024;
/** Our target per batch, with a wide margin under the hard limit. */
export const DEFAULT_MAX_BATCH_BYTES = 3.5 * 1024 * 1024;
/** Action + object path JSON around one property set or method call (measured on office-js ~150-250 B). */
export const OPERATION_OVERHEAD_BYTES = 256;

const encoder = new TextEncoder();

export function jsonBytes(value: unknown): number {
  return encoder.encode(JSON.stringify(value) ?? '').length;
}

/** Estimated request bytes of one operation with these arguments. */
export function operationBytes(args: unknown): number {
  return OPERATION_OVERHEAD_BYTES + jsonBytes(args);
}

/** Splits row indices [0, rows) into consecutive chunks whose estimated bytes stay within `budget`. */
export function chunkRows(rowBytes: readonly number[], budget: number): { start: number; end: number }[] {
  const chunks: { start: number; end: number }[] = [];
  let start = 0;
  let size = 0;
  rowBytes.forEach((bytes, i) => {
    if (i > start && size + bytes > budget) {
      chunks.push({ start, end: i });
      start = i;
      size = 0;
    }
    size += bytes;
  });
  if (rowBytes.length > start) chunks.push({ start, end: rowBytes.length });
  return chunks;
}
