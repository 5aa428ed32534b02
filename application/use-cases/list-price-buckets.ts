import type { PriceBucket } from '../../domain/catalog/catalog.ts';
import type { UnitOfWork } from '../ports/unit-of-work.ts';

/** The price ranges the bot offers, as stored. */
export class ListPriceBuckets {
  constructor(private readonly uow: UnitOfWork) {}

  async execute(): Promise<readonly PriceBucket[]> {
    return (await this.uow.transaction((repos) => repos.catalog.all())).priceBuckets;
  }
}
