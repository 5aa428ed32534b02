import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';

type Directives = Readonly<Record<string, string>>;

const policy = (directives: Directives): string =>
  Object.entries(directives)
    .map(([name, value]) => `${name} ${value}`)
    .join('; ');

/** What every page denies: anything not named, plugins, a `<base>` or form posts elsewhere, being framed. */
const PAGE_BASE: Directives = {
  'default-src': "'none'",
  'object-src': "'none'",
  'base-uri': "'none'",
  'form-action': "'none'",
  'frame-ancestors': "'none'",
};

/** A page's CSP: `PAGE_BASE` plus what the page loads (never `'unsafe-inline'`: inline code is allowed by hash only). */
export const pagePolicy = (allowed: Directives): string => policy({ ...PAGE_BASE, ...allowed });

/**
 * The QA simulator: its own scripts, styles and API calls; images and media also from `blob:` URLs (files the
 * CRM API returns are fetched with the key, then shown), and the `data:,` favicon. A blob: document the page
 * opens (a quote PDF) inherits this policy, so a hostile file opened that way cannot run either.
 */
export const SIMULATOR_CSP = pagePolicy({
  'script-src': "'self'",
  'style-src': "'self'",
  'img-src': "'self' blob: data:",
  'media-src': "'self' blob:",
  'connect-src': "'self'",
});

/** JSON and everything else that is not a page or a file: it loads nothing and nobody frames it. */
const API_POLICY = { defaultSrc: ["'none'"], frameAncestors: ["'none'"], baseUri: ["'none'"], formAction: ["'none'"] };

/**
 * Security headers on every response. A route that sets its own `Content-Security-Policy` (a page, a file) keeps
 * it (`overwrite: false`); every other one gets the API policy. HSTS without `includeSubDomains`: the desk's
 * host does not decide for its subdomains (browsers honour it over HTTPS only).
 */
export const securityHeaders = (): MiddlewareHandler =>
  secureHeaders({
    contentSecurityPolicy: API_POLICY,
    xFrameOptions: 'DENY',
    referrerPolicy: 'no-referrer',
    strictTransportSecurity: 'max-age=15552000',
    overwrite: false,
  });
