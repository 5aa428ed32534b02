// The advisor's half: connect with a key, act as a user, the visitors list, and the open visitor's chat and card.

import { ApiError, describeError } from './api.js';
import { createAdvisorChat, windowLabel } from './advisor-chat.js';
import { clear, debounce, el, initials, toast } from './dom.js';
import { followEvents } from './events.js';
import { icon } from './icons.js';
import { ADMIN_CHOICE, forgetAdminKey, keyForm, openSession, ROLE_LABELS, takeAdminKey } from './session.js';
import { createVisitCard } from './visit-card.js';

const enc = encodeURIComponent;

/** Mounts the advisor panel in `host`. */
export const mountAdvisor = (host) => {
  const notices = el('div', { class: 'toasts' });
  const notify = (error) => toast(notices, describeError(error));
  const inform = (text) => toast(notices, text, 'info');
  const actor = el('div', { class: 'actor' });
  const live = el('span', { class: 'live', testid: 'advisor-live', text: 'Sin conexión' });
  const content = el('div', { class: 'advisor-content' });
  host.append(
    el(
      'header',
      { class: 'advisor-header' },
      el('h2', { class: 'panel-title', text: 'Panel del asesor' }),
      actor,
      live,
    ),
    content,
    notices,
  );

  let session = null;
  let acting = null;
  // Managers and admins also see who talks to the bot without having consented (masked phone and step).
  let unregistered = [];
  let unregisteredMore = false;
  let stopEvents = () => {};
  const current = () => ({ client: acting.client, directory: session.directory, role: acting.role });

  const askKey = (error) => {
    clear(actor);
    content.classList.add('connect');
    clear(content).append(keyForm({ onKey: (key) => void connect(key), error }));
  };

  const connect = async (key) => {
    try {
      session = await openSession(key);
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) forgetAdminKey();
      return askKey(
        error instanceof ApiError && error.status === 401 ? 'Esa clave no es válida.' : describeError(error),
      );
    }
    drawActorPicker();
    await actAs(session.initialChoice);
  };

  const drawActorPicker = () => {
    const users = [...session.directory.users.values()].filter((u) => u.active);
    const select = el(
      'select',
      {
        testid: 'act-as',
        attrs: { 'aria-label': 'Actuar como' },
        disabled: !session.canChoose,
        on: { change: (e) => void actAs(e.target.value) },
      },
      el('option', { value: ADMIN_CHOICE, text: session.me.userId ? 'Yo (dueño de la clave)' : 'Administrador' }),
      users.map((u) => el('option', { value: u.id, text: `${u.name} · ${ROLE_LABELS[u.role] ?? u.role}` })),
    );
    select.value = session.initialChoice;
    clear(actor).append(
      el('label', { class: 'actor-label' }, el('span', { text: 'Actuar como' }), select),
      el('button', {
        type: 'button',
        class: 'link-button small',
        text: 'Cambiar clave',
        on: {
          click: () => {
            forgetAdminKey();
            stopEvents();
            askKey();
          },
        },
      }),
    );
  };

  const actAs = async (userId) => {
    // Nothing of the previous user stays clickable while the new one's key is fetched.
    stopEvents();
    acting = null;
    openLead = null;
    clear(content).append(el('p', { class: 'muted pad', text: 'Cambiando de usuario…' }));
    try {
      acting = await session.actAs(userId);
    } catch (error) {
      clear(content).append(el('p', { class: 'muted pad', text: 'No se pudo actuar como ese usuario.' }));
      return notify(error);
    }
    drawDesk();
    stopEvents = followEvents('/api/v1/events', {
      headers: { authorization: `Bearer ${acting.client.key}` },
      onEvent,
      onStatus: (status) => {
        live.textContent =
          status === 'open' ? 'En vivo' : status === 'unauthorized' ? 'Clave rechazada' : 'Reconectando…';
        live.classList.toggle('on', status === 'open');
        if (status === 'open') refreshAll();
      },
    });
  };

  // The desk: visitors on the left, the open visitor on the right.
  let leads = [];
  let openLead = null;
  let tab = 'chat';
  const search = el('input', {
    type: 'search',
    placeholder: 'Buscar por nombre, teléfono o correo',
    testid: 'visitor-search',
    attrs: { 'aria-label': 'Buscar visitantes' },
  });
  const visitorList = el('div', { class: 'visitor-list', testid: 'visitor-list' });
  const pane = el('div', { class: 'lead-pane' });
  const chat = createAdvisorChat({ session: current, notify });
  const card = createVisitCard({
    session: current,
    notify,
    inform,
    onFocus: (visit, count) => chat.focus(visit, count),
  });

  const drawDesk = () => {
    openLead = null;
    leads = [];
    content.classList.remove('connect');
    clear(visitorList);
    clear(content).append(
      el(
        'aside',
        { class: 'visitors' },
        el('div', { class: 'visitors-head' }, el('h3', { class: 'section-title', text: 'Visitantes' }), search),
        visitorList,
      ),
      pane,
    );
    drawPane();
    void refreshLeads();
  };

  const refreshLeads = async () => {
    const q = search.value.trim();
    const asked = acting;
    if (asked === null) return;
    try {
      const page = await asked.client.get(`/leads?limit=100${q ? `&q=${enc(q)}` : ''}`);
      if (q !== search.value.trim() || asked !== acting) return;
      leads = page.items;
      if (openLead) openLead = leads.find((l) => l.id === openLead.id) ?? openLead;
      const seesAll = asked.role === 'manager' || asked.role === 'admin';
      const bot = seesAll && !q ? await asked.client.get('/visitors/unregistered?limit=20') : null;
      if (asked !== acting) return;
      unregistered = bot?.items ?? [];
      unregisteredMore = bot?.nextCursor != null;
      drawVisitors();
      drawLeadHeader();
    } catch (error) {
      notify(error);
    }
  };
  search.addEventListener('input', debounce(refreshLeads, 250));

  const drawVisitors = () => {
    const { users } = session.directory;
    clear(visitorList).append(
      ...leads.map((lead) =>
        el(
          'button',
          {
            type: 'button',
            class: `visitor${lead.id === openLead?.id ? ' active' : ''}`,
            testid: 'visitor',
            on: { click: () => openVisitor(lead) },
          },
          el('span', { class: 'avatar', text: initials(lead.name ?? '?') }),
          el(
            'span',
            { class: 'visitor-text' },
            el('span', { class: 'visitor-name', text: lead.name ?? 'Sin nombre' }),
            el('span', { class: 'visitor-phone', text: lead.phone ?? 'sin teléfono' }),
            el('span', {
              class: 'visitor-advisor',
              text: lead.advisorId ? (users.get(lead.advisorId)?.name ?? lead.advisorId) : 'Sin asesor',
            }),
            lead.inBot ? botChip(lead.step) : '',
          ),
          windowChip(lead.window),
        ),
      ),
    );
    if (unregistered.length > 0)
      visitorList.append(
        el(
          'details',
          { class: 'unregistered', testid: 'unregistered' },
          el('summary', { text: `Sin registrar en el bot (${unregistered.length}${unregisteredMore ? '+' : ''})` }),
          ...unregistered.map((v) =>
            el(
              'div',
              { class: 'unregistered-row small', testid: 'unregistered-visitor' },
              el('span', { text: v.maskedPhone ?? 'sin teléfono' }),
              el('span', { class: 'muted', text: BOT_STEPS[v.step] ?? v.step }),
            ),
          ),
          el('p', {
            class: 'muted small',
            text: 'Aún no autorizan el tratamiento de sus datos: solo se ve dónde van.',
          }),
        ),
      );
    if (leads.length === 0)
      visitorList.append(
        el('p', {
          class: 'muted small pad',
          text: search.value ? 'Nadie coincide con la búsqueda.' : 'Aún no hay visitantes. Escribe desde el teléfono.',
        }),
      );
  };

  const leadHeader = el('div', { class: 'lead-header' });
  // Take the conversation from the bot (it stops answering this lead) or hand it back (it resumes the search).
  const handButton = (lead) =>
    el('button', {
      type: 'button',
      class: 'button button-small',
      testid: lead.inBot ? 'take-over' : 'hand-back',
      text: lead.inBot ? 'Tomar conversación' : 'Devolver al bot',
      on: {
        click: async () => {
          try {
            await acting.client.post(`/leads/${enc(lead.id)}/conversation/${lead.inBot ? 'takeover' : 'handback'}`);
            inform(lead.inBot ? 'Tienes la conversación: el bot ya no responde.' : 'El bot retoma la conversación.');
            await refreshLeads();
          } catch (error) {
            notify(error);
          }
        },
      },
    });
  const drawLeadHeader = () => {
    if (!openLead) return;
    const advisor = openLead.advisorId
      ? (session.directory.users.get(openLead.advisorId)?.name ?? openLead.advisorId)
      : 'Sin asesor';
    clear(leadHeader).append(
      el('span', { class: 'avatar avatar-large', text: initials(openLead.name ?? '?') }),
      el(
        'div',
        { class: 'lead-who' },
        el('div', { class: 'lead-name', testid: 'lead-name', text: openLead.name ?? openLead.phone ?? 'Sin nombre' }),
        el('div', {
          class: 'muted small',
          text: [openLead.phone, openLead.email, `Asesor: ${advisor}`].filter(Boolean).join(' · '),
        }),
        openLead.inBot ? botChip(openLead.step) : '',
      ),
      handButton(openLead),
      windowChip(openLead.window),
    );
  };

  const tabs = el('div', { class: 'tabs', attrs: { role: 'tablist' } });
  const drawTabs = () =>
    clear(tabs).append(
      ...[
        ['chat', 'Conversación'],
        ['visit', 'Tarjeta de visita'],
      ].map(([id, label]) =>
        el('button', {
          type: 'button',
          class: `tab${tab === id ? ' active' : ''}`,
          text: label,
          testid: `tab-${id}`,
          attrs: { role: 'tab', 'aria-selected': tab === id },
          on: {
            click: () => {
              tab = id;
              drawPane();
            },
          },
        }),
      ),
    );

  const drawPane = () => {
    if (!openLead) {
      clear(pane).append(
        el(
          'div',
          { class: 'pane-empty' },
          el('div', { class: 'pane-empty-icon' }, icon('chat', { size: 56 })),
          el('p', {
            text: `Actúas como ${acting?.name ?? '…'}. Elige un visitante para ver su conversación y su visita.`,
          }),
        ),
      );
      return;
    }
    drawTabs();
    clear(pane).append(leadHeader, tabs, tab === 'chat' ? chat.element : card.element);
    if (tab === 'chat') chat.scrollToEnd();
  };

  const openVisitor = (lead) => {
    openLead = lead;
    tab = 'chat';
    drawVisitors();
    drawLeadHeader();
    drawPane();
    void chat.open(lead);
    void card.open(lead);
  };

  // Debounced: a burst of events is one reload. Skipped while switching users (no one to act as).
  const refreshOpen = debounce(() => acting && openLead && void chat.refresh(), 80);
  const refreshCard = debounce(() => acting && openLead && void card.refresh(), 150);
  const refreshList = debounce(() => acting && void refreshLeads(), 300);
  const refreshAll = () => {
    refreshList();
    if (openLead) {
      refreshOpen();
      refreshCard();
    }
  };

  const onEvent = (type, event) => {
    const mine = openLead !== null && event?.leadId === openLead.id;
    if (type.startsWith('message_')) {
      if (mine) refreshOpen();
      if (type === 'message_received') refreshList();
    } else if (type === 'visit_changed') {
      if (mine) refreshCard();
      refreshList();
    } else if (type === 'lead_registered' || type === 'lead_assigned' || type === 'conversation_handed') {
      refreshList();
    }
  };

  const key = takeAdminKey();
  if (key) void connect(key);
  else askKey();
};

/** Where a lead stands in the bot, in the sales team's words. */
const BOT_STEPS = {
  start: 'Inicio',
  awaitingEmail: 'Le pedimos el correo',
  confirmingEmail: 'Confirma su correo',
  awaitingConsent: 'Le pedimos la autorización',
  choosingFilter: 'Elige cómo buscar',
  choosingPriceRange: 'Elige el precio',
  choosingCity: 'Elige la ciudad',
  choosingPropertyType: 'Elige el tipo de inmueble',
  choosingProject: 'Elige el proyecto',
  choosingUnitType: 'Elige la tipología',
  choosingOutcome: 'Decide: cotizar o asesor',
  askingSavings: 'Cesantías o subsidio',
  quoted: 'Ya cotizó',
};

const botChip = (step) =>
  el('span', { class: 'bot-chip', testid: 'bot-chip', text: `En el bot · ${BOT_STEPS[step] ?? step}` });

const windowChip = (window) =>
  el('span', {
    class: `window-chip ${window.open ? 'open' : 'closed'}`,
    testid: 'window-chip',
    text: windowLabel(window).replace('Ventana ', '').replace(': solo plantillas', ''),
  });
