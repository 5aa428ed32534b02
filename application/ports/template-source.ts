import type { Template } from '../../domain/templates/template.ts';

/** Where approved templates come from: the WhatsApp Business Account. */
export interface TemplateSource {
  /** Every template of the account, whatever its status, following all pages; throws on outage or bad credentials. */
  fetchAll(): Promise<Template[]>;
}
