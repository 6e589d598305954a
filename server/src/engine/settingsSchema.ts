import * as z from 'zod';
import { settingsFileSchema } from './settings';

/**
 * The JSON Schema of `.govmd.json` / `.govmd.yaml`, generated from the zod schema the CLI and the
 * server validate with, so editors complete and check exactly what govmd accepts. Draft-07: the
 * dialect VS Code's JSON support and most other editors read fully. Input types: a setting with
 * a default may be left out.
 */
export function settingsJsonSchema(): Record<string, unknown> {
  const { $schema: _dialect, ...schema } = z.toJSONSchema(settingsFileSchema, { target: 'draft-7', io: 'input' });
  return { $schema: 'http://json-schema.org/draft-07/schema#', ...schema };
}

/** The file shipped as schemas/govmd.schema.json. */
export function settingsJsonSchemaText(): string {
  return `${JSON.stringify(settingsJsonSchema(), null, 2)}\n`;
}
