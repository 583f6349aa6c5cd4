/**
 * What the tests and the page's hooks read of an AR session: the registration's phase and fit, the labels shown,
 * the open work, the route. Gathered here so ar-mode.ts keeps to running the session.
 */
import type { Vec3 } from '../../twin/schema';
import type { Gallery } from '../../scene/gallery';
import type { XrLocale } from '../xr/host';
import type { RouteGuide } from '../xr/route-guide';
import type { ArOccluders } from './occluders';
import type { ArRegistration } from './registration-flow';
import type { ArLabels } from './labels';
import type { ArWorks } from './ar-works';

/** The parts of an AR session its state is read from. */
export interface ArStateParts {
  registration: ArRegistration;
  works: ArWorks;
  occluders: ArOccluders;
  labels: ArLabels;
  route: RouteGuide;
  locale: XrLocale;
  gallery: Gallery;
  inXR: boolean;
  frames: number;
}

export function arState({ registration: reg, works, occluders, labels, route, locale, gallery, inXR, frames }: ArStateParts) {
  const r = reg.registration;
  const openId = works.openId;
  const root = occluders.root.getAbsolutePosition();
  return {
    phase: reg.phase,
    inXR,
    frames,
    overlay: works.domOverlay ? 'dom' : 'gui',
    measured: reg.measured.map((p) => [...p]),
    method: reg.method,
    methods: [...reg.methods],
    markerTracking: reg.markerTracking,
    manual: reg.manual ? { yaw: reg.manual.yaw, at: [...reg.manual.at] } : undefined,
    outline: reg.outline.isEnabled(),
    registration: r ? { method: r.method, yaw: r.yaw, translation: r.translation, rms: r.rms, residuals: r.residuals } : undefined,
    anchored: !!reg.anchor,
    hit: reg.lastHit ? ([reg.lastHit.position.x, reg.lastHit.position.y, reg.lastHit.position.z] as Vec3) : undefined,
    instruction: reg.instruction(),
    labels: labels.state(),
    panel: openId
      ? { artworkId: openId, title: works.domOverlay ? locale.text(gallery.works.get(openId)?.artwork.title) : works.guiPanel.title, ...(works.domOverlay ? {} : works.guiPanel.state) }
      : undefined,
    animation: works.playing(openId),
    root: [root.x, root.y, root.z] as Vec3,
    route: route.state(),
  };
}

/** An AR session's state as `arState` reads it. */
export type ArState = ReturnType<typeof arState>;
