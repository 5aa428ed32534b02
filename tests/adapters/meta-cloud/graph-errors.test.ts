import { describe, expect, it } from 'vitest';
import {
  classifyGraphResponse,
  classifyTransportError,
  isTokenRejection,
} from '../../../adapters/whatsapp/meta-cloud/graph-errors.ts';

const graph = (code: number, extra: Record<string, unknown> = {}) => ({
  error: { message: `(#${code}) something`, type: 'OAuthException', code, fbtrace_id: 'A1b2', ...extra },
});

// [code, HTTP status Meta uses, retryable, title]
const TABLE: readonly (readonly [number, number, boolean, string])[] = [
  [130429, 400, true, 'Rate limit hit'],
  [131056, 400, true, 'Pair rate limit hit'],
  [131000, 500, true, 'Something went wrong'],
  [1, 400, true, 'API Unknown'],
  [2, 503, true, 'API Service'],
  [4, 400, true, 'API Too Many Calls'],
  [80007, 400, true, 'Rate limit issues'],
  [131016, 500, true, 'Service unavailable'],
  [133004, 503, true, 'Server Temporarily Unavailable'],
  [131057, 500, true, 'Account in maintenance mode'],
  [131047, 400, false, 'Re-engagement message'],
  [131026, 400, false, 'Message Undeliverable'],
  [131051, 400, false, 'Unsupported message type'],
  [131052, 400, false, 'Media download error'],
  [131053, 400, false, 'Media upload error'],
  [132000, 400, false, 'Template Param Count Mismatch'],
  [132001, 404, false, 'Template does not exist'],
  [132005, 400, false, 'Template Hydrated Text Too Long'],
  [132007, 400, false, 'Template Format Character Policy Violated'],
  [132012, 400, false, 'Template Parameter Format Mismatch'],
  [132015, 400, false, 'Template is Paused'],
  [132016, 400, false, 'Template is Disabled'],
  [100, 400, false, 'Invalid parameter'],
  [131008, 400, false, 'Required parameter is missing'],
  [131009, 400, false, 'Parameter value is not valid'],
  [133010, 400, false, 'Phone number Not Registered'],
  [131048, 400, false, 'Spam rate limit hit'],
  [131049, 400, false, 'Not delivered to maintain healthy ecosystem engagement'],
  [131021, 400, false, 'Recipient cannot be sender'],
  [131042, 400, false, 'Business eligibility payment issue'],
  [368, 403, false, 'Temporarily blocked for policies violations'],
  [10, 403, false, 'Permission Denied'],
  [190, 401, false, 'Access token has expired'],
];

describe('classifyGraphResponse', () => {
  it.each(TABLE)('code %i (HTTP %i) → retryable %s, "%s"', (code, status, retryable, title) => {
    const failure = classifyGraphResponse(status, graph(code));
    expect(failure).toMatchObject({ code: String(code), retryable, title });
  });

  it('gives rate limits a back-off hint: throughput 1 s, pair rate at least 6 s, maintenance a minute', () => {
    expect(classifyGraphResponse(400, graph(130429)).retryAfterMs).toBe(1_000);
    expect(classifyGraphResponse(400, graph(131056)).retryAfterMs).toBeGreaterThanOrEqual(6_000);
    expect(classifyGraphResponse(500, graph(131057)).retryAfterMs).toBe(60_000);
    expect(classifyGraphResponse(400, graph(131047))).not.toHaveProperty('retryAfterMs');
  });

  it('keeps the longer of its own hint and Retry-After', () => {
    expect(classifyGraphResponse(400, graph(130429), '3').retryAfterMs).toBe(3_000);
    expect(classifyGraphResponse(400, graph(131056), '1').retryAfterMs).toBe(6_000);
    expect(classifyGraphResponse(503, null, '0.5').retryAfterMs).toBe(500);
    expect(classifyGraphResponse(503, null, 'soon')).not.toHaveProperty('retryAfterMs');
  });

  it('adds error_data.details to the title, where Meta explains the refusal', () => {
    const failure = classifyGraphResponse(
      400,
      graph(131053, { error_data: { messaging_product: 'whatsapp', details: 'Unsupported audio/opus' } }),
    );
    expect(failure.title).toBe('Media upload error: Unsupported audio/opus');
  });

  it('decides an unknown code by the HTTP status: 5xx and 429 may pass later, other 4xx will not', () => {
    expect(classifyGraphResponse(500, graph(999_999))).toMatchObject({
      retryable: true,
      code: '999999',
      title: '(#999999) something',
    });
    expect(classifyGraphResponse(429, graph(999_998))).toMatchObject({ retryable: true });
    expect(classifyGraphResponse(400, graph(999_997))).toMatchObject({ retryable: false });
  });

  it('decides a body that is not a Graph error by the HTTP status alone', () => {
    expect(classifyGraphResponse(502, '<html>Bad gateway</html>')).toEqual({
      retryable: true,
      code: 'http_502',
      title: 'Graph API answered HTTP 502',
    });
    expect(classifyGraphResponse(503, null)).toMatchObject({ retryable: true, code: 'http_503' });
    expect(classifyGraphResponse(429, {})).toMatchObject({ retryable: true, code: 'http_429' });
    expect(classifyGraphResponse(404, null)).toMatchObject({ retryable: false, code: 'http_404' });
    expect(classifyGraphResponse(400, { error: 'nope' })).toMatchObject({ retryable: false, code: 'http_400' });
  });
});

describe('classifyTransportError', () => {
  it('calls our own timeout a retryable timeout', () => {
    expect(
      classifyTransportError(new DOMException('The operation was aborted due to timeout', 'TimeoutError')),
    ).toEqual({
      retryable: true,
      code: 'timeout',
      title: 'Graph API did not answer in time',
    });
  });

  it('calls a failed connection a retryable network failure, naming the cause', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), { code: 'ECONNREFUSED' });
    expect(classifyTransportError(new TypeError('fetch failed', { cause: refused }))).toEqual({
      retryable: true,
      code: 'network',
      title: 'Graph API unreachable (ECONNREFUSED)',
    });
  });
});

describe('isTokenRejection', () => {
  it('is code 190 or any HTTP 401', () => {
    expect(isTokenRejection(400, classifyGraphResponse(400, graph(190)))).toBe(true);
    expect(isTokenRejection(401, classifyGraphResponse(401, null))).toBe(true);
    expect(isTokenRejection(400, classifyGraphResponse(400, graph(100)))).toBe(false);
  });
});
