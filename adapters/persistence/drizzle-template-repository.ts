import { and, asc, eq, sql } from 'drizzle-orm';
import type { TemplateRepository } from '../../application/ports/configuration.ts';
import type { Template } from '../../domain/templates/template.ts';
import type { Db } from './drizzle-db.ts';
import { first, replaceAllBut } from './rows.ts';
import { templates } from './schema.ts';

type TemplateRow = typeof templates.$inferSelect;

export const toTemplate = (row: TemplateRow): Template => ({
  name: row.name,
  language: row.language,
  category: row.category,
  status: row.status,
  body: row.body,
});

export const toTemplateRow = (template: Template): typeof templates.$inferInsert => ({ ...toTemplate(template) });

export class DrizzleTemplateRepository implements TemplateRepository {
  constructor(private readonly db: Db) {}

  async approved(): Promise<Template[]> {
    // Code-point order (collation "C"), whatever the database's locale: names are identifiers.
    const rows = await this.db
      .select()
      .from(templates)
      .where(eq(templates.status, 'APPROVED'))
      .orderBy(asc(sql`${templates.name} collate "C"`), asc(sql`${templates.language} collate "C"`));
    return rows.map(toTemplate);
  }

  async all(): Promise<Template[]> {
    const rows = await this.db
      .select()
      .from(templates)
      .orderBy(asc(sql`${templates.name} collate "C"`), asc(sql`${templates.language} collate "C"`));
    return rows.map(toTemplate);
  }

  async byName(name: string, language: string): Promise<Template | null> {
    const row = first(
      await this.db
        .select()
        .from(templates)
        .where(and(eq(templates.name, name), eq(templates.language, language))),
    );
    return row === null ? null : toTemplate(row);
  }

  async save(template: Template): Promise<void> {
    await this.db
      .insert(templates)
      .values(toTemplateRow(template))
      .onConflictDoUpdate({
        target: [templates.name, templates.language],
        set: replaceAllBut(templates, 'name', 'language'),
      });
  }
}
