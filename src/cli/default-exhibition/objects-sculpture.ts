/**
 * The sculptures (kinetic bronze, three waters, stone head, shepherd figure, carnival mask), modelled at real
 * scale (metres, y-up, resting on y = 0, facing +z) with PBR metallic-roughness materials.
 */
import {
  blob,
  lathe,
  lathePoint,
  MeshData,
  parametric,
  profileAt,
  profileVAtHeight,
  smoothProfile,
  sweep,
  type V3,
} from './mesh';
import { addNode, jpegTexture, material } from './gltf-parts';
import { Noise2, smoothstep } from './rng';
import {
  bronzeTexture,
  makeTexture,
  marbleTexture,
  maskTexture,
  plainTexture,
  stoneTexture,
  woodTexture,
} from './textures';
import { check, newDoc, r3, scene, write, type BuiltModel } from './objects-gltf';

export async function kineticBronze(id: string): Promise<BuiltModel> {
  const doc = newDoc(id);
  const tex = jpegTexture(doc, `${id}-basecolor`, await makeTexture(1024, 512, bronzeTexture(id)));
  const bronze = material(doc, { name: 'bronze', metallic: 1, roughness: 0.32, texture: tex });
  const darkBronze = material(doc, { name: 'dark-patinated-bronze', color: [0.45, 0.4, 0.36, 1], metallic: 1, roughness: 0.5, texture: tex });
  const baseProfile = smoothProfile([[0, 0], [0.19, 0], [0.2, 0.008], [0.2, 0.04], [0.185, 0.05], [0.12, 0.062], [0.04, 0.07], [0.02, 0.08], [0, 0.081]], 40);
  const rodProfile = smoothProfile([[0, 0.07], [0.018, 0.07], [0.016, 0.3], [0.013, 0.5], [0.022, 0.515], [0.012, 0.53], [0, 0.531]], 40);
  const root = doc.createNode(id);
  scene(doc).addChild(root);
  addNode(doc, 'base', [
    { name: 'base', mesh: check('base', lathe(baseProfile, 96)), material: darkBronze },
    { name: 'rod', mesh: check('rod', lathe(rodProfile, 32)), material: bronze },
  ], root);
  // the turning part: a twisted band (a Möbius loop) standing on its lowest point
  const R = 0.3;
  const ringPath: V3[] = [];
  for (let i = 0; i < 160; i++) {
    const a = (i / 160) * Math.PI * 2;
    ringPath.push([R * Math.sin(a), R - R * Math.cos(a), 0]);
  }
  const band = check('band', sweep(ringPath, () => 0.045, 24, true, false, { aspect: 0.22, twist: Math.PI }));
  const spindle = check('spindle', lathe(smoothProfile([[0, -0.01], [0.012, -0.01], [0.012, 0.02], [0, 0.02]], 8), 24));
  const turning = doc.createNode('turning').setTranslation([0, 0.53, 0]);
  root.addChild(turning);
  addNode(doc, 'band', [
    { name: 'band', mesh: band, material: bronze },
    { name: 'spindle', mesh: spindle, material: darkBronze },
  ], turning);
  // animation clip: one slow turn every 16 seconds
  const buf = doc.getRoot().listBuffers()[0]!;
  const steps = 8;
  const times = new Float32Array(steps + 1);
  const rots = new Float32Array((steps + 1) * 4);
  for (let i = 0; i <= steps; i++) {
    times[i] = (16 * i) / steps;
    const a = (Math.PI * 2 * i) / steps;
    rots.set([0, Math.sin(a / 2), 0, Math.cos(a / 2)], i * 4);
  }
  const clip = 'Turn';
  const anim = doc.createAnimation(clip);
  const sampler = doc
    .createAnimationSampler()
    .setInput(doc.createAccessor('turn-times').setType('SCALAR').setArray(times).setBuffer(buf))
    .setOutput(doc.createAccessor('turn-rotations').setType('VEC4').setArray(rots).setBuffer(buf))
    .setInterpolation('LINEAR');
  anim.addSampler(sampler).addChannel(doc.createAnimationChannel().setTargetNode(turning).setTargetPath('rotation').setSampler(sampler));
  return {
    glb: await write(doc),
    clip,
    points: {
      twist: r3([R, 0.53 + R, 0.01]),
      top: r3([0, 0.53 + 2 * R + 0.01, 0]),
      spindle: r3([0, 0.52, 0.02]),
      base: r3([0, 0.06, 0.12]),
    },
  };
}

/** A superellipsoid pebble. */
function pebble(centre: V3, radii: V3, e: number, rotY: number, seed: string): MeshData {
  const n = new Noise2(seed);
  const m = blob([0, 0, 0], (dir, u, v) => {
    // superellipsoid: scale the unit direction so that |x|^e + |y|^e + |z|^e = 1
    const s = Math.pow(Math.pow(Math.abs(dir[0]), e) + Math.pow(Math.abs(dir[1]), e) + Math.pow(Math.abs(dir[2]), e), -1 / e);
    const k = s * (1 + 0.015 * n.fbm(u * 6, v * 3, 3, 2, 0.5, 6, 0));
    return [radii[0] * k, radii[1] * k, radii[2] * k];
  }, 96, 64);
  return check(seed, m.rotateY(rotY).translate(centre));
}

export async function threeWaters(id: string): Promise<BuiltModel> {
  const doc = newDoc(id);
  const tex = jpegTexture(doc, `${id}-basecolor`, await makeTexture(1024, 1024, marbleTexture(id)));
  const marble = material(doc, { name: 'statuary-marble', metallic: 0, roughness: 0.28, texture: tex });
  const a = pebble([0, 0.085, 0], [0.26, 0.085, 0.19], 2.6, 8, `${id}-a`);
  const b = pebble([0.02, 0.255, -0.01], [0.185, 0.09, 0.14], 2.4, -22, `${id}-b`);
  const c = pebble([-0.01, 0.43, 0.01], [0.115, 0.092, 0.095], 2.2, 35, `${id}-c`);
  // make sure the lowest stone rests exactly on y = 0
  const minY = a.bounds().min[1];
  for (const m of [a, b, c]) m.translate([0, -minY, 0]);
  const node = addNode(doc, id, [
    { name: 'lower', mesh: a, material: marble },
    { name: 'middle', mesh: b, material: marble },
    { name: 'upper', mesh: c, material: marble },
  ]);
  scene(doc).addChild(node);
  return {
    glb: await write(doc),
    points: {
      lower: r3([0, 0.085 - minY, 0.19]),
      upper: r3([-0.01, 0.43 - minY + 0.092, 0.01]),
      joint: r3([0.02, 0.17 - minY, 0.13]),
    },
  };
}

/** The head: an ellipsoid modelled by a few gentle displacements. */
function headRadius(n: Noise2, broken: boolean) {
  const g = (d: V3, c: V3, w: number): number => Math.exp(-((d[0] - c[0]) ** 2 + (d[1] - c[1]) ** 2 + (d[2] - c[2]) ** 2) / w);
  return (d: V3, u: number, v: number): V3 => {
    let k = 1;
    const front = Math.max(0, d[2]);
    // nose ridge down the middle of the face (its tip broken off)
    const nose = Math.exp(-(d[0] * d[0]) / 0.006) * smoothstep(-0.42, -0.3, d[1]) * (1 - smoothstep(0.02, 0.12, d[1])) * front;
    k += (broken ? 0.16 : 0.22) * nose * (broken && d[1] < -0.22 ? 0.6 : 1);
    k += 0.06 * g(d, [0, 0.14, 0.98], 0.06) * front; // brow
    k -= 0.07 * (g(d, [0.33, 0.03, 0.94], 0.012) + g(d, [-0.33, 0.03, 0.94], 0.012)); // eye sockets
    k += 0.035 * (g(d, [0.34, 0.0, 0.94], 0.003) + g(d, [-0.34, 0.0, 0.94], 0.003)); // eyeballs
    k += 0.04 * (g(d, [0.5, -0.18, 0.84], 0.03) + g(d, [-0.5, -0.18, 0.84], 0.03)); // cheekbones
    k -= 0.025 * Math.exp(-((d[1] + 0.5) ** 2) / 0.0015) * Math.exp(-(d[0] * d[0]) / 0.03) * front; // mouth
    k += 0.03 * Math.exp(-((d[1] + 0.46) ** 2) / 0.003) * Math.exp(-(d[0] * d[0]) / 0.02) * front; // upper lip
    k += 0.05 * g(d, [0, -0.78, 0.62], 0.02); // chin
    k += 0.06 * (g(d, [0.99, 0.0, -0.05], 0.008) + g(d, [-0.99, 0.0, -0.05], 0.008)); // ears
    // hair: a cap of short curls over the crown and the back
    const hair = smoothstep(0.1, 0.3, d[1] - 0.55 * front + 0.25);
    k += hair * (0.045 + 0.025 * Math.abs(Math.sin(u * 90 + 6 * n.value(u * 20, v * 20, 20, 0)) * Math.sin(v * 60)));
    // jaw narrower than the skull
    const jaw = 1 - 0.22 * smoothstep(-0.1, -0.8, d[1]);
    return [0.085 * k * jaw, 0.112 * k, 0.1 * k];
  };
}

export async function stoneHead(id: string): Promise<BuiltModel> {
  const doc = newDoc(id);
  const n = new Noise2(id);
  const tex = jpegTexture(doc, `${id}-basecolor`, await makeTexture(1024, 1024, stoneTexture(id)));
  const stone = material(doc, { name: 'weathered-marble', metallic: 0, roughness: 0.7, texture: tex });
  const socleTex = jpegTexture(doc, `${id}-socle-basecolor`, await makeTexture(512, 256, plainTexture(`${id}-socle`, '#2c2a28', '#4a4642', 30)));
  const socleMat = material(doc, { name: 'dark-stone-socle', metallic: 0, roughness: 0.45, texture: socleTex });
  const socle = smoothProfile([[0, 0], [0.075, 0], [0.078, 0.012], [0.072, 0.02], [0.06, 0.03], [0.056, 0.07], [0.066, 0.08], [0.066, 0.088], [0, 0.088]], 40);
  const neck = smoothProfile([[0, 0.085], [0.054, 0.085], [0.05, 0.13], [0.046, 0.18], [0.042, 0.21], [0, 0.215]], 40);
  const headCentre: V3 = [0, 0.292, 0.01];
  const radius = headRadius(n, true);
  const head = blob(headCentre, radius, 128, 96);
  const node = addNode(doc, id, [
    { name: 'socle', mesh: check('socle', lathe(socle, 64)), material: socleMat },
    { name: 'neck', mesh: check('neck', lathe(neck, 64)), material: stone },
    { name: 'head', mesh: check('head', head), material: stone },
  ]);
  scene(doc).addChild(node);
  const at = (d: V3): V3 => {
    const len = Math.hypot(...d);
    const dir: V3 = [d[0] / len, d[1] / len, d[2] / len];
    const r = radius(dir, 0, 0.5);
    return r3([headCentre[0] + dir[0] * r[0], headCentre[1] + dir[1] * r[1], headCentre[2] + dir[2] * r[2]]);
  };
  return {
    glb: await write(doc),
    points: { nose: at([0, -0.26, 0.97]), hair: at([0.3, 0.75, 0.3]), ear: at([-0.99, 0, -0.05]), chin: at([0.05, -0.78, 0.62]), eye: at([0.33, 0.03, 0.94]) },
  };
}

export async function shepherdFigure(id: string): Promise<BuiltModel> {
  const doc = newDoc(id);
  const n = new Noise2(id);
  const tex = jpegTexture(doc, `${id}-basecolor`, await makeTexture(1024, 1024, woodTexture(id, true)));
  const wood = material(doc, { name: 'carved-lime-wood', metallic: 0, roughness: 0.72, texture: tex });
  const baseTex = jpegTexture(doc, `${id}-base-basecolor`, await makeTexture(512, 512, woodTexture(`${id}-base`, false)));
  const baseWood = material(doc, { name: 'walnut-base', metallic: 0, roughness: 0.6, texture: baseTex });
  const base = smoothProfile([[0, 0], [0.1, 0], [0.102, 0.02], [0.095, 0.03], [0, 0.03]], 20);
  const robe = smoothProfile([[0, 0.03], [0.085, 0.03], [0.083, 0.08], [0.074, 0.2], [0.066, 0.32], [0.07, 0.39], [0.062, 0.42], [0.04, 0.44], [0.022, 0.455], [0, 0.458]], 90);
  const body = lathe(robe, 72, {
    radiusScale: (u, v) => {
      const y = profileAt(robe, v)[1];
      const folds = (1 - smoothstep(0.15, 0.35, y)) * 0.05 * Math.sin(u * Math.PI * 2 * 9 + 2 * n.value(y * 20, 0));
      return 1 - 0.12 * Math.cos(u * Math.PI * 4) + folds;
    },
  });
  const headC: V3 = [0, 0.505, 0.005];
  const head = blob(headC, (d) => {
    const nose = 0.14 * Math.exp(-(d[0] * d[0]) / 0.01 - ((d[1] + 0.1) ** 2) / 0.02) * Math.max(0, d[2]);
    const k = 1 + nose;
    return [0.04 * k, 0.052 * k, 0.044 * k];
  }, 48, 36);
  const hat = smoothProfile([[0, 0.536], [0.07, 0.54], [0.074, 0.546], [0.05, 0.55], [0.04, 0.58], [0.03, 0.598], [0, 0.6]], 30);
  // arms: from the shoulders, bent forward to hold a staff
  const arm = (side: 1 | -1): MeshData => {
    const pts: V3[] = [];
    for (let i = 0; i <= 20; i++) {
      const t = i / 20;
      pts.push([side * (0.065 - 0.02 * t) + (side > 0 ? 0.02 * t : 0), 0.41 - 0.15 * t + 0.04 * t * t, 0.01 + 0.1 * Math.sin((t * Math.PI) / 2)]);
    }
    return check('arm', sweep(pts, (t) => 0.022 - 0.006 * t, 16));
  };
  const hand = (p: V3): MeshData => check('hand', blob(p, () => [0.018, 0.02, 0.018], 16, 12));
  const staffPath: V3[] = [];
  for (let i = 0; i <= 12; i++) staffPath.push([0.06, 0.03 + (0.6 * i) / 12, 0.105 - 0.01 * (i / 12)]);
  const staff = check('staff', sweep(staffPath, () => 0.009, 10));
  const node = addNode(doc, id, [
    { name: 'base', mesh: check('base', lathe(base, 48)), material: baseWood },
    { name: 'figure', mesh: check('robe', body).append(check('head', head)).append(check('hat', lathe(hat, 48))).append(arm(1)).append(arm(-1)).append(hand([0.06, 0.3, 0.11])).append(hand([-0.045, 0.3, 0.11])), material: wood },
    { name: 'staff', mesh: staff, material: baseWood },
  ]);
  scene(doc).addChild(node);
  return {
    glb: await write(doc),
    points: {
      face: r3([0, 0.49, headC[2] + 0.044 * 1.1]),
      hat: r3([0, 0.6, 0]),
      staff: r3([0.06, 0.18, 0.105 + 0.009]),
      paint: r3(lathePoint(robe, profileVAtHeight(robe, 0.12), 0)),
      hem: r3(lathePoint(robe, profileVAtHeight(robe, 0.05), -40)),
    },
  };
}

/** The old-man carnival mask, carved in relief, on a small stand. */
export async function carnivalMask(id: string): Promise<BuiltModel> {
  const doc = newDoc(id);
  const a = 0.12;
  const b = 0.17;
  const cy = 0.26; // centre height of the face
  const cz = 0.0;
  const g = (x: number, y: number, x0: number, y0: number, sx: number, sy: number): number => Math.exp(-((x - x0) ** 2) / sx - ((y - y0) ** 2) / sy);
  const relief = (x: number, y: number): number => {
    let z = 0;
    z += 0.055 * g(x, y, 0, -0.045, 0.0006, 0.004) * (y < 0.04 ? 1 : 0.6); // long nose
    z += 0.018 * (g(x, y, 0.05, 0.05, 0.0015, 0.0002) + g(x, y, -0.05, 0.05, 0.0015, 0.0002)); // brows
    z -= 0.02 * (g(x, y, 0.05, 0.022, 0.0005, 0.0003) + g(x, y, -0.05, 0.022, 0.0005, 0.0003)); // eyes
    z += 0.014 * (g(x, y, 0.065, -0.03, 0.0008, 0.0008) + g(x, y, -0.065, -0.03, 0.0008, 0.0008)); // cheeks
    z -= 0.008 * g(x, y, 0, -0.088, 0.0012, 0.00005); // mouth
    z += 0.012 * g(x, y, 0, -0.125, 0.0012, 0.0006); // chin
    z -= 0.0025 * Math.max(0, Math.sin((y - 0.08) * 260)) * smoothstep(0.075, 0.09, y) * (1 - smoothstep(0.125, 0.14, y)); // wrinkles
    return z;
  };
  const planeAt = (u: number, v: number): [number, number] => {
    const rho = v <= 0.5 ? v / 0.5 : (1 - v) / 0.5;
    const phi = u * Math.PI * 2;
    return [a * rho * Math.sin(phi), b * rho * Math.cos(phi)];
  };
  const shell = parametric(
    (u, v) => {
      const rho = v <= 0.5 ? v / 0.5 : (1 - v) / 0.5;
      const [x, y] = planeAt(u, v);
      const dome = Math.sqrt(Math.max(0, 1 - rho * rho));
      const z = v <= 0.5 ? 0.045 * Math.pow(dome, 0.8) + relief(x, y) * (1 - smoothstep(0.75, 0.98, rho)) : -0.025 * Math.pow(dome, 0.8);
      return [x, cy + y, cz + z];
    },
    128,
    120,
    { wrapU: true },
  ).orientOutward([0, cy, cz]);
  const tex = jpegTexture(doc, `${id}-basecolor`, await makeTexture(1024, 1024, maskTexture(id, planeAt)));
  const paint = material(doc, { name: 'painted-poplar', metallic: 0, roughness: 0.55, texture: tex });
  const standTex = jpegTexture(doc, `${id}-stand-basecolor`, await makeTexture(256, 256, plainTexture(`${id}-stand`, '#1c1a18', '#2e2a26', 8)));
  const stand = material(doc, { name: 'blackened-steel-stand', metallic: 0.9, roughness: 0.4, texture: standTex });
  const standBase = smoothProfile([[0, 0], [0.07, 0], [0.07, 0.012], [0.064, 0.016], [0, 0.016]], 12);
  const rodPath: V3[] = [];
  for (let i = 0; i <= 6; i++) rodPath.push([0, 0.016 + ((cy - 0.016) * i) / 6, -0.012]);
  const node = addNode(doc, id, [
    { name: 'mask', mesh: check(id, shell), material: paint },
    { name: 'stand', mesh: check('stand', lathe(standBase, 48)).append(check('rod', sweep(rodPath, () => 0.006, 10))), material: stand },
  ]);
  scene(doc).addChild(node);
  const front = (x: number, y: number): V3 => {
    const rho = Math.hypot(x / a, y / b);
    const dome = Math.sqrt(Math.max(0, 1 - rho * rho));
    return r3([x, cy + y, cz + 0.045 * Math.pow(dome, 0.8) + relief(x, y) * (1 - smoothstep(0.75, 0.98, rho))]);
  };
  return {
    glb: await write(doc),
    points: { nose: front(0, -0.045), brow: front(-0.05, 0.05), cheek: front(0.065, -0.03), wrinkles: front(0.02, 0.1), edge: front(-0.09, -0.08) },
  };
}
