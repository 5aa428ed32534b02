/**
 * The Graph API refused our access token (code 190, or any HTTP 401). Thrown, not returned: every
 * message would fail the same way, so the outbox keeps them queued and the worker logs this each tick
 * until someone renews the token, instead of marking every message failed for good.
 */
export class AccessTokenRejected extends Error {
  override readonly name = 'AccessTokenRejected';

  constructor(readonly detail: string) {
    super(`WhatsApp access token rejected by the Graph API: ${detail}`);
  }
}
