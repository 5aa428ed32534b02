// Small DOM helpers: every piece of data goes in through textContent or attributes, never as HTML.

/**
 * Builds an element. `props`: class, text, testid, title, on ({ click: fn }), attrs ({ name: value }),
 * and any other key is set as a property (value, type, disabled…). Children may be strings or nodes.
 */
export const el = (tag, props = {}, ...children) => {
  const node = document.createElement(tag);
  const { class: className, text, testid, on, attrs, ...rest } = props;
  if (className) node.className = className;
  if (text !== undefined && text !== null) node.textContent = String(text);
  if (testid) node.dataset.testid = testid;
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (value !== undefined && value !== null && value !== false) node.setAttribute(name, String(value));
  }
  for (const [event, handler] of Object.entries(on ?? {})) node.addEventListener(event, handler);
  Object.assign(node, rest);
  node.append(...children.flat(Infinity).filter((c) => c !== null && c !== undefined && c !== false));
  return node;
};

export const $ = (selector, root = document) => root.querySelector(selector);

export const clear = (node) => {
  node.replaceChildren();
  return node;
};

// *bold* and _italic_ only at word edges (so snake_case and e-mail addresses stay as they are), and links.
const FORMATTED = /((?<!\w)\*[^*\n]+\*(?!\w)|(?<!\w)_[^_\n]+_(?!\w)|https?:\/\/[^\s<>"]+)/g;

/** WhatsApp-style text: *bold*, _italic_ and clickable links; line breaks kept by CSS (white-space: pre-wrap). */
export const richText = (text) => {
  const parts = String(text ?? '').split(FORMATTED);
  return parts.map((part, i) => {
    if (i % 2 === 0) return document.createTextNode(part);
    if (part.startsWith('*')) return el('strong', { text: part.slice(1, -1) });
    if (part.startsWith('_')) return el('em', { text: part.slice(1, -1) });
    return el('a', { text: part, href: part, target: '_blank', rel: 'noopener noreferrer' });
  });
};

export const timeOf = (iso) =>
  new Date(iso).toLocaleTimeString('es-CO', { hour: '2-digit', minute: '2-digit', hour12: false });

export const dateTimeOf = (iso) =>
  new Date(iso).toLocaleString('es-CO', {
    day: 'numeric',
    month: 'short',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  });

export const initials = (name) =>
  String(name ?? '?')
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0].toUpperCase())
    .join('') || '?';

/** Runs `fn` once after calls stop for `ms` (coalesces bursts of live events). */
export const debounce = (fn, ms = 120) => {
  let timer;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
};

/** A short message at the bottom of a region; `kind` is 'error' or 'info'. */
export const toast = (host, message, kind = 'error') => {
  const note = el(
    'div',
    { class: `toast toast-${kind}`, testid: `toast-${kind}`, attrs: { role: kind === 'error' ? 'alert' : 'status' } },
    el('span', { text: message }),
    el('button', {
      class: 'toast-close',
      type: 'button',
      text: '×',
      title: 'Cerrar',
      on: { click: () => note.remove() },
    }),
  );
  host.append(note);
  // A burst of notices would cover the panel: keep the last few.
  while (host.children.length > 3) host.firstElementChild.remove();
  setTimeout(() => note.remove(), kind === 'error' ? 12_000 : 4_000);
  return note;
};

/** Reads a File as base64 without the data: URL prefix. */
export const fileToBase64 = (file) =>
  new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(file);
  });

/** WhatsApp's media kind for a MIME type. */
export const mediaKindOf = (mimeType) => {
  if (mimeType.startsWith('image/')) return 'image';
  if (mimeType.startsWith('audio/')) return 'audio';
  if (mimeType.startsWith('video/')) return 'video';
  return 'document';
};
