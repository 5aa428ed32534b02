import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import {
  CRM_PROBLEMS,
  crmProblem,
  type CrmApiError,
  type CrmErrorType,
  type CrmProblemTable,
} from '../../adapters/http/crm/crm-problem.ts';
import { asId, type LeadId } from '../../domain/shared/ids.ts';
import fixture from '../fixtures/crm-problem-codes.json' with { type: 'json' };

type Row = { readonly error: string; readonly code: string; readonly status: number };

/** Every code the table can answer with: one row per entry, one more for an entry's variant. */
const rows = (): Row[] =>
  (Object.keys(CRM_PROBLEMS) as CrmErrorType[]).flatMap((error) => {
    const entry = CRM_PROBLEMS[error];
    const variant = entry.variant === undefined ? [] : [{ error, ...pick(entry.variant.problem) }];
    return [{ error, ...pick(entry) }, ...variant];
  });
const pick = ({ code, status }: { code: string; status: number }) => ({ code, status });

/** Answers `error` through a one-route app, as a CRM route would. */
const answer = async (error: CrmApiError) => {
  const app = new Hono().get('/', (c) => crmProblem(c, error));
  const res = await app.request('/');
  return { status: res.status, headers: res.headers, body: (await res.json()) as Record<string, unknown> };
};

describe('CRM problem table', () => {
  it('answers every error type with the status and code the CRM was promised (tests/fixtures/crm-problem-codes.json)', () => {
    // A changed, added or dropped code shows as a diff of the fixture; the CRM switches on these codes.
    expect(rows()).toEqual(fixture);
  });

  it('gives each code one meaning: one status and one title wherever it is used', () => {
    const meanings = new Map<string, Set<string>>();
    for (const entry of Object.values(CRM_PROBLEMS))
      for (const p of entry.variant === undefined ? [entry] : [entry, entry.variant.problem]) {
        const seen = meanings.get(p.code) ?? new Set<string>();
        seen.add(`${p.status} ${p.title}`);
        meanings.set(p.code, seen);
      }
    const ambiguous = [...meanings].filter(([, seen]) => seen.size > 1).map(([code]) => code);
    expect(ambiguous).toEqual([]);
  });

  it('does not compile without an entry for every error type', () => {
    const { Forbidden: _forbidden, ...rest } = CRM_PROBLEMS;
    // @ts-expect-error `Forbidden` has no entry
    const incomplete: CrmProblemTable = rest;
    expect(Object.keys(incomplete)).not.toContain('Forbidden');
  });

  it('answers problem+json with the entry’s detail, extra members and headers', async () => {
    const conflict = await answer({ type: 'LeadAlreadyExists', leadId: asId<LeadId>('lead-1') });
    expect(conflict.status).toBe(409);
    expect(conflict.headers.get('content-type')).toBe('application/problem+json');
    expect(conflict.body).toEqual({
      leadId: 'lead-1',
      type: 'urn:lead-desk:problem:lead_already_exists',
      title: 'Conflict',
      status: 409,
      code: 'lead_already_exists',
      detail: 'A lead with this phone already exists.',
    });

    const unauthenticated = await answer({ type: 'Unauthenticated' });
    expect(unauthenticated.headers.get('www-authenticate')).toBe('Bearer');

    const limited = await answer({ type: 'TooManyStreams', scope: 'key', limit: 5, retryAfterSeconds: 5 });
    expect([limited.status, limited.headers.get('retry-after'), limited.body['code']]).toEqual([
      429,
      '5',
      'too_many_streams',
    ]);
  });

  it('answers an error with a variant by the variant where it holds', async () => {
    const webm = await answer({ type: 'UnsupportedMediaType', mimeType: 'audio/webm', reason: 'webm_voice_note' });
    const exe = await answer({
      type: 'UnsupportedMediaType',
      mimeType: 'application/x-msdownload',
      reason: 'not_allowed',
    });
    expect([webm.status, webm.body['code'], webm.body['mimeType']]).toEqual([
      415,
      'voice_note_must_be_ogg',
      'audio/webm',
    ]);
    expect([exe.status, exe.body['code'], exe.body['mimeType']]).toEqual([
      415,
      'unsupported_media_type',
      'application/x-msdownload',
    ]);
  });
});
