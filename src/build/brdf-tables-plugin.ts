/**
 * Build-time (Node) Vite plugin. Babylon's Misc/brdfTextureTools.js holds three BRDF look-up tables as base64 PNGs:
 * PBRMaterial's (≈23 KB gz) and OpenPBR's two (≈19 KB gz), which only the glTF loader's OpenPBR path uses, and it
 * imports OpenPBRMaterial lazily, for a model that asks for it. Shared by both, the one module would put all three
 * tables in the page's first script. OpenPBRMaterial gets its own copy of the module instead (a query makes it a
 * second module, the same file), so each copy keeps only the tables its importers use. The tables are cached on
 * the scene by name, so two copies never make a table twice.
 */
import type { Plugin } from 'vite';

export function brdfTables(): Plugin {
  return {
    name: 'museum-twin-brdf-tables',
    apply: 'build',
    enforce: 'pre',
    resolveId: {
      // Only this import reaches the hook: a callback on every import slowed the build.
      filter: { id: /\/brdfTextureTools\.js$/ },
      async handler(source, importer, options) {
        if (!importer || !/openpbrMaterial\.pure\.js$/.test(importer)) return null;
        const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
        return resolved ? `${resolved.id}?openpbr` : null;
      },
    },
  };
}
