/**
 * GPU texture memory as the WebGL context sees it: every upload (texImage2D, texStorage2D, compressedTexImage2D,
 * generateMipmap) sets the bytes of one level of the texture bound at that moment, each deletion frees that
 * texture's levels, so the sum is what the textures alive now hold, by format (RGBA8, ETC2, BC7…). A headset has
 * a texture budget (256 MB; 128 MB for AR on a phone): the benchmarks read this against it.
 *
 * One self-contained function, so that a benchmark can install it in a page before the page's own scripts
 * (Playwright's addInitScript sends its source); the unit test gives it stand-in prototypes and constants.
 */

/** What the ledger reports. */
export interface TextureMemory {
  /** Bytes held by live textures. */
  bytes: number;
  /** The same by format name (e.g. `RGBA8`, `ETC2_RGB`, `BC1_RGB`), bytes. */
  byFormat: Record<string, number>;
  /** Level uploads and texture deletions counted so far. */
  uploads: number;
  deletions: number;
  /** Textures alive now. */
  textures: number;
  /** The most bytes held at any moment since the ledger was installed (a headset's budget is a ceiling). */
  peakBytes: number;
}

/** The WebGL methods and constants the ledger wraps (the real ones in a page). */
export interface LedgerEnv {
  protos: Record<string, unknown>[];
  /** Where `read()` is published (the page's window). */
  target: Record<string, unknown>;
}

/**
 * Wraps the WebGL prototypes' texture calls and publishes `__textureMemory()` (a TextureMemory) on the target.
 * Installed before the context is made; wraps both WebGL1 and WebGL2 contexts in a page.
 */
export function installTextureLedger(env?: LedgerEnv): () => TextureMemory {
  const e: LedgerEnv = env ?? {
    protos: [WebGLRenderingContext.prototype, WebGL2RenderingContext.prototype] as unknown as Record<string, unknown>[],
    target: window as unknown as Record<string, unknown>,
  };
  // GL enums (the same in WebGL1, WebGL2 and the compressed-texture extensions).
  const TEXTURE0 = 0x84c0;
  const CUBE = 0x8513;
  const CUBE_FACES = [0x8515, 0x851a];
  /** Bits per texel of internal formats, with the names reported. */
  const FORMATS: Record<number, [string, number]> = {
    0x1908: ['RGBA8', 32], // RGBA (WebGL1 unsized; UNSIGNED_BYTE)
    0x1907: ['RGB8', 24], // RGB
    0x8058: ['RGBA8', 32],
    0x8c43: ['SRGB8_ALPHA8', 32],
    0x8051: ['RGB8', 24],
    0x881a: ['RGBA16F', 64],
    0x8814: ['RGBA32F', 128],
    0x881b: ['RGB16F', 48],
    0x8229: ['R8', 8],
    0x822b: ['RG8', 16],
    0x822d: ['R16F', 16],
    0x8c3a: ['R11F_G11F_B10F', 32],
    0x81a6: ['DEPTH24', 32],
    0x88f0: ['DEPTH24_STENCIL8', 32],
    0x1909: ['LUMINANCE', 8],
    0x1906: ['ALPHA', 8],
    0x9274: ['ETC2_RGB', 4],
    0x9278: ['ETC2_RGBA', 8],
    0x8d64: ['ETC1_RGB', 4],
    0x83f0: ['BC1_RGB', 4],
    0x83f1: ['BC1_RGBA', 4],
    0x83f3: ['BC3_RGBA', 8],
    0x8e8c: ['BC7', 8],
    0x93b0: ['ASTC_4x4', 8],
  };
  /** Unsized formats' size follows the type: FLOAT and HALF_FLOAT make wider texels. */
  const typeScale = (type: number | undefined): number => (type === 0x1406 ? 4 : type === 0x140b || type === 0x8d61 ? 2 : 1);
  const name = (format: number): string => FORMATS[format]?.[0] ?? `0x${format.toString(16)}`;
  const bits = (format: number): number => FORMATS[format]?.[1] ?? 32;

  /** Per live texture: bytes by face-and-level key, and its format name. */
  const live = new Map<object, { levels: Map<string, number>; format: string }>();
  const bound = new Map<number, object | null>();
  const counts = { uploads: 0, deletions: 0 };
  // Kept as levels change, so the peak is seen between two reads (one room's arrival, then its release).
  let total = 0;
  let peak = 0;
  const setLevel = (levels: Map<string, number>, key: string, bytes: number) => {
    total += bytes - (levels.get(key) ?? 0);
    levels.set(key, bytes);
    peak = Math.max(peak, total);
  };
  let unit = 0;
  const face = (t: number) => (t >= CUBE_FACES[0]! && t <= CUBE_FACES[1]! ? CUBE : t);
  const current = (target: number) => bound.get(unit * 65536 + face(target)) ?? null;
  const record = (target: number, level: string, bytes: number, format: string) => {
    const t = current(target);
    if (!t) return;
    counts.uploads++;
    const entry = live.get(t) ?? { levels: new Map<string, number>(), format };
    entry.format = format;
    live.set(t, entry);
    setLevel(entry.levels, `${target}:${level}`, Math.round(bytes));
  };
  const sizeOf = (src: unknown): [number, number] => {
    const s = (src ?? {}) as { naturalWidth?: number; naturalHeight?: number; videoWidth?: number; videoHeight?: number; width?: number; height?: number };
    return [s.naturalWidth || s.videoWidth || s.width || 0, s.naturalHeight || s.videoHeight || s.height || 0];
  };

  const after: Record<string, (a: unknown[]) => void> = {
    activeTexture: (a) => (unit = (a[0] as number) - TEXTURE0),
    bindTexture: (a) => bound.set(unit * 65536 + (a[0] as number), (a[1] as object | null) ?? null),
    deleteTexture: (a) => {
      const entry = a[0] ? live.get(a[0] as object) : undefined;
      if (!entry) return;
      for (const b of entry.levels.values()) total -= b;
      live.delete(a[0] as object);
      counts.deletions++;
    },
    texImage2D: (a) => {
      const [target, level, internal] = a as number[];
      // (target, level, internalformat, width, height, border, format, type, pixels) or (…, format, type, source).
      const [w, h, type] = a.length >= 9 ? [a[3] as number, a[4] as number, a[7] as number] : [...sizeOf(a[5]), a[4] as number];
      const scale = internal === 0x1908 || internal === 0x1907 ? typeScale(type) : 1;
      const label = scale === 1 ? name(internal!) : `${name(internal!).replace('8', '')}${scale === 2 ? '16F' : '32F'}`;
      record(target!, String(level), (w * h * bits(internal!) * scale) / 8, label);
    },
    compressedTexImage2D: (a) => {
      const [target, level, internal] = a as number[];
      record(target!, String(level), (a[6] as ArrayBufferView | undefined)?.byteLength ?? 0, name(internal!));
    },
    texStorage2D: (a) => {
      const [target, levels, internal, w, h] = a as number[];
      const faces = target === CUBE ? 6 : 1;
      for (let l = 0; l < levels!; l++) {
        // Compressed formats come in 4 × 4 blocks.
        const bw = Math.max(1, w! >> l);
        const bh = Math.max(1, h! >> l);
        const block = bits(internal!) <= 8 && /ETC|BC|ASTC/.test(name(internal!)) ? [Math.ceil(bw / 4) * 4, Math.ceil(bh / 4) * 4] : [bw, bh];
        record(target!, String(l), (block[0]! * block[1]! * bits(internal!) * faces) / 8, name(internal!));
      }
    },
    generateMipmap: (a) => {
      const t = current(a[0] as number);
      const entry = t && live.get(t);
      if (!entry) return;
      let base = 0;
      for (const [k, b] of entry.levels) if (k.endsWith(':0')) base += b;
      // The chain below level 0 adds a third of it.
      setLevel(entry.levels, 'mips', Math.round(base / 3));
    },
  };
  for (const proto of e.protos) {
    for (const [method, note] of Object.entries(after)) {
      const orig = proto[method] as ((...a: unknown[]) => unknown) | undefined;
      if (typeof orig !== 'function') continue;
      proto[method] = function (this: unknown, ...args: unknown[]) {
        const r = orig.apply(this, args);
        note(args);
        return r;
      };
    }
  }
  const read = (): TextureMemory => {
    const byFormat: Record<string, number> = {};
    let bytes = 0;
    for (const { levels, format } of live.values()) {
      for (const b of levels.values()) {
        bytes += b;
        byFormat[format] = (byFormat[format] ?? 0) + b;
      }
    }
    return { bytes, byFormat, uploads: counts.uploads, deletions: counts.deletions, textures: live.size, peakBytes: peak };
  };
  e.target.__textureMemory = read;
  return read;
}
