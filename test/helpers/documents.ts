import { DocumentParser } from '../../server/src/engine/parse/document';
import { GovDocument } from '../../server/src/engine/govDocument';
import { defaultSettings } from '../../server/src/engine/settings';

/** A document as the engine sees it, at `file:///ws/<path>`, with default settings. */
export function govDocument(path: string, text: string): GovDocument {
  return new GovDocument(`file:///ws/${path}`, path, new DocumentParser().parse(text), defaultSettings());
}
