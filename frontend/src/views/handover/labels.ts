// Words for the enums a handover pack shows, and the dates it needs.
export { actionKindLabels, checkInKindLabels, observedChangeLabels, todayISO } from '../../components/labels';

/** The day of an ISO instant, such as 2026-10-01 for 2026-10-01T09:30:00Z. */
export function dayOf(instant: string): string {
  return instant.slice(0, 10);
}

/** A name made safe for a file name: letters, digits and dashes. */
export function fileSlug(name: string): string {
  const ascii = name.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  return ascii.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'pack';
}
