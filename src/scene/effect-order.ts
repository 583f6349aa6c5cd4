/**
 * One shader program per set of defines, whatever their order. Babylon keys its compiled effects by the defines
 * as a string, in the order a material's defines object first met them. A mesh that first had one light and then
 * two lists `LIGHT1` after everything else; a mesh that had two from the start lists it among the first. The
 * programs are the same, yet the second is compiled again: in the default exhibition, stepping from the hall into
 * the gallery compiled a second copy of a PBR program there and then (a 0.5–1.9 s frame in software WebGL, where
 * `getUniformBlockIndex` waits for the link). Putting the `#define` lines in one order before Babylon looks the
 * effect up makes the second mesh find the first program.
 */
import type { AbstractEngine } from '@babylonjs/core/Engines/abstractEngine';

/** The defines in one order; left as they are when they hold anything but `#define` lines (order could matter). */
export function definesInOrder(defines: string): string {
  const lines = defines.split('\n').filter((l) => l.trim() !== '');
  if (!lines.every((l) => l.startsWith('#define '))) return defines;
  return `${lines.sort().join('\n')}\n`;
}

/** Makes `engine.createEffect` look effects up (and compile them) with their defines in one order. */
export function shareProgramsAcrossDefineOrder(engine: AbstractEngine): void {
  const create = engine.createEffect;
  engine.createEffect = function (this: AbstractEngine, ...args: Parameters<AbstractEngine['createEffect']>) {
    const [, options, , , defines] = args;
    if (typeof defines === 'string') args[4] = definesInOrder(defines);
    else if (options && !Array.isArray(options) && typeof options.defines === 'string') {
      // The options object is made afresh by the material for this call: setting its defines is safe.
      options.defines = definesInOrder(options.defines);
    }
    return create.apply(this, args);
  } as AbstractEngine['createEffect'];
}
