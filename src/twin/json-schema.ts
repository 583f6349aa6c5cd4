import { z } from 'zod';
import { Exhibition, FORMAT_VERSION } from './schema';

/** The JSON Schema published at /schema/exhibition.schema.json. */
export function exhibitionJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(Exhibition, { io: 'input', unrepresentable: 'any', reused: 'ref' }) as Record<string, unknown>;
  return {
    ...schema,
    $id: '/schema/exhibition.schema.json',
    title: `Museum twin exhibition, format version ${FORMAT_VERSION}`,
    description:
      'An exhibition twin: space, zones, artworks with metadata, backstories, conservation and sensitivity, tours and AR references. Metres, y-up, right-handed.',
  };
}
