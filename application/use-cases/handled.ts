import type { DeskEvent } from '../ports/events.ts';

/** What a step inside a transaction decided, and the events to publish once it is committed. */
export type Handled<R> = { readonly result: R; readonly events: readonly DeskEvent[] };
