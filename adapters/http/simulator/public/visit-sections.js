// The parts of the visit card, drawn from the API's answers; every button calls one of `actions`.

import { dateTimeOf, el } from './dom.js';
import { icon } from './icons.js';

const UNIT_STATUS = { available: 'Disponible', reserved: 'Separada', sold: 'Vendida' };
const RESERVATION_STATUS = {
  requested: 'Por autorizar',
  authorised: 'Autorizada',
  confirmed: 'Promesa firmada',
  cancelled: 'Cancelada',
  expired: 'Vencida',
};
/** An appointment's status as the sales room says it. */
export const APPOINTMENT_STATUS = {
  scheduled: 'Programada',
  confirmed: 'Confirmada',
  done: 'Cumplida',
  no_show: 'No asistió',
  cancelled: 'Cancelada',
};
const REMINDER_STATE = {
  pending: 'Recordatorio programado',
  queued: 'Recordatorio enviado',
  not_sent: 'Recordatorio no enviado',
};
const REMINDER_REASON = {
  no_approved_template: 'no hay plantilla aprobada',
  template_parameter_mismatch: 'la plantilla no encaja',
  lead_has_no_whatsapp: 'el cliente no tiene WhatsApp',
  appointment_started: 'la cita ya había empezado',
};
const FUNNEL = ['new', 'contacted', 'appointment', 'visited', 'quoted', 'reserved', 'promise', 'deeded', 'delivered'];
const BEFORE_RESERVED = FUNNEL.slice(0, FUNNEL.indexOf('reserved'));
const FINAL = ['delivered', 'withdrawn', 'lost'];
const HAND_MOVES = [
  'contacted',
  'appointment',
  'visited',
  'quoted',
  'promise',
  'deeded',
  'delivered',
  'withdrawn',
  'lost',
];
const isActive = (r) => ['requested', 'authorised', 'confirmed'].includes(r.status);

/** The funnel's rule (domain/visit/funnel.ts), to offer only the moves the server accepts. */
const canMove = (from, to, held) => {
  if (FINAL.includes(from) || from === to) return false;
  if (to === 'withdrawn' || to === 'lost') return true;
  if (to === 'promise') return from === 'reserved' && held?.status === 'authorised';
  if (to === 'deeded') return from === 'promise';
  if (to === 'delivered') return from === 'deeded';
  return BEFORE_RESERVED.includes(from) && FUNNEL.indexOf(to) > FUNNEL.indexOf(from);
};

/** A stage as people read it: the label the desk's settings give (`GET /settings/funnel`), else its code. */
export const labelOf = (labels, stage) => labels?.[stage] ?? stage;

export const money = ({ amount, currency }) =>
  new Intl.NumberFormat('es-CO', { style: 'currency', currency, maximumFractionDigits: 0 }).format(amount);

const section = (title, testid, ...children) =>
  el('section', { class: 'card-section', testid }, el('h4', { class: 'card-section-title', text: title }), ...children);

const actionButton = (text, onClick, testid, kind = 'ghost') =>
  el('button', { type: 'button', class: `button button-${kind} button-small`, text, testid, on: { click: onClick } });

export const summarySection = ({ card, directory, labels }, actions) => {
  const visit = card.visit;
  const project = directory.projects.get(visit.projectId);
  const unitType = visit.unitTypeId ? directory.unitTypes.get(visit.unitTypeId) : null;
  const held = card.reservations.find(isActive);
  const moves = HAND_MOVES.filter((to) => canMove(visit.stage, to, held)).map((to) => [to, labelOf(labels, to)]);
  const select = el(
    'select',
    { testid: 'stage-select', attrs: { 'aria-label': 'Nueva etapa' } },
    el('option', { value: '', text: 'Mover a…' }),
    moves.map(([value, text]) => el('option', { value, text })),
  );
  return el(
    'div',
    { class: 'visit-summary' },
    el(
      'div',
      {},
      el('div', {
        class: 'visit-project',
        text:
          visit.projectId === null
            ? 'Visita general (sin proyecto)'
            : project
              ? `${project.name} · ${project.city}`
              : visit.projectId,
      }),
      el('div', { class: 'muted small', text: unitType ? unitType.name : 'Sin tipo de inmueble elegido' }),
    ),
    el(
      'div',
      { class: 'visit-stage' },
      el('span', {
        class: `stage stage-${visit.stage}`,
        text: labelOf(labels, visit.stage),
        testid: 'visit-stage',
      }),
      moves.length
        ? [select, actionButton('Cambiar', () => select.value && actions.changeStage(select.value), 'stage-change')]
        : null,
    ),
  );
};

export const unitsSection = ({ card, directory, onlyType }, actions) => {
  const typeId = card.visit.unitTypeId;
  const units = card.units.filter((u) => !onlyType || !typeId || u.unitTypeId === typeId);
  // Only a visit before the separation, holding none, separates a unit.
  const canReserve = BEFORE_RESERVED.includes(card.visit.stage) && !card.reservations.some(isActive);
  const toggle = typeId
    ? el(
        'label',
        { class: 'small muted toggle' },
        el('input', {
          type: 'checkbox',
          checked: onlyType,
          on: { change: (e) => actions.setOnlyType(e.target.checked) },
        }),
        ' Solo el tipo de interés',
      )
    : null;
  const rows = units.map((unit) =>
    el(
      'tr',
      { testid: 'unit-row' },
      el(
        'td',
        {},
        el('strong', { text: unit.code }),
        el('div', {
          class: 'muted small',
          text: [
            `${unit.areaM2} m²`,
            onlyType && typeId ? null : (directory.unitTypes.get(unit.unitTypeId)?.name ?? unit.unitTypeId),
          ]
            .filter(Boolean)
            .join(' · '),
        }),
      ),
      el('td', { class: 'num', text: money(unit.price) }),
      el('td', {}, el('span', { class: `pill pill-${unit.status}`, text: UNIT_STATUS[unit.status] ?? unit.status })),
      el(
        'td',
        {},
        unit.status === 'available'
          ? el(
              'div',
              { class: 'row-actions' },
              actionButton('Cotizar', () => actions.createQuote(unit), 'quote-create'),
              canReserve ? actionButton('Separar', () => actions.reserve(unit), 'unit-reserve') : null,
            )
          : null,
      ),
    ),
  );
  return section(
    'Inmuebles del proyecto',
    'visit-units',
    toggle,
    units.length === 0
      ? el('p', { class: 'muted small', text: 'No hay inmuebles para mostrar.' })
      : el(
          'div',
          { class: 'table-scroll' },
          el(
            'table',
            { class: 'table' },
            el(
              'thead',
              {},
              el(
                'tr',
                {},
                ['Inmueble', 'Precio', 'Estado', ''].map((h) => el('th', { text: h })),
              ),
            ),
            el('tbody', {}, rows),
          ),
        ),
  );
};

/** What the lead asked the bot about this visit, for the advisor to answer (nothing when they asked nothing). */
export const notesSection = ({ card }) =>
  (card.notes ?? []).length === 0
    ? ''
    : section(
        'Preguntas del cliente',
        'notes-section',
        el(
          'ul',
          { class: 'list' },
          card.notes.map((note) =>
            el(
              'li',
              { class: 'list-row', testid: 'note-row' },
              el(
                'div',
                {},
                el('span', { text: note.text }),
                el('div', { class: 'muted small', text: dateTimeOf(note.at) }),
              ),
            ),
          ),
        ),
      );

export const quotesSection = ({ card, quotes }, actions) => {
  const detailed = new Map(quotes.map((q) => [q.id, q]));
  const items = card.quotes.map((quote) => {
    const full = detailed.get(quote.id);
    return el(
      'li',
      { class: 'list-row', testid: 'quote-row' },
      el(
        'div',
        {},
        el('strong', { text: quote.number }),
        el('span', {
          class: 'muted small',
          text: ` · ${quote.unitCode} · ${full ? full.totalPrice.formatted : money(quote.price)}`,
        }),
        el('div', { class: 'muted small', text: `Válida hasta ${dateTimeOf(quote.validUntil)}` }),
      ),
      el(
        'div',
        { class: 'row-actions' },
        quote.pdfMediaId ? actionButton('PDF', () => actions.openPdf(quote.pdfMediaId), 'quote-pdf') : null,
        actionButton('Enviar', () => actions.sendQuote(quote), 'quote-send', 'primary'),
      ),
    );
  });
  const byType = card.visit.unitTypeId
    ? actionButton('Simular cotización', () => actions.createQuote(null), 'quote-simulate', 'primary')
    : null;
  return section(
    'Cotizaciones',
    'visit-quotes',
    items.length
      ? el('ul', { class: 'plain-list' }, items)
      : el('p', { class: 'muted small', text: 'Aún no hay cotizaciones. Usa "Cotizar" en un inmueble.' }),
    byType,
  );
};

const tomorrowAt10 = () => {
  const d = new Date(Date.now() + 86_400_000);
  d.setHours(10, 0, 0, 0);
  const pad = (n) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T10:00`;
};

export const appointmentsSection = ({ card }, actions) => {
  const start = el('input', {
    type: 'datetime-local',
    value: tomorrowAt10(),
    testid: 'appointment-start',
    required: true,
    attrs: { 'aria-label': 'Inicio de la cita' },
  });
  const duration = el(
    'select',
    { testid: 'appointment-duration', attrs: { 'aria-label': 'Duración' } },
    [
      [30, '30 min'],
      [60, '1 hora'],
      [90, '1 h 30 min'],
      [120, '2 horas'],
    ].map(([value, text]) => el('option', { value, text, selected: value === 60 })),
  );
  const note = el('input', {
    type: 'text',
    placeholder: 'Nota (opcional)',
    testid: 'appointment-note',
    attrs: { 'aria-label': 'Nota' },
  });
  const form = el(
    'form',
    {
      class: 'inline-form',
      on: {
        submit: (event) => {
          event.preventDefault();
          const startsAt = new Date(start.value);
          if (Number.isNaN(startsAt.getTime())) return;
          const endsAt = new Date(startsAt.getTime() + Number(duration.value) * 60_000);
          actions.schedule({
            startsAt: startsAt.toISOString(),
            endsAt: endsAt.toISOString(),
            ...(note.value.trim() ? { note: note.value.trim() } : {}),
          });
        },
      },
    },
    start,
    duration,
    note,
    el('button', {
      type: 'submit',
      class: 'button button-primary button-small',
      text: 'Agendar cita',
      testid: 'appointment-create',
    }),
  );
  const items = card.appointments.map((a) =>
    appointmentRow(
      a,
      actions,
      () => start.value,
      () => duration.value,
    ),
  );
  return section('Citas', 'visit-appointments', items.length ? el('ul', { class: 'plain-list' }, items) : null, form);
};

const paymentForm = (r, actions) => {
  const amount = el('input', {
    type: 'number',
    min: '1',
    step: '1',
    placeholder: 'Valor',
    attrs: { 'aria-label': 'Valor de la separación' },
  });
  const paidOn = el('input', {
    type: 'date',
    value: new Date().toISOString().slice(0, 10),
    attrs: { 'aria-label': 'Fecha de pago' },
  });
  const reference = el('input', {
    type: 'text',
    maxlength: '100',
    placeholder: 'Referencia',
    attrs: { 'aria-label': 'Referencia' },
  });
  return el(
    'form',
    {
      class: 'inline-form payment-form',
      testid: 'payment-form',
      on: {
        submit: (event) => {
          event.preventDefault();
          const value = Number(amount.value);
          if (!Number.isInteger(value) || value <= 0) return;
          actions.recordPayment(r, {
            amount: { amount: value, currency: r.quote?.price.currency ?? 'COP' },
            paidOn: paidOn.value,
            reference: reference.value.trim() === '' ? null : reference.value.trim(),
          });
        },
      },
    },
    amount,
    paidOn,
    reference,
    el('button', { type: 'submit', class: 'button button-ghost button-small', text: 'Registrar pago' }),
  );
};

const reservationDetails = (r) =>
  el(
    'div',
    { class: 'reservation-details muted small' },
    el('span', {
      testid: 'reservation-quote',
      text: r.quote
        ? `Precio congelado: ${money(r.quote.price)} (${r.quote.number}${r.quote.version > 1 ? ` v${r.quote.version}` : ''})`
        : 'Sin cotización congelada',
    }),
    el('span', {
      testid: 'reservation-payment',
      text: r.payment
        ? `Separación pagada: ${money(r.payment.amount)} el ${r.payment.paidOn.split('-').reverse().join('/')}${r.payment.reference ? ` · Ref. ${r.payment.reference}` : ''}`
        : 'Sin pago de separación registrado',
    }),
    ['requested', 'authorised'].includes(r.status)
      ? el('span', {
          class: 'reservation-expiry',
          testid: 'reservation-expiry',
          text: `Vence ${dateTimeOf(r.expiresAt)} si no se firma la promesa`,
        })
      : null,
  );

export const reservationsSection = ({ card, role }, actions) => {
  const codes = new Map(card.units.map((u) => [u.id, u.code]));
  const canAuthorise = role === 'manager' || role === 'admin';
  const items = card.reservations.map((r) =>
    el(
      'li',
      { class: 'list-row reservation-row', testid: 'reservation-row' },
      el(
        'div',
        { class: 'reservation-head' },
        el(
          'span',
          {},
          el('strong', { text: codes.get(r.unitId) ?? r.unitId }),
          el('span', { class: 'muted small', text: ` · ${dateTimeOf(r.createdAt)}` }),
        ),
        el('span', { class: `pill pill-${r.status}`, text: RESERVATION_STATUS[r.status] ?? r.status }),
        r.status === 'requested' && canAuthorise
          ? actionButton('Autorizar', () => actions.authorise(r), 'reservation-authorise', 'primary')
          : null,
        ['requested', 'authorised'].includes(r.status)
          ? actionButton('Cancelar', () => actions.cancelReservation(r), 'reservation-cancel')
          : null,
      ),
      reservationDetails(r),
      isActive(r) && r.payment === null ? paymentForm(r, actions) : null,
    ),
  );
  const hint =
    card.reservations.some((r) => r.status === 'requested') && !canAuthorise
      ? el('p', { class: 'muted small', text: 'Un gerente debe autorizar la separación.' })
      : card.reservations.some((r) => r.status === 'authorised')
        ? el('p', {
            class: 'muted small',
            text: 'Autorizada: el inmueble sigue separado hasta firmar la promesa (etapa "Promesa firmada").',
          })
        : null;
  return section(
    'Separaciones',
    'visit-reservations',
    items.length
      ? el('ul', { class: 'plain-list' }, items)
      : el('p', { class: 'muted small', text: 'Sin separaciones. Usa "Separar" en un inmueble disponible.' }),
    hint,
  );
};

const hourOf = (iso) =>
  new Date(iso).toLocaleTimeString('es-CO', { hour: '2-digit', minute: '2-digit', hour12: false });

const reminderText = (reminder) => {
  const label = REMINDER_STATE[reminder.state];
  if (!label) return null;
  if (reminder.state === 'pending') return `${label} · ${dateTimeOf(reminder.dueAt)}`;
  if (reminder.state === 'queued') return `${label} (${reminder.via === 'template' ? 'plantilla' : 'texto'})`;
  return `${label}: ${REMINDER_REASON[reminder.reason] ?? reminder.reason}`;
};

/** One appointment: when, its status and reminder, and the moves the server accepts from its status. */
const appointmentRow = (a, actions, startOf, durationOf) => {
  const active = a.status === 'scheduled' || a.status === 'confirmed';
  const started = Date.parse(a.startsAt) <= Date.now();
  const buttons = active
    ? [
        a.status === 'scheduled'
          ? actionButton('Confirmar', () => actions.setAppointmentStatus(a, 'confirmed'), 'appointment-confirm')
          : null,
        started ? actionButton('Cumplida', () => actions.setAppointmentStatus(a, 'done'), 'appointment-done') : null,
        started
          ? actionButton('No asistió', () => actions.setAppointmentStatus(a, 'no_show'), 'appointment-no-show')
          : null,
        actionButton(
          'Reprogramar',
          () => {
            const startsAt = new Date(startOf());
            if (Number.isNaN(startsAt.getTime())) return;
            const endsAt = new Date(startsAt.getTime() + Number(durationOf()) * 60_000);
            actions.rescheduleAppointment(a, { startsAt: startsAt.toISOString(), endsAt: endsAt.toISOString() });
          },
          'appointment-reschedule',
        ),
        actionButton('Cancelar', () => actions.cancelAppointment(a), 'appointment-cancel', 'danger'),
      ].filter(Boolean)
    : [];
  const reminder = reminderText(a.reminder);
  return el(
    'li',
    { class: 'list-row appointment-row', testid: 'appointment-row' },
    el(
      'span',
      { class: 'with-icon' },
      icon('calendar', { size: 16 }),
      `${dateTimeOf(a.startsAt)} – ${hourOf(a.endsAt)}`,
    ),
    el('span', {
      class: `pill pill-appt-${a.status}`,
      text: APPOINTMENT_STATUS[a.status] ?? a.status,
      testid: 'appointment-status',
    }),
    a.note ? el('span', { class: 'muted small', text: a.note }) : null,
    reminder ? el('span', { class: 'muted small', text: reminder, testid: 'appointment-reminder' }) : null,
    buttons.length ? el('span', { class: 'row-actions' }, ...buttons) : null,
  );
};
