import { inflateSync } from 'node:zlib';
import { PDFArray, PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';

const winAnsi = new TextDecoder('windows-1252');

/** The bytes of one content stream, inflated when it is Flate-encoded (pdf-lib's default). */
const streamBytes = (stream: PDFRawStream): Uint8Array =>
  stream.dict.get(PDFName.of('Filter')) === undefined ? stream.contents : inflateSync(stream.contents);

/**
 * Every string a PDF written by pdf-lib's standard fonts shows, page by page: the hex strings of its `Tj`
 * operators, decoded from WinAnsi. Enough to read our own quotes back from their bytes, with no PDF parser.
 */
export const pdfStrings = async (bytes: Uint8Array): Promise<string[][]> => {
  const doc = await PDFDocument.load(bytes);
  return doc.getPages().map((page) => {
    const contents = doc.context.lookup(page.node.get(PDFName.of('Contents')));
    const streams =
      contents instanceof PDFArray ? contents.asArray().map((ref) => doc.context.lookup(ref)) : [contents];
    const text = streams
      .filter((s): s is PDFRawStream => s instanceof PDFRawStream)
      .map((s) => Buffer.from(streamBytes(s)).toString('latin1'))
      .join('\n');
    return [...text.matchAll(/<([0-9A-Fa-f]*)>\s*Tj/g)].map((m) =>
      winAnsi.decode(Uint8Array.from((m[1] ?? '').match(/../g) ?? [], (h) => Number.parseInt(h, 16))),
    );
  });
};
