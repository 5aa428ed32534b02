import { err, ok, type Result } from '../shared/result.ts';

/** A MIME type as RFC 9110 writes it: `type/subtype` and parameters (`audio/ogg; codecs=opus`). */
export type MimeType = {
  /** `type/subtype`, lower case. */
  readonly essence: string;
  /** Names lower case, values as given (unquoted), in order. */
  readonly parameters: readonly (readonly [string, string])[];
  /** The canonical text: safe to store and to send as a `Content-Type`. */
  readonly text: string;
};

export type InvalidMimeType = { readonly type: 'InvalidMimeType' };

const MAX_LENGTH = 255;
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const OWS = /^[ \t]*/;

/** Reads a token, or a quoted string (`"a \"b\""`), at `from`; the value and where it ends. */
const readValue = (text: string, from: number): { value: string; end: number } | null => {
  if (text[from] !== '"') {
    const match = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+/.exec(text.slice(from));
    return match === null ? null : { value: match[0], end: from + match[0].length };
  }
  let value = '';
  for (let i = from + 1; i < text.length; i += 1) {
    const char = text[i] as string;
    if (char === '"') return { value, end: i + 1 };
    if (char === '\\') {
      i += 1;
      if (i >= text.length) return null;
    }
    value += text[i];
  }
  return null;
};

const quoted = (value: string): string => (TOKEN.test(value) ? value : `"${value.replace(/(["\\])/g, '\\$1')}"`);

const readParameters = (text: string): [string, string][] | null => {
  const parameters: [string, string][] = [];
  let at = 0;
  while (at < text.length) {
    at += (OWS.exec(text.slice(at)) as RegExpExecArray)[0].length;
    if (text[at] !== ';') return null;
    at += 1;
    at += (OWS.exec(text.slice(at)) as RegExpExecArray)[0].length;
    const name = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+/.exec(text.slice(at))?.[0];
    if (name === undefined || text[at + name.length] !== '=') return null;
    const value = readValue(text, at + name.length + 1);
    if (value === null) return null;
    parameters.push([name.toLowerCase(), value.value]);
    at = value.end;
    at += (OWS.exec(text.slice(at)) as RegExpExecArray)[0].length;
  }
  return parameters;
};

/**
 * Parses a MIME type from outside (Graph's `mime_type`, a webhook). Only printable ASCII, spaces and tabs
 * are allowed: a CR or LF could split a header we later write from it.
 */
export const parseMimeType = (raw: string): Result<MimeType, InvalidMimeType> => {
  const invalid = err({ type: 'InvalidMimeType' } as const);
  if (raw.length > MAX_LENGTH || !/^[\t\x20-\x7e]*$/.test(raw)) return invalid;
  const trimmed = raw.replace(/^[ \t]+|[ \t]+$/g, '');
  const semicolon = trimmed.indexOf(';');
  const essence = (semicolon < 0 ? trimmed : trimmed.slice(0, semicolon)).replace(/[ \t]+$/, '');
  const [type, subtype, ...rest] = essence.split('/');
  if (type === undefined || subtype === undefined || rest.length > 0 || !TOKEN.test(type) || !TOKEN.test(subtype))
    return invalid;
  const parameters = semicolon < 0 ? [] : readParameters(trimmed.slice(semicolon));
  if (parameters === null) return invalid;
  const lower = essence.toLowerCase();
  const text = [lower, ...parameters.map(([name, value]) => `${name}=${quoted(value)}`)].join('; ');
  return text.length > MAX_LENGTH ? invalid : ok({ essence: lower, parameters, text });
};
