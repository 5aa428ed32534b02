// One message on the lead's phone, drawn the way WhatsApp shows it.

import { el, richText, timeOf } from './dom.js';
import { icon } from './icons.js';

const TICKS = {
  sent: { text: '✓', label: 'Enviado' },
  delivered: { text: '✓✓', label: 'Entregado' },
  read: { text: '✓✓', label: 'Leído' },
};

/** Ticks on the lead's own messages: one grey once stored, two when delivered, blue once the desk read it. */
const ticks = (status) => {
  const tick = TICKS[status] ?? TICKS.sent;
  return el('span', {
    class: `ticks ticks-${status}`,
    text: tick.text,
    title: tick.label,
    testid: 'phone-ticks',
    attrs: { 'data-status': status, 'aria-label': tick.label },
  });
};

const mediaView = (media) => {
  switch (media.kind) {
    case 'image':
      return el('img', {
        class: 'media-image',
        src: media.url,
        alt: media.caption ?? 'Imagen',
        loading: 'lazy',
        testid: 'phone-image',
      });
    case 'audio':
      return el(
        'div',
        { class: 'media-audio' },
        el(
          'span',
          { class: 'media-audio-icon', title: media.voice ? 'Nota de voz' : 'Audio' },
          icon(media.voice ? 'mic' : 'music'),
        ),
        el('audio', { controls: true, preload: 'metadata', src: media.url, testid: 'phone-audio' }),
      );
    case 'video':
      return el('video', { class: 'media-video', controls: true, preload: 'metadata', src: media.url });
    default:
      return documentCard(media);
  }
};

const documentCard = (media) =>
  el(
    'a',
    {
      class: 'doc-card',
      href: media.url,
      target: '_blank',
      rel: 'noopener',
      testid: 'phone-document',
      title: 'Abrir documento',
    },
    el('span', { class: 'doc-icon', text: media.mimeType === 'application/pdf' ? 'PDF' : 'DOC' }),
    el('span', { class: 'doc-name', text: media.filename ?? 'Documento' }),
    el('span', { class: 'doc-open', text: 'Abrir' }),
  );

const body = (message) => {
  if (message.kind === 'media' && message.media) {
    return [
      mediaView(message.media),
      message.media.caption ? el('div', { class: 'bubble-text' }, richText(message.media.caption)) : null,
    ];
  }
  const text = message.kind === 'choice' ? message.choice?.title : message.text;
  return [el('div', { class: 'bubble-text' }, richText(text ?? ''))];
};

const replyButtons = (message, onChoice) =>
  el(
    'div',
    { class: 'reply-buttons' },
    message.buttons.map((button) =>
      el('button', {
        type: 'button',
        class: 'reply-button',
        text: button.title,
        testid: 'phone-reply-button',
        on: { click: () => onChoice(button) },
      }),
    ),
  );

const listButton = (message, onOpenList) =>
  el(
    'div',
    { class: 'reply-buttons' },
    el(
      'button',
      { type: 'button', class: 'reply-button', testid: 'phone-list-button', on: { click: () => onOpenList(message) } },
      icon('list', { size: 16 }),
      message.list.button,
    ),
  );

/**
 * The bubble for a PhoneMessage. `onChoice({id, title})` runs when a reply button is tapped;
 * `onOpenList(message)` when a list's button is.
 */
export const phoneBubble = (message, { onChoice, onOpenList }) => {
  const own = message.from === 'lead';
  const bubble = el(
    'div',
    { class: `bubble ${own ? 'bubble-out' : 'bubble-in'} kind-${message.kind}` },
    message.header ? el('div', { class: 'bubble-header', text: message.header }) : null,
    body(message),
    message.footer ? el('div', { class: 'bubble-footer', text: message.footer }) : null,
    el(
      'div',
      { class: 'bubble-meta' },
      el('time', { text: timeOf(message.at), dateTime: message.at }),
      own ? ticks(message.status) : null,
    ),
  );
  const row = el(
    'div',
    {
      class: `row ${own ? 'row-out' : 'row-in'}`,
      testid: 'phone-message',
      attrs: { 'data-from': message.from, 'data-id': message.waMessageId },
    },
    bubble,
  );
  if (message.kind === 'buttons' && message.buttons.length > 0) bubble.append(replyButtons(message, onChoice));
  if (message.kind === 'list' && message.list) bubble.append(listButton(message, onOpenList));
  return row;
};

/** The bottom sheet a list message opens: its sections and rows; tapping a row answers with it. */
export const listSheet = (message, { onChoice, onClose }) =>
  el(
    'div',
    {
      class: 'sheet-backdrop',
      testid: 'phone-list-sheet',
      on: { click: (e) => e.target === e.currentTarget && onClose() },
    },
    el(
      'div',
      { class: 'sheet', attrs: { role: 'dialog', 'aria-label': message.list.button } },
      el(
        'div',
        { class: 'sheet-head' },
        el(
          'button',
          {
            type: 'button',
            class: 'icon-button',
            title: 'Cerrar',
            attrs: { 'aria-label': 'Cerrar' },
            on: { click: onClose },
          },
          icon('close'),
        ),
        el('span', { class: 'sheet-title', text: message.list.button }),
      ),
      el(
        'div',
        { class: 'sheet-body' },
        message.list.sections.map((section) => [
          section.title ? el('div', { class: 'sheet-section', text: section.title }) : null,
          section.rows.map((row) =>
            el(
              'button',
              {
                type: 'button',
                class: 'sheet-row',
                testid: 'phone-list-row',
                on: { click: () => onChoice({ id: row.id, title: row.title }) },
              },
              el('span', { class: 'sheet-row-title', text: row.title }),
              row.description ? el('span', { class: 'sheet-row-description', text: row.description }) : null,
              el('span', { class: 'sheet-radio', attrs: { 'aria-hidden': 'true' } }),
            ),
          ),
        ]),
      ),
    ),
  );
