import { URI, Utils } from 'vscode-uri';

/*
 * Every percent-encoding and decoding of the engine and its hosts goes through here, and none of
 * it throws. Text from an editor is UTF-16 that may hold a lone surrogate (`[](\udc00)` typed or
 * pasted); `encodeURIComponent`, `encodeURI` and vscode-uri's `toString()` throw URIError on one,
 * and `decodeURIComponent` throws on a malformed `%` sequence. A lone surrogate names no file and
 * no web page, so it becomes U+FFFD, as the WHATWG URL parser and TextEncoder write it: a link
 * holding one is then reported as broken like any other path that names nothing.
 */

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** The text with each lone surrogate replaced by U+FFFD. */
export function wellFormed(text: string): string {
  return text.replace(LONE_SURROGATE, '\ufffd');
}

/** `decodeURIComponent`, or the text as written where it is not valid percent-encoding. */
export function decodeUriComponent(text: string): string {
  try {
    return wellFormed(decodeURIComponent(text));
  } catch {
    return wellFormed(text);
  }
}

/** `decodeURI`, or the text as written where it is not valid percent-encoding. */
export function decodeUri(text: string): string {
  try {
    return wellFormed(decodeURI(text));
  } catch {
    return wellFormed(text);
  }
}

export function encodeUriComponent(text: string): string {
  return encodeURIComponent(wellFormed(text));
}

export function encodeUri(text: string): string {
  return encodeURI(wellFormed(text));
}

/** `URI.parse` of a URI that may hold lone surrogates: what it gives can always be turned back into a string. */
export function parseUri(text: string): URI {
  return URI.parse(wellFormed(text));
}

/** The `file:` URI of a path, as a string. */
export function fileUri(path: string): string {
  return URI.file(wellFormed(path)).toString();
}

/**
 * The last segment of a URI's path, decoded (`Utils.basename(URI.parse(uri))`). A plain `file:`
 * URI is cut as a string: the duplicate-section messages name every other member's file, for
 * every member, at every keystroke in a duplicated section.
 */
export function uriBasename(uri: string): string {
  if (uri.startsWith('file://') && !/[?#]/.test(uri)) return decodeUriComponent(uri.slice(uri.lastIndexOf('/') + 1));
  return Utils.basename(parseUri(uri));
}
