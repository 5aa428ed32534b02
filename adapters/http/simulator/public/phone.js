// The lead's side: which leads exist on the fake WhatsApp, the open chat, and the receipts a phone reports.

import { describeError, fakeWhatsApp } from './api.js';
import { clear, debounce, el, initials, timeOf, toast } from './dom.js';
import { followEvents } from './events.js';
import { icon } from './icons.js';
import { createPhoneChat } from './phone-chat.js';

const E164 = /^\+[1-9]\d{7,14}$/;
const normalise = (raw) => raw.replace(/[\s().-]/g, '');

/** Mounts the phone half in `host`. */
export const mountPhone = (host) => {
  const leads = new Map(); // phone → { phone, name, lastAt, messageCount, unread }
  const histories = new Map(); // phone → Map(waMessageId → PhoneMessage)
  const reported = new Map(); // waMessageId → 'delivered' | 'read' already reported
  let current = null;

  const notices = el('div', { class: 'toasts' });
  const fail = (error) => toast(notices, describeError(error));
  const list = el('div', { class: 'lead-list', testid: 'phone-leads' });
  const chat = createPhoneChat({ onSend: (content) => sendAsLead(content), onError: fail });

  const sendAsLead = async (content) => {
    const lead = leads.get(current);
    const body = { from: current, ...content };
    if (lead?.name) body.name = lead.name;
    await fakeWhatsApp.send(body);
  };

  const upsertLead = (phone, patch = {}) => {
    const lead = leads.get(phone) ?? { phone, name: null, lastAt: null, messageCount: 0, unread: 0 };
    for (const [key, value] of Object.entries(patch)) if (value !== undefined && value !== null) lead[key] = value;
    leads.set(phone, lead);
    return lead;
  };

  const renderList = () => {
    const sorted = [...leads.values()].sort((a, b) => String(b.lastAt ?? '9').localeCompare(String(a.lastAt ?? '9')));
    clear(list).append(...sorted.map(leadItem));
    if (sorted.length === 0)
      list.append(el('p', { class: 'muted small', text: 'Aún no hay clientes. Crea uno arriba.' }));
  };

  const leadItem = (lead) =>
    el(
      'button',
      {
        type: 'button',
        class: `lead-item${lead.phone === current ? ' active' : ''}`,
        testid: 'phone-lead',
        on: { click: () => openLead(lead.phone) },
      },
      el('span', { class: 'avatar', text: initials(lead.name ?? lead.phone.slice(-2)) }),
      el(
        'span',
        { class: 'lead-item-text' },
        el('span', { class: 'lead-item-name', text: lead.name ?? lead.phone }),
        el('span', { class: 'lead-item-phone', text: lead.name ? lead.phone : 'sin nombre' }),
      ),
      el(
        'span',
        { class: 'lead-item-side' },
        lead.lastAt ? el('span', { class: 'lead-item-time', text: timeOf(lead.lastAt) }) : null,
        lead.unread > 0 ? el('span', { class: 'badge', text: lead.unread }) : null,
      ),
    );

  const history = (phone) => {
    if (!histories.has(phone)) histories.set(phone, new Map());
    return histories.get(phone);
  };

  const sorted = (phone) => [...history(phone).values()].sort((a, b) => a.at.localeCompare(b.at));

  const openLead = async (phone) => {
    current = phone;
    const lead = upsertLead(phone, { unread: 0 });
    renderList();
    chat.open(lead, sorted(phone));
    await syncLead(phone);
  };

  /** Fetches the phone's messages and merges them: a live event may have landed while the answer travelled. */
  const syncLead = async (phone) => {
    try {
      const messages = await fakeWhatsApp.messages(phone);
      const byId = history(phone);
      for (const m of messages) {
        const known = byId.get(m.waMessageId);
        if (known && rank(m.status) <= rank(known.status)) continue;
        byId.set(m.waMessageId, m);
        if (phone === current) chat.upsert(m);
      }
      if (phone === current) report(phone, sorted(phone));
    } catch (error) {
      fail(error);
    }
  };

  /** Business messages arrive ('delivered'), and are read when their chat is open. */
  const report = (phone, messages) => {
    const status = phone === current && document.visibilityState === 'visible' ? 'read' : 'delivered';
    const due = messages.filter(
      (m) => m.from === 'business' && rank(m.status) < rank(status) && rank(reported.get(m.waMessageId)) < rank(status),
    );
    if (due.length === 0) return;
    const ids = due.map((m) => m.waMessageId);
    for (const id of ids) reported.set(id, status);
    fakeWhatsApp.receipts(phone, ids, status).catch((error) => {
      for (const id of ids) reported.delete(id);
      fail(error);
    });
  };

  const onMessage = ({ phone, message }) => {
    const known = leads.has(phone);
    const isNew = !history(phone).has(message.waMessageId);
    history(phone).set(message.waMessageId, message);
    const lead = upsertLead(phone, { lastAt: message.at });
    if (isNew) lead.messageCount += 1;
    if (phone === current) chat.upsert(message);
    else if (isNew && message.from === 'business') lead.unread += 1;
    report(phone, [message]);
    renderList();
    if (!known) refreshLeads();
  };

  const refreshLeads = debounce(async () => {
    try {
      for (const p of await fakeWhatsApp.phones())
        upsertLead(p.phone, { name: p.name, lastAt: p.lastAt, messageCount: p.messageCount });
      renderList();
    } catch (error) {
      fail(error);
    }
  }, 200);

  const newLeadForm = buildNewLeadForm((phone, name) => {
    upsertLead(phone, { name: name || undefined });
    void openLead(phone);
  });

  host.append(
    el(
      'aside',
      { class: 'phone-sidebar' },
      el('h2', { class: 'section-title', text: 'Clientes simulados' }),
      newLeadForm,
      list,
    ),
    el('div', { class: 'phone-stage' }, chat.element, notices),
  );
  renderList();
  // Messages that arrived while the page was hidden are read once it shows again.
  document.addEventListener('visibilitychange', () => current && report(current, sorted(current)));

  followEvents('/fake-whatsapp/events', {
    onEvent: (type, data) => {
      if (type === 'phone_message' || type === 'phone_message_updated') onMessage(data);
    },
    onStatus: (status) => {
      if (status !== 'open') return;
      refreshLeads();
      if (current) void syncLead(current);
    },
  });
};

const RANKS = { sent: 1, delivered: 2, read: 3 };
const rank = (status) => RANKS[status] ?? 0;

const buildNewLeadForm = (onOpen) => {
  const number = el('input', {
    type: 'tel',
    placeholder: '+573001234567',
    testid: 'phone-new-number',
    required: true,
    attrs: { 'aria-label': 'Número del cliente', autocomplete: 'off' },
  });
  const name = el('input', {
    type: 'text',
    placeholder: 'Nombre (opcional)',
    testid: 'phone-new-name',
    attrs: { 'aria-label': 'Nombre del cliente', autocomplete: 'off' },
  });
  const error = el('div', { class: 'field-error', attrs: { role: 'alert' } });
  const dice = el(
    'button',
    {
      type: 'button',
      class: 'icon-button',
      title: 'Número al azar',
      attrs: { 'aria-label': 'Número al azar' },
      on: {
        click: () => {
          number.value = `+57300${String(Math.floor(Math.random() * 10_000_000)).padStart(7, '0')}`;
        },
      },
    },
    icon('shuffle'),
  );
  return el(
    'form',
    {
      class: 'new-lead',
      testid: 'phone-new-lead',
      on: {
        submit: (event) => {
          event.preventDefault();
          const phone = normalise(number.value);
          if (!E164.test(phone)) {
            error.textContent = 'Escribe el número con indicativo, por ejemplo +573001234567.';
            return;
          }
          error.textContent = '';
          onOpen(phone, name.value.trim());
          number.value = '';
          name.value = '';
        },
      },
    },
    el('label', { class: 'field-label', text: 'Teléfono del cliente' }),
    el('div', { class: 'input-row' }, number, dice),
    name,
    el('button', { type: 'submit', class: 'button button-primary', text: 'Abrir chat', testid: 'phone-new-open' }),
    error,
  );
};
