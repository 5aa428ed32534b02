import { getRandomValues } from 'node:crypto';
import type { Clock } from '../../application/ports/clock.ts';
import type { IdGenerator, IdKind, IdKinds } from '../../application/ports/id-generator.ts';

// Crockford base32: no I, L, O, U, so ids survive being read aloud or retyped.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const TIME_CHARS = 10;
const RANDOM_CHARS = 16;
const RANDOM_MAX = (1n << 80n) - 1n;

/**
 * ULID-style ids (`lead_01JD3…`): 48-bit millisecond time + 80 random bits, so ids sort by creation time
 * (handy for keyset pagination and for reading logs). Within one millisecond the random part is
 * incremented, keeping ids strictly increasing per generator even when the clock stalls or steps back.
 */
export class RandomIdGenerator implements IdGenerator {
  readonly #clock: Clock;
  #lastTime = -1;
  #lastRandom = 0n;

  constructor(clock: Clock) {
    this.#clock = clock;
  }

  next<K extends IdKind>(prefix: K): IdKinds[K] {
    const now = Math.max(Math.floor(this.#clock.now()), 0);
    if (now > this.#lastTime || this.#lastRandom >= RANDOM_MAX) {
      // On the (astronomically rare) overflow we borrow the next millisecond rather than repeat an id.
      this.#lastTime = now > this.#lastTime ? now : this.#lastTime + 1;
      this.#lastRandom = randomBits80();
    } else {
      this.#lastRandom += 1n;
    }
    // The one place an id gets its brand: the prefix names its kind.
    return `${prefix}_${encode(BigInt(this.#lastTime), TIME_CHARS)}${encode(this.#lastRandom, RANDOM_CHARS)}` as IdKinds[K];
  }
}

const randomBits80 = (): bigint => {
  const bytes = getRandomValues(new Uint8Array(10));
  return bytes.reduce((acc, byte) => (acc << 8n) | BigInt(byte), 0n);
};

const encode = (value: bigint, length: number): string => {
  let out = '';
  let rest = value;
  for (let i = 0; i < length; i += 1) {
    out = ALPHABET.charAt(Number(rest & 31n)) + out;
    rest >>= 5n;
  }
  return out;
};
