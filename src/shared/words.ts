import type { Text } from '../core/types.js';
import type { StringKey } from './i18n.js';

/** The element's words: its strings and the document's texts in its language. */
export interface Words {
  t(key: StringKey, values?: Record<string, string | number>): string;
  text(value: Text | null | undefined): string;
}
