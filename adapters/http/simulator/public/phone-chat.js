// The phone's screen for one lead: green header, chat, composer (text, files, voice notes).

import { clear, el, fileToBase64, initials, mediaKindOf } from './dom.js';
import { icon } from './icons.js';
import { fileInput, voiceButton } from './media-input.js';
import { listSheet, phoneBubble } from './phone-bubble.js';

const MAX_FILE_BYTES = 16 * 1024 * 1024;

/**
 * `onSend(content)` sends `{ text }`, `{ choice }` or `{ media }` as the open lead; it returns a promise
 * and its rejection is reported with `onError(error)`.
 */
export const createPhoneChat = ({ onSend, onError }) => {
  const avatar = el('div', { class: 'avatar avatar-phone', text: '?' });
  const title = el('div', { class: 'phone-title', testid: 'phone-title', text: 'Elige un cliente' });
  const subtitle = el('div', { class: 'phone-subtitle', testid: 'phone-number', text: 'o escribe un número nuevo' });
  const messages = el('div', { class: 'phone-messages', testid: 'phone-chat', attrs: { 'aria-live': 'polite' } });
  const screen = el('div', { class: 'phone-screen' });
  const rows = new Map();
  let opened = false;

  const choose = (choice) => {
    closeSheet();
    send({ choice: { id: choice.id, title: choice.title } });
  };
  const openList = (message) => {
    closeSheet();
    screen.append(listSheet(message, { onChoice: choose, onClose: closeSheet }));
  };
  const closeSheet = () => screen.querySelector('.sheet-backdrop')?.remove();
  const handlers = { onChoice: choose, onOpenList: openList };

  const send = (content) => {
    if (!opened) return;
    onSend(content).catch(onError);
  };

  const composer = buildComposer({ send, onError });
  screen.append(
    el(
      'header',
      { class: 'phone-header' },
      avatar,
      el('div', { class: 'phone-who' }, title, subtitle),
      el('span', { class: 'phone-header-icons' }, icon('video'), icon('call'), icon('more')),
    ),
    messages,
    composer.element,
  );

  const scrollToEnd = () => {
    messages.scrollTop = messages.scrollHeight;
  };

  return {
    element: el('div', { class: 'phone', testid: 'phone' }, el('div', { class: 'phone-notch' }), screen),
    /** Shows `lead` ({ phone, name }) with its messages, oldest first. */
    open(lead, list) {
      opened = true;
      closeSheet();
      avatar.textContent = initials(lead.name ?? lead.phone.slice(-2));
      title.textContent = lead.name ?? lead.phone;
      subtitle.textContent = lead.name ? lead.phone : 'en línea';
      rows.clear();
      clear(messages);
      if (list.length === 0)
        messages.append(
          el('div', { class: 'phone-empty', text: 'Escribe "Hola" para empezar la conversación con el bot.' }),
        );
      for (const message of list) this.upsert(message);
      composer.enable();
      composer.focus();
      scrollToEnd();
    },
    /** Adds a message, or redraws it in place (its status changed). */
    upsert(message) {
      messages.querySelector('.phone-empty')?.remove();
      const row = phoneBubble(message, handlers);
      const existing = rows.get(message.waMessageId);
      if (existing) existing.replaceWith(row);
      else messages.append(row);
      rows.set(message.waMessageId, row);
      if (!existing) scrollToEnd();
    },
  };
};

const buildComposer = ({ send, onError }) => {
  const input = el('input', {
    class: 'composer-input',
    type: 'text',
    placeholder: 'Mensaje',
    testid: 'phone-input',
    disabled: true,
    attrs: { 'aria-label': 'Mensaje del cliente' },
  });
  const sendButton = el(
    'button',
    {
      type: 'submit',
      class: 'send-button',
      title: 'Enviar',
      testid: 'phone-send',
      disabled: true,
      attrs: { 'aria-label': 'Enviar' },
    },
    icon('send'),
  );
  const sendFile = async (file, voice = false) => {
    if (file.size > MAX_FILE_BYTES) return onError(new Error('el archivo supera 16 MB'));
    const mimeType = file.type || 'application/octet-stream';
    const kind = voice ? 'audio' : mediaKindOf(mimeType);
    const media = { kind, mimeType: voice ? 'audio/ogg' : mimeType, dataBase64: await fileToBase64(file) };
    if (kind === 'document') media.filename = file.name;
    if (voice) media.voice = true;
    send({ media });
  };
  const attach = fileInput({
    accept: 'image/*,application/pdf,video/mp4,audio/*,.doc,.docx,.xls,.xlsx',
    testid: 'phone-file',
    onFile: (file) => sendFile(file).catch(onError),
  });
  const voice = voiceButton({
    testid: 'phone-voice',
    onVoice: (file) => sendFile(file, /ogg|opus/.test(file.type) || /\.(ogg|opus)$/i.test(file.name)).catch(onError),
    onError: (text) => onError(new Error(text)),
  });
  const attachButton = el(
    'button',
    {
      type: 'button',
      class: 'icon-button',
      title: 'Adjuntar imagen o documento',
      attrs: { 'aria-label': 'Adjuntar' },
      on: { click: () => attach.click() },
    },
    icon('attach'),
  );
  const form = el(
    'form',
    {
      class: 'phone-composer',
      on: {
        submit: (event) => {
          event.preventDefault();
          const text = input.value.trim();
          if (text === '') return;
          input.value = '';
          send({ text });
        },
      },
    },
    attachButton,
    attach,
    input,
    voice,
    sendButton,
  );
  return {
    element: form,
    enable() {
      input.disabled = false;
      sendButton.disabled = false;
    },
    focus: () => input.focus(),
  };
};
