// npm run schema: writes schemas/govmd.schema.json from the settings' zod schema (a test fails
// when the committed file and the zod schema disagree).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { settingsJsonSchemaText } from '../server/src/engine/settingsSchema';

const file = join(__dirname, '..', 'schemas', 'govmd.schema.json');
mkdirSync(join(file, '..'), { recursive: true });
writeFileSync(file, settingsJsonSchemaText());
console.log(`wrote ${file}`);
