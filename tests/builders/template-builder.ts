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
