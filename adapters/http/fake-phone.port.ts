/** One message as a fake phone shows it (`PhoneMessageSchema` without the URL, time as epoch ms). */
export type PhoneRecord = {
  readonly waMessageId: string;
  readonly from: 'lead' | 'business';
  readonly at: number;
  readonly kind: 'text' | 'buttons' | 'list' | 'template' | 'media' | 'choice';
  readonly text: string | null;
  readonly header: string | null;
  readonly footer: string | null;
  readonly buttons: readonly { readonly id: string; readonly title: string }[];
  readonly list: null | {
    readonly button: string;
    readonly sections: readonly {
      readonly title: string;
      readonly rows: readonly { readonly id: string; readonly title: string; readonly description: string | null }[];
    }[];
  };
  readonly template: null | { readonly name: string; readonly language: string };
  readonly media: null | {
    readonly kind: string;
    readonly mimeType: string;
    readonly filename: string | null;
    readonly caption: string | null;
    readonly voice: boolean;
  };
  readonly choice: null | { readonly id: string; readonly title: string };
  readonly status: 'sent' | 'delivered' | 'read';
};

export type PhoneEvent =
  | { readonly type: 'phone_message' | 'phone_message_updated'; readonly phone: string; readonly message: PhoneRecord }
  /** The server is stopping: live streams end. */
  | { readonly type: 'closed' };

export type PhoneFile = { readonly bytes: Uint8Array; readonly mimeType: string; readonly filename: string | null };

/** The fake WhatsApp's phones, as the simulator page reads and drives them (fake mode only). */
export interface FakePhonePort {
  /** Every phone with a message, most recently active first (`lastAt` in epoch ms). */
  phones(): readonly {
    readonly phone: string;
    readonly name: string | null;
    readonly lastAt: number;
    readonly messageCount: number;
  }[];
  /** The phone's messages, oldest first; none for a phone never seen. */
  messagesOf(phone: string): readonly PhoneRecord[];
  /** The file of one of the phone's messages; `null` when there is no such message or it has no file. */
  mediaOf(phone: string, waMessageId: string): Promise<PhoneFile | null>;
  /** Plays receipts for business messages the phone received, through the app's status path; how many were played. */
  playReceipts(phone: string, waMessageIds: readonly string[], status: 'delivered' | 'read'): Promise<number>;
  /** Returns the function that unsubscribes. */
  subscribe(listener: (event: PhoneEvent) => void): () => void;
}
