/**
 * Build-time (Node) chunking of what each page loads at once. Left to itself the bundler cuts the visit's first
 * script into about 140 files, wherever a lazily loaded chunk shares a module, and gzip compresses each file
 * apart, without the others' text to refer back to. Here a module that pages load at once goes in a file by the
 * set of pages that load it (`first~main`, `first~main~curate`, …), with libraries apart from the app's own code
 * (`libraries~…`: they change only when a dependency does, so a new release of the app leaves them cached).
 * Rolldown's own `entriesAware` groups count every lazy chunk as an entry too, which cuts the files as small again.
 * A page never loads a file another page needs alone; lazily loaded modules keep their own chunks.
 */
import type { Rolldown } from 'vite';

/** Every module reachable from `start` through static imports (and dynamic ones with `lazy`). */
function reachedFrom(start: string, ctx: Rolldown.ChunkingContext, lazy: boolean): Set<string> {
  const seen = new Set([start]);
  const queue = [start];
  while (queue.length) {
    const info = ctx.getModuleInfo(queue.pop()!);
    for (const next of [...(info?.importedIds ?? []), ...(lazy ? (info?.dynamicallyImportedIds ?? []) : [])]) {
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return seen;
}

/**
 * `output.codeSplitting` for these pages (name → the absolute path of its HTML file). A module goes in a page's
 * file only if every page that can load it at all (through its lazy chunks too) loads it at once: the what-if
 * page's file must never be what a lazy chunk of the visit imports, or the what-if page's own script would run on
 * the visit's page. The rest is left to the bundler. A module's dependencies are loaded at once by at least the
 * same pages, so a file only ever imports files of as many pages or more: no cycle.
 */
export function firstChunks(pages: Record<string, string>): Rolldown.CodeSplittingOptions {
  let reached: { page: string; first: Set<string>; ever: Set<string> }[] | undefined;
  const name = (id: string, ctx: Rolldown.ChunkingContext): string | null => {
    reached ??= Object.entries(pages).map(([page, html]) => ({ page, first: reachedFrom(html, ctx, false), ever: reachedFrom(html, ctx, true) }));
    const by = reached.filter((r) => r.first.has(id));
    if (!by.length || reached.some((r) => r.ever.has(id) && !r.first.has(id))) return null;
    return `${/[\\/]node_modules[\\/]/.test(id) ? 'libraries' : 'first'}~${by.map((r) => r.page).join('~')}`;
  };
  return { includeDependenciesRecursively: false, groups: [{ name }] };
}
