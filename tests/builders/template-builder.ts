import type { Template, TemplateStatus } from '../../domain/templates/template.ts';

/** Defaults to an approved Spanish follow-up template with one parameter. */
export class TemplateBuilder {
  #template: Template = {
    name: 'seguimiento_visita',
    language: 'es',
    category: 'UTILITY',
    status: 'APPROVED',
    body: 'Hola {{1}}, ¿seguimos con tu búsqueda de vivienda?',
  };

  named(name: string): this {
    return this.#set({ name });
  }

  inLanguage(language: string): this {
    return this.#set({ language });
  }

  withCategory(category: string): this {
    return this.#set({ category });
  }

  withStatus(status: TemplateStatus): this {
    return this.#set({ status });
  }

  withBody(body: string): this {
    return this.#set({ body });
  }

  build(): Template {
    return this.#template;
  }

  #set(patch: Partial<Template>): this {
    this.#template = { ...this.#template, ...patch };
    return this;
  }
}

export const aTemplate = (): TemplateBuilder => new TemplateBuilder();

/** The approved welcome template an advisor opens a conversation with: the lead's name, then the advisor's. */
export const bienvenida = (): TemplateBuilder =>
  aTemplate()
    .named('bienvenida')
    .inLanguage('es_CO')
    .withBody(
      '¡Hola {{1}}! Soy {{2}}, tu asesor(a) de vivienda. ¿Te puedo ayudar con tu búsqueda? Responde este mensaje para conversar.',
    );

/** The approved appointment reminder: the lead's name, the place and the time. */
export const recordatorioCita = (): TemplateBuilder =>
  aTemplate()
    .named('recordatorio_cita')
    .inLanguage('es_CO')
    .withBody('Hola {{1}}, te recordamos tu cita en {{2}} el {{3}}. ¡Te esperamos!');

/** A marketing template Meta is still reviewing: it cannot be sent yet. */
export const promocionPendiente = (): TemplateBuilder =>
  aTemplate()
    .named('promocion_lanzamiento')
    .inLanguage('es_CO')
    .withCategory('MARKETING')
    .withStatus('PENDING')
    .withBody('Hola {{1}}, conoce el lanzamiento de {{2}} con precios especiales.');

/** The welcome and the reminder, approved, and the promotion still under review. */
export const someTemplates = (): Template[] => [
  bienvenida().build(),
  recordatorioCita().build(),
  promocionPendiente().build(),
];
