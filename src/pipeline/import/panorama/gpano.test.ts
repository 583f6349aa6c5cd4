import { describe, expect, it } from 'vitest';
import { partialPanorama, planHeading, readGPano } from './gpano';
import { gpanoXmp, quadrantPhoto } from './test-photos';

describe('reading GPano from a 360° photograph', () => {
  it("reads the pose heading and the sphere's size from the XMP", async () => {
    const photo = await quadrantPhoto(64, 32, gpanoXmp({ heading: 123.5, fullWidth: 64, fullHeight: 32 }));
    const g = await readGPano(photo);
    expect(g).toMatchObject({ projection: 'equirectangular', heading: 123.5, fullWidth: 64, fullHeight: 32 });
    expect(partialPanorama(g)).toBeUndefined();
  });

  it('a photo without XMP has no GPano, and that is no error', async () => {
    expect(await readGPano(await quadrantPhoto(64, 32))).toBeUndefined();
    expect(await readGPano(Buffer.from('not an image'))).toBeUndefined();
  });

  it('a partial or cropped panorama, or another projection, is named for what it is', async () => {
    const cropped = await readGPano(await quadrantPhoto(64, 32, gpanoXmp({ fullWidth: 128, fullHeight: 64, croppedWidth: 64, croppedHeight: 32 })));
    expect(partialPanorama(cropped)).toBe('it covers 64 of 128 px around (a partial panorama)');
    const cyl = await readGPano(await quadrantPhoto(64, 32, gpanoXmp({ fullWidth: 64, fullHeight: 32, projection: 'cylindrical' })));
    expect(partialPanorama(cyl)).toBe("its GPano projection is 'cylindrical', not equirectangular");
  });

  it("turns a compass heading into the plan's by where north is on the plan", () => {
    expect(planHeading(123.5)).toBe(123.5);
    expect(planHeading(350, 30)).toBe(20);
    expect(planHeading(10, -30)).toBe(340);
  });
});
