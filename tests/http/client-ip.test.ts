import { describe, expect, it } from 'vitest';
import { clientAddress } from '../../adapters/http/client-ip.ts';

describe('clientAddress', () => {
  it('is the socket peer when no proxy is trusted, whatever X-Forwarded-For says', () => {
    const resolve = clientAddress([]);
    expect(resolve('203.0.113.5', undefined)).toBe('203.0.113.5');
    expect(resolve('203.0.113.5', '198.51.100.1')).toBe('203.0.113.5');
  });

  it('writes IPv4 peers seen on an IPv6 socket as IPv4', () => {
    expect(clientAddress([])('::ffff:203.0.113.5', undefined)).toBe('203.0.113.5');
    expect(clientAddress(['10.0.0.1'])('::ffff:10.0.0.1', '198.51.100.1')).toBe('198.51.100.1');
  });

  it('behind trusted proxies, is the nearest address in X-Forwarded-For that is not one of them', () => {
    const resolve = clientAddress(['10.0.0.1', '192.168.0.0/16', '::1']);
    expect(resolve('10.0.0.1', '198.51.100.1')).toBe('198.51.100.1');
    // The leftmost entries are whatever the client sent: only the hops our proxies appended count.
    expect(resolve('10.0.0.1', '192.0.2.66, 198.51.100.1')).toBe('198.51.100.1');
    expect(resolve('10.0.0.1', '198.51.100.1, 192.168.4.4')).toBe('198.51.100.1');
    expect(resolve('::1', ' 2001:db8::7 ')).toBe('2001:db8::7');
  });

  it('stops at the last trusted hop when the header is missing, malformed or all trusted', () => {
    const resolve = clientAddress(['10.0.0.1', '192.168.0.0/16']);
    expect(resolve('10.0.0.1', undefined)).toBe('10.0.0.1');
    expect(resolve('10.0.0.1', '')).toBe('10.0.0.1');
    expect(resolve('10.0.0.1', 'not-an-address')).toBe('10.0.0.1');
    expect(resolve('10.0.0.1', '192.168.1.1')).toBe('192.168.1.1');
  });

  it('does not trust a peer outside the list', () => {
    expect(clientAddress(['10.0.0.1'])('10.0.0.2', '198.51.100.1')).toBe('10.0.0.2');
  });

  it('is "unknown" without a socket (requests handed to the app in process)', () => {
    expect(clientAddress(['10.0.0.1'])(undefined, '198.51.100.1')).toBe('unknown');
  });
});
