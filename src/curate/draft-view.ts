/**
 * The curating view once signed in: the live draft over /collab (Hocuspocus provider, one Y.Doc per exhibition
 * id), who is here (and where each colleague's camera is, in 3D and on the plan), the works (searchable), the
 * chosen work's editor, the exhibition's own texts, the draft's problems (the project's own validator, run in the
 * browser on the draft, debounced), Undo of one's own last change, and Publish.
 */
import { HocuspocusProvider } from '@hocuspocus/provider';
import * as Y from 'yjs';
import { artworkOrder, artworksMap, docToExhibition, exhibitionMap } from '../twin/collab-doc';
import { formatProblem, validateExhibition } from '../twin/validate';
import { docReader } from '../twin/curate-edits';
import { mayEditLayoutAndTexts, publish, type Account } from './api';
import { openAddWork } from './add-work';
import { openFloorPlan, placedWorks, type FloorPlan } from './floor-plan';
import { levelOfRoom, openLevelSwitch, type LevelSwitch } from './plan-levels';
import { openHistoryPanel } from './history-panel';
import { allSent, openImportDrop } from './import-drop';
import { mayPlacePanoramas, openPanoramaPlace } from './panorama-place';
import { setPresence, showPresence, roundPose, type Presence } from './presence';
import { openRoomsPanel } from './rooms-panel';
import { openExhibitionTexts } from './exhibition-texts';
import { openStage, type Stage } from './stage';
import { openToursPanel } from './tours-panel';
import { t, type CurateLanguage } from './strings';
import { openWorkEditor, type WorkEditor } from './work-editor';

export interface DraftViewOptions {
  readonly root: HTMLElement;
  readonly exhibitionId: string;
  readonly account: Account;
  readonly lang: CurateLanguage;
  readonly onSignOut: () => void;
}

/** How long the draft rests before it is validated again: typing stays smooth on 1,000 works. */
const VALIDATE_AFTER_MS = 300;

const $ = <T extends HTMLElement>(root: HTMLElement, sel: string) => root.querySelector<T>(sel)!;

export function openDraftView(o: DraftViewOptions): () => void {
  const { root, lang, account } = o;
  const doc = new Y.Doc();
  // This curator's own edits carry this origin; Undo tracks it alone, so it never undoes a colleague.
  const origin = { curator: account.name };
  const editable = mayEditLayoutAndTexts(account);
  const status = $<HTMLElement>(root, '#draft-status');
  const worksList = $<HTMLUListElement>(root, '#works ul');
  const search = $<HTMLInputElement>(root, '#work-search');
  const editorSlot = $<HTMLElement>(root, '#editor');
  const draftProblems = $<HTMLElement>(root, '#draft-problems');
  const undoButton = $<HTMLButtonElement>(root, '#undo');
  const publishButton = $<HTMLButtonElement>(root, '#publish');
  const publishResult = $<HTMLElement>(root, '#publish-result');
  $<HTMLElement>(root, '#who-am-i').textContent = t(lang, 'signedInAs', { name: account.name, role: account.role ? t(lang, `role_${account.role}`) : t(lang, 'noRole') });
  publishButton.hidden = !(account.role === 'admin' || account.role === 'curator');
  status.textContent = t(lang, 'connecting');

  const provider = new HocuspocusProvider({
    url: `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/collab`,
    name: o.exhibitionId,
    document: doc,
    onSynced: () => {
      status.textContent = t(lang, 'connected');
      root.dataset.synced = 'true';
      renderWorks();
      scheduleValidation();
      openDraftParts();
    },
    onDisconnect: () => (status.textContent = t(lang, 'offline')),
    onClose: ({ event }) => {
      if (!event.reason) return;
      // A refused edit or an ended session: the local copy holds what the server refused, so the way on is a
      // fresh copy of the draft (a reload), offered rather than forced so the person can read why.
      const again = Object.assign(document.createElement('button'), { type: 'button', textContent: t(lang, 'reopen') });
      again.addEventListener('click', () => location.reload());
      status.replaceChildren(t(lang, 'closedBy', { reason: String(event.reason) }), ' ', again);
    },
    onAuthenticationFailed: ({ reason }) => (status.textContent = t(lang, 'closedBy', { reason })),
  });

  const titleOf = (id: string) => {
    const title = artworksMap(doc).get(id)?.get('title');
    return (title instanceof Y.Map ? (title.get(lang) ?? title.get('en'))?.toString() : undefined) || id;
  };
  // Declared before the presence callback, which runs at once (the plan is opened on the first sync).
  let plan: FloorPlan | undefined;
  let stage: Stage | undefined;
  let levels: LevelSwitch | undefined;
  let colleagues: Presence[] = [];
  const renderPresence = showPresence(provider, $<HTMLUListElement>(root, '#who-is-here ul'), lang, titleOf, (others) => {
    colleagues = others;
    plan?.showColleagues(others);
    stage?.showColleagues(others);
  });
  let selected: string | null = null;
  // What colleagues see of me: my name, my selection, my camera in the stage.
  let me: Presence = { name: account.name, selected };
  const tell = (change: Partial<Presence>) => setPresence(provider, (me = { ...me, ...change }));
  tell({});

  const undo = new Y.UndoManager([artworksMap(doc), exhibitionMap(doc)], { trackedOrigins: new Set([origin]), captureTimeout: 500 });
  const showUndo = () => (undoButton.disabled = !editable || undo.undoStack.length === 0);
  undo.on('stack-item-added', showUndo);
  undo.on('stack-item-popped', showUndo);
  undoButton.addEventListener('click', () => undo.undo());
  // Typing merges into one Undo step for half a second; moving to another field or control ends the step, so one
  // Undo never takes back edits in two fields made in quick succession.
  root.addEventListener('focusin', () => undo.stopCapturing());
  showUndo();

  // The works, in the draft's order, filtered by the search box.
  function renderWorks() {
    const q = search.value.trim().toLowerCase();
    const ids = artworkOrder(doc).toArray().filter((id) => artworksMap(doc).has(id));
    const shown = ids.filter((id) => !q || titleOf(id).toLowerCase().includes(q) || id.includes(q));
    const items = shown.map((id) => {
      const b = document.createElement('button');
      b.type = 'button';
      b.textContent = titleOf(id);
      b.dataset.work = id;
      b.setAttribute('aria-pressed', String(id === selected));
      b.addEventListener('click', () => select(id));
      const li = document.createElement('li');
      li.append(b);
      return li;
    });
    if (!items.length && q) items.push(Object.assign(document.createElement('li'), { textContent: t(lang, 'noWorks', { q: search.value }) }));
    worksList.replaceChildren(...items);
  }
  search.addEventListener('input', renderWorks);

  let editor: WorkEditor | undefined;
  let problemsByWork = new Map<string, string[]>();
  function select(id: string, focus = true) {
    selected = id;
    editor?.destroy();
    const languages = (exhibitionMap(doc).get('languages') as string[] | undefined) ?? ['en'];
    editor = openWorkEditor({ doc, workId: id, languages, lang, origin, editable });
    editorSlot.replaceChildren(editor.element);
    editor.showProblems(problemsByWork.get(id) ?? []);
    tell({ selected: id });
    // A work on another level than the one shown: the plan and the stage go to its level first.
    const space = docReader(doc).space();
    if (space) levels?.show(levelOfRoom(space, placedWorks(doc).get(id)?.room));
    stage?.select(id);
    plan?.select(id);
    renderWorks();
    if (focus) editor.element.querySelector<HTMLElement>('input, textarea')?.focus();
  }

  // Live validation: the same rules as `npm run validate`, on the draft as it is now.
  let timer: ReturnType<typeof setTimeout> | undefined;
  function scheduleValidation() {
    clearTimeout(timer);
    timer = setTimeout(validateNow, VALIDATE_AFTER_MS);
  }
  function validateNow() {
    const draft = docToExhibition(doc);
    const ids = (draft.artworks as { id: string }[]).map((w) => w.id);
    const result = validateExhibition(draft);
    problemsByWork = new Map();
    const withErrors = new Set<string>();
    for (const p of result.problems) {
      const at = /^artworks\[(\d+)\]/.exec(p.path);
      const id = at ? ids[Number(at[1])] : undefined;
      if (id) problemsByWork.set(id, [...(problemsByWork.get(id) ?? []), formatProblem(p)]);
      if (id && p.severity === 'error') withErrors.add(id);
    }
    // At the place of the problem: the work's block in 3D and its dot on the plan turn red.
    stage?.showProblems(withErrors);
    plan?.showProblems(withErrors);
    draftProblems.textContent = t(lang, 'draftProblems', { n: result.problems.filter((p) => p.severity === 'error').length });
    if (selected) editor?.showProblems(problemsByWork.get(selected) ?? []);
  }
  doc.on('update', scheduleValidation);
  // Titles in the list and in "who is here" follow edits (a label's keystrokes leave the list alone).
  const onDeep = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
    // A field of the selected work replaced whole (a restore, a colleague's new placement): its editor is bound to
    // the old one, so it is opened again on the new.
    if (selected && events.some((e) => e.path.length === 1 && e.path[0] === selected)) select(selected, false);
    if (!events.some((e) => e.path.length < 2 || e.path[1] === 'title')) return;
    renderWorks();
    renderPresence();
  };
  artworksMap(doc).observeDeep(onDeep);

  publishButton.addEventListener('click', async () => {
    publishButton.disabled = true;
    publishResult.replaceChildren(t(lang, 'publishing'));
    const r = await publish(o.exhibitionId);
    publishButton.disabled = false;
    if (r.ok) publishResult.replaceChildren(t(lang, 'published', { version: r.version }));
    else {
      const list = document.createElement('ul');
      list.append(...r.messages.map((m) => Object.assign(document.createElement('li'), { textContent: m })));
      publishResult.replaceChildren(t(lang, 'publishRefused', { error: r.error }), list);
    }
  });

  // The parts that need the draft's content: the 3D stage, the tours and the rooms (once, on the first sync).
  const closers: (() => void)[] = [];
  function openDraftParts() {
    if (stage) return;
    const languages = (exhibitionMap(doc).get('languages') as string[] | undefined) ?? ['en'];
    stage = openStage({ canvas: $<HTMLCanvasElement>(document.body, '#stage'), doc, origin, editable, onPick: select, onCamera: (pose) => tell({ camera: roundPose(pose) }) });
    stage.showColleagues(colleagues);
    const stageFigure = $<HTMLElement>(root, 'figure.stage');
    plan = openFloorPlan({ root: stageFigure.parentElement!, before: stageFigure.nextElementSibling, doc, lang, onPick: select, titleOf });
    plan.showColleagues(colleagues);
    closers.push(() => plan?.destroy());
    // One level at a time on the plan and in 3D, where the building has more than one (plan-levels.ts).
    levels = openLevelSwitch({ root: stageFigure.parentElement!, before: stageFigure.nextElementSibling, doc, lang, onChange: (l) => (plan?.showLevel(l), stage?.showLevel(l)) });
    plan.showLevel(levels.level);
    stage.showLevel(levels.level);
    closers.push(() => levels?.destroy());
    if (selected) stage.select(selected);
    if (selected) plan.select(selected);
    (window as { museumCurate?: unknown }).museumCurate = { screenPoint: (at: string | [number, number, number]) => stage?.screenPoint(at) };
    const side = $<HTMLElement>(root, 'aside.side');
    closers.push(
      // The exhibition's own texts and credits, below the work's editor (wide enough for languages side by side).
      openExhibitionTexts({ root: $<HTMLElement>(root, '.work-area'), doc, languages, lang, origin, role: account.role }),
      openToursPanel({ root: side, doc, languages, lang, origin, editable, selectedWork: () => selected, titleOf }),
      openRoomsPanel({ root: side, doc, lang, origin, editable }),
      openAddWork({ root: side, doc, exhibitionId: o.exhibitionId, lang, origin, editable, onAdded: (id) => select(id) }),
      // A collection folder dropped on the draft, and the rooms' 360° photographs (import-drop.ts, panorama-place.ts).
      openImportDrop({ root: side, dropTarget: root, doc, exhibitionId: o.exhibitionId, lang, origin, editable, saved: () => allSent(provider) }),
      openPanoramaPlace({ root: side, doc, lang, origin, editable: mayPlacePanoramas(account.role) }),
      () => stage?.destroy(),
    );
  }

  const closeHistory = openHistoryPanel({ root: $<HTMLElement>(root, 'aside.side'), exhibitionId: o.exhibitionId, lang, mayRestore: account.role === 'admin' || account.role === 'curator', selectedWork: () => selected });

  return () => {
    for (const c of closers) c();
    closeHistory();
    clearTimeout(timer);
    editor?.destroy();
    undo.destroy();
    provider.destroy();
    doc.destroy();
    o.onSignOut();
  };
}
