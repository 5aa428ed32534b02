import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { ApiKeySecrets } from '../../application/ports/api-key-secrets.ts';

/** `ld_` + 32 random bytes in base64url; SHA-256 hex as the stored digest. */
export class NodeApiKeySecrets implements ApiKeySecrets {
  newKey(): string {
    return `ld_${randomBytes(32).toString('base64url')}`;
  }

  hash(key: string): string {
    return createHash('sha256').update(key, 'utf8').digest('hex');
  }

  sameHash(a: string, b: string): boolean {
    const left = Buffer.from(a, 'utf8');
    const right = Buffer.from(b, 'utf8');
    return left.length === right.length && timingSafeEqual(left, right);
  }
}
