/**
 * Graphics quality: how much of the gallery's look a device draws. A pure decision, read by the scene
 * (gallery-look.ts) and offered to the visitor as the *Graphics quality* setting (src/ui/graphics-quality.ts).
 *
 * - `plain`: no baked light, no picture-light pools, no real-time shadow (phone AR, where only overlays are
 *   drawn over the camera image; software renderers, the slowest class of device there is);
 * - `baked`: light and shade generated once when the scene is built (ambient occlusion, contact shadows,
 *   picture-light pools): no extra draw calls, no per-frame cost (headsets, phones in the preview);
 * - `full`: baked plus a real-time shadow for objects (desktop).
 */

export const GRAPHICS_QUALITIES = ['plain', 'baked', 'full'] as const;
export type GraphicsQuality = (typeof GRAPHICS_QUALITIES)[number];
/** What the visitor chose: a tier, or `auto` (the device decides). */
export type QualityChoice = GraphicsQuality | 'auto';

/** The classes of device the app meets, slowest first. */
export type DeviceClass = 'software' | 'phone-ar' | 'headset' | 'phone' | 'desktop';

export interface DeviceFacts {
  /** WebGL's UNMASKED_RENDERER_WEBGL (or the masked RENDERER when the extension is absent). */
  renderer: string;
  /** The user agent string. */
  userAgent: string;
  /** The page was opened for in-gallery AR (`?ar`). */
  ar: boolean;
  /** The primary pointer is coarse (a finger). */
  coarsePointer: boolean;
}

/** Renderers that draw on the CPU: Chromium's SwiftShader, Mesa's llvmpipe/softpipe, Windows' Basic Render Driver. */
const SOFTWARE = /swiftshader|llvmpipe|softpipe|basic render driver/i;
/** Standalone headsets' browsers: Meta Quest, Pico, Apple Vision Pro, Wolvic (HTC, Magic Leap). */
const HEADSET = /OculusBrowser|Quest|Pico|PicoBrowser|Wolvic|VisionOS|Apple Vision/i;

/** The device's class, from what the browser says about itself. */
export function deviceClass(f: DeviceFacts): DeviceClass {
  if (SOFTWARE.test(f.renderer)) return 'software';
  if (f.ar) return 'phone-ar';
  if (HEADSET.test(f.userAgent)) return 'headset';
  if (f.coarsePointer || /Mobi|Android|iPhone|iPad/i.test(f.userAgent)) return 'phone';
  return 'desktop';
}

const BY_DEVICE: Record<DeviceClass, GraphicsQuality> = {
  software: 'plain',
  'phone-ar': 'plain',
  headset: 'baked',
  phone: 'baked',
  desktop: 'full',
};

/** The tier a device gets when the visitor has not chosen one. */
export function autoQuality(device: DeviceClass): GraphicsQuality {
  return BY_DEVICE[device];
}

/** The tier in use: the visitor's choice, else the device's; AR draws only overlays whatever was chosen. */
export function resolveQuality(choice: QualityChoice, device: DeviceClass): GraphicsQuality {
  if (device === 'phone-ar') return 'plain';
  return choice === 'auto' ? autoQuality(device) : choice;
}

/** A stored or addressed choice (`?quality=`, localStorage), or `auto` for anything else. */
export function parseQualityChoice(value: string | null | undefined): QualityChoice {
  return (GRAPHICS_QUALITIES as readonly string[]).includes(value ?? '') ? (value as GraphicsQuality) : 'auto';
}

/** Whether a tier draws the light and shade generated at build time. */
export const drawsBaked = (q: GraphicsQuality): boolean => q !== 'plain';
/** Whether a tier draws objects' real-time shadows. */
export const drawsRealtimeShadows = (q: GraphicsQuality): boolean => q === 'full';
