/**
 * Pinyin keys for search, written by `convert` as `pinyin: { full, initials }`
 * on venues and matters (`居住证` → `juzhuzheng`, `jzz`). Readings come from
 * pinyin-pro, which picks a polyphonic character's reading from the words
 * around it (`银行` → `yinhang`); where its dictionary lacks the word it gives
 * the common reading, and the key is kept as it gives it. Letters and digits
 * stay as they are (lower case); `ü` is written `v`, as people type it.
 */
import { pinyin } from 'pinyin-pro';
import type { Pinyin } from '../core/types.js';

const NOT_KEY = /[^a-z0-9]/g;

export function pinyinKeys(text: string): Pinyin | null {
  const items = pinyin(text.normalize('NFKC'), {
    toneType: 'none',
    type: 'all',
    v: true,
    nonZh: 'consecutive',
  });
  let full = '';
  let initials = '';
  for (const item of items) {
    if (item.isZh) {
      full += item.pinyin;
      initials += item.pinyin.charAt(0);
    } else {
      const kept = item.origin.toLowerCase().replace(NOT_KEY, '');
      full += kept;
      initials += kept;
    }
  }
  full = full.replace(NOT_KEY, '');
  initials = initials.replace(NOT_KEY, '');
  return full === '' ? null : { full, initials };
}
