/**
 * The backstory rich-text subset (browser-safe, no dependencies).
 *
 * Accepted markup, and nothing else:
 *   - paragraphs, separated by one or more blank lines;
 *   - *emphasis* and **strong** (markers must touch the text they enclose: "a * b" stays literal);
 *   - [text](#artwork=<id>) links to another artwork of the exhibition.
 *
 * Everything else — HTML tags, other link targets (javascript:, https:, …), headings, lists,
 * unbalanced or unmatched markers — is returned as literal text. Renderers must put `text`
 * nodes into the page as text (textContent / GUI text), never as HTML.
 */

export type Inline =
  | { type: 'text'; text: string }
  | { type: 'em'; children: Inline[] }
  | { type: 'strong'; children: Inline[] }
  | { type: 'link'; artworkId: string; children: Inline[] };

export type Block = { type: 'paragraph'; children: Inline[] };

/** The id syntax of the exhibition format (see Id in schema.ts). */
const ARTWORK_ID = /^[a-z0-9][a-z0-9_-]{0,79}/;
const LINK_PREFIX = '(#artwork=';
/** Emphasis nested deeper than this is left literal (keeps hostile input cheap). */
const MAX_DEPTH = 8;

interface LinkSpan {
  start: number; // index of '['
  textStart: number;
  textEnd: number; // index of ']'
  end: number; // index after ')'
  artworkId: string;
}

const isSpace = (ch: string | undefined): boolean => ch === undefined || /\s/.test(ch);

/** Finds the valid [text](#artwork=id) links of one paragraph, left to right, in linear time. */
function findLinks(s: string): Map<number, LinkSpan> {
  const links = new Map<number, LinkSpan>();
  let i = 0;
  while (i < s.length) {
    const open = s.indexOf('[', i);
    if (open < 0) break;
    let j = open + 1;
    while (j < s.length && s[j] !== ']' && s[j] !== '[') j++;
    if (j >= s.length) break;
    if (s[j] === '[') {
      i = j; // a nearer '[' starts the candidate link instead
      continue;
    }
    // s[j] === ']'
    const textStart = open + 1;
    const textEnd = j;
    i = j + 1;
    if (s.slice(textStart, textEnd).trim().length === 0) continue;
    if (!s.startsWith(LINK_PREFIX, j + 1)) continue;
    const idStart = j + 1 + LINK_PREFIX.length;
    const m = ARTWORK_ID.exec(s.slice(idStart, idStart + 81));
    if (!m) continue;
    const close = idStart + m[0].length;
    if (s[close] !== ')') continue;
    links.set(open, { start: open, textStart, textEnd, end: close + 1, artworkId: m[0] });
    i = close + 1;
  }
  return links;
}

interface StarRun {
  a: number; // first '*'
  b: number; // after the last '*'
  left: boolean; // can open: followed by non-space
  right: boolean; // can close: preceded by non-space
}

function parseRange(s: string, start: number, end: number, links: Map<number, LinkSpan>, inLink: boolean, depth: number): Inline[] {
  // Plain text (most of a long backstory): no emphasis or link to find, so no walk character by character.
  if ((inLink || links.size === 0) && !s.slice(start, end).includes('*')) return start < end ? [{ type: 'text', text: s.slice(start, end) }] : [];
  // 1. Star runs inside [start, end), skipping link spans (a link is atomic for emphasis).
  const runs: StarRun[] = [];
  for (let i = start; i < end; ) {
    const link = inLink ? undefined : links.get(i);
    if (link && link.end <= end) {
      i = link.end;
      continue;
    }
    if (s[i] === '*') {
      let b = i;
      while (b < end && s[b] === '*') b++;
      runs.push({ a: i, b, left: b < end && !isSpace(s[b]), right: i > start && !isSpace(s[i - 1]) });
      i = b;
      continue;
    }
    i++;
  }
  // Candidate closer positions for '*' (d = 1) and '**' (d = 2), ascending.
  const closers: [number[], number[]] = [[], []];
  for (const r of runs) {
    if (!r.right) continue;
    const n = r.b - r.a;
    if (n === 1) closers[0].push(r.a);
    else if (n === 2) closers[1].push(r.a);
    else if (n === 3) {
      closers[0].push(r.b - 1);
      closers[1].push(r.b - 2);
    }
  }
  const firstCloserAfter = (d: 1 | 2, pos: number): number | undefined => {
    const list = d === 1 ? closers[0] : closers[1];
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((list[mid] as number) <= pos) lo = mid + 1;
      else hi = mid;
    }
    return list[lo];
  };
  const runAt = new Map<number, StarRun>(runs.map((r) => [r.a, r]));

  // 2. Walk the range.
  const out: Inline[] = [];
  let text = '';
  const flush = (): void => {
    if (text) out.push({ type: 'text', text });
    text = '';
  };
  let i = start;
  while (i < end) {
    const link = inLink ? undefined : links.get(i);
    if (link && link.end <= end) {
      flush();
      out.push({
        type: 'link',
        artworkId: link.artworkId,
        children: parseRange(s, link.textStart, link.textEnd, links, true, depth + 1),
      });
      i = link.end;
      continue;
    }
    const run = runAt.get(i);
    if (run) {
      const n = run.b - run.a;
      if (run.left && n <= 3 && depth < MAX_DEPTH) {
        const d: 1 | 2 = n === 1 ? 1 : 2;
        const contentStart = run.a + d;
        const closer = firstCloserAfter(d, contentStart);
        if (closer !== undefined) {
          flush();
          out.push({
            type: d === 1 ? 'em' : 'strong',
            children: parseRange(s, contentStart, closer, links, inLink, depth + 1),
          });
          i = closer + d;
          continue;
        }
      }
      text += s.slice(run.a, run.b);
      i = run.b;
      continue;
    }
    text += s[i];
    i++;
  }
  flush();
  return out;
}

/** Parses a backstory (one language) into paragraphs of inline nodes. Never throws. */
export function parseRichText(src: string): Block[] {
  const normalised = String(src).replace(/\r\n?/g, '\n');
  const blocks: Block[] = [];
  for (const raw of normalised.split(/\n[ \t]*\n\s*/)) {
    const para = raw.trim();
    if (!para) continue;
    blocks.push({ type: 'paragraph', children: parseRange(para, 0, para.length, findLinks(para), false, 0) });
  }
  return blocks;
}

function collectLinks(nodes: Inline[], into: string[]): void {
  for (const n of nodes) {
    if (n.type === 'link') into.push(n.artworkId);
    if (n.type !== 'text') collectLinks(n.children, into);
  }
}

/** The artwork ids linked from a backstory, in order of first appearance, without duplicates. */
export function artworkLinks(src: string): string[] {
  const all: string[] = [];
  for (const b of parseRichText(src)) collectLinks(b.children, all);
  return [...new Set(all)];
}

/** The plain text of inline nodes (for search, screen-reader summaries, tests). */
export function inlineText(nodes: Inline[]): string {
  return nodes.map((n) => (n.type === 'text' ? n.text : inlineText(n.children))).join('');
}
