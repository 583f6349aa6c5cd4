/**
 * GPU uploads spread across frames: each frame spends at most a budget of texels on uploads, the most
 * wanted first, so a room full of paintings arriving at once costs a few frames of a few milliseconds each
 * instead of one long hitch. An upload larger than the whole budget still goes, alone in its frame.
 * Knows nothing of Babylon: the scene calls `frame()` once per drawn frame.
 */

export interface Upload {
  /** Texels it writes (width × height); mipmaps follow from it. */
  texels: number;
  /** Does the upload (creates the texture). */
  run: () => void;
  /** Lower goes sooner; read each frame (the visitor moves). Default 0. */
  priority?: () => number;
}

/** Texels uploaded per frame: one 512 × 512 image, or four 256 × 256 ones. */
export const TEXELS_PER_FRAME = 512 * 512;

export class UploadBudget {
  private readonly queue: Upload[] = [];
  /** Uploads done and frames that did any (benchmarks, tests). */
  readonly counts = { uploads: 0, frames: 0, texels: 0 };

  /** `texelsPerFrame`: what one frame may upload (a larger upload still goes, alone in its frame). */
  constructor(readonly texelsPerFrame = TEXELS_PER_FRAME) {}

  /** Queues an upload; the returned function withdraws it if it has not run yet. */
  add(upload: Upload): () => void {
    this.queue.push(upload);
    return () => {
      const i = this.queue.indexOf(upload);
      if (i >= 0) this.queue.splice(i, 1);
    };
  }

  /**
   * Queues an upload and resolves `done` once it has run, or once `withdraw()` is called before it ran (then
   * `withdrawn` runs: an image level that will never be uploaded is let go).
   */
  turn(upload: Upload, withdrawn: () => void): { done: Promise<void>; withdraw: () => void } {
    let withdraw!: () => void;
    const done = new Promise<void>((resolve) => {
      const remove = this.add({
        ...upload,
        run: () => {
          upload.run();
          resolve();
        },
      });
      withdraw = () => {
        remove();
        withdrawn();
        resolve();
      };
    });
    return { done, withdraw };
  }

  get pending(): number {
    return this.queue.length;
  }

  /** Runs this frame's uploads, most wanted first, until the budget is spent; returns the texels uploaded. */
  frame(): number {
    if (!this.queue.length) return 0;
    const order = this.queue.map((u) => ({ u, p: u.priority?.() ?? 0 })).sort((a, b) => a.p - b.p);
    let spent = 0;
    for (const { u } of order) {
      if (spent > 0 && spent + u.texels > this.texelsPerFrame) continue;
      this.queue.splice(this.queue.indexOf(u), 1);
      spent += u.texels;
      this.counts.uploads++;
      this.counts.texels += u.texels;
      u.run();
      if (spent >= this.texelsPerFrame) break;
    }
    this.counts.frames++;
    return spent;
  }
}
