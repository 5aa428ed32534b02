import { statusAfterEvent } from '../../domain/templates/template.ts';
import type { TemplateStatusUpdate } from '../ports/inbound.ts';
import type { UnitOfWork } from '../ports/unit-of-work.ts';

/** `unknown`: updates naming templates we do not have yet; the caller syncs them from Meta. */
export type TemplateUpdateReport = { readonly updated: number; readonly unknown: number };

/**
 * Meta's `message_template_status_update` webhook: a known template changes status at once. A template
 * created in Meta's tools since the last sync is unknown here; the caller then runs `SyncTemplates`
 * (in the background, so the webhook is still answered fast).
 */
export class ApplyTemplateStatusUpdates {
  constructor(private readonly uow: UnitOfWork) {}

  execute(updates: readonly TemplateStatusUpdate[]): Promise<TemplateUpdateReport> {
    // Almost every webhook carries none: no empty transaction (two round trips) before its 200.
    if (updates.length === 0) return Promise.resolve({ updated: 0, unknown: 0 });
    return this.uow.transaction(async (repos) => {
      let updated = 0;
      let unknown = 0;
      for (const update of updates) {
        const status = statusAfterEvent(update.event);
        const template = await repos.templates.byName(update.name, update.language);
        if (template === null) unknown += 1;
        else if (status !== null && status !== template.status) {
          await repos.templates.save({ ...template, status });
          updated += 1;
        }
      }
      return { updated, unknown };
    });
  }
}
