/**
 * The printable sheet of an exhibition's AR markers (`?print-markers`, with `exhibition=` as usual): each marker
 * on its own page at its true printed width (CSS millimetres print true to size at 100 %), with how to check the
 * print and where the marker goes. Babylon-free: it runs instead of the visit, before any 3D is made.
 */
import { mediaUrl, type LoadedExhibition } from '../../twin/load';
import { roomAt } from '../../twin/floorplan';
import { pick } from '../../twin/text';
import type { LangMap } from '../../twin/schema';
import { h } from '../../ui/dom';
import { hideProgress } from '../../ui/pages';
import { fill, type Strings } from '../../i18n';

export function showMarkerSheet(t: Strings, loaded: LoadedExhibition, lang: string): void {
  const ex = loaded.exhibition;
  const txt = (m: LangMap | undefined) => pick(m, lang, ex.defaultLanguage).text;
  hideProgress();
  document.body.classList.add('marker-sheet-page');
  const sheet = h('div', { class: 'marker-sheet' }, h('h1', {}, `${txt(ex.title)}: ${t.markerSheetTitle}`));
  if (!ex.arReferences.markers.length) sheet.append(h('p', { role: 'alert' }, t.markerSheetNone));
  for (const m of ex.arReferences.markers) {
    const cm = (m.widthMetres * 100).toFixed(1).replace(/\.0$/, '');
    const room = roomAt(ex.space.rooms, [m.position[0], m.position[2]]);
    const onWall = Math.abs(m.normal[1]) < 0.5;
    sheet.append(
      h(
        'section',
        { class: 'marker-page', 'data-marker': m.id },
        h('h2', {}, txt(m.name)),
        // The image's own width in print: the tracker measures distances from it.
        h('img', { class: 'marker-image', src: mediaUrl(loaded.url, m.image), alt: txt(m.name), style: `width: ${m.widthMetres * 1000}mm` }),
        h('p', {}, fill(t.markerSheetPrint, { cm })),
        h(
          'p',
          {},
          fill(onWall ? t.markerSheetWall : t.markerSheetFloor, {
            room: room ? txt(room.name) : '',
            height: m.position[1].toFixed(2),
          }),
        ),
      ),
    );
  }
  document.body.append(sheet);
  document.title = `${t.markerSheetTitle} · ${txt(ex.title)}`;
}
