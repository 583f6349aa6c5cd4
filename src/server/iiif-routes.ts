/**
 * IIIF export: each work of a served exhibition as a IIIF Presentation 3 Manifest and the exhibition as a
 * Collection, so IIIF viewers (Mirador, Universal Viewer) can open our works. Stable paths:
 *
 *   GET /iiif/<exhibition id>/collection.json             Collection of the exhibition's works
 *   GET /iiif/<exhibition id>/<artwork id>/manifest.json  Manifest of one work
 *   GET /iiif/<exhibition id>/<artwork id>/media.<ext>    the work's image or model, a static body on this origin
 *
 * Community protocols hold here as in the visit: a work whose community asks for no sharing is not exported;
 * a restricted or advisory work (or one withheld from the preview) is exported with its texts and never its media.
 * Read-only and public like the exhibitions themselves; viewers on other origins may read them (CORS *).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createReadStream, statSync } from 'node:fs';
import { dirname, extname, resolve, sep } from 'node:path';
import { mayRequest, mayShare } from '../twin/protocol';
import { parseRichText, type Inline } from '../twin/richtext';
import type { Artwork, Exhibition, LangMap } from '../twin/schema';
import type { ServedExhibition } from './exhibitions';

type Licence = Artwork['rights']['media'];
type Json = Record<string, unknown>;

const CONTEXT = 'http://iiif.io/api/presentation/3/context.json';
const PHYSDIM = 'http://iiif.io/api/annex/services/physdim';
const MEDIA_TYPES: Record<string, string> = {
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.ktx2': 'image/ktx2',
  '.glb': 'model/gltf-binary',
  '.gltf': 'model/gltf+json',
};

/** A language map in IIIF's shape: {"en": ["…"]}. */
function iiifText(m: LangMap): Record<string, string[]> {
  return Object.fromEntries(Object.entries(m).map(([lang, text]) => [lang, [text]]));
}

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function inlineHtml(nodes: Inline[]): string {
  return nodes
    .map((n) => {
      if (n.type === 'text') return escapeHtml(n.text);
      if (n.type === 'em') return `<i>${inlineHtml(n.children)}</i>`;
      if (n.type === 'strong') return `<b>${inlineHtml(n.children)}</b>`;
      return inlineHtml(n.children); // a link to another work of ours: its text
    })
    .join('');
}

/** The format's rich text as the HTML subset IIIF allows (p, i, b), every text escaped. */
function richTextHtml(m: LangMap): Record<string, string[]> {
  return Object.fromEntries(Object.entries(m).map(([lang, text]) => [lang, [parseRichText(text).map((p) => `<p>${inlineHtml(p.children)}</p>`).join('')]]));
}

/** The rights URI IIIF asks for (Creative Commons or RightsStatements.org), when the licence has one. */
function rightsUri(l: Licence): string | undefined {
  // IIIF names these licences by their http:// URIs.
  if (l.url && /^https?:\/\/(creativecommons\.org|rightsstatements\.org)\//.test(l.url)) return l.url.replace(/^https:/, 'http:');
  if (l.licence === 'CC0-1.0') return 'http://creativecommons.org/publicdomain/zero/1.0/';
  if (l.licence === 'public-domain') return 'http://creativecommons.org/publicdomain/mark/1.0/';
  if (l.licence === 'all-rights-reserved') return 'http://rightsstatements.org/vocab/InC/1.0/';
  const cc = /^CC-(BY(?:-NC)?(?:-SA|-ND)?)-(\d\.\d)$/i.exec(l.licence);
  return cc ? `http://creativecommons.org/licenses/${cc[1]!.toLowerCase()}/${cc[2]}/` : undefined;
}

const entry = (label: string, value: LangMap | string) => ({ label: { en: [label] }, value: typeof value === 'string' ? { none: [value] } : iiifText(value) });

/** Whether the work's media may leave with it: open works that the preview may show. */
function mediaExported(art: Artwork): boolean {
  return art.sensitivity.level === 'open' && mayRequest(art, art.kind === 'painting' ? 'image' : 'model', 'preview');
}

function mediaRef(art: Artwork): string | undefined {
  return art.kind === 'painting' ? art.image : art.model;
}

/** The work as a Presentation 3 Manifest; `base` is this server's origin. */
function workManifest(ex: Exhibition, art: Artwork, base: string): Json {
  const id = `${base}/iiif/${ex.id}/${art.id}`;
  const { height, width } = art.dimensions;
  const cm = (n: number) => `${Math.round(n * 1000) / 10}`;
  const size = `${cm(height)} × ${cm(width)}${art.dimensions.depth ? ` × ${cm(art.dimensions.depth)}` : ''} cm`;
  const s = art.sensitivity;
  const metadata = [
    entry('Artist', art.creator.name),
    ...(art.creator.lifeDates ? [entry('Life dates', art.creator.lifeDates)] : []),
    entry('Date', art.date),
    entry('Medium', art.medium),
    entry('Dimensions', size),
    entry('Object number', art.accessionNumber),
    entry('Credit line', art.creditLine),
    entry('Label', art.label),
    ...(s.level === 'advisory' ? [entry('Advisory', s.notice)] : []),
    ...(s.level === 'restricted' ? [entry('Community', s.community), entry('Contact', s.contact)] : []),
    // `rights` below is the reproduction's (IIIF's sense); the work's own rights travel here.
    entry('Rights of the work', art.rights.work.holder ? `${art.rights.work.licence} (${art.rights.work.holder})` : art.rights.work.licence),
  ];
  const canvasId = `${id}/canvas/1`;
  const canvas: Json = {
    id: canvasId,
    type: 'Canvas',
    // Canvas units are millimetres of the real work; the physical-dimensions service says so.
    width: Math.max(1, Math.round(width * 1000)),
    height: Math.max(1, Math.round(height * 1000)),
    service: [{ '@context': 'http://iiif.io/api/annex/services/physdim/1/context.json', id: `${canvasId}/size`, type: 'PhysicalDimensions', profile: PHYSDIM, physicalScale: 0.1, physicalUnits: 'cm' }],
  };
  const ref = mediaRef(art);
  const withMedia = mediaExported(art) && ref !== undefined;
  if (withMedia) {
    const mediaUrl = /^https:\/\//.test(ref) ? ref : `${id}/media${extname(ref).toLowerCase()}`;
    const format = MEDIA_TYPES[extname(new URL(ref, 'https://x.invalid/').pathname).toLowerCase()];
    const body = { id: mediaUrl, type: art.kind === 'painting' ? 'Image' : 'Model', ...(format ? { format } : {}) };
    canvas.items = [{ id: `${canvasId}/page/1`, type: 'AnnotationPage', items: [{ id: `${canvasId}/painting/1`, type: 'Annotation', motivation: 'painting', target: canvasId, body }] }];
  }
  const rights = rightsUri(art.rights.media);
  return {
    '@context': CONTEXT,
    id: `${id}/manifest.json`,
    type: 'Manifest',
    label: iiifText(art.title),
    summary: s.level === 'restricted' ? iiifText(s.statement) : richTextHtml(art.backstory),
    metadata,
    requiredStatement: { label: { en: ['Credit line'] }, value: iiifText(art.creditLine) },
    ...(rights ? { rights } : {}),
    ...(withMedia && art.kind === 'painting' && art.farImage && !/^https:/.test(art.farImage) ? { thumbnail: [{ id: `${id}/thumbnail${extname(art.farImage).toLowerCase()}`, type: 'Image', format: MEDIA_TYPES[extname(art.farImage).toLowerCase()] ?? 'image/jpeg' }] } : {}),
    partOf: [{ id: `${base}/iiif/${ex.id}/collection.json`, type: 'Collection' }],
    items: [canvas],
  };
}

/** The exhibition as a Presentation 3 Collection of its works' manifests. */
function exhibitionCollection(ex: Exhibition, base: string): Json {
  const rights = rightsUri(ex.licence);
  return {
    '@context': CONTEXT,
    id: `${base}/iiif/${ex.id}/collection.json`,
    type: 'Collection',
    label: iiifText(ex.title),
    ...(ex.description ? { summary: iiifText(ex.description) } : {}),
    requiredStatement: { label: { en: ['Institution'] }, value: iiifText(ex.institution) },
    ...(rights ? { rights } : {}),
    items: ex.artworks.filter(mayShare).map((a) => ({ id: `${base}/iiif/${ex.id}/${a.id}/manifest.json`, type: 'Manifest', label: iiifText(a.title) })),
  };
}

const origin = (req: FastifyRequest) => `${req.protocol}://${req.host}`;

function notFound(reply: FastifyReply, what: string) {
  return reply.code(404).type('application/json').send({ error: what });
}

/** Registers the IIIF routes for the exhibitions this server serves. */
export function registerIiifRoutes(app: FastifyInstance, exhibitions: ReadonlyMap<string, ServedExhibition>): void {
  const find = (exId: string, artId?: string) => {
    const served = exhibitions.get(exId);
    const art = artId === undefined ? undefined : served?.exhibition.artworks.find((a) => a.id === artId && mayShare(a));
    return { served, art };
  };
  const json = (reply: FastifyReply, body: Json) =>
    reply.header('Access-Control-Allow-Origin', '*').header('Cache-Control', 'no-cache').type('application/ld+json;profile="http://iiif.io/api/presentation/3/context.json"').send(body);

  app.get<{ Params: { ex: string } }>('/iiif/:ex/collection.json', async (req, reply) => {
    const { served } = find(req.params.ex);
    if (!served) return notFound(reply, `no exhibition '${req.params.ex.slice(0, 80)}'`);
    return json(reply, exhibitionCollection(served.exhibition, origin(req)));
  });

  app.get<{ Params: { ex: string; art: string } }>('/iiif/:ex/:art/manifest.json', async (req, reply) => {
    const { served, art } = find(req.params.ex, req.params.art);
    if (!served || !art) return notFound(reply, `no work '${req.params.art.slice(0, 80)}' in '${req.params.ex.slice(0, 80)}'`);
    return json(reply, workManifest(served.exhibition, art, origin(req)));
  });

  // Only the one file the work names, and only when its media may be exported.
  app.get<{ Params: { ex: string; art: string; file: string } }>('/iiif/:ex/:art/:file', async (req, reply) => {
    const { served, art } = find(req.params.ex, req.params.art);
    const m = /^(media|thumbnail)(\.[a-z0-9]+)$/.exec(req.params.file);
    if (!served || !art || !m || !mediaExported(art)) return notFound(reply, 'no such media');
    const ref = m[1] === 'media' ? mediaRef(art) : art.kind === 'painting' ? art.farImage : undefined;
    if (!ref || /^https:/.test(ref) || extname(ref).toLowerCase() !== m[2]) return notFound(reply, 'no such media');
    const folder = dirname(served.file);
    const path = resolve(folder, ref);
    if (!path.startsWith(folder + sep)) return notFound(reply, 'no such media');
    let size: number;
    try {
      size = statSync(path).size;
    } catch {
      return notFound(reply, 'no such media');
    }
    return reply
      .header('Access-Control-Allow-Origin', '*')
      .header('Cache-Control', 'no-cache')
      .header('Content-Length', size)
      .type(MEDIA_TYPES[m[2]] ?? 'application/octet-stream')
      .send(createReadStream(path));
  });
}
