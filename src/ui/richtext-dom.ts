import { parseRichText, type Inline } from '../twin/richtext';
import { h } from './dom';

/** A backstory as DOM: paragraphs, emphasis and links to other works; everything else is text. */
export function renderRichText(src: string, linkHref: (artworkId: string) => string, onLink: (artworkId: string) => void): HTMLElement[] {
  return parseRichText(src).map((block) => h('p', {}, block.children.map((n) => inline(n, linkHref, onLink))));
}

function inline(node: Inline, linkHref: (id: string) => string, onLink: (id: string) => void): Node {
  switch (node.type) {
    case 'text':
      return document.createTextNode(node.text);
    case 'em':
      return h('em', {}, node.children.map((c) => inline(c, linkHref, onLink)));
    case 'strong':
      return h('strong', {}, node.children.map((c) => inline(c, linkHref, onLink)));
    case 'link': {
      const a = h('a', { href: linkHref(node.artworkId) }, node.children.map((c) => inline(c, linkHref, onLink)));
      a.addEventListener('click', (e) => {
        e.preventDefault();
        onLink(node.artworkId);
      });
      return a;
    }
  }
}
