import { PageSizes, rgb, type PDFDocument, type PDFFont, type PDFPage, type RGB } from 'pdf-lib';

export const MARGIN = 50;
export const [PAGE_WIDTH, PAGE_HEIGHT] = PageSizes.A4;
export const CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN;
export const INK = rgb(0.13, 0.13, 0.13);
export const MUTED = rgb(0.42, 0.42, 0.42);
export const RULE = rgb(0.82, 0.82, 0.82);
const FOOTER_SPACE = 30;

export type TextStyle = {
  readonly size: number;
  readonly bold?: boolean;
  readonly color?: RGB;
  readonly align?: 'left' | 'right';
  /** Longer text is cut with `…` rather than running off the page. */
  readonly maxWidth?: number;
};

const charsets = new WeakMap<PDFFont, ReadonlySet<number>>();
const charset = (font: PDFFont): ReadonlySet<number> => {
  const known = charsets.get(font) ?? new Set(font.getCharacterSet());
  charsets.set(font, known);
  return known;
};

/**
 * Standard fonts only encode WinAnsi: a character outside it (emoji, CJK, `−`) would make pdf-lib throw,
 * so it becomes its compatibility form, its base letter without accents, or `?`.
 */
export const winAnsiSafe = (text: string, font: PDFFont): string => {
  const supported = charset(font);
  const safe = (s: string): boolean => [...s].every((c) => supported.has(c.codePointAt(0) ?? 0));
  return [...text.replace(/\s/g, ' ')]
    .map((c) => {
      if (safe(c)) return c;
      const compat = c.normalize('NFKC');
      if (safe(compat)) return compat;
      const base = c.normalize('NFD').replace(/\p{M}/gu, '');
      return base !== '' && safe(base) ? base : '?';
    })
    .join('');
};

/** A top-down writing position over as many A4 pages as the content needs. */
export class PdfCursor {
  private current: PDFPage;
  y = PAGE_HEIGHT - MARGIN;

  constructor(
    private readonly doc: PDFDocument,
    private readonly regular: PDFFont,
    private readonly bold: PDFFont,
  ) {
    this.current = doc.addPage(PageSizes.A4);
  }

  /** Starts a new page when `height` more points would run into the footer; true when it did. */
  ensure(height: number): boolean {
    if (this.y - height >= MARGIN + FOOTER_SPACE) return false;
    this.current = this.doc.addPage(PageSizes.A4);
    this.y = PAGE_HEIGHT - MARGIN;
    return true;
  }

  down(height: number): void {
    this.y -= height;
  }

  font(bold: boolean | undefined): PDFFont {
    return bold === true ? this.bold : this.regular;
  }

  /** How wide `raw` prints, as `text` would print it (characters outside WinAnsi replaced first). */
  width(raw: string, style: Pick<TextStyle, 'size' | 'bold'>): number {
    const font = this.font(style.bold);
    return font.widthOfTextAtSize(winAnsiSafe(raw, font), style.size);
  }

  /** Draws on the current line (baseline at `y - size`) without moving the cursor. */
  text(raw: string, x: number, style: TextStyle): void {
    const font = this.font(style.bold);
    const room = style.align === 'right' ? x - MARGIN : PAGE_WIDTH - MARGIN - x;
    const text = fitWidth(winAnsiSafe(raw, font), font, style.size, style.maxWidth ?? room);
    const width = font.widthOfTextAtSize(text, style.size);
    this.current.drawText(text, {
      x: style.align === 'right' ? x - width : x,
      y: this.y - style.size,
      size: style.size,
      font,
      color: style.color ?? INK,
    });
  }

  rule(): void {
    this.current.drawLine({
      start: { x: MARGIN, y: this.y },
      end: { x: PAGE_WIDTH - MARGIN, y: this.y },
      thickness: 0.5,
      color: RULE,
    });
  }

  /** Word-wrapped paragraph, moving the cursor below it. */
  paragraph(raw: string, style: TextStyle): void {
    const font = this.font(style.bold);
    for (const line of wrap(winAnsiSafe(raw, font), font, style.size, CONTENT_WIDTH)) {
      this.ensure(style.size * 1.4);
      this.text(line, MARGIN, style);
      this.down(style.size * 1.4);
    }
  }
}

const fitWidth = (text: string, font: PDFFont, size: number, maxWidth: number): string => {
  if (font.widthOfTextAtSize(text, size) <= maxWidth) return text;
  // No Helvetica glyph is narrower than 0.19 em: anything past that bound could never fit.
  let chars = [...text].slice(0, Math.ceil(maxWidth / (size * 0.19)) + 1);
  while (chars.length > 0 && font.widthOfTextAtSize(`${chars.join('')}…`, size) > maxWidth) chars = chars.slice(0, -1);
  return `${chars.join('')}…`;
};

const wrap = (text: string, font: PDFFont, size: number, width: number): string[] => {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ').filter((w) => w !== '')) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (line !== '' && font.widthOfTextAtSize(candidate, size) > width) {
      lines.push(line);
      line = word;
    } else line = candidate;
  }
  return line === '' ? lines : [...lines, line];
};

/** Writes `Página n de N` at the foot of every page once the page count is known. */
export const drawPageNumbers = (
  doc: PDFDocument,
  font: PDFFont,
  label: (page: number, pages: number) => string,
): void => {
  const pages = doc.getPages();
  pages.forEach((page, i) => {
    const text = winAnsiSafe(label(i + 1, pages.length), font);
    const width = font.widthOfTextAtSize(text, 8);
    page.drawText(text, { x: PAGE_WIDTH - MARGIN - width, y: MARGIN / 2, size: 8, font, color: MUTED });
  });
};
