import { type CivilDate, COLOMBIA_OFFSET_MS, civilFromDays } from '../shared/calendar.ts';
import { err, ok, type Result } from '../shared/result.ts';
import { DAY_MS, type Instant, MINUTE_MS } from '../shared/time.ts';
import { isColombianHoliday, weekdayIndex } from './colombian-holidays.ts';

export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** Open from `opens` to `closes`, in minutes after midnight on Bogotá's clock (0…1440), `opens < closes`. */
export type OpeningSpan = { readonly opens: number; readonly closes: number };

/**
 * A weekly schedule on Bogotá's clock: each day's opening spans, sorted and apart (none: closed that day).
 * Colombian public holidays are always closed, whatever the weekday says.
 */
export type WorkingHours = { readonly [D in Weekday]: readonly OpeningSpan[] };

const span = (opensHour: number, closesHour: number): OpeningSpan => ({
  opens: opensHour * 60,
  closes: closesHour * 60,
});

/** The desk's hours when an advisor has none of their own: Monday to Friday 08:00–18:00, Saturday 08:00–13:00. */
export const DESK_WORKING_HOURS: WorkingHours = {
  monday: [span(8, 18)],
  tuesday: [span(8, 18)],
  wednesday: [span(8, 18)],
  thursday: [span(8, 18)],
  friday: [span(8, 18)],
  saturday: [span(8, 13)],
  sunday: [],
};

/** At most this many spans a day (a morning, an afternoon, an evening… and one to spare). */
export const MAX_SPANS_PER_DAY = 4;

export type InvalidWorkingHours = {
  readonly type: 'InvalidWorkingHours';
  readonly day: Weekday;
  readonly reason: 'bad_time' | 'closes_before_opens' | 'spans_overlap' | 'too_many_spans';
};

/** A span as people write it: `08:00` to `18:00` (`24:00` closes at midnight). */
export type WrittenSpan = { readonly opens: string; readonly closes: string };

const TIME = /^([01]\d|2[0-4]):([0-5]\d)$/;

/** Minutes after midnight of `HH:MM` (00:00…24:00), `null` when it is not such a time. */
export const parseTimeOfDay = (text: string): number | null => {
  const match = TIME.exec(text);
  if (match === null) return null;
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  return minutes <= 24 * 60 ? minutes : null;
};

const pad = (n: number): string => String(n).padStart(2, '0');

/** `HH:MM` of minutes after midnight. */
export const formatTimeOfDay = (minutes: number): string => `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;

const parseDay = (day: Weekday, written: readonly WrittenSpan[]): Result<OpeningSpan[], InvalidWorkingHours> => {
  const fail = (reason: InvalidWorkingHours['reason']) =>
    err<InvalidWorkingHours>({ type: 'InvalidWorkingHours', day, reason });
  if (written.length > MAX_SPANS_PER_DAY) return fail('too_many_spans');
  const spans: OpeningSpan[] = [];
  for (const w of written) {
    const opens = parseTimeOfDay(w.opens);
    const closes = parseTimeOfDay(w.closes);
    if (opens === null || closes === null) return fail('bad_time');
    if (closes <= opens) return fail('closes_before_opens');
    spans.push({ opens, closes });
  }
  spans.sort((a, b) => a.opens - b.opens);
  // Touching spans (12:00 to 12:00) would read as one: refused too, so a schedule has one way to be written.
  if (spans.some((s, i) => i > 0 && s.opens <= (spans[i - 1] as OpeningSpan).closes)) return fail('spans_overlap');
  return ok(spans);
};

/** The schedule of seven written days, or the first day that is wrong. */
export const parseWorkingHours = (
  written: { readonly [D in Weekday]: readonly WrittenSpan[] },
): Result<WorkingHours, InvalidWorkingHours> => {
  const days: Partial<Record<Weekday, readonly OpeningSpan[]>> = {};
  for (const day of WEEKDAYS) {
    const parsed = parseDay(day, written[day]);
    if (!parsed.ok) return parsed;
    days[day] = parsed.value;
  }
  return ok(days as WorkingHours);
};

/** The schedule as people write it, the inverse of `parseWorkingHours`. */
export const writtenWorkingHours = (hours: WorkingHours): { readonly [D in Weekday]: readonly WrittenSpan[] } => {
  const days: Partial<Record<Weekday, readonly WrittenSpan[]>> = {};
  for (const day of WEEKDAYS)
    days[day] = hours[day].map((s) => ({ opens: formatTimeOfDay(s.opens), closes: formatTimeOfDay(s.closes) }));
  return days as { readonly [D in Weekday]: readonly WrittenSpan[] };
};

/** Where an instant falls on Bogotá's wall clock: the day, its weekday and the minute of that day. */
export type WallClock = { readonly date: CivilDate; readonly weekday: Weekday; readonly minute: number };

export const bogotaWallClock = (at: Instant): WallClock => {
  const local = at + COLOMBIA_OFFSET_MS;
  const days = Math.floor(local / DAY_MS);
  const date = civilFromDays(days);
  return { date, weekday: WEEKDAYS[weekdayIndex(date)] as Weekday, minute: (local - days * DAY_MS) / MINUTE_MS };
};

/** The spans open on that day: none on a Colombian public holiday. */
export const spansOn = (hours: WorkingHours, date: CivilDate): readonly OpeningSpan[] =>
  isColombianHoliday(date) ? [] : hours[WEEKDAYS[weekdayIndex(date)] as Weekday];

/** Whether the desk (or an advisor) is working at `at`: inside one of that day's spans, closing minute excluded. */
export const isOpenAt = (hours: WorkingHours, at: Instant): boolean => {
  const clock = bogotaWallClock(at);
  return spansOn(hours, clock.date).some((s) => s.opens <= clock.minute && clock.minute < s.closes);
};

/**
 * Whether [startsAt, endsAt) lies inside one opening span of one working day: a meeting may end exactly at
 * closing time, but not run past it, nor across a break or midnight.
 */
export const coversSlot = (
  hours: WorkingHours,
  slot: { readonly startsAt: Instant; readonly endsAt: Instant },
): boolean => {
  const start = bogotaWallClock(slot.startsAt);
  const endMinute = start.minute + (slot.endsAt - slot.startsAt) / MINUTE_MS;
  return spansOn(hours, start.date).some((s) => s.opens <= start.minute && endMinute <= s.closes);
};
