import { err, ok, type Result } from '../../domain/shared/result.ts';
import type { SyncReport, SyncTemplates } from './sync-templates.ts';

/** Meta could not be asked: the stored templates are unchanged. */
export type TemplateSyncFailed = { readonly type: 'TemplateSyncFailed'; readonly reason: string };

/**
 * The CRM's "sync templates" button: runs the sync now. An outage of the WhatsApp Business API is what the
 * button must report (not a crash), so here it becomes an expected failure.
 */
export class RefreshTemplates {
  constructor(private readonly sync: Pick<SyncTemplates, 'execute'>) {}

  async execute(): Promise<Result<SyncReport, TemplateSyncFailed>> {
    try {
      return ok(await this.sync.execute());
    } catch (error: unknown) {
      return err({ type: 'TemplateSyncFailed', reason: error instanceof Error ? error.message : String(error) });
    }
  }
}
