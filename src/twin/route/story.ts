/**
 * "Make your own": a visitor's own small exhibition or story from the works they keep, in their order, with a
 * title and a note per work in their own words. It travels as a route link (link.ts: the same `#route=` fragment,
 * ids, title and notes, never sent to a server) and opens for others as a route followed in the visitor's order,
 * their notes beside the museum's texts. Notes are plain text read with the format's rich-text rules
 * (twin/richtext.ts), never HTML.
 */
import { MAX_NOTE, MAX_TITLE, type RouteLink } from './link';

export interface Story {
  title: string;
  /** Works, in the visitor's order. */
  stops: string[];
  /** The visitor's note per work id. */
  notes: Record<string, string>;
}

/**
 * The story over the works kept now: the order and notes of the story before for the works still kept, the
 * newly kept works after them; works no longer kept leave, with their notes.
 */
export function storyFrom(kept: readonly string[], before?: Story): Story {
  const keep = new Set(kept);
  const stops = [...(before?.stops ?? []).filter((id) => keep.has(id)), ...kept.filter((id) => !before?.stops.includes(id))];
  const notes = Object.fromEntries(Object.entries(before?.notes ?? {}).filter(([id]) => keep.has(id)));
  return { title: before?.title ?? '', stops: [...new Set(stops)], notes };
}

/** The story with the stop at `index` moved `delta` places (earlier when negative), kept within the list. */
export function moveStop(story: Story, index: number, delta: number): Story {
  const to = Math.min(Math.max(index + delta, 0), story.stops.length - 1);
  if (index < 0 || index >= story.stops.length || to === index) return story;
  const stops = [...story.stops];
  const [id] = stops.splice(index, 1);
  stops.splice(to, 0, id!);
  return { ...story, stops };
}

/** The link that carries a story: its works in order, all day (a story is not cut to a time), title and notes. */
export function storyLink(story: Story, exhibition: string, revision: string): RouteLink {
  const notes = Object.fromEntries(story.stops.flatMap((id) => (story.notes[id]?.trim() ? [[id, story.notes[id]!.slice(0, MAX_NOTE)]] : [])));
  const title = story.title.trim().slice(0, MAX_TITLE);
  return { exhibition, revision, stops: [...story.stops], mustSee: [], budget: 'all-day', stepFree: false, avoidCrowded: false, ...(title ? { title } : {}), notes };
}

/** The story a link carries: one with a title is a visitor's story, opened as a tour in their order. */
export function storyOf(link: RouteLink | undefined): Story | undefined {
  return link?.title ? { title: link.title, stops: [...link.stops], notes: { ...link.notes } } : undefined;
}
