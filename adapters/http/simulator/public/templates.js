// The template menu: choose an approved template, fill its {{n}} variables, preview, send.

import { clear, el } from './dom.js';

const fill = (body, values) => body.replace(/\{\{(\d+)\}\}/g, (match, n) => values[Number(n) - 1] || match);

/**
 * `load()` answers the templates (GET /templates items); `onSend({ name, language, parameters })` sends one;
 * `suggest(index)` proposes a value for variable `index` (0-based), e.g. the lead's first name.
 */
export const createTemplateMenu = ({ load, onSend, suggest }) => {
  const select = el('select', { testid: 'template-select', attrs: { 'aria-label': 'Plantilla' } });
  const fields = el('div', { class: 'template-fields' });
  const preview = el('div', { class: 'template-preview bubble bubble-agent', testid: 'template-preview' });
  const send = el('button', {
    type: 'submit',
    class: 'button button-primary',
    text: 'Enviar plantilla',
    testid: 'template-send',
  });
  const status = el('p', { class: 'muted small' });
  let templates = [];
  let inputs = [];

  const chosen = () => templates.find((t) => key(t) === select.value);
  const values = () => inputs.map((i) => i.value.trim());
  const updatePreview = () => {
    const template = chosen();
    preview.textContent = template ? fill(template.body, values()) : '';
    send.disabled = !template || values().some((v) => v === '');
  };

  const showFields = () => {
    const template = chosen();
    inputs = Array.from({ length: template?.parameterCount ?? 0 }, (_, i) =>
      el('input', {
        type: 'text',
        value: suggest(i, template) ?? '',
        placeholder: `Variable {{${i + 1}}}`,
        testid: 'template-parameter',
        attrs: { 'aria-label': `Variable ${i + 1}` },
        on: { input: updatePreview },
      }),
    );
    clear(fields).append(
      ...inputs.map((input, i) =>
        el('label', { class: 'template-field' }, el('span', { text: `{{${i + 1}}}` }), input),
      ),
    );
    updatePreview();
  };
  select.addEventListener('change', showFields);

  const form = el(
    'form',
    {
      class: 'template-menu',
      testid: 'template-menu',
      on: {
        submit: async (event) => {
          event.preventDefault();
          const template = chosen();
          if (!template) return;
          send.disabled = true;
          try {
            await onSend({ name: template.name, language: template.language, parameters: values() });
          } finally {
            updatePreview();
          }
        },
      },
    },
    el(
      'div',
      { class: 'template-head' },
      el('span', { class: 'template-title', text: 'Plantillas aprobadas' }),
      select,
    ),
    status,
    fields,
    preview,
    el('div', { class: 'actions' }, send),
  );

  return {
    element: form,
    async refresh() {
      try {
        templates = await load();
      } catch {
        templates = [];
      }
      const previous = select.value;
      clear(select).append(
        el('option', { value: '', text: templates.length ? 'Elige una plantilla…' : 'No hay plantillas aprobadas' }),
        ...templates.map((t) => el('option', { value: key(t), text: `${t.name} (${t.language})` })),
      );
      select.value = templates.some((t) => key(t) === previous) ? previous : '';
      status.textContent = 'Las plantillas se pueden enviar siempre, incluso con la ventana cerrada.';
      showFields();
    },
    /** Fills the suggestions again (another lead was opened). */
    reset: showFields,
  };
};

const key = (t) => `${t.name}|${t.language}`;
