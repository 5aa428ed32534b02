import { PageSizes, rgb, type PDFDocument, type PDFFont, type PDFPage, type RGB } from 'pdf-lib';

export const MARGIN = 42;
export const [PAGE_WIDTH, PAGE_HEIGHT] = PageSizes.A4;
export const CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN;
export const RIGHT = PAGE_WIDTH - MARGIN;
export const INK = rgb(0.13, 0.13, 0.13);
export const MUTED = rgb(0.42, 0.42, 0.42);
export const RULE = rgb(0.82, 0.82, 0.82);
/** The builder's colour on the page: headings, the header's rule, the table's head. */
export const ACCENT = rgb(0.06, 0.3, 0.36);
export const SHADE = rgb(0.95, 0.96, 0.96);
/** Room the page header takes on every page, and the footer below the body. */
export const HEADER_HEIGHT = 72;
export const FOOTER_HEIGHT = 34;

export type TextStyle = {
  readonly size: number;
  readonly bold?: boolean;
  readonly color?: RGB;
  readonly align?: 'left' | 'right' | 'center';
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

export const fitWidth = (text: string, font: PDFFont, size: number, maxWidth: number): string => {
  if (font.widthOfTextAtSize(text, size) <= maxWidth) return text;
  // No Helvetica glyph is narrower than 0.19 em: anything past that bound could never fit.
  let chars = [...text].slice(0, Math.ceil(maxWidth / (size * 0.19)) + 1);
  while (chars.length > 0 && font.widthOfTextAtSize(`${chars.join('')}…`, size) > maxWidth) chars = chars.slice(0, -1);
  return `${chars.join('')}…`;
};

export const wrap = (text: string, font: PDFFont, size: number, width: number): string[] => {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ').filter((w) => w !== '')) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (line !== '' && font.widthOfTextAtSize(candidate, size) > width) {
      lines.push(line);
      line = fitWidth(word, font, size, width);
    } else line = line === '' ? fitWidth(candidate, font, size, width) : candidate;
  }
  return line === '' ? lines : [...lines, line];
};

/**
 * The pages of one document and everything drawn on them. Every string drawn is also kept, page by page
 * (`texts`): what the document says can be checked without parsing the PDF.
 */
export class PdfCanvas {
  readonly texts: string[][] = [];

  constructor(
    readonly doc: PDFDocument,
    readonly regular: PDFFont,
    readonly bold: PDFFont,
  ) {}

  addPage(): number {
    this.doc.addPage(PageSizes.A4);
    this.texts.push([]);
    return this.texts.length - 1;
  }

  get pageCount(): number {
    return this.texts.length;
  }

  page(index: number): PDFPage {
    return this.doc.getPage(index);
  }

  font(bold: boolean | undefined): PDFFont {
    return bold === true ? this.bold : this.regular;
  }

  width(raw: string, style: TextStyle): number {
    const font = this.font(style.bold);
    return font.widthOfTextAtSize(winAnsiSafe(raw, font), style.size);
  }

  /** Draws text with its baseline at `y`; `x` is its left edge, right edge or centre as `align` says. */
  text(page: number, raw: string, x: number, y: number, style: TextStyle): void {
    if (raw === '') return;
    const font = this.font(style.bold);
    const room =
      style.align === 'right' ? x - MARGIN : style.align === 'center' ? 2 * Math.min(x - MARGIN, RIGHT - x) : RIGHT - x;
    const text = fitWidth(winAnsiSafe(raw, font), font, style.size, Math.min(style.maxWidth ?? room, room));
    const width = font.widthOfTextAtSize(text, style.size);
    const left = style.align === 'right' ? x - width : style.align === 'center' ? x - width / 2 : x;
    this.page(page).drawText(text, { x: left, y, size: style.size, font, color: style.color ?? INK });
    this.texts[page]?.push(text);
  }

  line(page: number, y: number, from = MARGIN, to = RIGHT, color: RGB = RULE, thickness = 0.5): void {
    this.page(page).drawLine({ start: { x: from, y }, end: { x: to, y }, thickness, color });
  }

  box(page: number, x: number, y: number, width: number, height: number, color: RGB): void {
    this.page(page).drawRectangle({ x, y, width, height, color });
  }

  /** Lines of `raw` wrapped to `width`, as they would be drawn; past `max` lines the last one ends in `…`. */
  lines(raw: string, style: TextStyle, width: number, max = Number.POSITIVE_INFINITY): string[] {
    const font = this.font(style.bold);
    const all = wrap(winAnsiSafe(raw, font), font, style.size, width);
    if (all.length <= max) return all;
    const kept = all.slice(0, max);
    kept[max - 1] = fitWidth(`${kept[max - 1]} ${all[max]}`, font, style.size, width);
    return kept;
  }
}

/** A top-down writing position over the body of as many pages as the content needs. */
export class PdfCursor {
  page: number;
  y = PAGE_HEIGHT - MARGIN - HEADER_HEIGHT;

  constructor(readonly canvas: PdfCanvas) {
    this.page = canvas.addPage();
  }

  /** Room left above the footer. */
  get room(): number {
    return this.y - (MARGIN + FOOTER_HEIGHT);
  }

  /** Starts a new page when `height` more points would run into the footer; true when it did. */
  ensure(height: number): boolean {
    if (this.room >= height) return false;
    this.page = this.canvas.addPage();
    this.y = PAGE_HEIGHT - MARGIN - HEADER_HEIGHT;
    return true;
  }

  /** Continues on a new page whatever room is left. */
  breakPage(): void {
    this.ensure(this.room + 1);
  }

  down(height: number): void {
    this.y -= height;
  }

  /** Draws on the current line (baseline at `y - size`) without moving the cursor. */
  text(raw: string, x: number, style: TextStyle): void {
    this.canvas.text(this.page, raw, x, this.y - style.size, style);
  }

  rule(from = MARGIN, to = RIGHT): void {
    this.canvas.line(this.page, this.y, from, to);
  }

  /** Word-wrapped paragraph over `width` from `x`, moving the cursor below it. */
  paragraph(raw: string, style: TextStyle, x = MARGIN, width = CONTENT_WIDTH): void {
    for (const line of this.canvas.lines(raw, style, width)) {
      this.ensure(style.size * 1.4);
      this.text(line, x, style);
      this.down(style.size * 1.4);
    }
  }
}
