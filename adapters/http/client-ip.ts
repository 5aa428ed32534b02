import { BlockList, isIP } from 'node:net';
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

/** The address a request came from, as limits and the access log count it. */
export type ClientIp = (c: Context) => string;

/** Requests handed to the app in process (tests) have no socket. */
const UNKNOWN = 'unknown';

/** `::ffff:203.0.113.5` (IPv4 on a dual-stack socket) is `203.0.113.5`. */
const plain = (address: string): string => {
  const trimmed = address.trim();
  const v4 = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(trimmed)?.[1];
  return v4 ?? trimmed;
};

const familyOf = (address: string): 'ipv4' | 'ipv6' | null => {
  const version = isIP(address);
  return version === 4 ? 'ipv4' : version === 6 ? 'ipv6' : null;
};

/** Addresses (`10.0.0.1`) and ranges (`10.0.0.0/8`, `fd00::/8`); the config has checked their syntax. */
const trustList = (trusted: readonly string[]): BlockList => {
  const list = new BlockList();
  for (const entry of trusted) {
    const [address = '', prefix] = entry.split('/');
    const family = familyOf(address);
    if (family === null) continue;
    if (prefix === undefined) list.addAddress(address, family);
    else list.addSubnet(address, Number(prefix), family);
  }
  return list;
};

/**
 * The client's address: the socket's peer, unless that peer is a trusted proxy; then `X-Forwarded-For` is
 * read from the right (each proxy appends the address it saw) and the first hop that is not a trusted proxy
 * wins. Entries a client wrote itself sit further left and are never reached.
 */
export const clientAddress = (trusted: readonly string[]) => {
  const list = trustList(trusted);
  const isTrusted = (address: string): boolean => {
    const family = familyOf(address);
    return family !== null && list.check(address, family);
  };
  return (peer: string | undefined, forwardedFor: string | undefined): string => {
    if (peer === undefined || peer === '') return UNKNOWN;
    let address = plain(peer);
    if (trusted.length === 0) return address;
    const hops = (forwardedFor ?? '')
      .split(',')
      .map(plain)
      .filter((hop) => hop !== '');
    while (isTrusted(address)) {
      const hop = hops.pop();
      if (hop === undefined || familyOf(hop) === null) break;
      address = hop;
    }
    return address;
  };
};

const peerOf = (c: Context): string | undefined => {
  try {
    return getConnInfo(c).remote.address;
  } catch {
    return undefined;
  }
};

/** The HTTP app's resolver: the socket from @hono/node-server, `X-Forwarded-For` only from `trusted` proxies. */
export const clientIpResolver = (trusted: readonly string[] = []): ClientIp => {
  const resolve = clientAddress(trusted);
  return (c) => resolve(peerOf(c), trusted.length === 0 ? undefined : c.req.header('x-forwarded-for'));
};
