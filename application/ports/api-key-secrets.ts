/** Makes and hashes CRM API keys. Keys are high-entropy, so a fast hash looked up by equality is enough. */
export interface ApiKeySecrets {
  /** A new random key with a readable prefix; never throws. */
  newKey(): string;
  /** A deterministic digest of the key, safe to store and to look up by. */
  hash(key: string): string;
  /** Equality of two digests in time independent of where they differ. */
  sameHash(a: string, b: string): boolean;
}
