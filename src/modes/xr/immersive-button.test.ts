import { describe, expect, it, vi } from 'vitest';
import { ImmersiveButton, type ImmersiveButtonOptions, type ImmersiveMode, type Support } from './immersive-button';
import { strings, type Strings } from '../../i18n';

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
    load: async () => ({ active: false, enter: async () => undefined }),
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
    const load = vi.fn(async () => ({ active: false, enter }));
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
    const load = vi.fn().mockRejectedValueOnce(new Error('offline')).mockResolvedValueOnce({ active: false, enter: async () => undefined });
    const { b, note, click } = make({ supported: true }, { load });
    await b.init();
    click();
    await vi.waitFor(() => expect(note.textContent).toBe('failed: offline'));
    await b.enter();
    expect(load).toHaveBeenCalledTimes(2);
    expect(b.current).toBeDefined();
  });
});
