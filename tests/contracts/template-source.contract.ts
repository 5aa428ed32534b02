import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TemplateSource } from '../../application/ports/template-source.ts';
import type { Template } from '../../domain/templates/template.ts';

/** A TemplateSource over an account with no templates yet. */
export type TemplateSourceSubject = {
  readonly source: TemplateSource;
  /** The business account now lists these templates too (Meta: the stub's list; the fake: the stored ones). */
  publish(templates: readonly Template[]): Promise<void>;
  /** The account cannot be read on the next fetch; `null` when the adapter has no outage to fake (it reads storage). */
  readonly failNextFetch: (() => void) | null;
  close(): Promise<void>;
};
export type OpenTemplateSource = () => Promise<TemplateSourceSubject>;

const template = (name: string, status: Template['status'], body: string): Template => ({
  name,
  language: 'es_CO',
  category: 'UTILITY',
  status,
  body,
});

const byKey = (a: Template, b: Template) => `${a.name}|${a.language}`.localeCompare(`${b.name}|${b.language}`);

/** `TemplateSource` as the fake account and Meta's WhatsApp Business Account must both behave. */
export const templateSourceContract = (name: string, open: OpenTemplateSource) =>
  describe(`${name}: TemplateSource`, () => {
    let subject: TemplateSourceSubject | null = null;
    beforeEach(async () => {
      subject = await open();
    });
    afterEach(async () => {
      await subject?.close();
      subject = null;
    });
    const s = (): TemplateSourceSubject => {
      if (subject === null) throw new Error('template source subject used outside a test');
      return subject;
    };

    it('returns nothing for an account without templates', async () => {
      expect(await s().source.fetchAll()).toEqual([]);
    });

    it('returns every template of the account whatever its status, with its body', async () => {
      const listed = [
        template('lead_followup', 'APPROVED', 'Hola {{1}}, ¿seguimos con {{2}}?'),
        template('visit_reminder', 'PENDING', 'Tu visita es el {{1}}'),
        template('old_promo', 'REJECTED', 'Promo'),
      ];
      await s().publish(listed);
      expect([...(await s().source.fetchAll())].sort(byKey)).toEqual([...listed].sort(byKey));
    });

    it('follows every page of a long list', async () => {
      const many = Array.from({ length: 230 }, (_, i) => template(`plantilla_${1000 + i}`, 'APPROVED', `Texto ${i}`));
      await s().publish(many);
      expect([...(await s().source.fetchAll())].sort(byKey)).toEqual(many.sort(byKey));
    });

    it('throws when the account cannot be read, and reads it again afterwards', async () => {
      const fail = s().failNextFetch;
      if (fail === null) return; // Reads storage: nothing to fail but storage, which has its own contracts.
      await s().publish([template('lead_followup', 'APPROVED', 'Hola {{1}}')]);
      fail();
      await expect(s().source.fetchAll()).rejects.toThrow();
      expect(await s().source.fetchAll()).toHaveLength(1);
    });
  });
