/**
 * Characters PostgreSQL's text and jsonb refuse: NUL, and half of a UTF-16 surrogate pair. JSON can
 * carry both (`\u0000`, `\ud800`), so text from outside is checked or cleaned before it is stored.
 */
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const UNSTORABLE_ALL = new RegExp(UNSTORABLE.source, 'g');

export const isStorableText = (text: string): boolean => !UNSTORABLE.test(text);

/** Each unstorable character becomes U+FFFD, as an invalid byte does when text is decoded. */
export const toStorableText = (text: string): string => text.replace(UNSTORABLE_ALL, '\uFFFD');
