/**
 * Narration streamed by an `<audio>` element under the audio stall timer (twin/fetch-limits.ts `streamStallWatch`):
 * the element plays while it downloads and keeps only a bounded buffer, so it needs no size cap of ours, but a server
 * that stops sending would leave it waiting for ever. Once it has waited for data for the audio stall time, the
 * download is stopped and `onStop` is told why, in the words of any stalled download. Used by the work panel and
 * the XR panels (src/modes/xr/world-panel.ts).
 */
import { streamStallWatch, type FetchLimitError, type WatchClock } from '../twin/fetch-limits';

/** What the watch needs of an `<audio>` element. */
export type NarrationElement = Pick<HTMLMediaElement, 'addEventListener' | 'removeEventListener' | 'pause' | 'removeAttribute' | 'load'>;

/** The element's events that mean: waiting for data; data came (or the visitor paused); nothing more to wait for. */
const WAITING = ['waiting', 'stalled'] as const;
const ARRIVED = ['progress', 'playing', 'timeupdate', 'pause'] as const;
const OVER = ['ended', 'error', 'emptied'] as const;

/**
 * Watches `audio` (playing `url`); past the stall time it stops the download and calls `onStop`. Returns a function
 * that ends the watch (the panel closed or moved to another work).
 */
export function watchNarration(audio: NarrationElement, url: string, onStop: (e: FetchLimitError) => void, clock?: WatchClock): () => void {
  const watch = streamStallWatch(
    url,
    'audio',
    (e) => {
      end();
      audio.pause();
      // Without its source the element stops downloading (and says nothing more: no error event follows).
      audio.removeAttribute('src');
      audio.load();
      onStop(e);
    },
    clock,
  );
  const waiting = (): void => watch.waiting();
  const arrived = (): void => watch.arrived();
  const over = (): void => watch.done();
  for (const t of WAITING) audio.addEventListener(t, waiting);
  for (const t of ARRIVED) audio.addEventListener(t, arrived);
  for (const t of OVER) audio.addEventListener(t, over);
  function end(): void {
    watch.done();
    for (const t of WAITING) audio.removeEventListener(t, waiting);
    for (const t of ARRIVED) audio.removeEventListener(t, arrived);
    for (const t of OVER) audio.removeEventListener(t, over);
  }
  return end;
}
