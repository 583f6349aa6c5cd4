import { describe, expect, it, vi } from 'vitest';
import { ImmersiveButton, type ImmersiveButtonOptions, type ImmersiveMode, type Support } from './immersive-button';
import { strings, type Strings } from '../../i18n';
import { Observable } from '@babylonjs/core/Misc/observable';

/** A mode as the button sees it: entering, its session's end, and disposal. */
function fakeMode(enter: () => Promise<void> = async () => undefined) {
  return { active: false, enter, onExitedObservable: new Observable<void>(), dispose: vi.fn(async () => undefined) };
}

/** Just what the button touches of its two elements. */
function elements() {
  let onClick: (() => void) | undefined;
  const button = { hidden: true, textContent: '', disabled: false, addEventListener: (_: string, f: () => void) => (onClick = f) };
  const note = { hidden: true, textContent: '' };
  return { button, note, click: () => onClick?.() };
}

function make(support: Support, overrides: Partial<ImmersiveButtonOptions<ImmersiveMode>> = {}) {
  const { button, note, click } = elements();
  const status: Record<string, string> = {};
  const t = strings('en');
  const b = new ImmersiveButton(button as unknown as HTMLButtonElement, note as unknown as HTMLElement, () => t, (d) => Object.assign(status, d), {
    statusKey: 'xx',
    support: async () => support,
    load: async () => fakeMode(),
    label: (t: Strings) => t.enterAr,
    unavailable: (_t, s) => (s.supported ? '' : `no: ${s.reason}`),
    failed: (_t, e) => `failed: ${(e as Error).message}`,
    ...overrides,
  });
  return { b, button, note, status, click };
}

describe('ImmersiveButton', () => {
  it('is offered where supported, and says nothing', async () => {
    const { b, button, note, status } = make({ supported: true });
    await b.init();
    expect(status.xx).toBe('supported');
    expect(button.hidden).toBe(false);
    expect(button.textContent).toBe('Enter AR');
    expect(note.hidden).toBe(true);
  });

  it('is hidden where unsupported, with the reason in the note', async () => {
    const { b, button, note, status } = make({ supported: false, reason: 'insecure' });
    await b.init();
    expect(status.xx).toBe('insecure');
    expect(button.hidden).toBe(true);
    expect(note.hidden).toBe(false);
    expect(note.textContent).toBe('no: insecure');
  });

  it('is hidden when the exhibition does not offer it, even where supported', async () => {
    const { b, button } = make({ supported: true }, { offered: () => false });
    await b.init();
    expect(button.hidden).toBe(true);
  });

  it('explains a refused start, stays in the preview, and tries the same mode again on the next press', async () => {
    const refusal = Object.assign(new Error('Permission denied'), { name: 'NotAllowedError' });
    const enter = vi.fn().mockRejectedValueOnce(refusal).mockResolvedValueOnce(undefined);
    const load = vi.fn(async () => fakeMode(enter));
    const { b, note, status } = make({ supported: true }, { load });
    await b.init();
    await b.enter();
    expect(status.xr).toBe('failed');
    expect(note.hidden).toBe(false);
    expect(note.textContent).toBe('failed: Permission denied');
    await b.enter();
    expect(load).toHaveBeenCalledTimes(1);
    expect(enter).toHaveBeenCalledTimes(2);
    expect(note.hidden).toBe(true);
  });

  it('loads the mode afresh when loading itself failed', async () => {
    const load = vi.fn().mockRejectedValueOnce(new Error('offline')).mockResolvedValueOnce(fakeMode());
    const { b, note, click } = make({ supported: true }, { load });
    await b.init();
    click();
    await vi.waitFor(() => expect(note.textContent).toBe('failed: offline'));
    await b.enter();
    expect(load).toHaveBeenCalledTimes(2);
    expect(b.current).toBeDefined();
  });

  it('disposes of the mode once its session ends, however it ended, and makes a new one on the next press', async () => {
    const modes: ReturnType<typeof fakeMode>[] = [];
    const load = vi.fn(async () => {
      const m = fakeMode();
      modes.push(m);
      return m;
    });
    const { b, button } = make({ supported: true }, { load });
    await b.init();
    await b.enter();
    expect(b.current).toBe(modes[0]);
    // The session ends from outside (the headset's menu): the mode reports it, the button lets it go.
    modes[0]!.onExitedObservable.notifyObservers();
    expect(b.current).toBeUndefined();
    expect(button.disabled).toBe(false);
    await vi.waitFor(() => expect(modes[0]!.dispose).toHaveBeenCalledTimes(1));
    await b.enter();
    expect(load).toHaveBeenCalledTimes(2);
    expect(b.current).toBe(modes[1]);
    // A second end of the first mode's observable does nothing to the new one.
    modes[0]!.onExitedObservable.notifyObservers();
    expect(b.current).toBe(modes[1]);
    expect(modes[0]!.dispose).toHaveBeenCalledTimes(1);
  });
});
