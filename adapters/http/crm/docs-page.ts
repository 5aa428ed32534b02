import { createHash } from 'node:crypto';
import { pagePolicy } from '../security-headers.ts';
import { anchorOf, escapeHtml, isObject, prose, renderSchema, typeOf, type Json } from './docs-schema.ts';

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

const contentSchemas = (content: unknown): string =>
  isObject(content)
    ? Object.entries(content)
        .map(
          ([type, media]) =>
            `<p class="media">${escapeHtml(type)}</p>${isObject(media) ? renderSchema(media['schema']) : ''}`,
        )
        .join('')
    : '';

const renderParameters = (parameters: unknown): string => {
  if (!Array.isArray(parameters) || parameters.length === 0) return '';
  const rows = parameters
    .filter(isObject)
    .map(
      (p) =>
        `<tr><td><code>${escapeHtml(String(p['name']))}</code></td><td>${escapeHtml(String(p['in']))}</td>` +
        `<td>${p['required'] === true ? 'yes' : 'no'}</td><td>${typeOf(p['schema'])}</td></tr>`,
    );
  return `<h4>Parameters</h4><table><tr><th>Name</th><th>In</th><th>Required</th><th>Type</th></tr>${rows.join('')}</table>`;
};

const renderResponses = (responses: unknown): string => {
  if (!isObject(responses)) return '';
  const items = Object.entries(responses).map(([status, response]) => {
    const r: Json = isObject(response) ? response : {};
    return `<li><strong>${escapeHtml(status)}</strong> ${prose(String(r['description'] ?? ''))}${contentSchemas(r['content'])}</li>`;
  });
  return `<h4>Responses</h4><ul class="responses">${items.join('')}</ul>`;
};

const renderOperation = (path: string, method: string, op: Json): string => {
  const body = isObject(op['requestBody'])
    ? `<h4>Request body</h4>${contentSchemas(op['requestBody']['content'])}`
    : '';
  const description = typeof op['description'] === 'string' ? `<p>${prose(op['description'])}</p>` : '';
  return (
    `<section class="op"><h3><span class="method ${method}">${method.toUpperCase()}</span> <code>${escapeHtml(path)}</code></h3>` +
    `<p class="summary">${escapeHtml(String(op['summary'] ?? ''))}</p>${description}` +
    `${renderParameters(op['parameters'])}${body}${renderResponses(op['responses'])}</section>`
  );
};

const STYLE = `body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222;line-height:1.45}
code{background:#f3f3f3;padding:0 .2em;border-radius:3px}.op{border-top:1px solid #ddd;padding:.5rem 0}
.method{display:inline-block;min-width:4.5em;text-align:center;color:#fff;border-radius:4px;padding:0 .3em;font-size:.85em}
.get{background:#2b7a4b}.post{background:#1f5fa8}.put,.patch{background:#a86a1f}.delete{background:#a8321f}
.req{color:#a8321f;font-size:.8em}.opt{color:#777;font-size:.8em}.media{color:#555;font-size:.85em;margin:.2em 0}
table{border-collapse:collapse}td,th{border:1px solid #ddd;padding:.2em .5em;text-align:left}`;

/** The page's one inline style, allowed by its hash: no `'unsafe-inline'`, and no script at all. */
export const DOCS_CSP = pagePolicy({ 'style-src': `'sha256-${createHash('sha256').update(STYLE).digest('base64')}'` });

/** The readable API reference, generated from the OpenAPI document: no scripts, nothing fetched from elsewhere. */
export const renderDocsPage = (document: unknown, openApiUrl: string): string => {
  const doc: Json = isObject(document) ? document : {};
  const info: Json = isObject(doc['info']) ? doc['info'] : {};
  const title = escapeHtml(String(info['title'] ?? 'API'));
  const paths: Json = isObject(doc['paths']) ? doc['paths'] : {};
  const operations = Object.entries(paths).flatMap(([path, item]) =>
    METHODS.flatMap((method) =>
      isObject(item) && isObject(item[method]) ? [renderOperation(path, method, item[method])] : [],
    ),
  );
  const components: Json =
    isObject(doc['components']) && isObject(doc['components']['schemas']) ? doc['components']['schemas'] : {};
  const schemas = Object.entries(components).map(
    ([name, schema]) => `<section id="${anchorOf(name)}"><h3>${escapeHtml(name)}</h3>${renderSchema(schema)}</section>`,
  );
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title><style>${STYLE}</style></head><body><h1>${title}</h1>
<p>Version ${escapeHtml(String(info['version'] ?? ''))}. Machine-readable document: <a href="${escapeHtml(openApiUrl)}">${escapeHtml(openApiUrl)}</a>.</p>
<h2>Authentication</h2><p>${prose(String(info['description'] ?? ''))}</p>
<p>Send <code>Authorization: Bearer &lt;api key&gt;</code> on every request. A missing, unknown or revoked key answers
<strong>401</strong> (<code>unauthenticated</code>); a role that may not do something answers <strong>403</strong> (<code>forbidden</code>).</p>
<h2>Routes</h2>${operations.join('\n')}<h2>Schemas</h2>${schemas.join('\n')}</body></html>`;
};
