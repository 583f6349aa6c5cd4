// Writes the published JSON Schema from the one zod definition (src/twin/schema.ts).
import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { exhibitionJsonSchema } from '../twin/json-schema';

const out = resolve(import.meta.dirname, '../../public/schema/exhibition.schema.json');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify(exhibitionJsonSchema(), null, 2) + '\n');
console.log(`wrote ${out}`);
