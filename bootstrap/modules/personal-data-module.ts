import { ContainerModule } from 'inversify';
import type { Clock } from '../../application/ports/clock.ts';
import type { IdGenerator } from '../../application/ports/id-generator.ts';
import type { MediaStore } from '../../application/ports/media-store.ts';
import type { UnitOfWork } from '../../application/ports/unit-of-work.ts';
import { EraseLead } from '../../application/use-cases/erase-lead.ts';
import { ExportPersonalData } from '../../application/use-cases/export-personal-data.ts';
import { ListDataSubjectRequests } from '../../application/use-cases/list-data-subject-requests.ts';
import { TOKENS } from '../tokens.ts';

/** Data subjects' rights (Ley 1581 de 2012): a lead's export and erasure, and their audit. */
export const personalDataModule = () =>
  new ContainerModule(({ bind }) => {
    const { UnitOfWork: Uow, Clock: C, IdGenerator: Ids } = TOKENS;
    bind(TOKENS.ExportPersonalData).toResolvedValue(
      (uow: UnitOfWork, clock: Clock, ids: IdGenerator) => new ExportPersonalData(uow, clock, ids),
      [Uow, C, Ids],
    );
    bind(TOKENS.EraseLead).toResolvedValue(
      (uow: UnitOfWork, clock: Clock, ids: IdGenerator, media: MediaStore) => new EraseLead(uow, clock, ids, media),
      [Uow, C, Ids, TOKENS.MediaStore],
    );
    bind(TOKENS.ListDataSubjectRequests).toResolvedValue((uow: UnitOfWork) => new ListDataSubjectRequests(uow), [Uow]);
  });
