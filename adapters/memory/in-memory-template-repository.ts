import type { TemplateRepository } from '../../application/ports/configuration.ts';
import type { Template } from '../../domain/templates/template.ts';
import { copy, templateKey, type InMemoryStore } from './in-memory-store.ts';

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const byNameThenLanguage = (a: Template, b: Template): number =>
  compare(a.name, b.name) || compare(a.language, b.language);

export class InMemoryTemplateRepository implements TemplateRepository {
  readonly #store: InMemoryStore;

  constructor(store: InMemoryStore) {
    this.#store = store;
  }

  async approved(): Promise<Template[]> {
    const approved = [...this.#store.data.templates.values()].filter((t) => t.status === 'APPROVED');
    return copy(approved.sort(byNameThenLanguage));
  }

  async all(): Promise<Template[]> {
    return copy([...this.#store.data.templates.values()].sort(byNameThenLanguage));
  }

  async byName(name: string, language: string): Promise<Template | null> {
    return copy(this.#store.data.templates.get(templateKey(name, language)) ?? null);
  }

  async save(template: Template): Promise<void> {
    this.#store.data.templates.set(templateKey(template.name, template.language), copy(template));
  }
}
