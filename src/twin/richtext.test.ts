import { describe, expect, it } from 'vitest';
import { artworkLinks, inlineText, parseRichText, type Block, type Inline } from './richtext';

const text = (t: string): Inline => ({ type: 'text', text: t });
const para = (...children: Inline[]): Block => ({ type: 'paragraph', children });

/** Every node type that appears anywhere in the parse. */
function nodeTypes(blocks: Block[]): Set<string> {
  const out = new Set<string>();
  const visit = (nodes: Inline[]): void => {
    for (const n of nodes) {
      out.add(n.type);
      if (n.type !== 'text') visit(n.children);
    }
  };
  blocks.forEach((b) => visit(b.children));
  return out;
}

describe('parseRichText', () => {
  it('splits paragraphs on blank lines (including whitespace-only and repeated ones)', () => {
    expect(parseRichText('One.\n\nTwo.\n \t\n\n\nThree.')).toEqual([para(text('One.')), para(text('Two.')), para(text('Three.'))]);
  });

  it('keeps single line breaks inside a paragraph and normalises CRLF', () => {
    expect(parseRichText('line one\r\nline two\r\n\r\nnext')).toEqual([para(text('line one\nline two')), para(text('next'))]);
  });

  it('keeps plain text whole, brackets that are not links included, and parses a link whose text is plain', () => {
    expect(parseRichText('A [note] (1850), 3 × 4 m.')).toEqual([para(text('A [note] (1850), 3 × 4 m.'))]);
    expect(parseRichText('See [the pair](#artwork=w-2).')).toEqual([
      para(text('See '), { type: 'link', artworkId: 'w-2', children: [text('the pair')] }, text('.')),
    ]);
  });

  it('returns no blocks for empty or blank input', () => {
    expect(parseRichText('')).toEqual([]);
    expect(parseRichText('  \n\n \n')).toEqual([]);
  });

  it('parses *emphasis* and **strong**', () => {
    expect(parseRichText('a *b* c **d** e')).toEqual([
      para(text('a '), { type: 'em', children: [text('b')] }, text(' c '), { type: 'strong', children: [text('d')] }, text(' e')),
    ]);
  });

  it('nests strong inside emphasis and emphasis inside strong', () => {
    expect(parseRichText('*a **b** c*')).toEqual([
      para({ type: 'em', children: [text('a '), { type: 'strong', children: [text('b')] }, text(' c')] }),
    ]);
    expect(parseRichText('**a *b***')).toEqual([
      para({ type: 'strong', children: [text('a '), { type: 'em', children: [text('b')] }] }),
    ]);
  });

  it('parses [text](#artwork=id) links, with emphasis inside the link text', () => {
    expect(parseRichText('See [the *other* work](#artwork=harbour-2).')).toEqual([
      para(
        text('See '),
        { type: 'link', artworkId: 'harbour-2', children: [text('the '), { type: 'em', children: [text('other')] }, text(' work')] },
        text('.'),
      ),
    ]);
  });

  it('lets emphasis contain a link', () => {
    expect(parseRichText('*see [it](#artwork=a)*')).toEqual([
      para({ type: 'em', children: [text('see '), { type: 'link', artworkId: 'a', children: [text('it')] }] }),
    ]);
  });

  it('leaves unbalanced markers as literal text', () => {
    expect(parseRichText('**unclosed and *also')).toEqual([para(text('**unclosed and *also'))]);
    expect(parseRichText('a *b')).toEqual([para(text('a *b'))]);
    expect(parseRichText('b* c')).toEqual([para(text('b* c'))]);
  });

  it('leaves markers that do not touch their text as literal (arithmetic)', () => {
    expect(parseRichText('2 * 3 * 4 = 24')).toEqual([para(text('2 * 3 * 4 = 24'))]);
  });

  it('does not carry emphasis across paragraphs', () => {
    expect(parseRichText('*one\n\ntwo*')).toEqual([para(text('*one')), para(text('two*'))]);
  });

  it('keeps HTML tags as literal text', () => {
    const hostile = '<img src=x onerror=alert(1)>';
    expect(parseRichText(hostile)).toEqual([para(text(hostile))]);
    expect(parseRichText('<script>alert(1)</script> *hi*')).toEqual([para(text('<script>alert(1)</script> '), { type: 'em', children: [text('hi')] })]);
  });

  it('keeps links to anything but #artwork= as literal text', () => {
    for (const src of [
      '[x](javascript:alert(1))',
      '[x](https://example.org)',
      '[x](#artwork=)',
      '[x](#artwork=Bad_ID)',
      '[x](#artwork=ok extra)',
      '[x] (#artwork=a)',
      '[](#artwork=a)',
      '[x](data:text/html,<b>hi</b>)',
    ]) {
      const blocks = parseRichText(src);
      expect(nodeTypes(blocks), src).toEqual(new Set(['text']));
      expect(inlineText(blocks[0]?.children ?? []), src).toBe(src);
    }
  });

  it('keeps other markdown literal (headings, code, images)', () => {
    const src = '# Title\n`code` ![img](a.png) _under_';
    expect(parseRichText(src)).toEqual([para(text(src))]);
  });

  it('finds the link after a stray "["', () => {
    expect(parseRichText('[[a](#artwork=b)')).toEqual([para(text('['), { type: 'link', artworkId: 'b', children: [text('a')] })]);
  });

  it('stays fast on hostile input', () => {
    const hostile = '*a '.repeat(7000) + '['.repeat(3000) + '**x'.repeat(3000) + '[a](#artwork=b'.repeat(1000);
    const t0 = performance.now();
    const blocks = parseRichText(hostile);
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(inlineText(blocks[0]?.children ?? []).length).toBeGreaterThan(0);
  });
});

describe('artworkLinks', () => {
  it('lists linked artwork ids once each, in order', () => {
    expect(artworkLinks('[a](#artwork=x) and *[b](#artwork=y)*\n\n[c](#artwork=x)')).toEqual(['x', 'y']);
  });

  it('ignores literal (non-artwork) links', () => {
    expect(artworkLinks('[x](javascript:alert(1)) [y](https://example.org)')).toEqual([]);
  });
});
