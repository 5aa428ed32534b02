// Who the advisor panel acts as: the admin key (from #key=…, else localStorage, else a form), and the
// key of the user chosen in "Actuar como", issued once with the admin key and cached.

import { ApiError, crmClient } from './api.js';
import { el } from './dom.js';

const ADMIN_KEY = 'simulator.adminKey';
const ACTING_AS = 'simulator.actingAs';
const userKeyName = (userId) => `simulator.userKey.${userId}`;
export const ADMIN_CHOICE = '';

const store = {
  get: (name) => {
    try {
      return localStorage.getItem(name);
    } catch {
      return null;
    }
  },
  set: (name, value) => {
    try {
      if (value === null) localStorage.removeItem(name);
      else localStorage.setItem(name, value);
    } catch {
      // Private mode: the key then lasts as long as the page.
    }
  },
};

/** The admin key from the address (then moved to localStorage and removed from the bar), else the stored one. */
export const takeAdminKey = () => {
  const fromHash = new URLSearchParams(location.hash.slice(1)).get('key');
  if (fromHash) {
    store.set(ADMIN_KEY, fromHash);
    history.replaceState(null, '', location.pathname + location.search);
    return fromHash;
  }
  return store.get(ADMIN_KEY);
};

export const forgetAdminKey = () => store.set(ADMIN_KEY, null);

/**
 * Opens a session with `adminKey`: who it is, the users and the catalogue (for names), and `actAs(userId)`
 * which answers a client acting as that user (or as the key's owner for ADMIN_CHOICE).
 * Throws ApiError 401 when the key is refused.
 */
export const openSession = async (adminKey) => {
  store.set(ADMIN_KEY, adminKey);
  const admin = crmClient(adminKey);
  const me = await admin.get('/me');
  const canList = me.role === 'admin' || me.role === 'manager';
  const [users, projects] = canList
    ? await Promise.all([
        admin.get('/users').then((r) => r.users),
        admin
          .get('/projects')
          .then((r) => r.projects)
          .catch(() => []),
      ])
    : [[], []];
  const directory = buildDirectory(users, projects);

  const actAs = async (userId) => {
    store.set(ACTING_AS, userId);
    if (userId === ADMIN_CHOICE || me.role !== 'admin')
      return { client: admin, role: me.role, userId: me.userId, name: nameOf(me, directory) };
    const user = directory.users.get(userId);
    return { client: await userClient(admin, userId), role: user.role, userId, name: user.name };
  };
  const remembered = store.get(ACTING_AS) ?? ADMIN_CHOICE;
  const initialChoice = remembered === ADMIN_CHOICE || directory.users.has(remembered) ? remembered : ADMIN_CHOICE;
  return { me, admin, directory, actAs, initialChoice, canChoose: me.role === 'admin' };
};

const nameOf = (me, directory) =>
  me.userId ? (directory.users.get(me.userId)?.name ?? 'Usuario') : 'Administrador (clave del servidor)';

/** A cached key that still works, else a fresh one issued with the admin key. */
const userClient = async (admin, userId) => {
  const cached = store.get(userKeyName(userId));
  if (cached) {
    const client = crmClient(cached);
    try {
      await client.get('/me');
      return client;
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 401)) throw error;
    }
  }
  const issued = await admin.post(`/users/${encodeURIComponent(userId)}/api-keys`, { label: 'Simulador QA' });
  store.set(userKeyName(userId), issued.key);
  return crmClient(issued.key);
};

const buildDirectory = (users, projects) => {
  const unitTypes = new Map();
  for (const project of projects)
    for (const type of project.unitTypes) unitTypes.set(type.id, { ...type, projectId: project.id });
  return {
    users: new Map(users.map((u) => [u.id, u])),
    projects: new Map(projects.map((p) => [p.id, p])),
    unitTypes,
  };
};

export const ROLE_LABELS = { advisor: 'Asesor(a)', manager: 'Gerente', admin: 'Administrador(a)' };

/** The form asking for the admin key; `onKey(key)` runs on submit. */
export const keyForm = ({ onKey, error }) => {
  const input = el('input', {
    type: 'password',
    placeholder: 'Clave de administrador',
    testid: 'admin-key-input',
    required: true,
    attrs: { autocomplete: 'off', 'aria-label': 'Clave de administrador' },
  });
  return el(
    'form',
    {
      class: 'key-form card',
      testid: 'admin-key-form',
      on: {
        submit: (event) => {
          event.preventDefault();
          if (input.value.trim()) onKey(input.value.trim());
        },
      },
    },
    el('h3', { text: 'Conecta el panel' }),
    el('p', {
      class: 'muted',
      text: 'Pega la clave de administrador. En una terminal, el servidor la muestra al arrancar (enlace …/simulator#key=…); si no, está en el archivo crm-admin-api-key de DATA_DIR (./.data por defecto).',
    }),
    input,
    error ? el('div', { class: 'field-error', text: error, attrs: { role: 'alert' } }) : null,
    el('button', { type: 'submit', class: 'button button-primary', text: 'Entrar' }),
  );
};
