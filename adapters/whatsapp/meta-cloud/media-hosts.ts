/**
 * Where Meta serves the files leads send: `GET /{media-id}` answers a URL on `lookaside.fbsbx.com`
 * (adapters/whatsapp/meta-cloud/README.md §F10: 360dialog's and Dualhook's copies of the media reference
 * show `https://lookaside.fbsbx.com/whatsapp_business/attachments/?mid=…`). Meta's CDN hosts (`*.fbcdn.net`,
 * `*.whatsapp.net`) are allowed too, in case the URL moves there. Configurable: `WHATSAPP_MEDIA_HOSTS`.
 */
export const META_MEDIA_HOSTS: readonly string[] = ['lookaside.fbsbx.com', '*.fbcdn.net', '*.whatsapp.net'];

/** `lookaside.fbsbx.com`, or `*.fbcdn.net` for any host under it (not the domain itself); at least two labels. */
export const MEDIA_HOST_PATTERN = /^(\*\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/;

const matches = (hostname: string, pattern: string): boolean =>
  pattern.startsWith('*.') ? hostname.endsWith(pattern.slice(1)) : hostname === pattern;

const parse = (url: string): URL | null => {
  try {
    return new URL(url);
  } catch {
    return null;
  }
};

/**
 * Whether a download URL may receive our Graph token: the configured Graph origin itself (a stub on
 * loopback), or HTTPS on port 443 to an allowed media host, without credentials in the URL. Anything
 * else never gets the token: not a look-alike host, not plain HTTP, not an IP address.
 */
export const mayCarryToken = (url: string, graphBaseUrl: string, hosts: readonly string[]): boolean => {
  const target = parse(url);
  const graph = parse(graphBaseUrl);
  if (target === null || target.username !== '' || target.password !== '') return false;
  if (graph !== null && target.origin === graph.origin) return true;
  return (
    target.protocol === 'https:' && target.port === '' && hosts.some((pattern) => matches(target.hostname, pattern))
  );
};
