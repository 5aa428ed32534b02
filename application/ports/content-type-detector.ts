/** What a file really is, read from its bytes' signature ("magic bytes"), not from the label it came with. */
export interface ContentTypeDetector {
  /**
   * The MIME type the signature shows, lower case, with a `codecs` parameter where the container names its
   * codec (`audio/ogg; codecs=opus`); `null` when no signature is recognised (plain text has none). Never throws.
   */
  detect(bytes: Uint8Array): Promise<string | null>;
}
