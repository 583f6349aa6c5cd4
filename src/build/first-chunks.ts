/**
 * Build-time (Node) chunking of what each page loads at once. Left to itself the bundler cuts the visit's first
 * script into about 140 files, wherever a lazily loaded chunk shares a module, and gzip compresses each file
 * apart, without the others' text to refer back to. Here a module every page loads at once goes in a file by the
 * set of pages that load it (`first~main`, `first~main~curate`, …), with libraries apart from the app's own code
 * (`libraries~…`: they change only when a dependency does, so a new release of the app leaves them cached).
 * Rolldown's own `entriesAware` groups count every lazy chunk as an entry too, which cuts the files as small again.
 * A page never loads a file another page needs alone; lazily loaded modules keep their own chunks.
 */
import type { Rolldown } from 'vite';

/** Every module reachable from `start` through static imports. */
function staticallyReached(start: string, ctx: Rolldown.ChunkingContext): Set<string> {
  const seen = new Set([start]);
  const queue = [start];
  while (queue.length) {
    for (const next of ctx.getModuleInfo(queue.pop()!)?.importedIds ?? []) {
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return seen;
}

/**
 * `output.codeSplitting` for these pages (name → the absolute path of its HTML file). A module's dependencies are
 * loaded at once by at least the same pages, so a file only ever imports files of as many pages or more: no cycle.
 */
export function firstChunks(pages: Record<string, string>): Rolldown.CodeSplittingOptions {
  let reached: [string, Set<string>][] | undefined;
  const name = (id: string, ctx: Rolldown.ChunkingContext): string | null => {
    reached ??= Object.entries(pages).map(([page, html]) => [page, staticallyReached(html, ctx)]);
    const by = reached.filter(([, r]) => r.has(id)).map(([page]) => page);
    if (!by.length) return null;
    return `${/[\\/]node_modules[\\/]/.test(id) ? 'libraries' : 'first'}~${by.join('~')}`;
  };
  return { includeDependenciesRecursively: false, groups: [{ name }] };
}
