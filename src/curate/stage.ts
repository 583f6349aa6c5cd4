/**
 * The curating view's 3D stage: the rooms of the draft (floors and walls in their finishes, doorways open) and
 * every work as a plain block of its size, drawn from the draft's Y.Doc and redrawn as it changes (a colleague's
 * move shows at once). Pick a work to select it; drag it along its wall, onto another wall (the wall nearest the
 * pointer, in the room under it) or across the floor, or move it with the arrow keys: the drag snaps to the
 * hanging grid and to the nearest place clear of doorways and other works (twin/curate-placement.ts), and the
 * drop is one edit of the draft. Works with a problem in the draft's live validation are drawn red. Colleagues'
 * cameras are drawn in their colours with their names (colleague-cameras.ts), and this view's own camera is told
 * to them (onCamera, a few times a second at most). Renders only when something changed, so an idle view costs nothing. Babylon.js, as the visitor's gallery; blocks rather than images keep it light.
 */
import { Engine } from '@babylonjs/core/Engines/engine';
import { Scene } from '@babylonjs/core/scene';
import { ArcRotateCamera } from '@babylonjs/core/Cameras/arcRotateCamera';
import { HemisphericLight } from '@babylonjs/core/Lights/hemisphericLight';
import { StandardMaterial } from '@babylonjs/core/Materials/standardMaterial';
import { Color3, Color4 } from '@babylonjs/core/Maths/math.color';
import { Matrix, Vector3 } from '@babylonjs/core/Maths/math.vector';
import { Plane } from '@babylonjs/core/Maths/math.plane';
import { Viewport } from '@babylonjs/core/Maths/math.viewport';
import { Mesh } from '@babylonjs/core/Meshes/mesh';
import { CreateBox } from '@babylonjs/core/Meshes/Builders/boxBuilder';
import { CreateSphere } from '@babylonjs/core/Meshes/Builders/sphereBuilder';
import { PointerEventTypes } from '@babylonjs/core/Events/pointerEvents';
import '@babylonjs/core/Culling/ray';
import * as Y from 'yjs';
import { artworksMap, exhibitionMap } from '../twin/collab-doc';
import { docReader } from '../twin/curate-edits';
import { clearFloorPoint, clearOffset, floorPlace, SNAP_M, wallPlace } from '../twin/curate-placement';
import { moveAlongWall, moveOnFloor, moveToWall } from '../twin/curate-actions';
import { nearestWall, placeOnWall } from './wall';
import { whatIfWarning } from './what-if-warning';
import { openColleagueCameras } from './colleague-cameras';
import { colleagueColour } from './floor-plan';
import type { CameraPose, Presence } from './presence';
import { roomEdges } from '../twin/floorplan';
import { levelElevation, roomsOnLevel, shownOnLevel } from './plan-levels';
import { buildStageRooms } from './stage-rooms';
import { artworkPose } from '../twin/layout';
import type { Artwork, Exhibition, Space } from '../twin/schema';

export interface StageOptions {
  readonly canvas: HTMLCanvasElement;
  readonly doc: Y.Doc;
  /** The origin of this curator's own edits. */
  readonly origin: object;
  readonly editable: boolean;
  /** A work was picked in 3D. */
  readonly onPick: (id: string) => void;
  /** This view's camera moved (at most every CAMERA_EVERY_MS, and once more where it came to rest). */
  readonly onCamera?: (pose: CameraPose) => void;
}

export interface Stage {
  /** Shows `id` as selected and turns the camera to it. */
  select(id: string | null): void;
  /** Draws these works as having a problem (the draft's live validation). */
  showProblems(ids: ReadonlySet<string>): void;
  /** Shows one level's rooms and works, at ground height (plan-levels.ts); undefined: all (one floor). */
  showLevel(level: string | undefined): void;
  /** Draws these colleagues' cameras, each with their name. */
  showColleagues(list: readonly Presence[]): void;
  /** Where a work's centre (or a point [x, y, z] of the space) is on the canvas, CSS pixels from its top left: for tests. */
  screenPoint(at: string | readonly [number, number, number]): { x: number; y: number } | undefined;
  destroy(): void;
}

/** The fields of a work that its block in 3D shows. */
const SHOWN = new Set(['placement', 'dimensions', 'annotations', 'kind', 'display', 'plinthHeight']);

/** How far in front of its wall the pointer may go and still slide the work along that wall (metres). */
const NEAR_WALL_M = 1.2;

/** How often at most this view's camera is told to colleagues while it moves. */
const CAMERA_EVERY_MS = 250;

export function openStage(o: StageOptions): Stage {
  const { canvas, doc } = o;
  const engine = new Engine(canvas, true, { preserveDrawingBuffer: true, stencil: false });
  const warning = whatIfWarning(doc, canvas); // the What if forecast while a work is dragged
  const scene = new Scene(engine);
  scene.clearColor = new Color4(0.96, 0.95, 0.93, 1);
  const camera = new ArcRotateCamera('curate-camera', -Math.PI / 2, 0.85, 30, Vector3.Zero(), scene);
  camera.lowerRadiusLimit = 3;
  camera.upperRadiusLimit = 80;
  camera.upperBetaLimit = 1.45;
  camera.inputs.removeByType('ArcRotateCameraKeyboardMoveInput'); // the arrow keys move the selected work
  camera.attachControl(true);
  new HemisphericLight('sky', new Vector3(0.3, 1, -0.2), scene).groundColor = new Color3(0.45, 0.43, 0.4);
  const mat = (name: string, c: Color3, alpha = 1) => Object.assign(new StandardMaterial(name, scene), { diffuseColor: c, specularColor: Color3.Black(), alpha, backFaceCulling: false });
  const workMat = mat('work', new Color3(0.55, 0.42, 0.3));
  const selectedMat = mat('selected', new Color3(0.85, 0.35, 0.1));
  const hotspotMat = mat('hotspot', new Color3(0.1, 0.45, 0.8));
  const problemMat = mat('problem', new Color3(0.8, 0.1, 0.1));
  let problems: ReadonlySet<string> = new Set();

  let dirty = true;
  // A frame only when something changed: an edit, a pointer, or the camera still gliding (its inertia).
  const gliding = () => !!(camera.inertialAlphaOffset || camera.inertialBetaOffset || camera.inertialRadiusOffset || camera.inertialPanningX || camera.inertialPanningY);
  engine.runRenderLoop(() => {
    if (!dirty && !gliding()) return;
    dirty = false;
    scene.render();
    placeNames();
  });

  // Colleagues' cameras, their names as HTML over the canvas (placed after each frame).
  const colleagueCameras = openColleagueCameras(scene);
  const names = document.createElement('div');
  names.className = 'stage-names';
  names.setAttribute('aria-hidden', 'true'); // "Who is here" says the same in words
  canvas.after(names);
  function placeNames() {
    const width = engine.getRenderWidth();
    const height = engine.getRenderHeight();
    const scale = canvas.clientWidth / width;
    const viewport = new Viewport(0, 0, width, height);
    const shown = new Set<string>();
    for (const { name, eye } of colleagueCameras.eyes()) {
      const p = Vector3.Project(eye, Matrix.Identity(), scene.getTransformMatrix(), viewport);
      let tag = [...names.children].find((e) => (e as HTMLElement).dataset.user === name) as HTMLElement | undefined;
      if (p.z < 0 || p.z > 1 || p.x < 0 || p.y < 0 || p.x > width || p.y > height) continue; // behind me or off the canvas
      if (!tag) {
        tag = Object.assign(document.createElement('span'), { textContent: name });
        tag.dataset.user = name;
        tag.style.background = colleagueColour(name);
        names.append(tag);
      }
      tag.style.transform = `translate(${(p.x * scale).toFixed(1)}px, ${(p.y * scale).toFixed(1)}px)`;
      shown.add(name);
    }
    for (const e of [...names.children]) if (!shown.has((e as HTMLElement).dataset.user ?? '')) e.remove();
  }

  // This view's camera, told to colleagues: throttled, with the pose where it came to rest always sent.
  let cameraSent = 0;
  let cameraTimer: ReturnType<typeof setTimeout> | undefined;
  const tellCamera = () => {
    clearTimeout(cameraTimer);
    cameraTimer = undefined;
    cameraSent = performance.now();
    o.onCamera?.({ at: camera.position.asArray() as [number, number, number], look: camera.target.asArray() as [number, number, number] });
  };
  camera.onViewMatrixChangedObservable.add(() => {
    if (!o.onCamera) return;
    const wait = cameraSent + CAMERA_EVERY_MS - performance.now();
    if (wait <= 0) tellCamera();
    else cameraTimer ??= setTimeout(tellCamera, wait);
  });
  const onResize = () => {
    engine.resize();
    dirty = true;
  };
  window.addEventListener('resize', onResize);

  let architecture: Mesh[] = [];
  const works = new Map<string, Mesh>();
  let selected: string | null = null;
  let hotspots: Mesh[] = [];

  const space = () => docReader(doc).space();
  const draftWork = (id: string) => artworksMap(doc).get(id)?.toJSON() as Artwork | undefined;

  // The level shown (plan-levels.ts), drawn at ground height: `lift` is what its floor's elevation takes off.
  let level: string | undefined;
  let lift = 0;

  function buildArchitecture() {
    for (const m of architecture) {
      m.material?.dispose(); // each its own (buildStageRooms): a level switched back and forth leaves none behind
      m.dispose();
    }
    const s = space();
    architecture = s ? buildStageRooms(scene, s, level, mat) : [];
    lift = s ? levelElevation(s, level) : 0;
    dirty = true;
  }

  /** Puts the work's block where the draft (or a drag) says. */
  function pose(id: string, placement?: unknown) {
    const w = draftWork(id);
    const s = space();
    if (!w || !s) return;
    const art = { ...w, placement: placement ?? w.placement } as Artwork;
    let p;
    try {
      p = artworkPose({ space: s } as Exhibition, art);
    } catch {
      works.get(id)?.setEnabled(false); // on a wall that does not exist: the draft's problems say so
      return;
    }
    let mesh = works.get(id);
    if (!shownOnLevel(s, p.room, level)) {
      mesh?.setEnabled(false); // on another level than the one shown
      return;
    }
    const { width, height } = art.dimensions;
    const depth = art.kind === 'painting' ? Math.max(art.dimensions.depth ?? 0.04, 0.04) : (art.dimensions.depth ?? width);
    const base = art.kind === 'object' && art.display !== 'none' ? (art.plinthHeight ?? 0.9) : 0;
    if (!mesh || mesh.metadata.size !== `${width}x${height}x${depth}x${base}`) {
      mesh?.dispose();
      mesh = CreateBox(`work-${id}`, { width, height: height + base, depth }, scene);
      mesh.metadata = { work: id, size: `${width}x${height}x${depth}x${base}` };
      works.set(id, mesh);
    }
    mesh.setEnabled(true);
    mesh.material = id === selected ? selectedMat : problems.has(id) ? problemMat : workMat;
    mesh.position.set(p.position[0], (art.kind === 'painting' ? p.position[1] : p.position[1] + (height + base) / 2) - lift, p.position[2]);
    mesh.rotation.y = (-p.heading * Math.PI) / 180;
    if (id === selected) showHotspots(art, mesh);
    dirty = true;
  }

  /** The selected work's hotspots, as small blue spheres on its face (paintings) or body (objects). */
  function showHotspots(art: Artwork, mesh: Mesh) {
    for (const h of hotspots) h.dispose();
    hotspots = [];
    mesh.computeWorldMatrix(true);
    const block = mesh.getBoundingInfo().boundingBox.extendSize;
    for (const a of art.annotations ?? []) {
      const [x, y, z] = a.position;
      const local = art.kind === 'painting' ? new Vector3(x, y, -block.z - 0.02) : new Vector3(x, y - block.y + (block.y * 2 - art.dimensions.height), z);
      const dot = CreateSphere(`hotspot-${a.id}`, { diameter: 0.08, segments: 6 }, scene);
      dot.position = Vector3.TransformCoordinates(local, mesh.getWorldMatrix());
      dot.material = hotspotMat;
      dot.isPickable = false;
      hotspots.push(dot);
    }
  }

  function buildWorks() {
    for (const id of artworksMap(doc).keys()) pose(id);
    for (const [id, m] of works) {
      if (!artworksMap(doc).has(id)) {
        m.dispose();
        works.delete(id);
      }
    }
  }

  buildArchitecture();
  buildWorks();
  const s0 = space();
  if (s0) {
    const xs = s0.rooms.flatMap((r) => r.polygon.map((p) => p[0]));
    const zs = s0.rooms.flatMap((r) => r.polygon.map((p) => p[1]));
    camera.setTarget(new Vector3((Math.min(...xs) + Math.max(...xs)) / 2, 0, (Math.min(...zs) + Math.max(...zs)) / 2));
    camera.radius = Math.max(Math.max(...xs) - Math.min(...xs), Math.max(...zs) - Math.min(...zs)) * 1.1;
  }

  // The draft changes (anyone's edit): rebuild what it touched.
  const onWorks = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
    const touched = new Set<string>();
    for (const e of events) {
      if (e.path.length === 0) buildWorks();
      // Only what the block shows: typing in a label redraws nothing (software WebGL would slow the typing down).
      else if (e.path.length === 1 || SHOWN.has(String(e.path[1]))) touched.add(String(e.path[0]));
    }
    for (const id of touched) pose(id);
  };
  artworksMap(doc).observeDeep(onWorks);
  const onSpace = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
    if (events.some((e) => e.path[0] === 'space' || (e.path.length === 0 && (e as Y.YMapEvent<unknown>).keysChanged.has('space')))) {
      buildArchitecture();
      buildWorks();
    }
  };
  exhibitionMap(doc).observeDeep(onSpace);

  // Dragging: along the wall for wall works (the pointer's ray on the wall's plane), across the floor for others.
  let drag: { id: string; placement: unknown } | undefined;
  function dragTo(id: string, x: number, y: number): unknown {
    const w = draftWork(id);
    const s = space();
    if (!w || !s) return undefined;
    const ray = scene.createPickingRay(x, y, Matrix.Identity(), camera);
    const wp = wallPlace(w.placement);
    const others = docReader(doc).placed();
    if (wp) {
      const room = s.rooms.find((r) => r.id === wp.room);
      const edge = room && roomEdges(room)[wp.wall];
      if (!edge) return undefined;
      // The pointer on the hanging line's level: near the work's own wall it slides along it, elsewhere it goes to
      // the wall nearest the pointer in the room under it (another wall of the room, or of another room).
      const d = ray.intersectsPlane(Plane.FromPositionAndNormal(new Vector3(0, wp.height, 0), Vector3.Up()));
      if (d !== null) {
        const hit = ray.origin.add(ray.direction.scale(d));
        const off = (hit.x - edge.a[0]) * edge.inward[0] + (hit.z - edge.a[1]) * edge.inward[1];
        const along = (hit.x - edge.a[0]) * edge.dir[0] + (hit.z - edge.a[1]) * edge.dir[1];
        const near = Math.abs(off) < NEAR_WALL_M && along > -NEAR_WALL_M && along < edge.length + NEAR_WALL_M ? undefined : nearestWall({ ...s, rooms: roomsOnLevel(s, level) } as Space, [hit.x, hit.z]);
        if (near && (near.room !== wp.room || near.wall !== wp.wall)) {
          return { ...wp, room: near.room, wall: near.wall, offset: placeOnWall(s as Space, w, others, near, near.along) };
        }
        if (!near) {
          const offset = clearOffset(s as Space, w, others, along);
          return offset === undefined ? undefined : { ...wp, offset };
        }
      }
      // Looking at the wall side-on: along the wall's own plane.
      const plane = Plane.FromPositionAndNormal(new Vector3(edge.a[0], 0, edge.a[1]), new Vector3(edge.inward[0], 0, edge.inward[1]));
      const dw = ray.intersectsPlane(plane);
      if (dw === null) return undefined;
      const hit = ray.origin.add(ray.direction.scale(dw));
      const offset = clearOffset(s as Space, w, others, (hit.x - edge.a[0]) * edge.dir[0] + (hit.z - edge.a[1]) * edge.dir[1]);
      return offset === undefined ? undefined : { ...wp, offset };
    }
    const fp = floorPlace(w.placement);
    if (!fp) return undefined;
    const d = ray.intersectsPlane(Plane.FromPositionAndNormal(new Vector3(0, fp.position[1] - lift, 0), Vector3.Up()));
    if (d === null) return undefined;
    const hit = ray.origin.add(ray.direction.scale(d));
    const at = clearFloorPoint(s as Space, w, others, [hit.x, hit.z]);
    return at ? { ...fp, position: [at[0], fp.position[1], at[1]] } : undefined;
  }

  function commit(id: string, placement: unknown) {
    const wp = wallPlace(placement);
    const was = wallPlace(draftWork(id)?.placement);
    if (wp && was && (wp.room !== was.room || wp.wall !== was.wall)) moveToWall(doc, id, wp.room, wp.wall, wp.offset, o.origin);
    else if (wp) moveAlongWall(doc, id, wp.offset, o.origin);
    const fp = floorPlace(placement);
    if (fp) moveOnFloor(doc, id, [fp.position[0], fp.position[2]], undefined, o.origin);
  }

  scene.onPointerObservable.add((info) => {
    dirty = true;
    if (info.type === PointerEventTypes.POINTERDOWN) {
      const id = info.pickInfo?.pickedMesh?.metadata?.work as string | undefined;
      if (!id) return;
      if (id !== selected) o.onPick(id);
      if (!o.editable) return;
      drag = { id, placement: undefined };
      camera.detachControl();
    } else if (info.type === PointerEventTypes.POINTERMOVE && drag) {
      const next = dragTo(drag.id, scene.pointerX, scene.pointerY);
      if (next) {
        drag.placement = next;
        pose(drag.id, next);
        warning.show(drag.id, next);
      }
    } else if (info.type === PointerEventTypes.POINTERUP && drag) {
      const { id, placement } = drag;
      drag = undefined;
      camera.attachControl(true);
      if (placement) commit(id, placement);
      pose(id);
    }
  });

  // Keyboard: with a work selected, ← → (and ↑ ↓ on the floor) move it by the grid to the next clear place.
  canvas.addEventListener('keydown', (e) => {
    if (!selected || !o.editable || !['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown'].includes(e.key)) return;
    e.preventDefault();
    const w = draftWork(selected);
    const s = space();
    if (!w || !s) return;
    const others = docReader(doc).placed();
    const wp = wallPlace(w.placement);
    const sign = e.key === 'ArrowLeft' || e.key === 'ArrowDown' ? -1 : 1;
    if (wp) {
      for (let k = 1; k < 2000; k++) {
        const c = clearOffset(s as Space, w, others, wp.offset + sign * k * SNAP_M);
        if (c === undefined) return;
        if (Math.sign(c - wp.offset) === sign) return moveAlongWall(doc, selected, c, o.origin);
      }
      return;
    }
    const fp = floorPlace(w.placement);
    if (!fp) return;
    const step: [number, number] = e.key === 'ArrowLeft' || e.key === 'ArrowRight' ? [sign * SNAP_M, 0] : [0, -sign * SNAP_M];
    const at = clearFloorPoint(s as Space, w, others, [fp.position[0] + step[0], fp.position[2] + step[1]], SNAP_M * 2);
    if (at) moveOnFloor(doc, selected, at, undefined, o.origin);
  });

  return {
    select(id) {
      const before = selected;
      selected = id;
      for (const h of hotspots) h.dispose();
      hotspots = [];
      if (before) pose(before);
      if (id) {
        pose(id);
        const m = works.get(id);
        if (m) {
          // In front of the work, in its room (a wall has works on both sides): the camera where the work faces.
          const h = -m.rotation.y;
          camera.setTarget(m.position.clone());
          camera.alpha = Math.atan2(-Math.cos(h), Math.sin(h));
          camera.beta = 1.0;
          camera.radius = 7;
        }
      }
      dirty = true;
    },
    showLevel(l) {
      if (l === level) return;
      level = l;
      buildArchitecture();
      buildWorks();
    },
    showColleagues(list) {
      colleagueCameras.show(list);
      dirty = true;
    },
    showProblems(ids) {
      const before = problems;
      problems = ids;
      for (const id of new Set([...before, ...ids])) if (before.has(id) !== ids.has(id)) pose(id);
    },
    screenPoint(at) {
      const m = typeof at === 'string' ? works.get(at) : undefined;
      if (typeof at === 'string' && !m) return undefined;
      scene.render(); // the matrices as drawn now
      const width = engine.getRenderWidth();
      const height = engine.getRenderHeight();
      const point = m ? m.getBoundingInfo().boundingBox.centerWorld : new Vector3(...(at as [number, number, number]));
      const p = Vector3.Project(point, Matrix.Identity(), scene.getTransformMatrix(), new Viewport(0, 0, width, height));
      const scale = canvas.clientWidth / width;
      return { x: p.x * scale, y: p.y * scale };
    },
    destroy() {
      artworksMap(doc).unobserveDeep(onWorks);
      exhibitionMap(doc).unobserveDeep(onSpace);
      window.removeEventListener('resize', onResize);
      clearTimeout(cameraTimer);
      colleagueCameras.dispose();
      names.remove();
      warning.destroy();
      engine.dispose();
    },
  };
}
