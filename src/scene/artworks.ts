/**
 * Artworks in the scene: paintings framed at true size, objects at real scale on plinths or in cases,
 * wall labels, annotation hotspots, and visible placeholders for what could not be loaded or may not be shown.
 */
import { Color3 } from '@babylonjs/core/Maths/math.color';
import { Vector3 } from '@babylonjs/core/Maths/math.vector';
import { SpotLight } from '@babylonjs/core/Lights/spotLight';
import { TransformNode } from '@babylonjs/core/Meshes/transformNode';
import { Mesh } from '@babylonjs/core/Meshes/mesh';
import '@babylonjs/core/Meshes/instancedMesh';
import { CreateBox } from '@babylonjs/core/Meshes/Builders/boxBuilder';
import { CreateSphere } from '@babylonjs/core/Meshes/Builders/sphereBuilder';
import { PBRMaterial } from '@babylonjs/core/Materials/PBR/pbrMaterial';
import { StandardMaterial } from '@babylonjs/core/Materials/standardMaterial';
import { DynamicTexture } from '@babylonjs/core/Materials/Textures/dynamicTexture';
import { loadModelLimited } from './limited-load';
import { ModelFileError } from './model-files';
import { MODEL_TEXTURE_SPREAD } from './model-texture';
import type { ModelTextureLevelsOptions } from './model-texture-levels';
import { loadPainting } from './painting-load';
import type { ImageDetail } from './image-detail';
import { FetchLimitError } from '../twin/fetch-limits';
import type { AnimationGroup } from '@babylonjs/core/Animations/animationGroup';
import type { AbstractMesh } from '@babylonjs/core/Meshes/abstractMesh';
import type { Scene } from '@babylonjs/core/scene';
import { headingToDir } from '../twin/floorplan';
import { artworkPose, type ArtworkPose } from '../twin/layout';
import { withheld } from '../twin/protocol';
import type { Artwork, ObjectArtwork, Painting } from '../twin/schema';
import { FRAME_FINISHES, type MaterialLibrary } from './materials';
import { WallLabel, quad } from './labels';

export type ArtworkState = 'loading' | 'ready' | 'placeholder' | 'restricted' | 'withheld';

export interface SceneArtwork {
  artwork: Artwork;
  pose: ArtworkPose;
  /** At the work's pose; local +z faces the visitor. */
  root: TransformNode;
  /** Where the work's own coordinates start (paintings: image centre; objects: base of the model). */
  origin: TransformNode;
  label: WallLabel;
  hotspots: Mesh[];
  animations: AnimationGroup[];
  /** The work's own light (objects), switched off with its room. */
  light?: SpotLight;
  state: ArtworkState;
  /** Keeps a painting's image at the level shown now, for good (a time-lapse blends with it). */
  holdImage?: () => void;
}

export interface ArtworkBuildContext {
  scene: Scene;
  materials: MaterialLibrary;
  resolve: (path: string) => string;
  /** Reports a media file that could not be loaded; the work shows a placeholder. */
  onProblem: (artwork: Artwork, field: string, message: string) => void;
  onAssetDone: () => void;
  /** Decides when a work's media is fetched (nearest first); by default at once. */
  schedule?: (work: SceneArtwork, start: () => Promise<void>) => Promise<void>;
  /** Told of a light made for a work once its model is in. */
  onLight?: (work: SceneArtwork, light: SpotLight) => void;
  /** Paintings' image levels and the frame's upload budget. */
  detail: ImageDetail;
  /** How near a work is to the visitor (lower is nearer); undefined once it is out of reach. Default: always near. */
  reach?: (work: SceneArtwork) => number | undefined;
}

/** Meshes carry the id of their artwork so a pick finds the work. */
export function tagArtwork(mesh: AbstractMesh, id: string): void {
  mesh.metadata = { ...(mesh.metadata ?? {}), artworkId: id };
}

export function artworkIdOf(mesh: AbstractMesh | null | undefined): string | undefined {
  let node: { metadata?: unknown; parent?: unknown } | null | undefined = mesh;
  while (node) {
    const id = (node.metadata as { artworkId?: string } | undefined)?.artworkId;
    if (id) return id;
    node = node.parent as typeof node;
  }
  return undefined;
}

function placeholderTexture(scene: Scene, title: string, note: string, dark = false): DynamicTexture {
  const t = new DynamicTexture(`placeholder-${title}`, { width: 512, height: 512 }, scene, true);
  const ctx = t.getContext() as CanvasRenderingContext2D;
  ctx.fillStyle = dark ? '#2b2622' : '#d9d4cb';
  ctx.fillRect(0, 0, 512, 512);
  ctx.strokeStyle = dark ? '#8a7f73' : '#9b948a';
  ctx.lineWidth = 6;
  ctx.setLineDash([18, 12]);
  ctx.strokeRect(16, 16, 480, 480);
  ctx.fillStyle = dark ? '#efe8de' : '#4a453f';
  ctx.textAlign = 'center';
  ctx.font = '600 34px Georgia, serif';
  ctx.fillText(title.slice(0, 28), 256, 230);
  ctx.font = '26px Arial, sans-serif';
  ctx.fillText(note.slice(0, 36), 256, 285);
  t.update(true);
  return t;
}

export class ArtworkBuilder {
  /** Frame parts per room and style, merged in finish(). */
  private readonly frames = new Map<string, { room?: string; style: string; parts: Mesh[] }>();
  private plinthSource?: Mesh;
  private caseSource?: Mesh;
  private hotspotSource?: Mesh;

  constructor(private readonly ctx: ArtworkBuildContext) {}

  /** Builds the work's node, frame and plinth now; its media loads in the returned promise. */
  build(exhibition: Parameters<typeof artworkPose>[0], art: Artwork, texts: { unavailable: string; restricted: string }): { work: SceneArtwork; media: Promise<void> } {
    const { scene } = this.ctx;
    const pose = artworkPose(exhibition, art);
    const root = new TransformNode(`artwork:${art.id}`, scene);
    root.position.set(...pose.position);
    const facing = headingToDir(pose.heading);
    // RotationY maps local +z to (sin θ, 0, cos θ).
    root.rotation.y = Math.atan2(facing[0], facing[1]);
    root.metadata = { artworkId: art.id };
    const origin = new TransformNode(`artwork-origin:${art.id}`, scene);
    origin.parent = root;
    const label = new WallLabel(`label:${art.id}`, scene);
    label.mesh.parent = root;
    tagArtwork(label.mesh, art.id);
    const work: SceneArtwork = { artwork: art, pose, root, origin, label, hotspots: [], animations: [], state: 'loading' };
    // The community's protocol decides before anything is requested: a restricted work, or one its protocol
    // keeps out of the preview, gets the protocol placeholder and its media is never fetched.
    const why = withheld(art, 'preview');
    const restricted = why !== undefined;
    if (why) work.state = why === 'restricted' ? 'restricted' : 'withheld';
    let media: Promise<void>;
    if (art.kind === 'painting') media = this.painting(work, art, restricted, texts);
    else media = this.object(work, art, restricted, texts);
    this.hotspots(work);
    return { work, media };
  }

  private painting(work: SceneArtwork, art: Painting, restricted: boolean, texts: { unavailable: string; restricted: string }): Promise<void> {
    const { scene } = this.ctx;
    const { width: w, height: h } = art.dimensions;
    const canvas = quad(`canvas:${art.id}`, w, h, scene);
    canvas.parent = work.origin;
    tagArtwork(canvas, art.id);
    const mat = new PBRMaterial(`canvas-mat:${art.id}`, scene);
    mat.roughness = 0.75;
    mat.metallic = 0;
    // A picture light: a little of the image is emitted so works read as lit, not as shadowed walls.
    mat.emissiveColor = new Color3(0.28, 0.28, 0.27);
    canvas.material = mat;
    if (art.frame.style !== 'none' && art.frame.width > 0) this.frame(work, art);
    // Labels hang to the right of the frame at reading height.
    work.label.mesh.position.set(w / 2 + art.frame.width + 0.3, 1.35 - work.pose.position[1], -0.02);
    const showPlaceholder = (note: string, dark = false) => {
      const t = placeholderTexture(scene, pickTitle(art), note, dark);
      mat.albedoTexture = t;
      mat.emissiveTexture = t;
    };
    if (restricted || !art.image) {
      showPlaceholder(restricted ? texts.restricted : texts.unavailable, restricted);
      if (!restricted) work.state = 'placeholder';
      this.ctx.onAssetDone();
      return Promise.resolve();
    }
    const url = this.ctx.resolve(art.image);
    // Within the image limits, decoded off the main thread, at the level its size on screen asks for (painting-load.ts).
    return this.when(work, () =>
      loadPainting({
        scene,
        detail: this.ctx.detail,
        art,
        url,
        node: work.origin,
        resolve: this.ctx.resolve,
        priority: () => this.ctx.reach?.(work) ?? Infinity,
        inReach: () => (this.ctx.reach ? this.ctx.reach(work) !== undefined : true),
        show: (t) => {
          mat.albedoTexture = t;
          mat.emissiveTexture = t;
        },
        onProblem: (field, message) => this.ctx.onProblem(art, field, message),
        explain: (path, url) => mediaProblem('image', path, url),
      }).then(
        (image) => {
          work.holdImage = () => image.hold();
          work.state = 'ready';
        },
        (e: unknown) => {
          showPlaceholder(texts.unavailable);
          work.state = 'placeholder';
          this.ctx.onProblem(art, 'image', (e as Error).message);
        },
      ).finally(() => this.ctx.onAssetDone()),
    );
  }

  private frame(work: SceneArtwork, art: Painting): void {
    const { scene } = this.ctx;
    const fw = art.frame.width;
    const depth = 0.05;
    const { width: w, height: h } = art.dimensions;
    const parts: [number, number, number, number][] = [
      [0, h / 2 + fw / 2, w + 2 * fw, fw],
      [0, -h / 2 - fw / 2, w + 2 * fw, fw],
      [-w / 2 - fw / 2, 0, fw, h],
      [w / 2 + fw / 2, 0, fw, h],
    ];
    const key = `${work.pose.room ?? ''}\u0000${art.frame.style}`;
    const group = this.frames.get(key) ?? { room: work.pose.room, style: art.frame.style, parts: [] };
    const list = group.parts;
    for (const [x, y, bw, bh] of parts) {
      const b = CreateBox(`frame:${art.id}`, { width: bw, height: bh, depth }, scene);
      b.parent = work.origin;
      b.position.set(x, y, -depth / 2 + 0.012);
      list.push(b);
    }
    this.frames.set(key, group);
  }

  private object(work: SceneArtwork, art: ObjectArtwork, restricted: boolean, texts: { unavailable: string; restricted: string }): Promise<void> {
    const { scene } = this.ctx;
    const { width, height } = art.dimensions;
    const depth = art.dimensions.depth ?? width;
    const baseY = art.display === 'none' ? 0 : art.plinthHeight;
    work.origin.position.y = baseY;
    const footprint = Math.max(width, depth) + 0.25;
    if (art.display !== 'none') {
      const plinth = this.plinth().createInstance(`plinth:${art.id}`);
      plinth.parent = work.root;
      plinth.scaling.set(footprint, art.plinthHeight, footprint);
      plinth.position.y = art.plinthHeight / 2;
      plinth.checkCollisions = true;
      tagArtwork(plinth, art.id);
    }
    if (art.display === 'case') {
      const glass = this.glassCase().createInstance(`case:${art.id}`);
      glass.parent = work.root;
      const ch = height + 0.12;
      glass.scaling.set(footprint - 0.02, ch, footprint - 0.02);
      glass.position.y = baseY + ch / 2;
      glass.isPickable = false;
      glass.checkCollisions = true;
    }
    if (art.display === 'none') {
      // A work standing on the floor still stops the visitor: an invisible box of its catalogued size.
      const collider = CreateBox(`collider:${art.id}`, { width: footprint, height: Math.max(height, 1), depth: footprint }, scene);
      collider.parent = work.root;
      collider.position.y = Math.max(height, 1) / 2;
      collider.isVisible = false;
      collider.isPickable = false;
      collider.checkCollisions = true;
    }
    // The label lies on the plinth's front edge, tilted up toward the reader.
    work.label.mesh.parent = work.root;
    work.label.mesh.position.set(0, Math.max(baseY, 0.75) + 0.005, footprint / 2 + 0.01);
    work.label.mesh.rotation.x = art.display === 'none' ? 0 : -Math.PI / 2 + 0.35;
    const showPlaceholder = (note: string, dark = false) => {
      const box = CreateBox(`placeholder:${art.id}`, { width, height, depth }, scene);
      box.parent = work.origin;
      box.position.y = height / 2;
      const m = new StandardMaterial(`placeholder-mat:${art.id}`, scene);
      const t = placeholderTexture(scene, pickTitle(art), note, dark);
      // Box faces are seen from outside in a right-handed scene: flip so the text reads.
      t.uScale = -1;
      m.diffuseTexture = t;
      m.emissiveTexture = t;
      m.specularColor = Color3.Black();
      box.material = m;
      tagArtwork(box, art.id);
    };
    if (restricted || !art.model) {
      showPlaceholder(restricted ? texts.restricted : texts.unavailable, restricted);
      if (!restricted) work.state = 'placeholder';
      this.ctx.onAssetDone();
      return Promise.resolve();
    }
    const url = this.ctx.resolve(art.model);
    // Its textures at the level its size on screen asks for, as a painting's image (model-texture-levels.ts).
    let textures = 0;
    const inReach = () => (this.ctx.reach ? this.ctx.reach(work) !== undefined : true);
    const levels: ModelTextureLevelsOptions = {
      budget: this.ctx.detail.budget,
      priority: () => this.ctx.reach?.(work) ?? Infinity,
      follow: (image) =>
        this.ctx.detail.follow(`${art.id}#texture${textures++}`, { image, node: work.origin, size: Math.max(width, height, depth) * MODEL_TEXTURE_SPREAD, inReach, work: art.id }),
    };
    // Within the model's deadline and size cap (limited-load.ts): a stalled or oversized file becomes a placeholder.
    return this.when(work, () => loadModelLimited(url, scene, fetch, levels)
      .then((container) => {
        container.addAllToScene();
        for (const node of container.rootNodes) node.parent = work.origin;
        for (const mesh of container.meshes) {
          tagArtwork(mesh, art.id);
          mesh.isPickable = true;
          // Too small on screen to show anything (e.g. across the next room): not drawn at all.
          if (mesh instanceof Mesh && mesh.getTotalVertices() > 0) {
            mesh.useLODScreenCoverage = true;
            mesh.addLODLevel(OBJECT_MIN_COVERAGE, null);
          }
        }
        for (const group of container.animationGroups) group.stop();
        work.animations = container.animationGroups;
        this.spotlight(work, art, container.meshes);
        work.state = 'ready';
      })
      .catch(async (e: unknown) => {
        showPlaceholder(texts.unavailable);
        work.state = 'placeholder';
        this.ctx.onProblem(art, 'model', e instanceof FetchLimitError || e instanceof ModelFileError ? `file '${art.model}': ${e.message}` : await mediaProblem('model', art.model!, url, shortError(e)));
      })
      .finally(() => this.ctx.onAssetDone()));
  }

  /** A light from above on the work alone, as a gallery lights a sculpture: it models form and lifts it from the room. */
  private spotlight(work: SceneArtwork, art: ObjectArtwork, meshes: AbstractMesh[]): void {
    const top = work.origin.getAbsolutePosition().y + art.dimensions.height;
    const above = 1.6;
    const facing = headingToDir(work.pose.heading);
    // From above and a little in front, so the face the visitor sees is lit.
    const from = new Vector3(work.pose.position[0] + facing[0] * 0.9, top + above, work.pose.position[2] + facing[1] * 0.9);
    const target = new Vector3(work.pose.position[0], top - art.dimensions.height / 2, work.pose.position[2]);
    const light = new SpotLight(`spot:${art.id}`, from, target.subtract(from).normalize(), Math.PI / 4, 2, this.ctx.scene);
    light.intensity = 9;
    light.diffuse = new Color3(1, 0.95, 0.88);
    light.includedOnlyMeshes = meshes.filter((m) => m.getTotalVertices() > 0);
    work.light = light;
    this.ctx.onLight?.(work, light);
  }

  private hotspots(work: SceneArtwork): void {
    for (const a of work.artwork.annotations) {
      const s = this.hotspot().createInstance(`hotspot:${work.artwork.id}:${a.id}`);
      s.parent = work.origin;
      s.position.set(...a.position);
      if (work.artwork.kind === 'painting') s.position.z += 0.015;
      s.setEnabled(false);
      s.metadata = { artworkId: work.artwork.id, annotationId: a.id };
      work.hotspots.push(s as unknown as Mesh);
    }
  }

  private plinth(): Mesh {
    if (!this.plinthSource) {
      const m = CreateBox('plinth-source', { size: 1 }, this.ctx.scene);
      m.material = this.ctx.materials.solid('plinth', '#f4f2ee', 0.8);
      m.isVisible = false;
      this.plinthSource = m;
    }
    return this.plinthSource;
  }

  private glassCase(): Mesh {
    if (!this.caseSource) {
      const m = CreateBox('case-source', { size: 1 }, this.ctx.scene);
      const mat = new PBRMaterial('glass', this.ctx.scene);
      mat.albedoColor = new Color3(0.85, 0.92, 0.95);
      mat.alpha = 0.12;
      mat.roughness = 0.05;
      mat.metallic = 0;
      m.material = mat;
      m.isVisible = false;
      this.caseSource = m;
    }
    return this.caseSource;
  }

  private hotspot(): Mesh {
    if (!this.hotspotSource) {
      const m = CreateSphere('hotspot-source', { diameter: 0.045, segments: 12 }, this.ctx.scene);
      const mat = new StandardMaterial('hotspot', this.ctx.scene);
      mat.emissiveColor = Color3.FromHexString('#ffb347');
      mat.disableLighting = true;
      m.material = mat;
      m.renderingGroupId = 1;
      m.isVisible = false;
      this.hotspotSource = m;
    }
    return this.hotspotSource;
  }

  /** Starts a work's media now, or when the schedule says. */
  private when(work: SceneArtwork, start: () => Promise<void>): Promise<void> {
    return this.ctx.schedule ? this.ctx.schedule(work, start) : start();
  }

  /**
   * Frames of one style in one room become one mesh: one draw call however many paintings hang there,
   * and hidden with the room. Returns the merged meshes with their rooms.
   */
  finish(): { room?: string; mesh: Mesh }[] {
    const out: { room?: string; mesh: Mesh }[] = [];
    for (const { room, style, parts } of this.frames.values()) {
      const merged = Mesh.MergeMeshes(parts, true, true);
      if (!merged) continue;
      merged.name = room ? `frames:${room}:${style}` : `frames:${style}`;
      out.push({ room, mesh: merged });
      const f = FRAME_FINISHES[style] ?? FRAME_FINISHES.gilded!;
      merged.material = this.ctx.materials.solid(`frame-${style}`, f.color, f.roughness, f.metallic);
      merged.isPickable = false;
      merged.freezeWorldMatrix();
    }
    this.frames.clear();
    return out;
  }
}

/** Below this share of the screen an object's model is not drawn (Babylon's LOD by screen coverage). */
export const OBJECT_MIN_COVERAGE = 0.0005;

function pickTitle(art: Artwork): string {
  return Object.values(art.title)[0] ?? art.id;
}

/**
 * A plain sentence for a curator: the file is missing, unreachable, or not what it claims.
 * Loaders only say "failed", so ask the server once what it has.
 */
async function mediaProblem(what: 'image' | 'model', path: string, url: string, detail?: string): Promise<string> {
  let status: number | undefined;
  try {
    status = (await fetch(url, { method: 'HEAD', cache: 'no-store' })).status;
  } catch {
    return `file '${path}' could not be downloaded (the network is unreachable)`;
  }
  if (status === 404 || status === 410) return `file '${path}' not found`;
  if (status >= 400) return `file '${path}' could not be downloaded (HTTP ${status})`;
  const kind = what === 'image' ? 'a decodable image' : 'a valid glTF/GLB model';
  return `file '${path}' is not ${kind}${detail ? ` (${detail})` : ''}`;
}

function shortError(e: unknown): string {
  const msg = (e instanceof Error ? e.message : String(e)).replace(/^Unable to load from \S+: /, '');
  return msg.length > 160 ? `${msg.slice(0, 157)}…` : msg;
}
