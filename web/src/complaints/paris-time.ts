/** A Paris wall-clock moment (`YYYY-MM-DDTHH:MM`, as service times are kept) as the screen writes it. */
export function parisDateTime(value: string, date: (iso: string) => string): string {
  return `${date(value.slice(0, 10))} ${value.slice(11, 16)}`;
}
