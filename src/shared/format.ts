import type { Level } from '../core/types.js';
import type { StringKey } from './i18n.js';

const knownLevels = ['district', 'street', 'community', 'self-service'];

/** The string key of a level's name, or null for a level shown as written. */
export function levelKey(level: Level, short = false): StringKey | null {
  if (!knownLevels.includes(level)) return null;
  return `${short ? 'levelShort' : 'level'}.${level}` as StringKey;
}

/** The CSS class of a level's badge and marker. */
export function levelClass(level: Level): string {
  return knownLevels.includes(level) ? level : 'other';
}

/** Metres as the elements show them: `850 米`, `1.2 公里`, `23 公里` (to 10 m). */
export function distanceParts(metres: number): { key: 'metres' | 'kilometres'; n: string } {
  const rounded = Math.round(metres / 10) * 10;
  if (rounded < 1000) return { key: 'metres', n: String(rounded) };
  const km = metres / 1000;
  return { key: 'kilometres', n: km < 10 ? km.toFixed(1) : String(Math.round(km)) };
}

/** A phone number as a `tel:` link target: digits, `+`, `-` and `,` only. */
export function telHref(phone: string): string | null {
  const first = phone.split(/[;；/、]|或/)[0] ?? '';
  const digits = first.replace(/[^\d+\-,]/g, '');
  return digits.replace(/\D/g, '').length >= 3 ? `tel:${digits}` : null;
}

/** Fills a venue's appointment URL template. */
export function appointmentUrl(template: string, venue: string, matter: string): string {
  return template
    .replace(/\{venue\}/g, encodeURIComponent(venue))
    .replace(/\{matter\}/g, encodeURIComponent(matter));
}
