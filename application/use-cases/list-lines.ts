import type { BusinessLine } from '../../domain/organisation/organisation.ts';
import type { UnitOfWork } from '../ports/unit-of-work.ts';

/** Every business line (WhatsApp number). */
export class ListLines {
  constructor(private readonly uow: UnitOfWork) {}

  execute(): Promise<BusinessLine[]> {
    return this.uow.transaction((repos) => repos.lines.list());
  }
}
