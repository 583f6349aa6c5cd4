/**
 * The work panel's narration under the audio stall timer: an `<audio>` stand-in (an EventTarget with the element's
 * calls recorded) and a clock turned by hand. A narration whose server stops sending is stopped and named; one that
 * is slow but keeps coming, or that the visitor paused, plays on.
 */
import { describe, expect, it } from 'vitest';
import { FETCH_LIMITS, type FetchLimitError, type WatchClock } from '../twin/fetch-limits';
import { watchNarration, type NarrationElement } from './narration-watch';

class FakeAudio extends EventTarget implements NarrationElement {
  calls: string[] = [];
  src = 'narration/vase.en.mp3';
  pause(): void {
    this.calls.push('pause');
  }
  removeAttribute(name: string): void {
    this.calls.push(`remove ${name}`);
    if (name === 'src') this.src = '';
  }
  load(): void {
    this.calls.push('load');
  }
  fire(type: string): void {
    this.dispatchEvent(new Event(type));
  }
}

function handClock(): WatchClock & { advance(ms: number): void; pending(): number } {
  let now = 0;
  let next = 1;
  const timers = new Map<number, { at: number; f: () => void }>();
  return {
    setTimeout: (f, ms) => (timers.set(next, { at: now + ms, f }), next++),
    clearTimeout: (id) => void timers.delete(id as number),
    advance(ms) {
      now += ms;
      for (const [id, t] of [...timers]) {
        if (t.at > now) continue;
        timers.delete(id);
        t.f();
      }
    },
    pending: () => timers.size,
  };
}

const url = 'https://museum.example/exhibitions/default/narration/vase.en.mp3';
const { stallMs } = FETCH_LIMITS.audio;

describe('narration in the work panel under the stall timer', () => {
  it('stops a narration whose server stopped sending, and says which file and why', () => {
    const audio = new FakeAudio();
    const clock = handClock();
    const stops: FetchLimitError[] = [];
    watchNarration(audio, url, (e) => stops.push(e), clock);
    audio.fire('playing');
    audio.fire('waiting');
    clock.advance(stallMs - 1);
    expect(stops).toHaveLength(0);
    clock.advance(1);
    expect(stops.map((e) => e.message)).toEqual([`${url} stopped arriving: no data for ${stallMs / 1000} s`]);
    // The download is stopped: paused, its source gone.
    expect(audio.calls).toEqual(['pause', 'remove src', 'load']);
    expect(audio.src).toBe('');
    // Nothing more is watched.
    audio.fire('waiting');
    clock.advance(stallMs * 2);
    expect(stops).toHaveLength(1);
  });

  it('plays on while data keeps arriving, however slowly, and while the visitor has paused it', () => {
    const audio = new FakeAudio();
    const clock = handClock();
    const stops: FetchLimitError[] = [];
    watchNarration(audio, url, (e) => stops.push(e), clock);
    for (let i = 0; i < 10; i++) {
      audio.fire('stalled');
      clock.advance(stallMs - 100);
      audio.fire('progress');
    }
    audio.fire('waiting');
    audio.fire('pause');
    clock.advance(stallMs * 3);
    expect(stops).toHaveLength(0);
    expect(audio.calls).toEqual([]);
  });

  it('lets go once the panel closes', () => {
    const audio = new FakeAudio();
    const clock = handClock();
    const stops: FetchLimitError[] = [];
    const end = watchNarration(audio, url, (e) => stops.push(e), clock);
    audio.fire('waiting');
    end();
    expect(clock.pending()).toBe(0);
    audio.fire('waiting');
    clock.advance(stallMs * 2);
    expect(stops).toHaveLength(0);
  });
});
