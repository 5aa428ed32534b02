/** An outbound message's life: queued here, then Meta's statuses. */
export type DeliveryStatus = 'queued' | 'sent' | 'delivered' | 'read' | 'played' | 'failed';

export type SendFailureReason = { readonly code: string; readonly title: string };

const RANK: Readonly<Record<DeliveryStatus, number>> = {
  queued: 0,
  sent: 1,
  delivered: 2,
  failed: 2,
  read: 3,
  played: 4,
};

/**
 * Statuses arrive out of order and may skip steps ("read" can come without "delivered").
 * A status never moves backwards; "failed" wins over queued/sent but not over a delivered or read message.
 */
export const nextStatus = (current: DeliveryStatus, incoming: DeliveryStatus): DeliveryStatus => {
  if (current === 'failed') return RANK[incoming] >= RANK.delivered && incoming !== 'failed' ? incoming : current;
  if (incoming === 'failed') return RANK[current] < RANK.delivered ? 'failed' : current;
  return RANK[incoming] > RANK[current] ? incoming : current;
};
