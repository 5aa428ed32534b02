import type { TemplateSource } from '../ports/template-source.ts';
import type { UnitOfWork } from '../ports/unit-of-work.ts';

export type SyncReport = { readonly fetched: number; readonly approved: number };

/**
 * Copies the WhatsApp Business Account's templates into our store, on demand (the CRM's "sync" button)
 * and whenever a status webhook names a template we do not know: no waiting for an hourly job.
 */
export class SyncTemplates {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly source: TemplateSource,
  ) {}

  async execute(): Promise<SyncReport> {
    const templates = await this.source.fetchAll();
    await this.uow.transaction(async (repos) => {
      for (const template of templates) await repos.templates.save(template);
    });
    return { fetched: templates.length, approved: templates.filter((t) => t.status === 'APPROVED').length };
  }
}
