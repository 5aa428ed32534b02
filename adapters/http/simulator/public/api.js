// HTTP clients: the fake WhatsApp (no auth) and the CRM API (Bearer key). Errors carry the problem+json body.

/** A refused request, with what the server said (problem+json `code`, `title`, `detail`). */
export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail ?? problem?.title ?? `HTTP ${status}`);
    this.status = status;
    this.code = problem?.code ?? null;
    this.title = problem?.title ?? null;
    this.detail = problem?.detail ?? null;
    this.problem = problem;
  }
}

const FRIENDLY = {
  window_closed: 'La ventana de 24 horas está cerrada: envía una plantilla aprobada.',
  unauthenticated: 'La clave no es válida.',
  forbidden: 'Tu rol no permite esta acción.',
  unit_not_available: 'Ese inmueble ya no está disponible.',
  appointment_overlaps: 'El asesor ya tiene una cita a esa hora.',
  invalid_appointment_time: 'Revisa la hora de la cita.',
  appointment_in_past: 'Esa hora ya pasó: elige una hora futura.',
  outside_working_hours: 'Esa hora está fuera del horario del asesor (los festivos no se atiende).',
  invalid_appointment_transition: 'La cita no puede pasar a ese estado.',
  appointment_not_started: 'La cita aún no ha empezado.',
  appointment_not_found: 'Esa cita no existe o no tienes acceso a ella.',
  invalid_stage_transition: 'La visita no puede pasar a esa etapa.',
  visit_already_reserved: 'Esta visita ya tiene un inmueble separado: cancela esa separación primero.',
  reservation_closed: 'Esa separación ya no está vigente.',
  invalid_separation_payment: 'Revisa el pago de separación: valor, fecha (no futura) y referencia.',
  voice_note_must_be_ogg: 'Las notas de voz deben ser audio OGG (Opus).',
  media_too_large: 'El archivo es demasiado grande (máximo 16 MB).',
  unsupported_media_type: 'WhatsApp no acepta ese tipo de archivo.',
  media_content_mismatch:
    'El contenido del archivo no corresponde a su tipo (las notas de voz deben ser OGG con Opus).',
  media_not_found: 'Ese archivo no existe o no tienes acceso a él.',
  lead_has_no_whatsapp: 'Este cliente no tiene WhatsApp.',
  validation_failed: 'Hay datos inválidos.',
};

/** A polite Spanish sentence for an error, followed by the server's own detail. */
export const describeError = (error) => {
  if (!(error instanceof ApiError)) return `No se pudo conectar con el servidor (${error?.message ?? error}).`;
  // Some details come as "español / English": the Spanish half says it best.
  if (error.detail?.includes(' / ')) return error.detail.split(' / ')[0];
  const friendly = FRIENDLY[error.code] ?? error.title ?? 'No se pudo completar la acción.';
  const detail = [error.detail, fieldErrors(error.problem)].filter(Boolean).join(' ');
  return detail && detail !== friendly ? `${friendly} — ${detail}` : friendly;
};

const fieldErrors = (problem) =>
  Array.isArray(problem?.errors) ? problem.errors.map((e) => `${e.path}: ${e.message}`).join('; ') : null;

const parseBody = async (response) => {
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('json')) return response.json().catch(() => null);
  return null;
};

const request = async (url, { method = 'GET', headers = {}, json, body } = {}) => {
  const init = { method, headers: { ...headers } };
  if (json !== undefined) {
    init.headers['content-type'] = 'application/json';
    init.body = JSON.stringify(json);
  } else if (body !== undefined) {
    init.body = body;
  }
  const response = await fetch(url, init);
  const data = await parseBody(response);
  if (!response.ok) throw new ApiError(response.status, data);
  return data;
};

const phonePath = (phone) => `/fake-whatsapp/phones/${encodeURIComponent(phone)}`;

/** The fake WhatsApp as the lead's phone sees it. */
export const fakeWhatsApp = {
  phones: async () => (await request('/fake-whatsapp/phones')).phones,
  messages: async (phone) => (await request(`${phonePath(phone)}/messages`)).messages,
  send: (body) => request('/fake-whatsapp/inbound', { method: 'POST', json: body }),
  receipts: (phone, waMessageIds, status) =>
    request(`${phonePath(phone)}/receipts`, { method: 'POST', json: { waMessageIds, status } }),
};

/** A CRM API client acting with `key`. */
export const crmClient = (key) => {
  const auth = { authorization: `Bearer ${key}` };
  const call = (path, options = {}) =>
    request(`/api/v1${path}`, { ...options, headers: { ...auth, ...options.headers } });
  return {
    key,
    get: (path) => call(path),
    post: (path, json = {}) => call(path, { method: 'POST', json }),
    patch: (path, json) => call(path, { method: 'PATCH', json }),
    put: (path, json) => call(path, { method: 'PUT', json }),
    upload: (file, filename = file.name) => {
      const form = new FormData();
      form.append('file', file, filename);
      return call('/media', { method: 'POST', body: form });
    },
    /** The bytes of a stored file as a Blob (media downloads need the key, so no plain link). */
    blob: async (mediaId) => {
      const response = await fetch(`/api/v1/media/${encodeURIComponent(mediaId)}`, { headers: auth });
      if (!response.ok) throw new ApiError(response.status, await parseBody(response));
      return response.blob();
    },
  };
};
