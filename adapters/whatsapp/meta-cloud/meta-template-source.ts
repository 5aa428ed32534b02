import { z } from 'zod';
import type { TemplateSource } from '../../../application/ports/template-source.ts';
import type { Template, TemplateStatus } from '../../../domain/templates/template.ts';
import type { GraphClient } from './graph-client.ts';

const templatePage = z.object({
  data: z.array(
    z.object({
      name: z.string(),
      language: z.string(),
      status: z.string(),
      category: z.string(),
      components: z.array(z.object({ type: z.string(), text: z.string().optional() })).default([]),
    }),
  ),
  paging: z.object({ next: z.string().optional() }).optional(),
});

type MetaTemplate = z.infer<typeof templatePage>['data'][number];

/**
 * Meta's statuses (adapters/whatsapp/meta-cloud/README.md §F12) folded into ours: only APPROVED may be sent. In appeal
 * is still pending; deleted, being deleted, over the limit and any status Meta adds later are unusable.
 */
const STATUSES: Readonly<Record<string, TemplateStatus>> = {
  APPROVED: 'APPROVED',
  PENDING: 'PENDING',
  IN_APPEAL: 'PENDING',
  REJECTED: 'REJECTED',
  PAUSED: 'PAUSED',
  DISABLED: 'DISABLED',
};

export const templateStatus = (metaStatus: string): TemplateStatus => STATUSES[metaStatus.toUpperCase()] ?? 'DISABLED';

const toTemplate = (t: MetaTemplate): Template => ({
  name: t.name,
  language: t.language,
  category: t.category,
  status: templateStatus(t.status),
  body: t.components.find((c) => c.type.toUpperCase() === 'BODY')?.text ?? '',
});

/** A guard against a paging loop: 100 pages of 100 is far beyond any business account. */
const MAX_PAGES = 100;
const FIELDS = 'name,language,status,category,components';

/** Templates of the WhatsApp Business Account: `GET /{waba-id}/message_templates`, every page. */
export class MetaTemplateSource implements TemplateSource {
  readonly #client: GraphClient;

  constructor(client: GraphClient) {
    this.#client = client;
  }

  async fetchAll(): Promise<Template[]> {
    const templates: Template[] = [];
    const origin = new URL(this.#client.config.baseUrl).origin;
    let url: string | undefined = this.#client.url(
      `${this.#client.config.businessAccountId}/message_templates?fields=${FIELDS}&limit=100`,
    );
    for (let page = 0; url !== undefined; page++) {
      // `paging.next` is absolute; the bearer token must never travel to another host.
      if (page >= MAX_PAGES || new URL(url).origin !== origin)
        throw new Error(`template sync: refusing to follow ${url}`);
      const answer = await this.#client.json({ method: 'GET', url });
      if (!answer.ok) throw new Error(`template sync failed: ${answer.error.code} ${answer.error.title}`);
      const parsed = templatePage.safeParse(answer.value);
      if (!parsed.success)
        throw new Error(`template sync: unexpected page shape (${parsed.error.issues[0]?.message ?? ''})`);
      templates.push(...parsed.data.data.map(toTemplate));
      url = parsed.data.paging?.next;
    }
    return templates;
  }
}
