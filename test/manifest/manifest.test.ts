/**
 * Offline check of the add-in manifest (manifest.xml) and of its production copy (dist/manifest.xml).
 * Microsoft's online validator (`npx office-addin-manifest validate dist/manifest.xml`) needs a network
 * and is a release step.
 */
import * as fs from 'fs';
import * as path from 'path';
import { execFileSync } from 'child_process';
import type { XmlElement } from './xml';
import { child, childrenNamed, localName, parseXml, walk } from './xml';

const ROOT = path.resolve(__dirname, '..', '..');
const SOURCE = path.join(ROOT, 'manifest.xml');
const DIST = path.join(ROOT, 'dist', 'manifest.xml');
const DEV_ORIGIN = 'https://localhost:3000/';

const xml = fs.readFileSync(SOURCE, 'utf8');
const root = parseXml(xml);

const attr = (el: XmlElement, name: string): string => {
  const value = el.attrs[name];
  if (value === undefined) throw new Error(`<${el.name}> (line ${el.line}) has no ${name}`);
  return value;
};

/** Every attribute or text in the document that is a URL. */
function urls(doc: XmlElement): string[] {
  const found: string[] = [];
  for (const el of walk(doc)) {
    for (const [name, value] of Object.entries(el.attrs)) {
      if (name.startsWith('xmlns')) continue; // namespace names are identifiers, not fetched
      if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) found.push(value);
    }
    if (/^\s*[a-z][a-z0-9+.-]*:\/\//i.test(el.text)) found.push(el.text.trim());
  }
  return found;
}

/** Microsoft's own reader (office-addin-manifest), run in plain Node: jest cannot load its ESM dependencies. */
function readWithOfficeTooling(file: string): Record<string, unknown> {
  const script =
    "require('office-addin-manifest').OfficeAddinManifest.readManifestFile(process.argv[1])" +
    '.then((i) => process.stdout.write(JSON.stringify(i)), (e) => { console.error(String(e)); process.exit(1); });';
  const out = execFileSync(process.execPath, ['-e', script, file], { cwd: ROOT, encoding: 'utf8' });
  return JSON.parse(out) as Record<string, unknown>;
}

function pngSize(file: string): { width: number; height: number } {
  const buf = fs.readFileSync(file);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (!buf.subarray(0, 8).equals(signature) || buf.toString('ascii', 12, 16) !== 'IHDR') {
    throw new Error(`${file} is not a PNG`);
  }
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

function assetFor(url: string): string {
  expect(url.startsWith(`${DEV_ORIGIN}assets/`)).toBe(true);
  return path.join(ROOT, 'assets', url.slice(`${DEV_ORIGIN}assets/`.length));
}

describe('manifest.xml', () => {
  it('is well-formed XML that Office tooling reads the same way', () => {
    expect(localName(root)).toBe('OfficeApp');
    const info = readWithOfficeTooling(SOURCE);
    expect(info['id']).toBe(child(root, 'Id').text);
    expect(info).toMatchObject({
      defaultLocale: 'nl-NL',
      officeAppType: 'TaskPaneApp',
      permissions: 'ReadWriteDocument',
      hosts: ['Workbook'],
    });
  });

  it('is an add-in-only TaskPaneApp manifest in the 1.1 schema', () => {
    expect(root.attrs['xmlns']).toBe('http://schemas.microsoft.com/office/appforoffice/1.1');
    expect(root.attrs['xsi:type']).toBe('TaskPaneApp');
  });

  it('has the required elements in schema order', () => {
    const order = root.children.map(localName);
    const required = [
      'Id',
      'Version',
      'ProviderName',
      'DefaultLocale',
      'DisplayName',
      'Description',
      'IconUrl',
      'HighResolutionIconUrl',
      'Hosts',
      'Requirements',
      'DefaultSettings',
      'Permissions',
      'VersionOverrides',
    ];
    expect(order.filter((n) => required.includes(n))).toEqual(required);
    expect(child(root, 'Id').text).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(child(root, 'Version').text).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(child(root, 'ProviderName').text.trim()).not.toBe('');
  });

  it('speaks Dutch by default, within the length limits', () => {
    expect(child(root, 'DefaultLocale').text).toBe('nl-NL');
    const name = attr(child(root, 'DisplayName'), 'DefaultValue');
    const description = attr(child(root, 'Description'), 'DefaultValue');
    expect(name).toBe('SPUK-begroting');
    expect(description).toMatch(/gemeente/);
    expect(name.length).toBeLessThanOrEqual(125);
    expect(description.length).toBeLessThanOrEqual(250);
    for (const el of walk(root)) {
      if (localName(el) !== 'String') continue;
      const parent = walk(root).find((p) => p.children.includes(el));
      const max = parent && localName(parent) === 'ShortStrings' ? 125 : 250;
      expect(attr(el, 'DefaultValue').length).toBeLessThanOrEqual(max);
    }
  });

  it('runs in Excel and requires ExcelApi 1.9', () => {
    const hosts = childrenNamed(child(root, 'Hosts'), 'Host').map((h) => attr(h, 'Name'));
    expect(hosts).toEqual(['Workbook']);
    const sets = child(child(root, 'Requirements'), 'Sets');
    expect(attr(sets, 'DefaultMinVersion')).toBe('1.1');
    const excel = childrenNamed(sets, 'Set').find((s) => attr(s, 'Name') === 'ExcelApi');
    expect(excel && attr(excel, 'MinVersion')).toBe('1.9');
  });

  it('asks for the least permission that can write the workbook', () => {
    expect(child(root, 'Permissions').text).toBe('ReadWriteDocument');
  });

  it('loads the task pane from the dev server over HTTPS', () => {
    const source = child(child(root, 'DefaultSettings'), 'SourceLocation');
    expect(attr(source, 'DefaultValue')).toBe(`${DEV_ORIGIN}taskpane.html`);
  });

  it('uses HTTPS for every URL and needs no AppDomains', () => {
    const all = urls(root);
    expect(all.length).toBeGreaterThan(5);
    for (const url of all) expect(url).toMatch(/^https:\/\//);
    expect(childrenNamed(root, 'AppDomains')).toHaveLength(0);
  });

  it('points every icon at a PNG of the right size in assets/', () => {
    const icons: { url: string; size: number }[] = [
      { url: attr(child(root, 'IconUrl'), 'DefaultValue'), size: 32 },
      { url: attr(child(root, 'HighResolutionIconUrl'), 'DefaultValue'), size: 64 },
    ];
    const images = walk(root).filter((el) => el.name === 'bt:Image' && el.attrs['id'] !== undefined);
    expect(images.map((i) => attr(i, 'id')).sort()).toEqual(['Icon.16x16', 'Icon.32x32', 'Icon.80x80']);
    for (const image of images) {
      icons.push({
        url: attr(image, 'DefaultValue'),
        size: Number(/(\d+)x\d+$/.exec(attr(image, 'id'))?.[1]),
      });
    }
    for (const { url, size } of icons) {
      const file = assetFor(url);
      expect(fs.existsSync(file)).toBe(true);
      expect(pngSize(file)).toEqual({ width: size, height: size });
    }
  });

  it('resolves every resid of the ribbon button to a resource', () => {
    const resources = new Set(
      walk(child(root, 'VersionOverrides'))
        .filter((el) => el.attrs['id'] !== undefined && ['Image', 'Url', 'String'].includes(localName(el)))
        .map((el) => attr(el, 'id')),
    );
    const refs = walk(root).flatMap((el) => (el.attrs['resid'] !== undefined ? [attr(el, 'resid')] : []));
    expect(refs.length).toBeGreaterThan(5);
    for (const ref of refs) expect(resources).toContain(ref);
    const button = walk(root).find((el) => localName(el) === 'Control');
    expect(button && attr(button, 'xsi:type')).toBe('Button');
    const action = button && walk(button).find((el) => localName(el) === 'Action');
    expect(action && attr(action, 'xsi:type')).toBe('ShowTaskpane');
  });

  it('ships all icon sizes, including 128 px for the store listing', () => {
    for (const size of [16, 32, 64, 80, 128]) {
      expect(pngSize(path.join(ROOT, 'assets', `icon-${size}.png`))).toEqual({ width: size, height: size });
    }
  });
});

const distExists = fs.existsSync(DIST);
describe('dist/manifest.xml (production build)', () => {
  if (!distExists) {
    it.skip('SKIPPED: dist/manifest.xml is absent; run `npm run build` to check the production manifest', () => {
      /* skipped */
    });
    return;
  }
  const dist = fs.readFileSync(DIST, 'utf8');

  it('has no localhost left and only HTTPS URLs', () => {
    expect(dist).not.toMatch(/localhost/i);
    const distRoot = parseXml(dist);
    for (const url of urls(distRoot)) expect(url).toMatch(/^https:\/\//);
  });

  it('differs from the source only in its URLs', () => {
    const distRoot = parseXml(dist);
    expect(child(distRoot, 'Id').text).toBe(child(root, 'Id').text);
    expect(child(distRoot, 'Permissions').text).toBe('ReadWriteDocument');
    const origin = /^https:\/\/[^"]+?\/(?=taskpane\.html)/.exec(
      attr(child(child(distRoot, 'DefaultSettings'), 'SourceLocation'), 'DefaultValue'),
    )?.[0];
    expect(origin).toBeDefined();
    expect(dist).toBe(xml.split(DEV_ORIGIN).join(origin));
  });
});

describe('the XML reader behind these checks', () => {
  it.each([
    ['crossed tags', '<a><b></a></b>'],
    ['unclosed element', '<a><b></b>'],
    ['unquoted attribute', '<a x=1/>'],
    ['duplicate attribute', '<a x="1" x="2"/>'],
    ['bare ampersand', '<a>R&D</a>'],
    ['two roots', '<a/><b/>'],
  ])('rejects %s', (_, text) => {
    expect(() => parseXml(text)).toThrow();
  });

  it('reads entities, comments and self-closing tags', () => {
    const doc = parseXml('<?xml version="1.0"?><!-- c --><a t="x &amp; y"><b/>1 &lt; 2</a>');
    expect(doc.attrs['t']).toBe('x & y');
    expect(doc.children.map((c) => c.name)).toEqual(['b']);
    expect(doc.text).toBe('1 < 2');
  });
});
