// The default public holidays of a year for civil servants (Labour Code 2019, art. 112), with lunar
// dates computed for Vietnam, plus the compensatory day off when a holiday falls on a weekly rest day
// (art. 111). Each year the government also swaps days; admins record that in the yearly table, which
// then replaces this default.
import { dayOf, formatDay, isWeekend, weekdayOf, type DayNumber } from './day';
import { lunarToSolar } from './lunar';

export interface CalendarYear {
  year: number;
  /** Non-working days other than Saturdays and Sundays (holidays, compensatory and extra days off). */
  holidays: string[];
  /** Saturdays or Sundays made working days (swapped). */
  workingWeekends: string[];
}

export interface NamedHoliday {
  date: string;
  name: string;
  nameEn: string;
}

function solarDay([d, m, y]: [number, number, number]): DayNumber {
  return dayOf(y, m, d);
}

/** The statutory holidays of a year, before compensatory days. */
export function statutoryHolidays(year: number): NamedHoliday[] {
  const tet = solarDay(lunarToSolar(1, 1, year));
  const hung = solarDay(lunarToSolar(10, 3, year));
  const nationalDay = dayOf(year, 9, 2);
  // "2/9 and one adjacent day": the day before when that bridges a Monday, otherwise the day after.
  const nationalAdjacent = weekdayOf(nationalDay) === 2 ? nationalDay - 1 : nationalDay + 1;
  const list: { day: DayNumber; name: string; nameEn: string }[] = [
    { day: dayOf(year, 1, 1), name: 'Tết Dương lịch', nameEn: 'New Year' },
    // Tết: five days, by default New Year's Eve and the first four days of the lunar year.
    ...[-1, 0, 1, 2, 3].map((o) => ({
      day: tet + o,
      name: o < 0 ? 'Tết Nguyên đán (30 Tết)' : `Tết Nguyên đán (mùng ${o + 1})`,
      nameEn: 'Lunar New Year',
    })),
    { day: hung, name: 'Giỗ Tổ Hùng Vương (10/3 âm lịch)', nameEn: "Hung Kings' Commemoration" },
    { day: dayOf(year, 4, 30), name: 'Ngày Chiến thắng', nameEn: 'Reunification Day' },
    { day: dayOf(year, 5, 1), name: 'Quốc tế Lao động', nameEn: 'International Workers’ Day' },
    { day: nationalDay, name: 'Quốc khánh', nameEn: 'National Day' },
    { day: nationalAdjacent, name: 'Quốc khánh (ngày liền kề)', nameEn: 'National Day (adjacent day)' },
  ];
  return list
    .filter((h) => Number(formatDay(h.day).slice(0, 4)) === year)
    .map((h) => ({ date: formatDay(h.day), name: h.name, nameEn: h.nameEn }));
}

/** Statutory holidays plus compensatory days off (art. 111): a holiday on a weekend moves to the next working day. */
export function defaultCalendarYear(year: number): CalendarYear {
  const days = new Set<DayNumber>();
  const statutory = statutoryHolidays(year).map((h) =>
    dayOf(Number(h.date.slice(0, 4)), Number(h.date.slice(5, 7)), Number(h.date.slice(8, 10))),
  );
  for (const d of statutory) days.add(d);
  // Tết of the next year can start on 31 December's eve only in theory; the default covers this year only.
  for (const d of [...statutory].sort((a, b) => a - b)) {
    if (!isWeekend(d)) continue;
    let c = d + 1;
    while (isWeekend(c) || days.has(c)) c++;
    days.add(c);
  }
  return {
    year,
    holidays: [...days]
      .sort((a, b) => a - b)
      .map(formatDay)
      .filter((d) => d.startsWith(String(year))),
    workingWeekends: [],
  };
}
