// One message of the CRM conversation, as the advisor sees it: author, text or file, delivery ticks.

import { el, richText, timeOf } from './dom.js';
import { icon } from './icons.js';

const STATUS = {
  queued: { text: '◷', label: 'En cola' },
  sent: { text: '✓', label: 'Enviado' },
  delivered: { text: '✓✓', label: 'Entregado' },
  read: { text: '✓✓', label: 'Leído' },
  played: { text: '✓✓', label: 'Reproducido' },
  failed: { text: '⚠', label: 'No enviado' },
};

const ticks = (message) => {
  const status = STATUS[message.status] ?? STATUS.queued;
  const label =
    message.status === 'failed' && message.failure ? `${status.label}: ${message.failure.title}` : status.label;
  return el('span', {
    class: `ticks ticks-${message.status}`,
    text: status.text,
    title: label,
    testid: 'advisor-ticks',
    attrs: { 'data-status': message.status, 'aria-label': label },
  });
};

const authorOf = (message, { leadName, users }) => {
  switch (message.author.kind) {
    case 'lead':
      return leadName;
    case 'bot':
      return 'Bot';
    default:
      return users.get(message.author.userId)?.name ?? 'Asesor(a)';
  }
};

/** A file of the conversation: loaded with the key (downloads need it), shown once it arrives. */
const mediaView = (content, loadMedia) => {
  const mediaId = content.mediaId;
  if (!mediaId)
    return el('div', {
      class: 'muted small',
      text: content.unavailable ? `Archivo no disponible: ${content.unavailable}` : 'Descargando archivo…',
    });
  const holder = el('div', { class: 'media-holder' }, el('span', { class: 'muted small', text: 'Cargando archivo…' }));
  loadMedia(mediaId).then(
    (url) => holder.replaceChildren(mediaElement(content, url)),
    () => holder.replaceChildren(el('span', { class: 'muted small', text: 'No se pudo cargar el archivo.' })),
  );
  return holder;
};

const mediaElement = (content, url) => {
  switch (content.mediaKind) {
    case 'image':
    case 'sticker':
      return el('img', { class: 'media-image', src: url, alt: content.caption ?? 'Imagen' });
    case 'audio':
      return el(
        'div',
        { class: 'media-audio' },
        el(
          'span',
          { class: 'media-audio-icon', title: content.voice ? 'Nota de voz' : 'Audio' },
          icon(content.voice ? 'mic' : 'music'),
        ),
        el('audio', { controls: true, preload: 'metadata', src: url }),
      );
    case 'video':
      return el('video', { class: 'media-video', controls: true, src: url });
    default:
      return el(
        'a',
        { class: 'doc-card', href: url, target: '_blank', rel: 'noopener', download: content.filename ?? 'archivo' },
        el('span', { class: 'doc-icon', text: content.mimeType === 'application/pdf' ? 'PDF' : 'DOC' }),
        el('span', { class: 'doc-name', text: content.filename ?? 'Documento' }),
        el('span', { class: 'doc-open', text: 'Abrir' }),
      );
  }
};

const options = (content) => {
  const titles =
    content.kind === 'buttons'
      ? content.buttons.map((b) => b.title)
      : content.kind === 'list'
        ? content.sections.flatMap((s) => s.rows.map((r) => r.title))
        : [];
  if (titles.length === 0) return null;
  return el(
    'div',
    { class: 'chips' },
    titles.map((t) => el('span', { class: 'chip', text: t })),
  );
};

const body = (message, loadMedia) => {
  const content = message.content;
  if (content.kind === 'media')
    return [
      mediaView(content, loadMedia),
      message.text ? el('div', { class: 'bubble-text' }, richText(message.text)) : null,
    ];
  if (content.kind === 'location')
    return el('div', {
      class: 'bubble-text',
      text: `📍 ${content.name ?? ''} ${content.address ?? ''} (${content.latitude}, ${content.longitude})`,
    });
  if (content.kind === 'unsupported')
    return el('div', { class: 'bubble-text muted', text: `Mensaje no compatible (${content.type})` });
  const text = message.text ?? '';
  return [
    el(
      'div',
      { class: 'bubble-text' },
      content.kind === 'choice'
        ? el('span', { class: 'choice-mark', title: 'Respuesta a opciones' }, icon('reply', { size: 14 }))
        : null,
      richText(text),
    ),
    options(content),
  ];
};

const quoted = (reference) => (reference.text === null ? 'un mensaje anterior' : reference.text);

/** The message a quoted reply answers, shown above it as WhatsApp does. */
const replyQuote = (message) =>
  message.replyTo
    ? el(
        'div',
        { class: 'bubble-quote', testid: 'advisor-reply-to', attrs: { 'data-reply-to': message.replyTo.waMessageId } },
        el('span', { class: 'bubble-quote-label', text: 'Respondiendo a' }),
        el('span', { class: 'bubble-quote-text', text: quoted(message.replyTo) }),
      )
    : null;

/** The message a reaction reacts to: "👍 a «¿Aceptas…?»". */
const reactionTarget = (message) =>
  message.reactsTo
    ? el('div', {
        class: 'bubble-quote',
        testid: 'advisor-reacts-to',
        text: `Reaccionó a «${quoted(message.reactsTo)}»`,
      })
    : null;

/** What changes a drawn bubble: its status, failure and text. */
export const signature = (message) =>
  JSON.stringify([message.status, message.failure, message.text, message.content.mediaId ?? null]);

/** The bubble; `context` = { leadName, users, loadMedia }. */
export const advisorBubble = (message, context) => {
  const outbound = message.direction === 'outbound';
  const kind = outbound ? (message.author.kind === 'bot' ? 'bot' : 'agent') : 'lead';
  const bubble = el(
    'div',
    { class: `bubble bubble-${kind}` },
    el('div', { class: 'bubble-author', text: authorOf(message, context) }),
    message.content.kind === 'template'
      ? el('div', { class: 'bubble-tag', text: `Plantilla · ${message.content.name}` })
      : null,
    replyQuote(message),
    reactionTarget(message),
    body(message, context.loadMedia),
    message.status === 'failed' && message.failure
      ? el('div', { class: 'bubble-failure', text: `No se entregó: ${message.failure.title}` })
      : null,
    el(
      'div',
      { class: 'bubble-meta' },
      el('time', { text: timeOf(message.createdAt), dateTime: message.createdAt }),
      outbound ? ticks(message) : null,
    ),
  );
  return el(
    'div',
    {
      class: `row ${outbound ? 'row-out' : 'row-in'}`,
      testid: 'advisor-message',
      attrs: { 'data-direction': message.direction, 'data-id': message.id },
    },
    bubble,
  );
};
