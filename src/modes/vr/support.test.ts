import { describe, expect, it } from 'vitest';
import { vrSupport } from './support';

describe('VR support', () => {
  it('is offered when the browser supports immersive-vr in a secure context', async () => {
    expect(await vrSupport({ secure: true, xr: { isSessionSupported: async (m) => m === 'immersive-vr' } })).toEqual({ supported: true });
  });

  it('explains why not: insecure context, no WebXR, no headset', async () => {
    expect(await vrSupport({ secure: false, xr: { isSessionSupported: async () => true } })).toEqual({ supported: false, reason: 'insecure' });
    expect(await vrSupport({ secure: true })).toEqual({ supported: false, reason: 'no-webxr' });
    expect(await vrSupport({ secure: true, xr: { isSessionSupported: async () => false } })).toEqual({ supported: false, reason: 'no-headset' });
    expect(await vrSupport({ secure: true, xr: { isSessionSupported: () => Promise.reject(new Error('x')) } })).toEqual({ supported: false, reason: 'no-headset' });
  });
});
