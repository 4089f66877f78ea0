#!/usr/bin/env node
/* eslint-disable @typescript-eslint/no-require-imports */
// Writes the add-in icons (assets/icon-<size>.png) as real PNG files, with no image library:
// a calm green rounded tile with a white euro sign resting on three ascending columns.
// Anti-aliased by 8x8 supersampling. Deterministic: running it twice gives identical bytes.
// Usage: node scripts/generate-icons.js
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const SIZES = [16, 32, 64, 80, 128];
const TILE = [0x10, 0x7c, 0x41]; // Excel green, calm and familiar in the ribbon
const GLYPH = [0xff, 0xff, 0xff];
const COLUMN = [0xc7, 0xe8, 0xd4]; // pale green: the columns sit behind the euro sign

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function png(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // colour type RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// Shapes in unit coordinates (0..1, y down).
function inRoundedRect(x, y, x0, y0, x1, y1, r) {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

function inEuro(x, y, small) {
  const cx = 0.56;
  const cy = 0.43;
  const outer = 0.25;
  const stroke = small ? 0.085 : 0.065;
  const d = Math.hypot(x - cx, y - cy);
  const angle = Math.atan2(y - cy, x - cx); // 0 = right
  const ring = d <= outer && d >= outer - stroke && Math.abs(angle) > 0.75;
  const barH = small ? 0.07 : 0.055;
  const bar = (yc) => y >= yc - barH / 2 && y <= yc + barH / 2 && x >= cx - outer - 0.1 && x <= cx + 0.06;
  return ring || bar(cy - 0.07) || (!small && bar(cy + 0.07)) || (small && false);
}

function inColumns(x, y) {
  const base = 0.84;
  const cols = [
    [0.18, 0.34, 0.7],
    [0.42, 0.58, 0.62],
    [0.66, 0.82, 0.54],
  ];
  return cols.some(([x0, x1, top]) => x >= x0 && x <= x1 && y >= top && y <= base);
}

function colourAt(x, y, size) {
  if (!inRoundedRect(x, y, 0.02, 0.02, 0.98, 0.98, 0.18)) return null;
  const small = size <= 16;
  if (inEuro(x, y, small)) return GLYPH;
  if (!small && inColumns(x, y)) return COLUMN;
  return TILE;
}

function render(size) {
  const ss = 8;
  const out = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const c = colourAt((px + (sx + 0.5) / ss) / size, (py + (sy + 0.5) / ss) / size, size);
          if (!c) continue;
          r += c[0];
          g += c[1];
          b += c[2];
          a += 1;
        }
      }
      const i = (py * size + px) * 4;
      if (a > 0) {
        out[i] = Math.round(r / a);
        out[i + 1] = Math.round(g / a);
        out[i + 2] = Math.round(b / a);
      }
      out[i + 3] = Math.round((a / (ss * ss)) * 255);
    }
  }
  return out;
}

const dir = path.resolve(__dirname, '..', 'assets');
fs.mkdirSync(dir, { recursive: true });
for (const size of SIZES) {
  const file = path.join(dir, `icon-${size}.png`);
  fs.writeFileSync(file, png(size, render(size)));
  console.log(`${path.relative(process.cwd(), file)} (${size}x${size})`);
}
