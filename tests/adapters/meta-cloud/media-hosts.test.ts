import { describe, expect, it } from 'vitest';
import { mayCarryToken } from '../../../adapters/whatsapp/meta-cloud/media-hosts.ts';

const GRAPH = 'https://graph.facebook.com';
const HOSTS = ['lookaside.fbsbx.com', '*.fbcdn.net', '*.whatsapp.net'];
const allowed = (url: string, graph = GRAPH, hosts = HOSTS) => mayCarryToken(url, graph, hosts);

describe('mayCarryToken: which URLs get the Graph token', () => {
  it.each([
    'https://lookaside.fbsbx.com/whatsapp_business/attachments/?mid=1037543291543636&ext=1720570800&hash=ATu_eg',
    'https://LOOKASIDE.fbsbx.com:443/whatsapp_business/attachments/?mid=1',
    'https://scontent.xx.fbcdn.net/v/t61/123.jpg?oh=1',
    'https://mmg.whatsapp.net/d/f/abc.enc',
    'https://graph.facebook.com/v25.0/123',
  ])('allows %s', (url) => {
    expect(allowed(url)).toBe(true);
  });

  it.each([
    ['plain http to a media host', 'http://lookaside.fbsbx.com/whatsapp_business/attachments/?mid=1'],
    ['another port', 'https://lookaside.fbsbx.com:8443/x'],
    ['credentials in the URL', 'https://user:pw@lookaside.fbsbx.com/x'],
    ['a look-alike suffix', 'https://lookaside.fbsbx.com.evil.example/x'],
    ['a look-alike prefix', 'https://evilfbcdn.net/x'],
    ['the bare wildcard domain', 'https://fbcdn.net/x'],
    ['a sibling of an exact host', 'https://other.fbsbx.com/x'],
    ['a trailing dot', 'https://lookaside.fbsbx.com./x'],
    ['an IP address', 'https://157.240.0.1/x'],
    ['any other host', 'https://evil.example/x'],
    ['no URL at all', 'not a url'],
    ['another scheme', 'ftp://lookaside.fbsbx.com/x'],
  ])('refuses %s', (_, url) => {
    expect(allowed(url)).toBe(false);
  });

  it('always allows the configured Graph origin, so a stub on loopback works, and only that origin', () => {
    const stub = 'http://127.0.0.1:9999';
    expect(allowed('http://127.0.0.1:9999/lookaside/media/1?mid=1', stub, [])).toBe(true);
    expect(allowed('http://127.0.0.1:9998/lookaside/media/1', stub, [])).toBe(false);
    expect(allowed('http://localhost:9999/lookaside/media/1', stub, [])).toBe(false);
    expect(allowed('https://lookaside.fbsbx.com/x', stub, [])).toBe(false);
  });
});
