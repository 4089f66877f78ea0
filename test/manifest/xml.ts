/**
 * A small strict XML reader for the manifest check: elements, attributes, text, comments, CDATA,
 * the XML declaration and the five predefined entities (plus numeric references). It throws on
 * anything not well-formed (unbalanced or crossed tags, unquoted or duplicate attributes, stray
 * "<" or "&", more than one root), so the test needs no XML library.
 */
export interface XmlElement {
  readonly name: string;
  readonly attrs: Readonly<Record<string, string>>;
  readonly children: readonly XmlElement[];
  readonly text: string;
  /** 1-based line of the start tag, for messages. */
  readonly line: number;
}

interface Mutable {
  name: string;
  attrs: Record<string, string>;
  children: Mutable[];
  text: string;
  line: number;
}

const NAME = /[A-Za-z_][\w.\-:]*/y;
const ENTITIES: Readonly<Record<string, string>> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decode(text: string, line: number): string {
  return text.replace(/&([^;\s&<]*);?/g, (whole, body: string) => {
    if (!whole.endsWith(';')) throw new Error(`line ${line}: bare "&"`);
    if (body.startsWith('#x')) return String.fromCodePoint(parseInt(body.slice(2), 16));
    if (body.startsWith('#')) return String.fromCodePoint(parseInt(body.slice(1), 10));
    const value = ENTITIES[body];
    if (value === undefined) throw new Error(`line ${line}: unknown entity &${body};`);
    return value;
  });
}

export function parseXml(source: string): XmlElement {
  let pos = 0;
  const stack: Mutable[] = [];
  let root: Mutable | undefined;
  const lineAt = (p: number): number => source.slice(0, p).split('\n').length;
  const fail = (msg: string): never => {
    throw new Error(`line ${lineAt(pos)}: ${msg}`);
  };
  const readName = (): string => {
    NAME.lastIndex = pos;
    const m = NAME.exec(source);
    if (!m) return fail('expected a name');
    pos = NAME.lastIndex;
    return m[0];
  };
  const skipSpace = (): void => {
    while (pos < source.length && /\s/.test(source[pos] ?? '')) pos++;
  };

  if (source.charCodeAt(0) === 0xfeff) pos = 1;
  if (source.startsWith('<?xml', pos)) {
    const end = source.indexOf('?>', pos);
    if (end < 0) fail('unterminated XML declaration');
    pos = end + 2;
  }
  while (pos < source.length) {
    const lt = source.indexOf('<', pos);
    const textEnd = lt < 0 ? source.length : lt;
    const text = source.slice(pos, textEnd);
    if (text.includes('>')) fail('stray ">" in text');
    const top = stack[stack.length - 1];
    if (top) top.text += decode(text, lineAt(pos));
    else if (text.trim() !== '') fail('text outside the root element');
    if (lt < 0) break;
    pos = lt;
    if (source.startsWith('<!--', pos)) {
      const end = source.indexOf('-->', pos + 4);
      if (end < 0) fail('unterminated comment');
      if (source.slice(pos + 4, end).includes('--')) fail('"--" inside a comment');
      pos = end + 3;
    } else if (source.startsWith('<![CDATA[', pos)) {
      const end = source.indexOf(']]>', pos);
      if (end < 0 || !top) fail('bad CDATA section');
      if (top) top.text += source.slice(pos + 9, end);
      pos = end + 3;
    } else if (source.startsWith('<?', pos) || source.startsWith('<!', pos)) {
      fail('processing instructions and DOCTYPE are not expected in a manifest');
    } else if (source.startsWith('</', pos)) {
      pos += 2;
      const name = readName();
      skipSpace();
      if (source[pos] !== '>') fail(`bad end tag </${name}`);
      pos++;
      const open = stack.pop();
      if (!open) return fail(`end tag </${name}> without start tag`);
      if (open.name !== name) fail(`</${name}> closes <${open.name}> (line ${open.line})`);
    } else {
      const line = lineAt(pos);
      pos++;
      const el: Mutable = { name: readName(), attrs: {}, children: [], text: '', line };
      for (;;) {
        const before = pos;
        skipSpace();
        if (source.startsWith('/>', pos) || source[pos] === '>') break;
        if (pos === before) fail(`expected whitespace between attributes of <${el.name}>`);
        const attr = readName();
        skipSpace();
        if (source[pos] !== '=') fail(`attribute ${attr} of <${el.name}> has no value`);
        pos++;
        skipSpace();
        const quote = source[pos];
        if (quote !== '"' && quote !== "'") return fail(`attribute ${attr} of <${el.name}> is not quoted`);
        const end = source.indexOf(quote, pos + 1);
        if (end < 0) fail('unterminated attribute value');
        const raw = source.slice(pos + 1, end);
        if (raw.includes('<')) fail(`"<" in attribute ${attr}`);
        if (attr in el.attrs) fail(`duplicate attribute ${attr} on <${el.name}>`);
        el.attrs[attr] = decode(raw, line);
        pos = end + 1;
      }
      const parent = stack[stack.length - 1];
      if (parent) parent.children.push(el);
      else if (root) fail('more than one root element');
      else root = el;
      if (source.startsWith('/>', pos)) pos += 2;
      else {
        pos++;
        stack.push(el);
      }
    }
  }
  const open = stack.pop();
  if (open) fail(`<${open.name}> (line ${open.line}) is never closed`);
  if (!root) return fail('no root element');
  return root;
}

/** Local name without namespace prefix. */
export function localName(el: XmlElement): string {
  return el.name.replace(/^.*:/, '');
}

/** Every element in document order. */
export function walk(el: XmlElement): XmlElement[] {
  return [el, ...el.children.flatMap(walk)];
}

/** The direct children with the given local name. */
export function childrenNamed(el: XmlElement, name: string): XmlElement[] {
  return el.children.filter((c) => localName(c) === name);
}

export function child(el: XmlElement, name: string): XmlElement {
  const found = childrenNamed(el, name);
  if (found.length !== 1)
    throw new Error(`<${el.name}> (line ${el.line}) needs exactly one <${name}>, has ${found.length}`);
  return found[0] as XmlElement;
}
