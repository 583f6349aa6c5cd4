/**
 * A listener that its owner can cut loose from an emitter with no way to remove listeners (the visit's
 * favourites: `onChange(listener)` returns nothing). The emitter keeps only this small forwarder; after
 * `detach()` it no longer reaches the owner, so a disposed immersive mode (its experience, panels, scene objects)
 * can be collected. Without it every session's mode stayed in memory for the life of the page, held by the
 * favourites' listener set.
 */
export interface Detachable<A extends unknown[]> {
  /** Hand this to the emitter. */
  readonly listener: (...args: A) => void;
  /** From now on the listener does nothing and holds nothing of the owner. */
  detach(): void;
}

export function detachable<A extends unknown[]>(callback: (...args: A) => void): Detachable<A> {
  let target: ((...args: A) => void) | undefined = callback;
  return {
    listener: (...args: A) => target?.(...args),
    detach: () => {
      target = undefined;
    },
  };
}
