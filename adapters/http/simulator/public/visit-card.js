// The visit card of the open lead: stage, units, quotes, appointments and reservations, with their actions.

import { clear, el } from './dom.js';
import {
  APPOINTMENT_STATUS,
  appointmentsSection,
  quotesSection,
  reservationsSection,
  labelOf,
  notesSection,
  summarySection,
  unitsSection,
} from './visit-sections.js';

const enc = encodeURIComponent;

/** How a visit is named in pickers and in the chat's focus bar. */
export const visitName = (visit, directory) =>
  visit.projectId === null
    ? 'Visita general (sin proyecto)'
    : (directory.projects.get(visit.projectId)?.name ?? visit.projectId);

/**
 * `session()` answers { client, directory, role }; `notify(error)` shows an error, `inform(text)` a success;
 * `onFocus(visit)` hears which visit is selected (the chat files the advisor's messages under it).
 */
export const createVisitCard = ({ session, notify, inform, onFocus = () => {} }) => {
  const body = el('div', { class: 'visit-card', testid: 'visit-card' });
  let lead = null;
  let visitId = null;
  let onlyType = true;

  const call = async (work, success) => {
    try {
      const result = await work(session().client);
      if (success) inform(typeof success === 'function' ? success(result) : success);
      await refresh();
      return result;
    } catch (error) {
      notify(error);
      return null;
    }
  };

  const actions = {
    setOnlyType: (value) => {
      onlyType = value;
      void refresh();
    },
    changeStage: (stage) =>
      call((c) => c.patch(`/visits/${enc(visitId)}/stage`, { stage }), `Etapa: ${labelOf(labels, stage)}`),
    createQuote: (unit) =>
      call(
        (c) => c.post(`/visits/${enc(visitId)}/quotes`, unit ? { unitId: unit.id } : { unitTypeId: currentTypeId }),
        (quote) => `Cotización ${quote.number} creada (${quote.totalPrice.formatted}).`,
      ),
    sendQuote: (quote) =>
      call((c) => c.post(`/quotes/${enc(quote.id)}/send`), `Cotización ${quote.number} enviada al cliente.`),
    openPdf: (mediaId) => openPdf(mediaId),
    schedule: (appointment) =>
      call((c) => c.post(`/visits/${enc(visitId)}/appointments`, appointment), 'Cita agendada.'),
    rescheduleAppointment: (appointment, slot) =>
      call((c) => c.post(`/appointments/${enc(appointment.id)}/reschedule`, slot), 'Cita reprogramada.'),
    cancelAppointment: (appointment) =>
      call((c) => c.post(`/appointments/${enc(appointment.id)}/cancel`), 'Cita cancelada.'),
    setAppointmentStatus: (appointment, status) =>
      call(
        (c) => c.patch(`/appointments/${enc(appointment.id)}/status`, { status }),
        `Cita: ${APPOINTMENT_STATUS[status]}.`,
      ),
    reserve: (unit) =>
      call(
        (c) => c.post(`/visits/${enc(visitId)}/reservations`, { unitId: unit.id }),
        `Inmueble ${unit.code} separado: falta la autorización.`,
      ),
    authorise: (reservation) =>
      call(
        (c) => c.post(`/reservations/${enc(reservation.id)}/authorise`),
        'Separación autorizada: el inmueble sigue separado hasta firmar la promesa.',
      ),
    cancelReservation: (reservation) =>
      call(
        (c) => c.post(`/reservations/${enc(reservation.id)}/cancel`),
        'Separación cancelada: el inmueble queda disponible.',
      ),
    recordPayment: (reservation, payment) =>
      call((c) => c.put(`/reservations/${enc(reservation.id)}/payment`, payment), 'Pago de separación registrado.'),
  };
  /** The stage labels the desk's settings give, read once per card refresh. */
  let labels = null;
  let currentTypeId = null;

  /** Opens a tab at once (a click allows it) and points it at the PDF once downloaded with the key. */
  const openPdf = async (mediaId) => {
    const tab = window.open('', '_blank');
    try {
      const blob = await session().client.blob(mediaId);
      const url = URL.createObjectURL(blob);
      if (tab) tab.location.href = url;
      else window.open(url, '_blank');
    } catch (error) {
      tab?.close();
      notify(error);
    }
  };

  const visitPicker = (visits) => {
    if (visits.length < 2) return null;
    const { directory } = session();
    const select = el(
      'select',
      {
        testid: 'visit-select',
        attrs: { 'aria-label': 'Visita' },
        on: {
          change: (e) => {
            visitId = e.target.value;
            void refresh();
          },
        },
      },
      visits.map((v) =>
        el('option', {
          value: v.id,
          text: visitName(v, directory),
          selected: v.id === visitId,
        }),
      ),
    );
    return el('label', { class: 'visit-picker' }, 'Visita: ', select);
  };

  const openVisitForm = () => {
    const { directory } = session();
    if (directory.projects.size === 0) return null;
    const select = el(
      'select',
      { attrs: { 'aria-label': 'Proyecto' } },
      [...directory.projects.values()].map((p) => el('option', { value: p.id, text: `${p.name} · ${p.city}` })),
    );
    return el(
      'form',
      {
        class: 'inline-form',
        on: {
          submit: (event) => {
            event.preventDefault();
            void call((c) => c.post(`/leads/${enc(lead.id)}/visits`, { projectId: select.value }), 'Visita abierta.');
          },
        },
      },
      select,
      el('button', { type: 'submit', class: 'button button-ghost button-small', text: 'Abrir visita' }),
    );
  };

  const refresh = async () => {
    if (!lead) return;
    const current = lead;
    try {
      const { client, directory, role } = session();
      const visits = (await client.get(`/leads/${enc(current.id)}/visits`)).items;
      if (lead !== current) return;
      if (!visits.some((v) => v.id === visitId)) visitId = visits[0]?.id ?? null;
      onFocus(visits.find((v) => v.id === visitId) ?? null, visits.length);
      if (visitId === null) {
        clear(body).append(
          el('p', { class: 'muted', text: 'Este visitante aún no tiene visitas.' }),
          openVisitForm() ?? '',
        );
        return;
      }
      const [card, quotes, funnel] = await Promise.all([
        client.get(`/visits/${enc(visitId)}`),
        client.get(`/visits/${enc(visitId)}/quotes`),
        client.get('/settings/funnel'),
      ]);
      if (lead !== current) return;
      currentTypeId = card.visit.unitTypeId;
      labels = Object.fromEntries(funnel.stages.map((s) => [s.stage, s.label]));
      const data = { card, quotes: quotes.items, directory, role, onlyType, labels };
      clear(body).append(
        visitPicker(visits) ?? '',
        summarySection(data, actions),
        notesSection(data),
        quotesSection(data, actions),
        unitsSection(data, actions),
        appointmentsSection(data, actions),
        reservationsSection(data, actions),
      );
    } catch (error) {
      notify(error);
    }
  };

  return {
    element: body,
    open(next) {
      lead = next;
      visitId = null;
      clear(body).append(el('p', { class: 'muted', text: 'Cargando visita…' }));
      return refresh();
    },
    refresh,
  };
};
