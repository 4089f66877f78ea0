import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { keepPictureTrue, normalizePictureText } from './pictures';

/** The check that keeps the README's pictures true, on a picture and text of its own (never docs/img). */
describe('keepPictureTrue', () => {
  let dir: string;
  let rendered: string;
  const update = process.env['UPDATE_PICTURES'];
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'spuk-pictures-'));
    rendered = path.join(dir, 'rendered.png');
    fs.writeFileSync(rendered, 'PNG bytes');
    delete process.env['UPDATE_PICTURES'];
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
    if (update === undefined) delete process.env['UPDATE_PICTURES'];
    else process.env['UPDATE_PICTURES'] = update;
  });

  it('compares words per line: spacing and empty lines do not count', () => {
    expect(normalizePictureText('  Overzicht   Almere \n\n\f  € 3.349.616\r\n')).toBe(
      'Overzicht Almere\n€ 3.349.616\n',
    );
  });

  it('fails naming the command when the text is not tracked, or no longer what the picture shows', () => {
    expect(() => keepPictureTrue('p', rendered, 'Lezing BBV (kolom O)', dir)).toThrow(
      /p\.txt is missing.*npm run pictures/,
    );
    fs.writeFileSync(path.join(dir, 'p.txt'), 'Lezing BBV (kolom O)\n€ 1.000\n');
    expect(() => keepPictureTrue('p', rendered, 'Lezing BBV (kolom O)\n  €   1.000', dir)).not.toThrow();
    // Spacing and line breaks come from the fonts: "€1.000" on another machine is the same text.
    expect(() => keepPictureTrue('p', rendered, 'Lezing BBV\n(kolom O) €1.000', dir)).not.toThrow();
    let message = '';
    try {
      keepPictureTrue('p', rendered, 'Lezing BBV (kolom BBV: vastgelegd)\n€ 1.000', dir);
    } catch (e) {
      message = String(e);
    }
    expect(message).toContain('p.png is out of date');
    expect(message).toContain('Run `npm run pictures` (UPDATE_PICTURES=1) and commit docs/img.');
    expect(message.split('\n').slice(1)).toEqual([
      '- Lezing BBV (kolom O)',
      '+ Lezing BBV (kolom BBV: vastgelegd)',
    ]);
    expect(fs.existsSync(path.join(dir, 'p.png'))).toBe(false);
  });

  it('with UPDATE_PICTURES=1 copies the picture and writes its text', () => {
    process.env['UPDATE_PICTURES'] = '1';
    keepPictureTrue('p', rendered, ' Lezing   BBV \n\n', dir);
    expect(fs.readFileSync(path.join(dir, 'p.png'), 'utf8')).toBe('PNG bytes');
    expect(fs.readFileSync(path.join(dir, 'p.txt'), 'utf8')).toBe('Lezing BBV\n');
  });
});
