import type { Text } from './types.js';

/**
 * The text for a language: the exact tag, then its base language, then
 * Chinese, then whatever the document gave first.
 */
export function localize(text: Text | null | undefined, lang = 'zh-CN'): string {
  if (text == null) return '';
  if (typeof text === 'string') return text;
  const base = lang.split('-')[0];
  const pick =
    text[lang] ??
    Object.keys(text).find((key) => key.split('-')[0] === base) ??
    undefined;
  if (pick !== undefined) return text[pick] ?? pick;
  return text['zh-CN'] ?? text.zh ?? Object.values(text)[0] ?? '';
}
