import type { MediaId } from '../shared/ids.ts';

/** WhatsApp's limits on what a business may send (Cloud API). */
export const LIMITS = {
  textBody: 4096,
  interactiveBody: 1024,
  headerText: 60,
  footerText: 60,
  buttons: 3,
  buttonTitle: 20,
  choiceId: 200,
  listRows: 10,
  listSections: 10,
  listButtonLabel: 20,
  rowTitle: 24,
  rowDescription: 72,
  sectionTitle: 24,
  caption: 1024,
} as const;

export type Choice = { readonly id: string; readonly title: string };
export type ListRow = Choice & { readonly description?: string };
export type ListSection = { readonly title?: string; readonly rows: readonly ListRow[] };
export type MediaKind = 'image' | 'document' | 'audio' | 'video';

/** A template's header variable: text, or a file of ours (image, document or video). */
export type TemplateHeader =
  | { readonly kind: 'text'; readonly text: string }
  | {
      readonly kind: 'media';
      readonly mediaKind: 'image' | 'document' | 'video';
      readonly mediaId: MediaId;
      readonly mimeType: string;
      readonly filename?: string;
    };

/** A variable of one of the template's buttons: the end of a URL, or a quick reply's payload. */
export type TemplateButtonParameter = {
  readonly index: number;
  readonly subType: 'url' | 'quick_reply';
  readonly parameter: string;
};

/** A message we send, independent of Meta's wire format. */
export type OutboundContent =
  | { readonly kind: 'text'; readonly body: string; readonly previewUrl?: boolean }
  | { readonly kind: 'buttons'; readonly body: string; readonly buttons: readonly Choice[]; readonly footer?: string }
  | {
      readonly kind: 'list';
      readonly body: string;
      readonly buttonLabel: string;
      readonly sections: readonly ListSection[];
      readonly footer?: string;
    }
  | {
      readonly kind: 'media';
      readonly mediaKind: MediaKind;
      readonly mediaId: MediaId;
      readonly mimeType: string;
      readonly filename?: string;
      readonly caption?: string;
      /** A recorded voice note (OGG/Opus), shown with a play button. */
      readonly voice?: boolean;
    }
  | {
      readonly kind: 'template';
      readonly name: string;
      readonly language: string;
      /** The body's variables, in order. */
      readonly parameters: readonly string[];
      readonly header?: TemplateHeader;
      readonly buttons?: readonly TemplateButtonParameter[];
      /** The template's text with its parameters filled in, as the lead will read it. */
      readonly renderedText: string;
    };

/** Everything but a template is free-form and needs an open 24-hour window. */
export const isFreeForm = (content: OutboundContent): boolean => content.kind !== 'template';

const ELLIPSIS = '…';

/** Shortens text to at most `max` characters (code points), marking the cut with an ellipsis. */
export const clip = (text: string, max: number): string => {
  const chars = [...text];
  return chars.length <= max ? text : chars.slice(0, Math.max(0, max - 1)).join('') + ELLIPSIS;
};

const len = (s: string): number => [...s].length;

/** Every way the content breaks WhatsApp's limits; empty when it may be sent. */
/** What a kind of WhatsApp media can carry: images are JPEG or PNG only, audio and video their own families. */
const kindCarries = (kind: MediaKind, mimeType: string): boolean => {
  const type = (mimeType.split(';')[0] ?? '').trim().toLowerCase();
  if (kind === 'image') return type === 'image/jpeg' || type === 'image/png';
  return kind === 'document' || type.startsWith(`${kind}/`);
};

const kindViolation = (kind: MediaKind, mimeType: string): string =>
  `${kind} files are ${kind === 'image' ? 'image/jpeg or image/png' : `${kind}/*`}, not ${mimeType}`;

export const limitViolations = (content: OutboundContent): string[] => {
  const v: string[] = [];
  const check = (cond: boolean, what: string) => {
    if (!cond) v.push(what);
  };
  switch (content.kind) {
    case 'text':
      check(len(content.body) >= 1 && len(content.body) <= LIMITS.textBody, 'text body length');
      break;
    case 'buttons':
      check(len(content.body) >= 1 && len(content.body) <= LIMITS.interactiveBody, 'buttons body length');
      check(content.buttons.length >= 1 && content.buttons.length <= LIMITS.buttons, 'button count');
      for (const b of content.buttons) {
        check(len(b.title) >= 1 && len(b.title) <= LIMITS.buttonTitle, `button title "${b.title}"`);
        check(len(b.id) >= 1 && len(b.id) <= LIMITS.choiceId, `button id "${b.id}"`);
      }
      check(new Set(content.buttons.map((b) => b.id)).size === content.buttons.length, 'button ids unique');
      check(content.footer === undefined || len(content.footer) <= LIMITS.footerText, 'footer length');
      break;
    case 'list': {
      const rows = content.sections.flatMap((s) => s.rows);
      check(len(content.body) >= 1 && len(content.body) <= LIMITS.interactiveBody, 'list body length');
      check(len(content.buttonLabel) >= 1 && len(content.buttonLabel) <= LIMITS.listButtonLabel, 'list button label');
      check(content.sections.length >= 1 && content.sections.length <= LIMITS.listSections, 'section count');
      check(rows.length >= 1 && rows.length <= LIMITS.listRows, 'row count');
      for (const s of content.sections) {
        check(s.rows.length >= 1, 'empty section');
        check(s.title === undefined || (len(s.title) >= 1 && len(s.title) <= LIMITS.sectionTitle), 'section title');
        check(content.sections.length === 1 || s.title !== undefined, 'sections need titles when several');
      }
      for (const r of rows) {
        check(len(r.title) >= 1 && len(r.title) <= LIMITS.rowTitle, `row title "${r.title}"`);
        check(len(r.id) >= 1 && len(r.id) <= LIMITS.choiceId, `row id "${r.id}"`);
        check(
          r.description === undefined || len(r.description) <= LIMITS.rowDescription,
          `row description "${r.description}"`,
        );
      }
      check(new Set(rows.map((r) => r.id)).size === rows.length, 'row ids unique');
      check(content.footer === undefined || len(content.footer) <= LIMITS.footerText, 'footer length');
      break;
    }
    case 'media':
      check(content.caption === undefined || len(content.caption) <= LIMITS.caption, 'caption length');
      check(content.mediaKind !== 'audio' || content.caption === undefined, 'audio takes no caption');
      check(!content.voice || content.mimeType.startsWith('audio/ogg'), 'voice notes are audio/ogg (OGG/Opus)');
      check(kindCarries(content.mediaKind, content.mimeType), kindViolation(content.mediaKind, content.mimeType));
      break;
    case 'template':
      check(content.name.length >= 1, 'template name');
      for (const b of content.buttons ?? []) {
        check(Number.isInteger(b.index) && b.index >= 0 && b.index <= 9, `template button index ${b.index}`);
        check(b.parameter.length >= 1, 'template button parameter');
      }
      check(
        content.header?.kind !== 'text' || len(content.header.text) <= LIMITS.headerText,
        'template header text length',
      );
      if (content.header?.kind === 'media')
        check(
          kindCarries(content.header.mediaKind, content.header.mimeType),
          kindViolation(content.header.mediaKind, content.header.mimeType),
        );
      break;
  }
  return v;
};
