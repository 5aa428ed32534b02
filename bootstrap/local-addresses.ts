import { isIPv4, isIPv6 } from 'node:net';

/** `localhost`, 127.0.0.0/8 or ::1 (brackets allowed): traffic that never leaves this machine. */
export const isLoopbackHost = (host: string): boolean => {
  const h = host.toLowerCase().replace(/^\[(.*)\]$/, '$1');
  if (h === 'localhost') return true;
  if (isIPv4(h)) return h.startsWith('127.');
  // The URL parser compresses every spelling of ::1 (0:0:0:0:0:0:0:1, ::0001…) to one.
  return isIPv6(h) && new URL(`http://[${h}]`).hostname === '[::1]';
};

const isLocalHost = (host: string): boolean => host.startsWith('/') || isLoopbackHost(host);

/** One host of `host[:port]`, `[v6][:port]` or a socket directory. */
const hostOf = (entry: string): string => {
  if (entry.startsWith('[')) return entry.slice(0, entry.indexOf(']') + 1);
  if (entry.startsWith('/')) return entry;
  return entry.split(':')[0] ?? '';
};

/**
 * The hosts a postgres:// URL connects to, read as postgres.js reads them (several `host:port` pairs
 * separated by commas, percent-encoded socket paths, PGHOST then localhost when there is none), plus
 * libpq's `?host=`, so that no spelling escapes the check.
 */
const databaseHosts = (url: string, env: NodeJS.ProcessEnv): string[] => {
  const authority = url.slice(url.indexOf('://') + 3).split(/[/?#]/)[0] ?? '';
  const hosts = decodeURIComponent(authority.slice(authority.lastIndexOf('@') + 1))
    .split(',')
    .map(hostOf)
    .filter((h) => h !== '');
  const query = new URLSearchParams(url.includes('?') ? url.slice(url.indexOf('?') + 1) : '').getAll('host');
  const fallback = (env['PGHOST'] ?? '').trim() === '' ? ['localhost'] : (env['PGHOST'] ?? '').split(',').map(hostOf);
  return [...(hosts.length > 0 ? hosts : fallback), ...query];
};

/** Whether every host of a postgres:// URL is loopback or a unix socket; a URL it cannot read is not local. */
export const isLocalDatabaseUrl = (url: string, env: NodeJS.ProcessEnv): boolean => {
  try {
    return databaseHosts(url, env).every(isLocalHost);
  } catch {
    return false;
  }
};
