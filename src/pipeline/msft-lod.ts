/**
 * MSFT_lod for glTF Transform (which has no built-in support for it): a node lists coarser stand-ins of itself,
 * finest first after the node itself. Babylon's glTF loader reads it natively: it shows the coarsest level
 * first and swaps in finer ones as they load. `extras.MSFT_screencoverage` on the node gives, per level, the
 * screen share above which that level is meant, for runtimes that switch by screen size.
 * Spec: the Khronos glTF repository, extensions/2.0/Vendor/MSFT_lod.
 */
import { Extension, ExtensionProperty, PropertyType, RefList, type IProperty, type Node, type Nullable, type ReaderContext, type WriterContext } from '@gltf-transform/core';

export const MSFT_LOD = 'MSFT_lod';

interface ILod extends IProperty {
  levels: RefList<Node>;
}

interface LodDef {
  ids: number[];
}

export class Lod extends ExtensionProperty<ILod> {
  public static override EXTENSION_NAME: typeof MSFT_LOD = MSFT_LOD;
  public declare extensionName: typeof MSFT_LOD;
  public declare propertyType: 'Lod';
  public declare parentTypes: [PropertyType.NODE];

  protected init(): void {
    this.extensionName = MSFT_LOD;
    this.propertyType = 'Lod';
    this.parentTypes = [PropertyType.NODE];
  }

  protected override getDefaults(): Nullable<ILod> {
    return Object.assign(super.getDefaults() as IProperty, { levels: new RefList<Node>() });
  }

  /** Adds the next coarser level. */
  public addLevel(node: Node): this {
    return this.addRef('levels', node);
  }

  /** Levels from finer to coarser (the node itself, the finest, is not listed). */
  public listLevels(): Node[] {
    return this.listRefs('levels');
  }
}

export class MSFTLod extends Extension {
  public override readonly extensionName: typeof MSFT_LOD = MSFT_LOD;
  public static override readonly EXTENSION_NAME: typeof MSFT_LOD = MSFT_LOD;

  public createLod(): Lod {
    return new Lod(this.document.getGraph());
  }

  public read(context: ReaderContext): this {
    (context.jsonDoc.json.nodes ?? []).forEach((nodeDef, i) => {
      const def = nodeDef.extensions?.[MSFT_LOD] as LodDef | undefined;
      if (!def) return;
      const lod = this.createLod();
      for (const id of def.ids) {
        const level = context.nodes[id];
        if (level) lod.addLevel(level);
      }
      context.nodes[i]!.setExtension(MSFT_LOD, lod);
    });
    return this;
  }

  public write(context: WriterContext): this {
    const nodeDefs = context.jsonDoc.json.nodes ?? [];
    for (const node of this.document.getRoot().listNodes()) {
      const lod = node.getExtension<Lod>(MSFT_LOD);
      if (!lod) continue;
      const index = context.nodeIndexMap.get(node);
      const ids = lod.listLevels().flatMap((n) => {
        const id = context.nodeIndexMap.get(n);
        return id === undefined ? [] : [id];
      });
      if (index === undefined || ids.length === 0) continue;
      const def = nodeDefs[index]!;
      def.extensions = { ...(def.extensions ?? {}), [MSFT_LOD]: { ids } satisfies LodDef };
    }
    return this;
  }
}
