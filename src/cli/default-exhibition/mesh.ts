/**
 * Procedural geometry: parametric surfaces (lathe-turned profiles, deformed
 * ellipsoids, relief shells), swept tubes and boxes, each with normals and
 * UVs; gltf-parts.ts collects them into glTF documents.
 */

export type V3 = [number, number, number];

export class MeshData {
  positions: number[] = [];
  normals: number[] = [];
  uvs: number[] = [];
  indices: number[] = [];

  get vertexCount(): number {
    return this.positions.length / 3;
  }
  get triangleCount(): number {
    return this.indices.length / 3;
  }

  /** Append another mesh (same material). */
  append(other: MeshData): this {
    const base = this.vertexCount;
    this.positions.push(...other.positions);
    this.normals.push(...other.normals);
    this.uvs.push(...other.uvs);
    for (const i of other.indices) this.indices.push(i + base);
    return this;
  }

  transform(f: (p: V3) => V3, nf?: (n: V3) => V3): this {
    for (let i = 0; i < this.positions.length; i += 3) {
      const p = f([this.positions[i]!, this.positions[i + 1]!, this.positions[i + 2]!]);
      this.positions[i] = p[0];
      this.positions[i + 1] = p[1];
      this.positions[i + 2] = p[2];
      if (nf) {
        const n = normalize(nf([this.normals[i]!, this.normals[i + 1]!, this.normals[i + 2]!]));
        this.normals[i] = n[0];
        this.normals[i + 1] = n[1];
        this.normals[i + 2] = n[2];
      }
    }
    return this;
  }

  translate(t: V3): this {
    return this.transform((p) => [p[0] + t[0], p[1] + t[1], p[2] + t[2]]);
  }

  /** Rotation about +y by `deg` degrees (as a heading: 90 turns +z toward +x). */
  rotateY(deg: number): this {
    const a = (deg * Math.PI) / 180;
    const c = Math.cos(a);
    const s = Math.sin(a);
    const r = (p: V3): V3 => [p[0] * c + p[2] * s, p[1], -p[0] * s + p[2] * c];
    return this.transform(r, r);
  }

  rotateX(deg: number): this {
    const a = (deg * Math.PI) / 180;
    const c = Math.cos(a);
    const s = Math.sin(a);
    const r = (p: V3): V3 => [p[0], p[1] * c - p[2] * s, p[1] * s + p[2] * c];
    return this.transform(r, r);
  }

  bounds(): { min: V3; max: V3 } {
    const min: V3 = [Infinity, Infinity, Infinity];
    const max: V3 = [-Infinity, -Infinity, -Infinity];
    for (let i = 0; i < this.positions.length; i += 3) {
      for (let k = 0; k < 3; k++) {
        min[k] = Math.min(min[k]!, this.positions[i + k]!);
        max[k] = Math.max(max[k]!, this.positions[i + k]!);
      }
    }
    return { min, max };
  }

  /** Make normals (and winding) point away from `centre` on average. */
  orientOutward(centre: V3): this {
    let acc = 0;
    for (let i = 0; i < this.positions.length; i += 3) {
      acc +=
        (this.positions[i]! - centre[0]) * this.normals[i]! +
        (this.positions[i + 1]! - centre[1]) * this.normals[i + 1]! +
        (this.positions[i + 2]! - centre[2]) * this.normals[i + 2]!;
    }
    if (acc < 0) {
      for (let i = 0; i < this.normals.length; i++) this.normals[i] = -this.normals[i]!;
      for (let t = 0; t < this.indices.length; t += 3) {
        const b = this.indices[t + 1]!;
        this.indices[t + 1] = this.indices[t + 2]!;
        this.indices[t + 2] = b;
      }
    }
    return this;
  }

  /** Fraction of triangles whose winding agrees with their vertex normals. */
  windingAgreement(): number {
    let ok = 0;
    let total = 0;
    const P = this.positions;
    const N = this.normals;
    for (let t = 0; t < this.indices.length; t += 3) {
      const [a, b, c] = [this.indices[t]!, this.indices[t + 1]!, this.indices[t + 2]!];
      const e1 = sub(vec(P, b), vec(P, a));
      const e2 = sub(vec(P, c), vec(P, a));
      const fn = cross(e1, e2);
      if (Math.hypot(...fn) < 1e-12) continue;
      const vn = add(add(vec(N, a), vec(N, b)), vec(N, c));
      total++;
      if (dot(fn, vn) > 0) ok++;
    }
    return total === 0 ? 1 : ok / total;
  }
}

const vec = (arr: number[], i: number): V3 => [arr[i * 3]!, arr[i * 3 + 1]!, arr[i * 3 + 2]!];
export const add = (a: V3, b: V3): V3 => [a[0] + b[0], a[1] + b[1], a[2] + b[2]];
export const sub = (a: V3, b: V3): V3 => [a[0] - b[0], a[1] - b[1], a[2] - b[2]];
export const mul = (a: V3, k: number): V3 => [a[0] * k, a[1] * k, a[2] * k];
export const dot = (a: V3, b: V3): number => a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
export const cross = (a: V3, b: V3): V3 => [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]];
export const normalize = (a: V3): V3 => {
  const l = Math.hypot(a[0], a[1], a[2]);
  return l > 1e-12 ? [a[0] / l, a[1] / l, a[2] / l] : [0, 1, 0];
};

/**
 * A parametric surface P(u, v), u, v in [0, 1], sampled on an (nu + 1) × (nv + 1)
 * grid. Normals are cross(dP/du, dP/dv) (flip reverses them and the winding);
 * UVs are (u · uScale, v · vScale).
 */
export function parametric(
  f: (u: number, v: number) => V3,
  nu: number,
  nv: number,
  opts: { flip?: boolean; uScale?: number; vScale?: number; wrapU?: boolean } = {},
): MeshData {
  const m = new MeshData();
  const e = 1e-4;
  for (let j = 0; j <= nv; j++) {
    const v = j / nv;
    for (let i = 0; i <= nu; i++) {
      const u = i / nu;
      const p = f(u, v);
      // derivatives, evaluated slightly inside the domain so poles still get a normal
      const vc = Math.min(1 - 2 * e, Math.max(2 * e, v));
      const uc = opts.wrapU ? u : Math.min(1 - 2 * e, Math.max(2 * e, u));
      const du = sub(f(uc + e, vc), f(uc - e, vc));
      const dv = sub(f(uc, vc + e), f(uc, vc - e));
      let n = normalize(cross(du, dv));
      if (opts.flip) n = mul(n, -1);
      m.positions.push(p[0], p[1], p[2]);
      m.normals.push(n[0], n[1], n[2]);
      m.uvs.push(u * (opts.uScale ?? 1), v * (opts.vScale ?? 1));
    }
  }
  const row = nu + 1;
  for (let j = 0; j < nv; j++) {
    for (let i = 0; i < nu; i++) {
      const a = j * row + i;
      const b = a + 1;
      const c = a + row + 1;
      const d = a + row;
      if (opts.flip) m.indices.push(a, c, b, a, d, c);
      else m.indices.push(a, b, c, a, c, d);
    }
  }
  return m;
}

/** A profile point: radius and height (metres). */
export type ProfilePoint = [number, number];

/**
 * Resample a polyline profile by arc length after Catmull-Rom smoothing, so
 * a lathe gets even rings. Points marked in `corners` (indices) stay sharp.
 */
export function smoothProfile(points: ProfilePoint[], samples: number): ProfilePoint[] {
  const dense: ProfilePoint[] = [];
  for (let i = 0; i < points.length - 1; i++) {
    const p0 = points[Math.max(0, i - 1)]!;
    const p1 = points[i]!;
    const p2 = points[i + 1]!;
    const p3 = points[Math.min(points.length - 1, i + 2)]!;
    for (let k = 0; k < 16; k++) {
      const t = k / 16;
      const t2 = t * t;
      const t3 = t2 * t;
      const cr = (a: number, b: number, c: number, d: number): number =>
        0.5 * (2 * b + (-a + c) * t + (2 * a - 5 * b + 4 * c - d) * t2 + (-a + 3 * b - 3 * c + d) * t3);
      dense.push([Math.max(0, cr(p0[0], p1[0], p2[0], p3[0])), cr(p0[1], p1[1], p2[1], p3[1])]);
    }
  }
  dense.push(points[points.length - 1]!);
  // Catmull-Rom may overshoot: keep heights within the control points' range (a foot stays on y = 0)
  const ys = points.map((p) => p[1]);
  const minY = Math.min(...ys);
  const maxY = Math.max(...ys);
  for (const p of dense) p[1] = Math.min(maxY, Math.max(minY, p[1]));
  const cum: number[] = [0];
  for (let i = 1; i < dense.length; i++) cum.push(cum[i - 1]! + Math.hypot(dense[i]![0] - dense[i - 1]![0], dense[i]![1] - dense[i - 1]![1]));
  const total = cum[cum.length - 1]!;
  const out: ProfilePoint[] = [];
  let k = 0;
  for (let s = 0; s <= samples; s++) {
    const target = (s / samples) * total;
    while (k < cum.length - 2 && cum[k + 1]! < target) k++;
    const seg = cum[k + 1]! - cum[k]!;
    const t = seg > 0 ? (target - cum[k]!) / seg : 0;
    const a = dense[k]!;
    const b = dense[k + 1]!;
    out.push([a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t]);
  }
  return out;
}

/** Piecewise-linear lookup into a resampled profile, v in [0, 1]. */
export function profileAt(profile: ProfilePoint[], v: number): ProfilePoint {
  const x = Math.min(1, Math.max(0, v)) * (profile.length - 1);
  const i = Math.min(profile.length - 2, Math.floor(x));
  const t = x - i;
  const a = profile[i]!;
  const b = profile[i + 1]!;
  return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t];
}

/**
 * Surface of revolution about +y. The profile runs from the bottom centre up
 * the outside (and, for an open vessel, over the rim and down the inside).
 * Angle 0 faces +z; u runs toward +x. radiusScale(u, v) deforms it (fluting, dents).
 */
export function lathe(
  profile: ProfilePoint[],
  segments: number,
  opts: { radiusScale?: (u: number, v: number) => number; uScale?: number } = {},
): MeshData {
  return parametric(
    (u, v) => {
      const [r0, y] = profileAt(profile, v);
      const r = r0 * (opts.radiusScale ? opts.radiusScale(u, v) : 1);
      const a = u * Math.PI * 2;
      return [r * Math.sin(a), y, r * Math.cos(a)];
    },
    segments,
    profile.length - 1,
    { wrapU: true, uScale: opts.uScale ?? 1 },
  );
}

/** Point on a lathe surface at angle (degrees, 0 = +z, 90 = +x) and profile parameter v. */
export function lathePoint(profile: ProfilePoint[], v: number, angleDeg: number, offset = 0): V3 {
  const [r, y] = profileAt(profile, v);
  const a = (angleDeg * Math.PI) / 180;
  return [(r + offset) * Math.sin(a), y, (r + offset) * Math.cos(a)];
}

/** The profile parameter v of the highest point (the rim of an open vessel). */
export function profileTopV(profile: ProfilePoint[]): number {
  let best = 0;
  profile.forEach((p, i) => {
    if (p[1] > profile[best]![1]) best = i;
  });
  return best / (profile.length - 1);
}

/** The profile parameter v at which the OUTER surface reaches height y (first crossing). */
export function profileVAtHeight(profile: ProfilePoint[], y: number): number {
  for (let i = 0; i < profile.length - 1; i++) {
    const a = profile[i]!;
    const b = profile[i + 1]!;
    if ((a[1] - y) * (b[1] - y) <= 0 && a[1] !== b[1]) {
      const t = (y - a[1]) / (b[1] - a[1]);
      return (i + t) / (profile.length - 1);
    }
  }
  throw new Error(`profile never reaches y = ${y}`);
}

/**
 * A tube swept along a path with a radius per point (parallel-transport frames).
 * closed: the path loops (torus-like). Open tubes get flat end caps.
 */
export function sweep(
  path: V3[],
  radius: (t: number) => number,
  sides: number,
  closed = false,
  caps = true,
  section: { aspect: number; twist: number } = { aspect: 1, twist: 0 },
): MeshData {
  const n = path.length;
  const tangents: V3[] = path.map((_, i) => {
    const a = path[closed ? (i - 1 + n) % n : Math.max(0, i - 1)]!;
    const b = path[closed ? (i + 1) % n : Math.min(n - 1, i + 1)]!;
    return normalize(sub(b, a));
  });
  // initial normal: any vector perpendicular to the first tangent
  const t0 = tangents[0]!;
  let nrm = normalize(cross(t0, Math.abs(t0[1]) < 0.9 ? [0, 1, 0] : [1, 0, 0]));
  const frames: { n: V3; b: V3 }[] = [];
  for (let i = 0; i < n; i++) {
    const t = tangents[i]!;
    nrm = normalize(sub(nrm, mul(t, dot(nrm, t))));
    frames.push({ n: nrm, b: cross(t, nrm) });
  }
  if (closed) {
    // spread the closing twist evenly along the loop
    const first = frames[0]!;
    const last = frames[n - 1]!;
    const tl = tangents[n - 1]!;
    const proj = normalize(sub(first.n, mul(tl, dot(first.n, tl))));
    let twist = Math.acos(Math.max(-1, Math.min(1, dot(proj, last.n))));
    if (dot(cross(last.n, proj), tl) < 0) twist = -twist;
    for (let i = 0; i < n; i++) {
      const a = (twist * i) / n;
      const f = frames[i]!;
      const c = Math.cos(a);
      const s = Math.sin(a);
      frames[i] = { n: add(mul(f.n, c), mul(f.b, s)), b: add(mul(f.b, c), mul(f.n, -s)) };
    }
  }
  const m = new MeshData();
  const rings = closed ? n + 1 : n;
  for (let i = 0; i < rings; i++) {
    const k = i % n;
    const p = path[k]!;
    const f = frames[k]!;
    const t = i / (rings - 1);
    const r = radius(t);
    const tw = section.twist * t;
    const fn = add(mul(f.n, Math.cos(tw)), mul(f.b, Math.sin(tw)));
    const fb = add(mul(f.b, Math.cos(tw)), mul(f.n, -Math.sin(tw)));
    for (let s = 0; s <= sides; s++) {
      const a = (s / sides) * Math.PI * 2;
      const c = Math.cos(a);
      const sn = Math.sin(a);
      const q = add(p, add(mul(fn, c * r), mul(fb, sn * r * section.aspect)));
      const dir = normalize(add(mul(fn, c * section.aspect), mul(fb, sn)));
      m.positions.push(q[0], q[1], q[2]);
      m.normals.push(dir[0], dir[1], dir[2]);
      m.uvs.push(s / sides, i / (rings - 1));
    }
  }
  const row = sides + 1;
  for (let i = 0; i < rings - 1; i++) {
    for (let s = 0; s < sides; s++) {
      const a = i * row + s;
      const b = a + 1;
      const c = a + row + 1;
      const d = a + row;
      // with dir = n·cos + b·sin and b = t × n, this winding faces outward
      m.indices.push(a, b, c, a, c, d);
    }
  }
  if (!closed && caps) {
    for (const end of [0, n - 1]) {
      const p = path[end]!;
      const f = frames[end]!;
      const t = mul(tangents[end]!, end === 0 ? -1 : 1);
      const r = radius(end === 0 ? 0 : 1);
      const centre = m.vertexCount;
      m.positions.push(p[0], p[1], p[2]);
      m.normals.push(t[0], t[1], t[2]);
      m.uvs.push(0.5, 0.5);
      for (let s = 0; s <= sides; s++) {
        const a = (s / sides) * Math.PI * 2;
        const dir = add(mul(f.n, Math.cos(a)), mul(f.b, Math.sin(a)));
        const q = add(p, mul(dir, r));
        m.positions.push(q[0], q[1], q[2]);
        m.normals.push(t[0], t[1], t[2]);
        m.uvs.push(0.5 + 0.5 * Math.cos(a), 0.5 + 0.5 * Math.sin(a));
      }
      for (let s = 0; s < sides; s++) {
        if (end === 0) m.indices.push(centre, centre + 2 + s, centre + 1 + s);
        else m.indices.push(centre, centre + 1 + s, centre + 2 + s);
      }
    }
  }
  return m;
}

/** An axis-aligned box centred on x/z = 0 with its base at y0, flat normals, UVs in metres × uvScale. */
export function box(w: number, h: number, d: number, y0 = 0, uvScale = 1): MeshData {
  const m = new MeshData();
  const x = w / 2;
  const z = d / 2;
  const faces: { n: V3; c: V3[]; size: [number, number] }[] = [
    { n: [0, 0, 1], c: [[-x, y0, z], [x, y0, z], [x, y0 + h, z], [-x, y0 + h, z]], size: [w, h] },
    { n: [0, 0, -1], c: [[x, y0, -z], [-x, y0, -z], [-x, y0 + h, -z], [x, y0 + h, -z]], size: [w, h] },
    { n: [1, 0, 0], c: [[x, y0, z], [x, y0, -z], [x, y0 + h, -z], [x, y0 + h, z]], size: [d, h] },
    { n: [-1, 0, 0], c: [[-x, y0, -z], [-x, y0, z], [-x, y0 + h, z], [-x, y0 + h, -z]], size: [d, h] },
    { n: [0, 1, 0], c: [[-x, y0 + h, z], [x, y0 + h, z], [x, y0 + h, -z], [-x, y0 + h, -z]], size: [w, d] },
    { n: [0, -1, 0], c: [[-x, y0, -z], [x, y0, -z], [x, y0, z], [-x, y0, z]], size: [w, d] },
  ];
  for (const f of faces) {
    const base = m.vertexCount;
    const uv: [number, number][] = [[0, 0], [1, 0], [1, 1], [0, 1]];
    f.c.forEach((p, i) => {
      m.positions.push(p[0], p[1], p[2]);
      m.normals.push(f.n[0], f.n[1], f.n[2]);
      m.uvs.push(uv[i]![0] * f.size[0] * uvScale, uv[i]![1] * f.size[1] * uvScale);
    });
    m.indices.push(base, base + 1, base + 2, base, base + 2, base + 3);
  }
  return m;
}

/** A closed ellipsoid-like surface given by a radius function of direction (u around y from +z, v from top to bottom). */
export function blob(centre: V3, radius: (dir: V3, u: number, v: number) => V3, nu: number, nv: number): MeshData {
  return parametric(
    (u, v) => {
      const th = v * Math.PI; // 0 = top
      const ph = u * Math.PI * 2;
      const dir: V3 = [Math.sin(th) * Math.sin(ph), Math.cos(th), Math.sin(th) * Math.cos(ph)];
      const r = radius(dir, u, v);
      return [centre[0] + dir[0] * r[0], centre[1] + dir[1] * r[1], centre[2] + dir[2] * r[2]];
    },
    nu,
    nv,
    { wrapU: true, flip: true },
  );
}
