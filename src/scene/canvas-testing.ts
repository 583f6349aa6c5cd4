/**
 * Test support (Node has no canvas): a 2D canvas that draws nothing, for what paints on an `OffscreenCanvas`
 * (wall labels, placeholders, name boards). `measureText` says every text is 10 px wide.
 */
class SilentCanvas {
  constructor(
    public width: number,
    public height: number,
  ) {}
  getContext() {
    return new Proxy({}, { get: (_t, key) => (key === 'measureText' ? () => ({ width: 10 }) : () => undefined), set: () => true });
  }
}

/** Gives Node an `OffscreenCanvas` that draws nothing (kept if one is there already). */
export function installSilentCanvas(): void {
  (globalThis as unknown as { OffscreenCanvas: unknown }).OffscreenCanvas ??= SilentCanvas;
}
