import { rgb } from 'pdf-lib';
import { ACCENT, CONTENT_WIDTH, MARGIN, type PdfCursor, SHADE } from './pdf-layout.ts';

export type TableColumn = {
  readonly head: string;
  /** Share of the band's width. */
  readonly share: number;
  readonly align: 'left' | 'right';
};
export type TableRow = { readonly cells: readonly string[]; readonly bold: boolean };

export type TableOptions = {
  /** Side-by-side copies of the table on a page: rows fill the left band, then the right one. */
  readonly bands: 1 | 2;
  readonly size: number;
  readonly rowHeight: number;
};

const WHITE = rgb(1, 1, 1);
const BAND_GAP = 18;
const PAD = 5;
/** A table is not started with fewer rows than this left on the page: its head would stand alone. */
const MIN_ROWS = 3;

/**
 * A table that flows over as many pages as its rows need, its head repeated at the top of each band on every
 * page. With two bands, the rows left are shared evenly between them, so a short table stays short.
 */
export const drawTable = (
  c: PdfCursor,
  columns: readonly TableColumn[],
  rows: readonly TableRow[],
  o: TableOptions,
): void => {
  const bandWidth = (CONTENT_WIDTH - BAND_GAP * (o.bands - 1)) / o.bands;
  const head = o.rowHeight + 2;
  const drawRow = (left: number, top: number, cells: readonly string[], style: { bold: boolean; head: boolean }) => {
    let x = left;
    columns.forEach((col, i) => {
      const width = col.share * bandWidth;
      const text = {
        size: o.size,
        bold: style.bold,
        maxWidth: width - 2 * PAD,
        ...(style.head ? { color: WHITE } : {}),
      };
      const baseline = top - o.rowHeight + (o.rowHeight - o.size) / 2 + 1.5;
      if (col.align === 'right')
        c.canvas.text(c.page, cells[i] ?? '', x + width - PAD, baseline, { ...text, align: 'right' });
      else c.canvas.text(c.page, cells[i] ?? '', x + PAD, baseline, text);
      x += width;
    });
  };
  let next = 0;
  while (next < rows.length) {
    c.ensure(head + o.rowHeight * Math.min(MIN_ROWS, rows.length - next));
    const perBand = Math.max(1, Math.floor((c.room - head) / o.rowHeight));
    const take = Math.min(perBand, Math.ceil((rows.length - next) / o.bands));
    for (let band = 0; band < o.bands && next < rows.length; band++) {
      const left = MARGIN + band * (bandWidth + BAND_GAP);
      c.canvas.box(c.page, left, c.y - head, bandWidth, head, ACCENT);
      drawRow(
        left,
        c.y,
        columns.map((col) => col.head),
        { bold: true, head: true },
      );
      rows.slice(next, next + take).forEach((row, i) => {
        const top = c.y - head - i * o.rowHeight;
        if (i % 2 === 1) c.canvas.box(c.page, left, top - o.rowHeight, bandWidth, o.rowHeight, SHADE);
        drawRow(left, top, row.cells, { bold: row.bold, head: false });
      });
      next += take;
    }
    c.down(head + take * o.rowHeight);
    if (next < rows.length) c.breakPage();
  }
};
