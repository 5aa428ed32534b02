import type { Notifications } from '../../adapters/persistence/database.ts';

/**
 * One LISTEN/NOTIFY channel in memory, delivering every NOTIFY to every listener as PostgreSQL does (the
 * sender's own included). `notifyDelayMs` is how long a NOTIFY takes (a microtask when 0); after `fail(true)`
 * NOTIFY refuses, as when the database is away; `deliver` plays a payload from some other sender.
 */
export const notificationHub = (options: { readonly notifyDelayMs?: number } = {}) => {
  const listeners = new Set<(payload: string) => void>();
  const sent: string[] = [];
  let failing = false;
  const deliver = (payload: string) => {
    for (const listener of [...listeners]) listener(payload);
  };
  const notifications: Notifications = {
    notify: async (_channel, payload) => {
      const delay = options.notifyDelayMs ?? 0;
      await (delay === 0 ? Promise.resolve() : new Promise((resolve) => setTimeout(resolve, delay)));
      if (failing) throw new Error('database away');
      sent.push(payload);
      deliver(payload);
    },
    listen: async (_channel, onMessage, onListen) => {
      listeners.add(onMessage);
      onListen();
      return { unlisten: async () => void listeners.delete(onMessage) };
    },
  };
  return {
    sent,
    notifications,
    deliver,
    fail: (on: boolean) => {
      failing = on;
    },
  };
};
