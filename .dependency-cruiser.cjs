/**
 * Import directions (dependency-cruiser). `npm run check:layers` fails on any rule below.
 *
 * Layers point down only:
 *   twin (pure model)
 *     → scene · i18n · offline · build · live      (siblings: none imports another)
 *     → ui · visitor
 *     → modes: xr, preview → vr · ar               (vr and ar never import each other)
 *     → app (src/app.ts, src/app/) → main.ts
 * The curating page (src/curate/, /curate) stands beside the visit: it uses twin and i18n only.
 * Beside the browser (Node only): server → twin; pipeline → twin; cli → server, pipeline, twin.
 * Tests (*.test.ts) run in Node and may read files, so they are exempt from the "no Node" rules, and may cross
 * layers to check a contract between two of them.
 */

/** Folders under src/ by layer. */
const TWIN = '^src/twin/';
const LOW = '^src/(scene|i18n|offline|build|live)/';
const UI = '^src/(ui|visitor)/';
const XR = '^src/modes/xr/';
const PREVIEW = '^src/modes/preview/';
const VR = '^src/modes/vr/';
const AR = '^src/modes/ar/';
const MODES = '^src/modes/';
const APP = '^src/(app/|app\\.ts$)';
const NODE_ONLY = '^src/(server|pipeline|cli)/';
const BROWSER = '^src/(scene|i18n|offline|live|ui|visitor|modes|app|curate)/|^src/(app|main)\\.ts$';
// Tests, and their support modules (`*-testing.ts`: fixtures, a loopback server), run in Node only.
const TEST = '(\\.test|-testing)\\.ts$';

/**
 * What a layer may not import: everything above it, and its siblings. A test may cross layers to check a contract
 * between them (what the curating page writes, the importer reads back); it is never shipped.
 */
const upward = (name, from, allowed, comment) => ({
  name,
  severity: 'error',
  comment,
  from: { path: from, pathNot: TEST },
  to: { path: '^src/', pathNot: [allowed, '^src/twin/'].join('|') },
});

module.exports = {
  forbidden: [
    upward('twin-is-the-bottom', TWIN, TWIN, 'src/twin is the pure model: it imports no other layer.'),
    upward('scene-uses-twin-only', '^src/scene/', '^src/scene/', 'scene imports only itself and twin.'),
    upward('i18n-uses-twin-only', '^src/i18n/', '^src/i18n/', 'i18n imports only itself and twin.'),
    upward('offline-uses-twin-only', '^src/offline/', '^src/offline/', 'offline imports only itself and twin.'),
    upward('build-uses-twin-only', '^src/build/', '^src/build/', 'Vite plugins import only themselves and twin.'),
    upward('live-uses-twin-only', '^src/live/', '^src/live/',
      'src/live is a browser layer beside scene/i18n/offline: it imports twin only.'),
    upward('server-uses-twin-only', '^src/server/', '^src/server/',
      'The server uses the twin model only, never a browser layer.'),
    upward('pipeline-uses-twin-only', '^src/pipeline/', '^src/pipeline/', 'The media pipeline uses twin only.'),
    upward('cli-uses-node-layers-and-twin', '^src/cli/', '^src/(cli|pipeline|server)/',
      'Command lines (Node) use the pipeline, the server (e.g. its account store) and twin; never a browser layer.'),
    upward('ui-below-modes', UI, `${UI}|${LOW}`, 'ui and visitor import twin, scene, i18n, offline, live and each other.'),
    upward('xr-below-vr-and-ar', XR, `${XR}|${UI}|${LOW}`, 'The shared XR layer imports no mode.'),
    upward('preview-is-its-own-mode', PREVIEW, `${PREVIEW}|${XR}|${UI}|${LOW}`,
      'The preview mode imports no other mode (the shared XR layer excepted).'),
    upward('vr-never-imports-ar', VR, `${VR}|${XR}|${UI}|${LOW}`, 'VR imports the shared XR layer, never AR.'),
    upward('ar-never-imports-vr', AR, `${AR}|${XR}|${UI}|${LOW}`, 'AR imports the shared XR layer, never VR.'),
    upward('app-below-main', APP, `${APP}|${MODES}|${UI}|${LOW}`, 'The app composes every browser layer below it.'),
    upward('curate-is-its-own-page', '^src/curate/', `^src/curate/|^src/i18n/`,
      'The curating page (/curate) is a page of its own: it uses twin and i18n, never the visit\'s layers.'),
    {
      name: 'only-main-imports-app',
      severity: 'error',
      comment: 'src/app.ts and src/app/ are the top: only src/main.ts (and app itself) import them.',
      from: { path: '^src/', pathNot: `^src/main\\.ts$|${APP}` },
      to: { path: APP },
    },
    {
      name: 'browser-never-imports-node-only-code',
      severity: 'error',
      comment: 'server, pipeline and cli run in Node; the browser bundle must not pull them in.',
      from: { path: `${BROWSER}|${TWIN}`, pathNot: TEST },
      to: { path: NODE_ONLY },
    },
    {
      name: 'twin-has-no-babylon',
      severity: 'error',
      comment: 'The twin model runs in the browser, the server and the command lines: no Babylon.',
      from: { path: TWIN },
      to: { path: '@babylonjs/' },
    },
    {
      name: 'twin-and-browser-have-no-node',
      severity: 'error',
      comment: 'No node: modules in the twin model or in browser code (tests excepted).',
      from: { path: `${TWIN}|${BROWSER}`, pathNot: TEST },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'no-circular',
      severity: 'error',
      comment:
        'No import cycles in src/. A cycle closed by `import type` (erased at build time) or by a dynamic `import()` ' +
        '(run after both modules have loaded) cannot leave a module half-initialised, so it is allowed.',
      from: { path: '^src/' },
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only', 'dynamic-import'] } },
    },
    {
      name: 'no-unresolvable',
      severity: 'error',
      comment: 'An import that resolves to nothing is a typo or a missing dependency.',
      from: { path: '^src/' },
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)node_modules/|^dist' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.js', '.mjs', '.cjs', '.json', '.d.ts'],
    },
    skipAnalysisNotInRules: true,
  },
};
