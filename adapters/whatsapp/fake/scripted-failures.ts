import type { SendFailure, SendRequest } from '../../../application/ports/message-gateway.ts';

type Scripted = { readonly when: (request: SendRequest) => boolean; readonly failure: SendFailure };

/** The send failures a test scripted: the next few sends, then any send a predicate picks. */
export class ScriptedFailures {
  #next: SendFailure[] = [];
  #when: Scripted[] = [];

  /** The failure this send meets, if any; consumes one of the "next" failures. */
  for(request: SendRequest): SendFailure | undefined {
    return this.#next.shift() ?? this.#when.find((f) => f.when(request))?.failure;
  }

  failNext(count: number, failure: SendFailure): void {
    this.#next.push(...Array.from({ length: count }, () => failure));
  }

  failWhen(predicate: (request: SendRequest) => boolean, failure: SendFailure): void {
    this.#when.push({ when: predicate, failure });
  }

  clear(): void {
    this.#next = [];
    this.#when = [];
  }
}
