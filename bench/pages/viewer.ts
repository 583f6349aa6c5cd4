/**
 * The peer in the benchmark: the Babylon Viewer opening one GLB (`?source=`), as a museum might publish
 * a twin without this app. Reports when the model's first frame is drawn (window.benchViewer).
 */
import '@babylonjs/viewer';
import type { ViewerElement } from '@babylonjs/viewer';

interface ViewerReport {
  firstFrame?: number;
  error?: string;
}
declare global {
  interface Window {
    benchViewer: ViewerReport;
  }
}

const report: ViewerReport = {};
window.benchViewer = report;
const source = new URLSearchParams(location.search).get('source');
if (!source) report.error = 'no ?source= given';
else {
  const el = document.createElement('babylon-viewer') as ViewerElement;
  el.addEventListener('modelerror', () => (report.error = `the viewer could not load ${source}`));
  el.addEventListener('modelchange', () => {
    const scene = el.viewerDetails?.scene;
    if (!scene) return;
    scene.onAfterRenderObservable.addOnce(() => (report.firstFrame = performance.now()));
  });
  el.setAttribute('source', source);
  document.body.append(el);
}
