import type { SearchCriteria } from '../../../domain/catalog/search.ts';
import { searchCriteriaSchema } from './parts.ts';
import { sameShape, versionedCodec } from './stored-codec.ts';

/** `visits.criteria`: what the lead had narrowed the catalogue by. Version 1: today's shape in an envelope. */
export const searchCriteriaCodec = versionedCodec<SearchCriteria>({
  name: 'search criteria',
  schema: searchCriteriaSchema,
  upgrades: [sameShape],
});
