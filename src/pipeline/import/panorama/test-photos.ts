/**
 * Generated 360° photographs for the panorama importer's tests: quadrants of flat colours (so a tile's content
 * shows where it was cut from), optionally with an XMP GPano block. Nothing is read from disk.
 */
import sharp from 'sharp';

export const QUADRANTS = { topLeft: [220, 30, 30], topRight: [30, 200, 40], bottomLeft: [30, 40, 220], bottomRight: [240, 240, 240] } as const;

/** A width × height JPEG whose four quadrants are the QUADRANTS colours. */
export async function quadrantPhoto(width: number, height: number, xmp?: string): Promise<Buffer> {
  const raw = Buffer.alloc(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const c = y < height / 2 ? (x < width / 2 ? QUADRANTS.topLeft : QUADRANTS.topRight) : x < width / 2 ? QUADRANTS.bottomLeft : QUADRANTS.bottomRight;
      raw.set(c, (y * width + x) * 3);
    }
  }
  const img = sharp(raw, { raw: { width, height, channels: 3 } }).jpeg({ quality: 90 });
  return (xmp ? img.withXmp(xmp) : img).toBuffer();
}

/** An XMP packet with a GPano block (Google's Photo Sphere metadata), as a 360° camera writes it. */
export function gpanoXmp(g: { heading?: number; fullWidth: number; fullHeight: number; croppedWidth?: number; croppedHeight?: number; projection?: string }): string {
  const attrs = [
    `GPano:ProjectionType="${g.projection ?? 'equirectangular'}"`,
    g.heading !== undefined ? `GPano:PoseHeadingDegrees="${g.heading}"` : '',
    `GPano:FullPanoWidthPixels="${g.fullWidth}"`,
    `GPano:FullPanoHeightPixels="${g.fullHeight}"`,
    `GPano:CroppedAreaImageWidthPixels="${g.croppedWidth ?? g.fullWidth}"`,
    `GPano:CroppedAreaImageHeightPixels="${g.croppedHeight ?? g.fullHeight}"`,
    'GPano:CroppedAreaLeftPixels="0"',
    'GPano:CroppedAreaTopPixels="0"',
  ].join(' ');
  return `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description rdf:about="" xmlns:GPano="http://ns.google.com/photos/1.0/panorama/" ${attrs}/></rdf:RDF></x:xmpmeta><?xpacket end="w"?>`;
}

/** The mean colour of an image file or buffer, [r, g, b]. */
export async function meanColour(input: string | Buffer): Promise<number[]> {
  const s = await sharp(input).stats();
  return s.channels.slice(0, 3).map((c) => Math.round(c.mean));
}
