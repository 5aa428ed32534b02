// The advisor's chat with one lead: window banner, messages with ticks, and a composer that becomes the
// template menu when the 24-hour window is closed.

import { advisorBubble, signature } from './advisor-bubble.js';
import { clear, el, mediaKindOf } from './dom.js';
import { icon } from './icons.js';
import { fileInput, voiceButton } from './media-input.js';
import { createTemplateMenu } from './templates.js';
import { visitName } from './visit-card.js';

const EMOJIS = [
  '😊',
  '😀',
  '👋',
  '🙌',
  '👍',
  '🙏',
  '🏠',
  '🏢',
  '🔑',
  '📅',
  '📍',
  '💰',
  '📄',
  '✅',
  '⭐',
  '🎉',
  '❤️',
  '🤝',
  '😉',
  '🤔',
  '⏰',
  '📞',
  '✨',
  '🌟',
];

/** "Ventana abierta · quedan 23 h" or "Ventana cerrada: solo plantillas". */
export const windowLabel = (state, now = Date.now()) => {
  if (!state.open) return 'Ventana cerrada: solo plantillas';
  const minutes = Math.max(0, Math.floor((Date.parse(state.closesAt) - now) / 60_000));
  return minutes >= 60
    ? `Ventana abierta · quedan ${Math.floor(minutes / 60)} h`
    : `Ventana abierta · quedan ${minutes} min`;
};

/**
 * `session()` answers { client, directory }; `notify(error)` shows an error politely.
 */
export const createAdvisorChat = ({ session, notify }) => {
  const banner = el('div', { class: 'window-banner', testid: 'window-banner' });
  const list = el('div', { class: 'advisor-messages', testid: 'advisor-chat', attrs: { 'aria-live': 'polite' } });
  const mediaUrls = new Map();
  const drawn = new Map(); // message id → { row, sig }
  let lead = null;
  let chatWindow = { open: false };
  let showTemplates = false;
  // The visit selected in the visit card: the advisor's messages are filed under it; the chat may show only its messages.
  let focused = null;
  let onlyFocused = false;
  const focusBar = el('div', { class: 'visit-focus muted small', testid: 'visit-focus' });
  const redraw = () => {
    drawn.clear();
    clear(list);
    void chat.refresh();
  };
  const drawFocus = (count) => {
    clear(focusBar);
    if (focused === null || count < 2) return;
    const only = el('input', {
      type: 'checkbox',
      testid: 'visit-focus-only',
      attrs: { 'aria-label': 'Ver solo los mensajes de esta visita' },
      on: {
        change: (e) => {
          onlyFocused = e.target.checked;
          redraw();
        },
      },
    });
    only.checked = onlyFocused;
    focusBar.append(
      el('span', { text: `Tus mensajes se archivan en: ${focused.name}` }),
      el('label', {}, only, ' solo esta visita'),
    );
  };

  const loadMedia = (mediaId) => {
    if (!mediaUrls.has(mediaId))
      mediaUrls.set(
        mediaId,
        session()
          .client.blob(mediaId)
          .then((blob) => URL.createObjectURL(blob)),
      );
    return mediaUrls.get(mediaId);
  };

  // The advisor has seen the chat: the lead gets blue ticks (once per new inbound message, while the page is visible).
  let lastSeenInbound = -1;
  const markSeen = (current, messages) => {
    const latest = Math.max(-1, ...messages.filter((m) => m.direction === 'inbound').map((m) => m.position));
    if (latest <= lastSeenInbound || document.hidden) return;
    lastSeenInbound = latest;
    session()
      .client.post(`/leads/${encodeURIComponent(current.id)}/conversation/read`)
      .catch(notify);
  };

  const sendContent = async (content) => {
    try {
      const message = await session().client.post(
        `/leads/${encodeURIComponent(lead.id)}/messages`,
        focused === null ? content : { ...content, visitId: focused.id },
      );
      upsert(message);
      return true;
    } catch (error) {
      notify(error);
      return false;
    }
  };

  const templates = createTemplateMenu({
    load: async () => (await session().client.get('/templates')).items,
    onSend: async (template) => {
      if (await sendContent({ kind: 'template', ...template })) {
        showTemplates = false;
        drawComposer();
      }
    },
    suggest: (i) => (i === 0 ? lead?.name?.split(' ')[0] : null),
  });
  const composer = buildComposer({
    sendContent,
    upload: (file) => session().client.upload(file),
    notify,
    toggleTemplates: () => {
      showTemplates = !showTemplates;
      drawComposer();
    },
  });
  const bottom = el('div', { class: 'advisor-bottom' });

  const drawComposer = () => {
    banner.textContent = windowLabel(chatWindow);
    banner.classList.toggle('closed', !chatWindow.open);
    banner.dataset.open = String(chatWindow.open);
    const menu = !chatWindow.open || showTemplates;
    clear(bottom).append(menu ? templates.element : composer.element);
    if (menu && chatWindow.open)
      bottom.prepend(
        el('button', {
          type: 'button',
          class: 'link-button',
          text: '← Volver a escribir',
          on: {
            click: () => {
              showTemplates = false;
              drawComposer();
            },
          },
        }),
      );
  };

  const upsert = (message) => {
    list.querySelector('.empty')?.remove();
    const sig = signature(message);
    const existing = drawn.get(message.id);
    if (existing?.sig === sig) return;
    const row = advisorBubble(message, {
      leadName: lead?.name ?? lead?.phone ?? 'Cliente',
      users: session().directory.users,
      loadMedia,
    });
    if (existing) existing.row.replaceWith(row);
    else list.append(row);
    drawn.set(message.id, { row, sig });
    if (!existing) scrollToEnd();
  };

  setInterval(() => {
    if (lead) banner.textContent = windowLabel(chatWindow);
  }, 30_000);
  const scrollToEnd = () => {
    list.scrollTop = list.scrollHeight;
  };

  const chat = {
    element: el('div', { class: 'advisor-chat' }, banner, focusBar, list, bottom),
    /** The visit card selected `visit` (null: none), one of the lead's `count` visits. */
    focus(visit, count) {
      const changed = (visit?.id ?? null) !== (focused?.id ?? null);
      focused = visit === null ? null : { id: visit.id, name: visitName(visit, session().directory) };
      drawFocus(count);
      if (changed && onlyFocused) redraw();
    },
    /** Call after the chat is shown again: it cannot scroll while detached. */
    scrollToEnd,
    /** Opens `lead` (from GET /leads): draws its conversation. */
    async open(next) {
      lead = next;
      lastSeenInbound = -1;
      focused = null;
      onlyFocused = false;
      clear(focusBar);
      showTemplates = false;
      drawn.clear();
      clear(list).append(el('p', { class: 'empty muted', text: 'Cargando conversación…' }));
      await templates.refresh();
      await this.refresh();
    },
    /** Reloads the conversation: new messages are added, changed ones redrawn in place. */
    async refresh() {
      if (!lead) return;
      const current = lead;
      try {
        const only = onlyFocused && focused !== null ? `&visitId=${encodeURIComponent(focused.id)}` : '';
        const page = await session().client.get(
          `/leads/${encodeURIComponent(current.id)}/conversation?limit=200${only}`,
        );
        if (lead !== current) return;
        chatWindow = page.window;
        if (page.messages.length === 0)
          clear(list).append(el('p', { class: 'empty muted', text: 'Aún no hay mensajes con este cliente.' }));
        for (const message of [...page.messages].sort((a, b) => a.position - b.position)) upsert(message);
        drawComposer();
        markSeen(current, page.messages);
      } catch (error) {
        notify(error);
      }
    },
  };
  return chat;
};

const buildComposer = ({ sendContent, upload, notify, toggleTemplates }) => {
  const input = el('textarea', {
    class: 'composer-input',
    rows: 1,
    placeholder: 'Escribe un mensaje',
    testid: 'advisor-input',
    attrs: { 'aria-label': 'Mensaje del asesor' },
  });
  const send = el('button', { type: 'submit', class: 'button button-primary', text: 'Enviar', testid: 'advisor-send' });
  const emojiPanel = el(
    'div',
    { class: 'emoji-panel', hidden: true, testid: 'emoji-panel' },
    EMOJIS.map((emoji) =>
      el('button', { type: 'button', class: 'emoji', text: emoji, on: { click: () => insert(input, emoji) } }),
    ),
  );
  const emojiButton = el(
    'button',
    {
      type: 'button',
      class: 'icon-button',
      title: 'Emojis',
      testid: 'emoji-button',
      attrs: { 'aria-label': 'Emojis' },
      on: {
        click: () => {
          emojiPanel.hidden = !emojiPanel.hidden;
        },
      },
    },
    icon('smile'),
  );

  const sendFile = async (file, voice) => {
    try {
      const media = await upload(file);
      await sendContent(
        voice
          ? { kind: 'voice', mediaId: media.id }
          : {
              kind: 'media',
              mediaKind: mediaKindOf(media.mimeType),
              mediaId: media.id,
              mimeType: media.mimeType,
              ...(media.filename ? { filename: media.filename } : {}),
            },
      );
    } catch (error) {
      notify(error);
    }
  };
  const attach = fileInput({
    accept: 'image/*,application/pdf,video/mp4,audio/*,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.txt',
    testid: 'advisor-file',
    onFile: (f) => sendFile(f, false),
  });
  const voice = voiceButton({
    testid: 'advisor-voice',
    onVoice: (f) => sendFile(f, true),
    onError: (text) => notify(new Error(text)),
  });

  const submit = async (event) => {
    event.preventDefault();
    const body = input.value.trim();
    if (body === '') return;
    send.disabled = true;
    if (await sendContent({ kind: 'text', body })) input.value = '';
    send.disabled = false;
    emojiPanel.hidden = true;
    input.focus();
  };
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      input.form?.requestSubmit();
    }
  });
  const element = el(
    'form',
    { class: 'advisor-composer', testid: 'advisor-composer', on: { submit } },
    emojiPanel,
    el(
      'div',
      { class: 'composer-row' },
      emojiButton,
      el(
        'button',
        {
          type: 'button',
          class: 'icon-button',
          title: 'Adjuntar archivo',
          attrs: { 'aria-label': 'Adjuntar archivo' },
          on: { click: () => attach.click() },
        },
        icon('attach'),
      ),
      attach,
      input,
      voice,
      el(
        'button',
        {
          type: 'button',
          class: 'button button-ghost button-icon',
          testid: 'templates-button',
          on: { click: toggleTemplates },
        },
        icon('template', { size: 16 }),
        'Plantillas',
      ),
      send,
    ),
  );
  return { element };
};

const insert = (input, text) => {
  const start = input.selectionStart ?? input.value.length;
  input.setRangeText(text, start, input.selectionEnd ?? start, 'end');
  input.focus();
};
