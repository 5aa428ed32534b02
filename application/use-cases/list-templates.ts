import { parameterCount } from '../../domain/templates/template.ts';
import type { UnitOfWork } from '../ports/unit-of-work.ts';

/** A template the CRM's menu offers, with how many parameters the advisor must fill. */
export type TemplateChoice = {
  readonly name: string;
  readonly language: string;
  readonly category: string;
  readonly body: string;
  readonly parameterCount: number;
};

/** The approved templates, the only messages allowed once the 24-hour window has closed. */
export class ListTemplates {
  constructor(private readonly uow: UnitOfWork) {}

  async execute(): Promise<TemplateChoice[]> {
    const approved = await this.uow.transaction((repos) => repos.templates.approved());
    return approved
      .filter((t) => t.status === 'APPROVED')
      .map((t) => ({
        name: t.name,
        language: t.language,
        category: t.category,
        body: t.body,
        parameterCount: parameterCount(t),
      }));
  }
}
