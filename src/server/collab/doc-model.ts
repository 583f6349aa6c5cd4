/**
 * The exhibition ↔ Y.Doc mapping moved to src/twin/collab-doc.ts so that the browser's curating view
 * (src/curate/) shares it with the server; the server keeps importing it from here.
 */
export * from '../../twin/collab-doc';
