/**
 * The turned vessels (amphora, wedding bowl, celadon vase, pharmacy jar, cinerary urn), modelled at real scale as
 * lathed profiles (metres, y-up, resting on y = 0, facing +z) with PBR metallic-roughness materials.
 */
import {
  lathe,
  lathePoint,
  MeshData,
  profileAt,
  profileTopV,
  profileVAtHeight,
  smoothProfile,
  sweep,
  type ProfilePoint,
  type V3,
} from './mesh';
import { addNode, jpegTexture, material } from './gltf-parts';
import { smoothstep } from './rng';
import {
  albarelloTexture,
  amphoraTexture,
  celadonTexture,
  impastoTexture,
  maiolicaBowlTexture,
  makeTexture,
  plainTexture,
} from './textures';
import { check, newDoc, r3, scene, write, type BuiltModel } from './objects-gltf';

const AMPHORA: ProfilePoint[] = [
  [0, 0], [0.058, 0], [0.064, 0.008], [0.06, 0.02], [0.046, 0.034], [0.044, 0.05], [0.07, 0.085], [0.12, 0.14],
  [0.16, 0.21], [0.174, 0.28], [0.165, 0.35], [0.135, 0.41], [0.095, 0.445], [0.066, 0.47], [0.058, 0.51],
  [0.062, 0.555], [0.076, 0.585], [0.086, 0.598], [0.082, 0.606], [0.072, 0.6], [0.056, 0.57], [0.048, 0.52],
  [0.045, 0.47], [0.02, 0.455], [0, 0.452],
];

function amphoraHandle(side: 1 | -1): MeshData {
  const path: V3[] = [];
  for (let i = 0; i <= 40; i++) {
    const t = i / 40;
    // from the neck, out in a high loop, down to the shoulder
    const a = t * Math.PI;
    const x = 0.056 + 0.075 * Math.sin(a) + 0.06 * t;
    const y = 0.54 - 0.11 * t + 0.035 * Math.sin(a);
    path.push([side * x, y, 0]);
  }
  const m = sweep(path, () => 0.014, 16, false, true, { aspect: 0.62, twist: 0 });
  return check('handle', m);
}

function amphoraStub(side: 1 | -1, t0: number, t1: number): MeshData {
  const path: V3[] = [];
  for (let i = 0; i <= 8; i++) {
    const t = t0 + ((t1 - t0) * i) / 8;
    const a = t * Math.PI;
    path.push([side * (0.056 + 0.075 * Math.sin(a) + 0.06 * t), 0.54 - 0.11 * t + 0.035 * Math.sin(a), 0]);
  }
  return check('stub', sweep(path, () => 0.014, 16, false, true, { aspect: 0.62, twist: 0 }));
}

export async function amphora(id: string): Promise<BuiltModel> {
  const doc = newDoc(id);
  const profile = smoothProfile(AMPHORA, 110);
  const innerFrom = profileTopV(profile);
  const tex = jpegTexture(doc, `${id}-basecolor`, await makeTexture(1024, 1024, amphoraTexture(id, (v) => profileAt(profile, v)[1], innerFrom)));
  const clay = material(doc, { name: 'terracotta-black-gloss', metallic: 0, roughness: 0.62, texture: tex });
  const handleClay = material(doc, { name: 'terracotta-handle', metallic: 0, roughness: 0.6, texture: tex });
  const body = check(id, lathe(profile, 96));
  const handle = amphoraHandle(1);
  const stubs = amphoraStub(-1, 0, 0.16).append(amphoraStub(-1, 0.86, 1));
  const vessel = addNode(doc, id, [
    { name: 'body', mesh: body, material: clay },
    { name: 'handle', mesh: handle.append(stubs), material: handleClay },
  ]);
  scene(doc).addChild(vessel);

  // the overlay: the lost handle, rising from beside the vessel into place, then holding
  const ov = newDoc(`${id}-reconstruction`);
  const ghost = material(ov, { name: 'reconstruction', color: [0.75, 0.86, 1, 0.55], metallic: 0, roughness: 0.4, alpha: 'BLEND' });
  const node = addNode(ov, 'reconstructed-handle', [{ name: 'handle', mesh: amphoraHandle(-1), material: ghost }]);
  scene(ov).addChild(node);
  const times = new Float32Array([0, 1, 3.5, 6.5, 7]);
  const trans = new Float32Array([-0.16, -0.08, 0, -0.16, -0.08, 0, 0, 0, 0, 0, 0, 0, -0.16, -0.08, 0]);
  const scales = new Float32Array([0.001, 0.001, 0.001, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0.001, 0.001, 0.001]);
  const buf = ov.getRoot().listBuffers()[0]!;
  const input = ov.createAccessor('times').setType('SCALAR').setArray(times).setBuffer(buf);
  const clip = 'Reconstruction';
  const anim = ov.createAnimation(clip);
  const st = ov.createAnimationSampler().setInput(input).setOutput(ov.createAccessor('translation').setType('VEC3').setArray(trans).setBuffer(buf)).setInterpolation('LINEAR');
  const ss = ov.createAnimationSampler().setInput(input).setOutput(ov.createAccessor('scale').setType('VEC3').setArray(scales).setBuffer(buf)).setInterpolation('STEP');
  anim.addSampler(st).addSampler(ss);
  anim.addChannel(ov.createAnimationChannel().setTargetNode(node).setTargetPath('translation').setSampler(st));
  anim.addChannel(ov.createAnimationChannel().setTargetNode(node).setTargetPath('scale').setSampler(ss));

  const frieze = profileVAtHeight(profile, 0.3);
  const neck = profileVAtHeight(profile, 0.5);
  const foot = profileVAtHeight(profile, 0.1);
  return {
    glb: await write(doc),
    overlay: { glb: await write(ov), clip },
    points: {
      frieze: r3(lathePoint(profile, frieze, 0)),
      neck: r3(lathePoint(profile, neck, 0)),
      rays: r3(lathePoint(profile, foot, 20)),
      handle: r3([0.056 + 0.075 + 0.03, 0.54 - 0.055 + 0.035, 0]),
      brokenHandle: r3(lathePoint(profile, profileVAtHeight(profile, 0.53), -90)),
      joinLine: r3(lathePoint(profile, profileVAtHeight(profile, 0.22), -35)),
    },
  };
}

const BOWL: ProfilePoint[] = [
  [0, 0.006], [0.05, 0.006], [0.058, 0.002], [0.062, 0], [0.068, 0.002], [0.07, 0.014], [0.1, 0.03], [0.14, 0.058],
  [0.172, 0.09], [0.185, 0.11], [0.186, 0.116], [0.18, 0.117], [0.172, 0.108], [0.14, 0.076], [0.095, 0.05],
  [0.05, 0.038], [0, 0.035],
];

export async function weddingBowl(id: string): Promise<BuiltModel> {
  const doc = newDoc(id);
  const profile = smoothProfile(BOWL, 90);
  let rimIdx = 0;
  profile.forEach((p, i) => {
    if (p[0] > profile[rimIdx]![0]) rimIdx = i;
  });
  const rimV = rimIdx / (profile.length - 1);
  const tex = jpegTexture(doc, `${id}-basecolor`, await makeTexture(1024, 1024, maiolicaBowlTexture(id, rimV)));
  const glaze = material(doc, { name: 'tin-glaze', metallic: 0, roughness: 0.18, texture: tex });
  const node = addNode(doc, id, [{ name: 'bowl', mesh: check(id, lathe(profile, 96)), material: glaze }]);
  scene(doc).addChild(node);
  const inner = (f: number): number => rimV + f * (1 - rimV);
  return {
    glb: await write(doc),
    points: {
      medallion: r3(lathePoint(profile, 1, 0)),
      leaves: r3(lathePoint(profile, inner(0.25), 180)),
      rim: r3(lathePoint(profile, rimV, 0)),
      crack: r3(lathePoint(profile, inner(0.1), 140)),
    },
  };
}

const VASE: ProfilePoint[] = [
  [0, 0], [0.052, 0], [0.056, 0.006], [0.05, 0.018], [0.058, 0.04], [0.085, 0.1], [0.104, 0.17], [0.106, 0.23],
  [0.09, 0.3], [0.06, 0.36], [0.042, 0.4], [0.04, 0.43], [0.05, 0.46], [0.058, 0.472], [0.054, 0.476],
  [0.046, 0.466], [0.034, 0.43], [0.03, 0.4], [0.01, 0.39], [0, 0.389],
];

export async function celadonVase(id: string): Promise<BuiltModel> {
  const doc = newDoc(id);
  const profile = smoothProfile(VASE, 100);
  const tex = jpegTexture(doc, `${id}-basecolor`, await makeTexture(1024, 1024, celadonTexture(id)));
  const glaze = material(doc, { name: 'celadon-glaze', metallic: 0, roughness: 0.22, texture: tex });
  // eight soft vertical flutes on the belly
  const mesh = lathe(profile, 96, {
    radiusScale: (u, v) => {
      const y = profileAt(profile, v)[1];
      const band = smoothstep(0.06, 0.12, y) * (1 - smoothstep(0.26, 0.32, y));
      return 1 - 0.025 * band * (0.5 + 0.5 * Math.cos(u * Math.PI * 2 * 8));
    },
  });
  const node = addNode(doc, id, [{ name: 'vase', mesh: check(id, mesh), material: glaze }]);
  scene(doc).addChild(node);
  return {
    glb: await write(doc),
    points: {
      flutes: r3(lathePoint(profile, profileVAtHeight(profile, 0.2), 0)),
      lip: r3(lathePoint(profile, profileVAtHeight(profile, 0.47), 0)),
      foot: r3(lathePoint(profile, profileVAtHeight(profile, 0.03), 30)),
    },
  };
}

const ALBARELLO: ProfilePoint[] = [
  [0, 0], [0.06, 0], [0.065, 0.006], [0.066, 0.04], [0.06, 0.09], [0.055, 0.15], [0.06, 0.21], [0.066, 0.255],
  [0.064, 0.272], [0.05, 0.284], [0.046, 0.298], [0.052, 0.308], [0.049, 0.313], [0.042, 0.305], [0.04, 0.29],
  [0.05, 0.27], [0.055, 0.2], [0.02, 0.02], [0, 0.015],
];

export async function albarello(id: string): Promise<BuiltModel> {
  const doc = newDoc(id);
  const profile = smoothProfile(ALBARELLO, 90);
  const innerFrom = profileTopV(profile) + 0.01;
  const tex = jpegTexture(doc, `${id}-basecolor`, await makeTexture(1024, 1024, albarelloTexture(id, (v) => profileAt(profile, v)[1], innerFrom)));
  const glaze = material(doc, { name: 'maiolica-glaze', metallic: 0, roughness: 0.2, texture: tex });
  const node = addNode(doc, id, [{ name: 'jar', mesh: check(id, lathe(profile, 80)), material: glaze }]);
  scene(doc).addChild(node);
  return {
    glb: await write(doc),
    points: {
      foliage: r3(lathePoint(profile, profileVAtHeight(profile, 0.15), 0)),
      rim: r3(lathePoint(profile, profileTopV(profile), 0)),
      chip: r3(lathePoint(profile, profileVAtHeight(profile, 0.03), -60)),
    },
  };
}

const URN: ProfilePoint[] = [
  [0, 0], [0.058, 0], [0.062, 0.01], [0.09, 0.06], [0.145, 0.14], [0.188, 0.215], [0.19, 0.225], [0.16, 0.28],
  [0.115, 0.335], [0.088, 0.37], [0.094, 0.392], [0.104, 0.404], [0.097, 0.409], [0.085, 0.39], [0.078, 0.37],
  [0.1, 0.33], [0.03, 0.03], [0, 0.025],
];
const LID: ProfilePoint[] = [
  [0, 0.478], [0.05, 0.47], [0.1, 0.43], [0.112, 0.41], [0.117, 0.402], [0.122, 0.404], [0.12, 0.42], [0.105, 0.455],
  [0.06, 0.49], [0.03, 0.497], [0.026, 0.505], [0.03, 0.515], [0.022, 0.522], [0, 0.522],
];

export async function cineraryUrn(id: string): Promise<BuiltModel> {
  const doc = newDoc(id);
  const profile = smoothProfile(URN, 100);
  const lid = smoothProfile(LID, 70);
  const innerFrom = profileTopV(profile) + 0.01;
  const tex = jpegTexture(doc, `${id}-basecolor`, await makeTexture(1024, 1024, impastoTexture(id, (v) => profileAt(profile, v)[1], innerFrom)));
  const lidTex = jpegTexture(doc, `${id}-lid-basecolor`, await makeTexture(512, 512, plainTexture(`${id}-lid`, '#2a2018', '#56402e', 12)));
  const clay = material(doc, { name: 'burnished-impasto', metallic: 0, roughness: 0.45, texture: tex });
  const lidClay = material(doc, { name: 'burnished-impasto-lid', metallic: 0, roughness: 0.5, texture: lidTex });
  // one horizontal loop handle at the carination
  const path: V3[] = [];
  for (let i = 0; i <= 24; i++) {
    const a = -Math.PI / 2 + (i / 24) * Math.PI;
    path.push([0.175 + 0.045 * Math.cos(a), 0.222, 0.05 * Math.sin(a)]);
  }
  const handle = check('urn handle', sweep(path, () => 0.011, 12));
  const node = addNode(doc, id, [
    { name: 'urn', mesh: check(id, lathe(profile, 96)), material: clay },
    { name: 'handle', mesh: handle, material: lidClay },
    { name: 'lid', mesh: check(`${id} lid`, lathe(lid, 96)), material: lidClay },
  ]);
  scene(doc).addChild(node);
  return {
    glb: await write(doc),
    points: {
      meander: r3(lathePoint(profile, profileVAtHeight(profile, 0.27), 0)),
      lid: r3(lathePoint(lid, 0.75, 0)),
      handle: r3([0.22, 0.222, 0]),
      repair: r3(lathePoint(profile, profileVAtHeight(profile, 0.12), 40)),
    },
  };
}
