/**
 * The fields of a Voyager scene document (.svx.json) this importer knows, level by level, after the
 * Smithsonian's published schema (dpo-voyager source/client/schema: document, meta, model, setup). A field not
 * listed is ignored and noted once by its place, never a crash: Voyager adds fields from version to version.
 */
import type { ImportProblem } from '../imported-work';

const KNOWN: Record<string, ReadonlySet<string>> = {
  document: new Set(['$schema', 'asset', 'scene', 'scenes', 'nodes', 'cameras', 'lights', 'metas', 'models', 'setups', 'info']),
  scene: new Set(['name', 'nodes', 'setup', 'meta', 'units']),
  node: new Set(['id', 'name', 'children', 'matrix', 'translation', 'rotation', 'scale', 'camera', 'light', 'model', 'meta']),
  meta: new Set(['collection', 'process', 'images', 'articles', 'audio', 'video', 'actions', 'leadArticle']),
  model: new Set(['units', 'tags', 'derivatives', 'visible', 'renderOrder', 'translation', 'rotation', 'boundingBox', 'material', 'annotations', 'shadowSide', 'overlayMap', 'activeTags']),
  annotation: new Set([
    'id', 'title', 'titles', 'lead', 'leads', 'marker', 'tags', 'taglist', 'articleId', 'imageUri', 'imageCredit', 'imageCredits',
    'imageAltText', 'imageAltTexts', 'audioId', 'style', 'visible', 'expanded', 'position', 'direction', 'scale', 'offset', 'tilt',
    'azimuth', 'color', 'zoneIndex', 'lineBreakEnabled', 'viewId',
  ]),
  article: new Set(['id', 'uri', 'uris', 'title', 'titles', 'lead', 'leads', 'tags', 'taglist', 'intros', 'mimeType', 'thumbnailUri']),
};

/** Noting more than this many unknown fields would bury the problems that matter. */
const MAX_NOTES = 40;

/** Notes each field of `o` that a `level` does not have, as "models[0].annotations[2].wobble". */
export function noteUnknownFields(o: Record<string, unknown>, level: keyof typeof KNOWN, where: string, problems: ImportProblem[]): void {
  for (const key of Object.keys(o)) {
    if (KNOWN[level]!.has(key)) continue;
    const notes = problems.filter((p) => p.message.startsWith('unknown field')).length;
    if (notes === MAX_NOTES) problems.push({ where: 'scene', message: `unknown fields: more than ${MAX_NOTES}, the rest not listed` });
    if (notes >= MAX_NOTES) return;
    problems.push({ where: where ? `${where}.${key}` : key, message: 'unknown field, ignored' });
  }
}
