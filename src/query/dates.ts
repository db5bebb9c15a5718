/**
 * ACLED's `event_date` with `event_date_where`, as the filter's first and last day: the one
 * reading of it (the server's; the dashboard reads DATE_WHERE_MEANS from /api/filters.json).
 */
import { isDate, ParamError, ref, refOf } from '../model/param.js';
import { DATE_WHERE_MEANS, EVENT_DATE, EVENT_DATE_WHERE, shiftDay, type DateWhere, type Filter } from './filter.js';

const RANGE = `${ref(EVENT_DATE, '2022-01-01|2022-12-31')}&${ref(EVENT_DATE_WHERE, 'BETWEEN')}`;

export function datesOf(days: string[] | undefined, where: DateWhere | undefined): Pick<Filter, 'from' | 'to'> {
  if (days === undefined) {
    if (where !== undefined) throw new ParamError(refOf(EVENT_DATE_WHERE), where, { kind: 'says', text: `${ref(EVENT_DATE_WHERE)} needs an ${ref(EVENT_DATE)}` }, [`e.g. ${RANGE}`]);
    return {};
  }
  for (const day of days) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) throw new ParamError(refOf(EVENT_DATE), day, { kind: 'not-date' }, [`e.g. ${RANGE}`]);
    if (!isDate(day)) throw new ParamError(refOf(EVENT_DATE), day, { kind: 'not-day' }, [`e.g. ${RANGE}`]);
  }
  const op = where ?? '=';
  const means = DATE_WHERE_MEANS[op];
  if (days.length !== means.days) {
    const problem =
      op === 'BETWEEN'
        ? `${ref(EVENT_DATE_WHERE, 'BETWEEN')} needs two dates, not ${days.length}`
        : `${ref(EVENT_DATE)} has ${days.length} dates: give one, or add ${ref(EVENT_DATE_WHERE, 'BETWEEN')} for a range`;
    throw new ParamError(refOf(EVENT_DATE), days.join('|'), { kind: 'says', text: problem }, [`e.g. ${RANGE}`]);
  }
  const [first, last = first] = days as [string, string?];
  if (first > last!)
    throw new ParamError(refOf(EVENT_DATE), days.join('|'), { kind: 'says', text: `${ref(EVENT_DATE)}: ${first} is after ${last}` }, [
      `write the earlier date first: ${ref(EVENT_DATE, `${last}|${first}`)}`,
    ]);
  return {
    ...(means.from !== undefined ? { from: shiftDay(first, means.from) } : {}),
    ...(means.to !== undefined ? { to: shiftDay(last!, means.to) } : {}),
  };
}
