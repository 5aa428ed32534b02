import type { PhoneMessage, PhoneMessageStatus } from './phone-message.ts';

export type PhoneSummary = {
  readonly phone: string;
  readonly name: string | null;
  readonly lastAt: number;
  readonly messageCount: number;
};

export type PhoneLogEvent =
  | { readonly type: 'phone_message' | 'phone_message_updated'; readonly phone: string; readonly message: PhoneMessage }
  /** The log closes with the server: live listeners should finish. */
  | { readonly type: 'closed' };

type Phone = { name: string | null; lastAt: number; touched: number; readonly messages: PhoneMessage[] };

const RANK: Readonly<Record<PhoneMessageStatus, number>> = { sent: 1, delivered: 2, read: 3 };

/**
 * Every message each phone sent or received through the fake WhatsApp, as the phone shows it, with live
 * updates. In memory only: a restart forgets it (the CRM's own conversation is what is stored).
 */
export class PhoneLog {
  readonly #phones = new Map<string, Phone>();
  readonly #owner = new Map<string, string>();
  readonly #listeners = new Set<(event: PhoneLogEvent) => void>();
  #touches = 0;
  #closed = false;

  /** Appends a message to the phone's log; a waMessageId already there is a redelivery and changes nothing. */
  add(phone: string, name: string | null, message: PhoneMessage): void {
    if (this.#owner.has(message.waMessageId)) return;
    const entry = this.#phones.get(phone) ?? { name: null, lastAt: message.at, touched: 0, messages: [] };
    entry.name = name ?? entry.name;
    entry.lastAt = Math.max(entry.lastAt, message.at);
    entry.touched = ++this.#touches;
    entry.messages.push(message);
    this.#phones.set(phone, entry);
    this.#owner.set(message.waMessageId, phone);
    this.#emit({ type: 'phone_message', phone, message });
  }

  /** Moves the message to `status` unless it is already there or further; `false` for an unknown id. */
  advance(waMessageId: string, status: PhoneMessageStatus): boolean {
    const found = this.find(waMessageId);
    if (found === null) return false;
    this.#raise(found.phone, found.message, status);
    return true;
  }

  /** Blue ticks on the lead's side: like WhatsApp, reading one message reads every earlier one from the lead. */
  readUpTo(waMessageId: string): void {
    const phone = this.#owner.get(waMessageId);
    const messages = phone === undefined ? [] : (this.#phones.get(phone)?.messages ?? []);
    const last = messages.findIndex((m) => m.waMessageId === waMessageId);
    for (const message of messages.slice(0, last + 1)) {
      if (message.from === 'lead' && phone !== undefined) this.#raise(phone, message, 'read');
    }
  }

  find(waMessageId: string): { readonly phone: string; readonly message: PhoneMessage } | null {
    const phone = this.#owner.get(waMessageId);
    const message =
      phone === undefined ? undefined : this.#phones.get(phone)?.messages.find((m) => m.waMessageId === waMessageId);
    return phone === undefined || message === undefined ? null : { phone, message };
  }

  /** Every phone with a message, the most recently active first. */
  phones(): PhoneSummary[] {
    return [...this.#phones.entries()]
      .sort(([, a], [, b]) => b.lastAt - a.lastAt || b.touched - a.touched)
      .map(([phone, { name, lastAt, messages }]) => ({ phone, name, lastAt, messageCount: messages.length }));
  }

  /** The phone's messages, oldest first; none for a phone never seen. */
  messagesOf(phone: string): PhoneMessage[] {
    return [...(this.#phones.get(phone)?.messages ?? [])];
  }

  /** Returns the function that unsubscribes. After `close()`, a new listener hears `closed` at once. */
  subscribe(listener: (event: PhoneLogEvent) => void): () => void {
    if (this.#closed) {
      listener({ type: 'closed' });
      return () => undefined;
    }
    const entry = (event: PhoneLogEvent) => listener(event);
    this.#listeners.add(entry);
    return () => {
      this.#listeners.delete(entry);
    };
  }

  /** Tells every listener the log is closing (the server stops); the messages stay readable. */
  close(): void {
    this.#closed = true;
    this.#emit({ type: 'closed' });
    this.#listeners.clear();
  }

  #raise(phone: string, message: PhoneMessage, status: PhoneMessageStatus): void {
    if (RANK[status] <= RANK[message.status]) return;
    const messages = this.#phones.get(phone)?.messages ?? [];
    const updated = { ...message, status };
    messages[messages.indexOf(message)] = updated;
    this.#emit({ type: 'phone_message_updated', phone, message: updated });
  }

  #emit(event: PhoneLogEvent): void {
    for (const listener of [...this.#listeners]) {
      try {
        listener(event);
      } catch {
        // A broken listener (a stream that just closed) must not fail the send or receipt that caused the event.
      }
    }
  }
}
