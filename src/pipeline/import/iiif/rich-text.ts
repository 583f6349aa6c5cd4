/**
 * HTML found in a source's texts (IIIF labels and summaries, Voyager articles) made safe: parsed with
 * htmlparser2 (a well-kept HTML parser; nothing is ever rendered or executed here) and written as the
 * exhibition format's rich text (src/twin/richtext.ts: paragraphs, *emphasis*, **strong**, no HTML).
 * Scripts, styles, images and link targets are dropped; link texts are kept.
 */
import { parseDocument } from 'htmlparser2';

/** Texts that look like markup: IIIF asks for HTML to begin with "<", but real manifests put tags anywhere. */
const TAG = /<\/?[a-z!][^>]*>/i;

function looksLikeHtml(s: string): boolean {
  return TAG.test(s);
}

const DROPPED = new Set(['script', 'style', 'head', 'title', 'template', 'iframe', 'object', 'embed', 'noscript', 'svg', 'math', 'img', 'video', 'audio']);
const BLOCK = new Set(['p', 'div', 'section', 'article', 'blockquote', 'li', 'ul', 'ol', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'tr', 'table', 'figure', 'figcaption', 'header', 'footer', 'main', 'dl', 'dt', 'dd', 'pre', 'body', 'html']);
const EM = new Set(['i', 'em', 'cite']);
const STRONG = new Set(['b', 'strong']);
/** A paragraph break in the flat text, turned into a blank line at the end. */
const BREAK = '\u0000';
/** htmlparser2's DOM nodes (its domhandler types, reached through htmlparser2 itself). */
type ChildNode = ReturnType<typeof parseDocument>['children'][number];

/** Safe rich text from HTML (or from plain text, returned tidied). */
export function htmlToRichText(html: string): string {
  if (!looksLikeHtml(html)) return tidy(html.replace(/\r\n?/g, '\n').replace(/\n\s*\n/g, BREAK));
  const doc = parseDocument(html, { decodeEntities: true });
  return tidy(inline(doc.children));
}

/** Plain text from HTML: for titles and names, which carry no emphasis. */
export function htmlToPlainText(html: string): string {
  if (!looksLikeHtml(html)) return html.replace(/\s+/g, ' ').trim();
  return inline(parseDocument(html, { decodeEntities: true }).children, false)
    .split(BREAK)
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}

function inline(nodes: ChildNode[], marks = true): string {
  let out = '';
  for (const node of nodes) {
    if (node.type === 'text') out += node.data.replace(/\s+/g, ' ');
    else if (node.type === 'tag' || node.type === 'script' || node.type === 'style') {
      const name = node.name.toLowerCase();
      if (DROPPED.has(name)) continue;
      if (name === 'br') out += BREAK;
      else if (BLOCK.has(name)) out += `${BREAK}${inline(node.children, marks)}${BREAK}`;
      else if (EM.has(name)) out += marks ? wrap(inline(node.children), '*') : inline(node.children, false);
      else if (STRONG.has(name)) out += marks ? wrap(inline(node.children), '**') : inline(node.children, false);
      else out += inline(node.children, marks); // a, span, small, sub, sup, unknown tags: their text only
    }
    // comments, CDATA and processing instructions carry no visible text
  }
  return out;
}

/** Markers must touch the text they enclose (richtext.ts), so edge spaces move outside them. */
function wrap(s: string, marker: string): string {
  const m = /^(\s*)([\s\S]*?)(\s*)$/.exec(s)!;
  const [, lead, body, trail] = m;
  if (!body || body.includes(BREAK)) return s;
  return `${lead}${marker}${body}${marker}${trail}`;
}

function tidy(s: string): string {
  return s
    .split(BREAK)
    .map((p) => p.replace(/[ \t\n]+/g, ' ').trim())
    .filter((p) => p.length > 0)
    .join('\n\n');
}
