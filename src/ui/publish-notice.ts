/**
 * "A new version of this exhibition is available": the banner an open visitor page shows when curators publish
 * (the server tells the page by server-sent events, src/app/published.ts). The page never updates by itself:
 * the visitor chooses when, and Update keeps their place, favourites and route.
 */
import type { Strings } from '../i18n';
import { h } from './dom';

/**
 * Which published version a page is showing, from the stream's events: the first event is the version the page
 * opened with; a later, higher one is news. (A version published in the moment between loading the file and
 * opening the stream is seen as the page's own: the next publish tells of both.)
 */
export class PublishedVersions {
  private shown: number | undefined;

  /** Whether `version` is newer than the one the page shows. */
  receive(version: number): boolean {
    if (!Number.isInteger(version) || version < 0) return false;
    if (this.shown === undefined) {
      this.shown = version;
      return false;
    }
    if (version <= this.shown) return false;
    this.shown = version;
    return true;
  }
}

/** The banner (one at a time); `update` is called when the visitor asks for the new version. */
export function showPublishNotice(t: Strings, update: () => void): HTMLElement {
  document.getElementById('exhibition-updated')?.remove();
  const bar = h(
    'div',
    { id: 'exhibition-updated', class: 'app-update', role: 'status' },
    h('span', {}, t.exhibitionUpdated),
    h('button', { type: 'button', onclick: () => update() }, t.exhibitionUpdate),
  );
  document.body.append(bar);
  return bar;
}
