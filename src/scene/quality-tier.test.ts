import { describe, expect, it } from 'vitest';
import { autoQuality, deviceClass, drawsBaked, drawsRealtimeShadows, parseQualityChoice, resolveQuality, type DeviceFacts } from './quality-tier';

const desktop: DeviceFacts = {
  renderer: 'ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0, D3D11)',
  userAgent: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36',
  ar: false,
  coarsePointer: false,
};
const quest = { ...desktop, renderer: 'Adreno (TM) 740', userAgent: 'Mozilla/5.0 (X11; Linux x86_64; Quest 3) AppleWebKit/537.36 (KHTML, like Gecko) OculusBrowser/35.0 Chrome/128.0 VR Safari/537.36' };
const phone = { ...desktop, renderer: 'Apple GPU', userAgent: 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148', coarsePointer: true };

describe('graphics quality tiers', () => {
  it('gives a desktop GPU baked light and real-time shadows', () => {
    expect(deviceClass(desktop)).toBe('desktop');
    expect(autoQuality('desktop')).toBe('full');
    expect(drawsRealtimeShadows('full') && drawsBaked('full')).toBe(true);
  });

  it('gives a headset baked light only, and a phone in the preview the same', () => {
    expect(deviceClass(quest)).toBe('headset');
    expect(resolveQuality('auto', 'headset')).toBe('baked');
    expect(deviceClass(phone)).toBe('phone');
    expect(resolveQuality('auto', 'phone')).toBe('baked');
    expect(drawsRealtimeShadows('baked')).toBe(false);
    expect(drawsBaked('baked')).toBe(true);
  });

  it('gives phone AR none of it, even when the visitor chose more (AR draws only overlays)', () => {
    const ar = deviceClass({ ...phone, ar: true });
    expect(ar).toBe('phone-ar');
    expect(resolveQuality('auto', ar)).toBe('plain');
    expect(resolveQuality('full', ar)).toBe('plain');
  });

  it('treats a software renderer as the slowest device, whatever else the browser says', () => {
    for (const renderer of [
      'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)',
      'llvmpipe (LLVM 15.0.6, 256 bits)',
    ]) {
      const d = deviceClass({ ...desktop, renderer });
      expect(d).toBe('software');
      expect(resolveQuality('auto', d)).toBe('plain');
    }
  });

  it('follows the visitor’s choice over the device’s', () => {
    expect(resolveQuality('plain', 'desktop')).toBe('plain');
    expect(resolveQuality('full', 'software')).toBe('full');
    expect(resolveQuality('baked', 'desktop')).toBe('baked');
  });

  it('reads a stored or addressed choice, and anything else as automatic', () => {
    expect(parseQualityChoice('baked')).toBe('baked');
    expect(parseQualityChoice('full')).toBe('full');
    expect(parseQualityChoice('ultra')).toBe('auto');
    expect(parseQualityChoice(null)).toBe('auto');
  });
});
