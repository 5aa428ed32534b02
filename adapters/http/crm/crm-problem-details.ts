import type { InvalidNit } from '../../../domain/builder/nit.ts';
import type { LogoRefusal } from '../../../domain/builder/logo.ts';
import { holidaysOn } from '../../../domain/organisation/colombian-holidays.ts';
import { bogotaWallClock, MAX_SPANS_PER_DAY, writtenWorkingHours } from '../../../domain/organisation/working-hours.ts';
import { isoDateOf } from '../../../domain/shared/calendar.ts';
import type { OutsideWorkingHours } from '../../../domain/visit/appointment.ts';

/** The longer `detail` texts of `CRM_PROBLEMS`, kept apart so its one table stays readable. */

export const WINDOW_CLOSED_DETAIL =
  'El lead no ha escrito en las últimas 24 horas: solo se puede enviar una plantilla aprobada. / ' +
  'The lead has not written in the last 24 hours: only an approved template can be sent.';

export const WEBM_DETAIL =
  'Las notas de voz deben grabarse en audio/ogg (Opus); audio/webm no se acepta porque el servidor no puede convertirlo. / ' +
  "Voice notes must be recorded as audio/ogg (Opus), e.g. MediaRecorder with mimeType 'audio/ogg;codecs=opus'; " +
  'audio/webm is not accepted because the server cannot transcode it.';

export const UNAUTHENTICATED_DETAIL = 'Send a valid API key as `Authorization: Bearer <key>`.';

export const TEMPLATE_SYNC_FAILED_DETAIL =
  'WhatsApp did not answer the template sync; the stored templates are unchanged. Try again later.';

export const SEPARATION_EXCEEDS_DETAIL = 'The credited separation fee is more than what remains of the down payment.';

export const notEnoughTimeDetail = (cutOffDate: string, fits: number, minimum: number): string =>
  `The down payment is due by ${cutOffDate}: ${fits} monthly instalment(s) fit before it, the plan asks at least ${minimum}.`;

const mb = (bytes: number): string => `${Math.round(bytes / (1024 * 1024))} MB`;

export const mediaTooLargeDetail = (size: number, maxBytes: number): string =>
  `The file has ${size} bytes; the limit is ${mb(maxBytes)}.`;

export const unsupportedMediaDetail = (mimeType: string): string =>
  `Files of type ${mimeType} cannot be sent on WhatsApp: send images (JPEG, PNG), PDF, office documents, audio (OGG, MP3, M4A) or MP4 video.`;

/** What the bytes are against what they were called; a voice note gets the recording advice. */
export const contentMismatchDetail = (declared: string, detected: string | null): string => {
  const found = detected === null ? 'no known file type' : detected;
  const voice =
    declared === 'audio/ogg' || declared === 'audio/opus'
      ? ' Voice notes must be OGG audio with Opus inside (audio/ogg; codecs=opus).'
      : '';
  return `The file was sent as ${declared} but its content is ${found}.${voice}`;
};

export const lineNotFoundDetail = (lineId: string | null): string =>
  lineId === null ? 'No business line is configured.' : `There is no line ${lineId}.`;

export const unitInUseDetail = (unitId: string, reason: 'reserved' | string): string =>
  `Unit ${unitId} is left out but ${reason === 'reserved' ? 'has an active reservation' : 'appears in a quote'}; it cannot be deleted.`;

export const appointmentTimeDetail = (reason: string): string =>
  reason === 'too_long' ? 'An appointment lasts at most 4 hours.' : 'An appointment ends after it starts.';

const PAYMENT_PROBLEMS: Readonly<Record<'amount' | 'currency' | 'date' | 'reference', string>> = {
  amount: 'The separation amount must be a positive whole number of minor units.',
  currency: "The separation is paid in the unit's currency.",
  date: 'The payment date must be a real day (YYYY-MM-DD), not in the future.',
  reference: 'The payment reference has at most 100 characters.',
};

export const separationPaymentDetail = (reason: keyof typeof PAYMENT_PROBLEMS): string => PAYMENT_PROBLEMS[reason];

export const tooManyStreamsDetail = (scope: 'key' | 'instance', limit: number): string =>
  scope === 'key'
    ? `This API key already has ${limit} open event streams; close one first.`
    : `This server already serves ${limit} event streams; try again shortly.`;

export const invalidNitDetail = (e: InvalidNit): string =>
  e.reason === 'format'
    ? 'The NIT must be its digits and the check digit, e.g. 900.123.456-7.'
    : `The NIT's check digit is wrong: the DIAN's algorithm gives ${e.expected}.`;

export const logoTooLargeDetail = (e: Extract<LogoRefusal, { type: 'LogoTooLarge' }>): string =>
  e.limit === 'bytes'
    ? `The logo has ${e.size} bytes; at most ${e.maxBytes} (${e.maxBytes / 1024} KiB) are accepted.`
    : `The logo is ${e.widthPx} × ${e.heightPx} px; at most ${e.maxSidePx} px a side are accepted.`;

export const isoOf = (at: number): string => new Date(at).toISOString();

/** The advisor's spans on the slot's day (Bogotá), as `HH:MM` pairs, and the holiday closing it, if any. */
const dayOfSlot = (e: OutsideWorkingHours) => {
  const clock = bogotaWallClock(e.slot.startsAt);
  const holiday = holidaysOn(clock.date)[0]?.name ?? null;
  const spans = holiday === null ? writtenWorkingHours(e.hours)[clock.weekday] : [];
  return { weekday: clock.weekday, date: isoDateOf(clock.date), holiday, spans };
};

export const outsideWorkingHoursDetail = (e: OutsideWorkingHours): string => {
  const day = dayOfSlot(e);
  const weekday = `${day.weekday.charAt(0).toUpperCase()}${day.weekday.slice(1)}`;
  if (day.holiday !== null) return `${day.date} is a public holiday in Colombia (${day.holiday}): the desk is closed.`;
  if (day.spans.length === 0) return `The advisor does not work on ${weekday}s.`;
  const open = day.spans.map((s) => `${s.opens}–${s.closes}`).join(', ');
  return `On ${weekday}s the advisor works ${open} (Bogotá time): the appointment must fit inside one of these.`;
};

export const outsideWorkingHoursExtra = (e: OutsideWorkingHours) => {
  const day = dayOfSlot(e);
  return {
    advisorId: e.advisorId,
    date: day.date,
    weekday: day.weekday,
    holiday: day.holiday,
    workingHours: day.spans,
  };
};

export const invalidWorkingHoursDetail = (day: string, reason: string): string =>
  ({
    bad_time: `${day}: times are HH:MM, from 00:00 to 24:00.`,
    closes_before_opens: `${day}: each span closes after it opens.`,
    spans_overlap: `${day}: the spans overlap or touch; join them into one.`,
    too_many_spans: `${day}: at most ${MAX_SPANS_PER_DAY} spans a day.`,
  })[reason] ?? `${day}: invalid.`;
