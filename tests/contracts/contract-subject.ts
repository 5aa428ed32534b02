import { afterEach, beforeEach } from 'vitest';
import type { Repositories, TransactionalStore } from '../../application/ports/unit-of-work.ts';

/** A fresh, empty set of adapters for one test: repositories outside any transaction, and the UnitOfWork. */
export type ContractSubject = {
  readonly repos: Repositories;
  readonly uow: TransactionalStore;
  close(): Promise<void>;
};

export type OpenSubject = () => Promise<ContractSubject>;

/** Opens a subject before each test and closes it after; call inside `describe`. */
export const useSubject = (open: OpenSubject): (() => ContractSubject) => {
  let current: ContractSubject | null = null;
  beforeEach(async () => {
    current = await open();
  });
  afterEach(async () => {
    await current?.close();
    current = null;
  });
  return () => {
    if (current === null) throw new Error('contract subject used outside a test');
    return current;
  };
};
