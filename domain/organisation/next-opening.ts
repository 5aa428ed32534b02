import { COLOMBIA_OFFSET_MS, civilFromDays, MONTHS_ES, WEEKDAYS_ES } from '../shared/calendar.ts';
import { DAY_MS, type Instant, MINUTE_MS } from '../shared/time.ts';
import { weekdayIndex } from './colombian-holidays.ts';
import { bogotaWallClock, spansOn, type WorkingHours } from './working-hours.ts';

/** How far ahead an opening is looked for: past it (a schedule with no hours at all), there is none. */
const LOOK_AHEAD_DAYS = 14;

/**
 * When someone with these hours is next at work: `at` itself while they are, else the start of their next opening
 * span (holidays skipped, see `spansOn`); `null` when none opens in the next two weeks.
 */
export const nextOpeningAt = (hours: WorkingHours, at: Instant): Instant | null => {
  const now = bogotaWallClock(at);
  const midnight = at - now.minute * MINUTE_MS;
  for (let day = 0; day <= LOOK_AHEAD_DAYS; day++) {
    const start = midnight + day * DAY_MS;
    for (const span of spansOn(hours, bogotaWallClock(start).date)) {
      if (day === 0 && now.minute >= span.closes) continue;
      if (day === 0 && now.minute >= span.opens) return at;
      return start + span.opens * MINUTE_MS;
    }
  }
  return null;
};

/** "8:00 a. m.", "2:30 p. m.", "12:00 p. m." on Bogotá's clock. */
export const clockTimeCo = (minuteOfDay: number): string => {
  const minutes = Math.floor(minuteOfDay);
  const hour24 = Math.floor(minutes / 60);
  const hour12 = hour24 % 12 === 0 ? 12 : hour24 % 12;
  return `${hour12}:${String(minutes % 60).padStart(2, '0')} ${hour24 < 12 ? 'a. m.' : 'p. m.'}`;
};

/**
 * An opening as the acknowledgement says it, from `now`: "hoy a partir de las 2:00 p. m.", "mañana a partir de las
 * 8:00 a. m.", "a partir del lunes a las 8:00 a. m." within the week, "a partir del lunes 12 de enero a las
 * 8:00 a. m." further on. It ends with "a. m."/"p. m.", whose dot closes the sentence.
 */
export const nextOpeningPhrase = (opening: Instant, now: Instant): string => {
  const day = (t: Instant) => Math.floor((t + COLOMBIA_OFFSET_MS) / DAY_MS);
  const ahead = day(opening) - day(now);
  const clock = bogotaWallClock(opening);
  const time = clockTimeCo(clock.minute);
  const article = time.startsWith('1:') ? 'la' : 'las';
  if (ahead === 0) return `hoy a partir de ${article} ${time}`;
  if (ahead === 1) return `mañana a partir de ${article} ${time}`;
  const date = civilFromDays(day(opening));
  const weekday = WEEKDAYS_ES[weekdayIndex(date)] as string;
  const named = ahead < 7 ? weekday : `${weekday} ${date.day} de ${MONTHS_ES[date.month - 1]}`;
  return `a partir del ${named} a ${article} ${time}`;
};
