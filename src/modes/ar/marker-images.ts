/**
 * The printed markers' images for WebXR image tracking, fetched within the image limits (twin/fetch-limits.ts,
 * through scene/limited-load.ts) and decoded here. Babylon's image tracking would fetch a marker's URL itself,
 * outside the limits: a marker file that is huge, a web page or missing would then stall or break the session's
 * start. A refused marker is left out and named; the others are still tracked, and `markers` maps each tracked
 * image (Babylon numbers them in the order given) back to its marker.
 */
import type { z } from 'zod';
import type { Marker } from '../../twin/schema';
import { imageBlobLimited } from '../../scene/limited-load';

type ArMarker = z.infer<typeof Marker>;

export interface MarkerImages {
  /** What Babylon's image tracking is given, in order. */
  images: { src: ImageBitmap; estimatedRealWorldWidth: number }[];
  /** The marker of each tracked image, by the image's index. */
  markers: ArMarker[];
  /** The markers left out, each with why (the fetch limit's words). */
  refused: { marker: ArMarker; reason: string }[];
}

/** Decodes a fetched marker image (the browser's `createImageBitmap`; tests give their own). */
export type DecodeImage = (blob: Blob) => Promise<ImageBitmap>;

/** Fetches and decodes every marker's image at once; never rejects. */
export async function loadMarkerImages(markers: readonly ArMarker[], resolveMedia: (path: string) => string, decode: DecodeImage = (b) => createImageBitmap(b)): Promise<MarkerImages> {
  const results = await Promise.allSettled(markers.map(async (m) => decode(await imageBlobLimited(resolveMedia(m.image)))));
  const out: MarkerImages = { images: [], markers: [], refused: [] };
  results.forEach((r, i) => {
    const marker = markers[i]!;
    if (r.status === 'fulfilled') {
      out.images.push({ src: r.value, estimatedRealWorldWidth: marker.widthMetres });
      out.markers.push(marker);
    } else out.refused.push({ marker, reason: r.reason instanceof Error ? r.reason.message : String(r.reason) });
  });
  return out;
}
