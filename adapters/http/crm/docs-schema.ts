/** Renders OpenAPI schema objects as nested HTML lists, for the `/docs` page. */

export type Json = Record<string, unknown>;

export const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const escapeHtml = (text: string): string =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

/** Description text: escaped, with Markdown `code` spans kept as code. */
export const prose = (text: string): string => escapeHtml(text).replace(/`([^`]+)`/g, '<code>$1</code>');

export const anchorOf = (name: string): string => `schema-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`;

const refName = (ref: string): string => ref.split('/').pop() ?? ref;

/** A one-line type: `string (date-time)`, `Role`, `array of User`, `"advisor" | "manager"`. */
export const typeOf = (schema: unknown): string => {
  if (!isObject(schema)) return 'any';
  if (typeof schema['$ref'] === 'string') {
    const name = refName(schema['$ref']);
    return `<a href="#${anchorOf(name)}">${escapeHtml(name)}</a>`;
  }
  for (const key of ['anyOf', 'oneOf', 'allOf'] as const) {
    const parts = schema[key];
    if (Array.isArray(parts)) return parts.map(typeOf).join(key === 'allOf' ? ' &amp; ' : ' | ');
  }
  if (Array.isArray(schema['enum']))
    return schema['enum'].map((v) => `<code>${escapeHtml(JSON.stringify(v))}</code>`).join(' | ');
  if ('const' in schema) return `<code>${escapeHtml(JSON.stringify(schema['const']))}</code>`;
  const type = Array.isArray(schema['type']) ? schema['type'].join(' | ') : String(schema['type'] ?? 'object');
  if (type === 'array') return `array of ${typeOf(schema['items'])}`;
  const format = typeof schema['format'] === 'string' ? ` (${escapeHtml(schema['format'])})` : '';
  return `${escapeHtml(type)}${format}`;
};

const note = (schema: Json): string => {
  const parts: string[] = [];
  if (typeof schema['description'] === 'string') parts.push(prose(schema['description']));
  if ('example' in schema) parts.push(`example: <code>${escapeHtml(JSON.stringify(schema['example']))}</code>`);
  if ('default' in schema) parts.push(`default: <code>${escapeHtml(JSON.stringify(schema['default']))}</code>`);
  return parts.length === 0 ? '' : ` — ${parts.join('; ')}`;
};

/** An object's properties as a list (one level; referenced schemas link to their own section). */
export const renderSchema = (schema: unknown): string => {
  if (!isObject(schema)) return '<p>any</p>';
  const properties = schema['properties'];
  if (!isObject(properties)) return `<p>${typeOf(schema)}${note(schema)}</p>`;
  const required = new Set(Array.isArray(schema['required']) ? schema['required'].map(String) : []);
  const items = Object.entries(properties).map(([name, property]) => {
    const flag = required.has(name) ? '<span class="req">required</span>' : '<span class="opt">optional</span>';
    const nested = isObject(property) && isObject(property['properties']) ? renderSchema(property) : '';
    return `<li><code>${escapeHtml(name)}</code>: ${typeOf(property)} ${flag}${isObject(property) ? note(property) : ''}${nested}</li>`;
  });
  return `<ul class="schema">${items.join('')}</ul>`;
};
