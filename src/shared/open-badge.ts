import { css, html, nothing } from 'lit';
import type { OpenState } from '../core/types.js';
import type { StringKey } from './i18n.js';
import type { Words } from './words.js';

/** The parts of a moment in a timezone, for wording "明天 09:00". */
function parts(date: Date, timezone: string) {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone: timezone,
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    weekday: 'short',
    hourCycle: 'h23',
  });
  const out: Record<string, string> = {};
  for (const { type, value } of format.formatToParts(date)) out[type] = value;
  return {
    day: Date.UTC(Number(out.year), Number(out.month) - 1, Number(out.day)) / 86400000,
    month: Number(out.month),
    date: Number(out.day),
    time: `${out.hour}:${out.minute}`,
    weekday: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(out.weekday ?? ''),
  };
}

/**
 * When a change happens, in words relative to `now`, in the document's
 * timezone: `12:00`, `明天 09:00`, `周一 09:00`, `2月24日 09:00`.
 */
export function whenText(change: Date, now: Date, timezone: string, words: Words): string {
  const at = parts(change, timezone);
  const today = parts(now, timezone);
  const days = at.day - today.day;
  if (days <= 0) return at.time;
  if (days === 1) return `${words.t('tomorrow')} ${at.time}`;
  if (days < 7) return `${words.t(`weekday${at.weekday}` as StringKey)} ${at.time}`;
  return `${words.t('monthDay', { m: at.month, d: at.date })} ${at.time}`;
}

const noteKeys: Record<string, StringKey> = {
  holiday: 'noteHoliday',
  'makeup-workday': 'noteMakeup',
  closure: 'noteClosure',
  'calendar-estimated': 'noteEstimated',
  unparsed: 'noteUnparsed',
};

/**
 * A venue's open state as a badge: 营业中 · 12:00 下班, 已下班 · 明天 09:00
 * 上班, with the reason when it is a holiday, a make-up day or a closure.
 */
export function openBadge(
  open: OpenState,
  now: Date,
  timezone: string,
  words: Words,
  closureNote?: string | null,
): unknown {
  const { t } = words;
  const when = open.changesAt ? whenText(open.changesAt, now, timezone, words) : null;
  const status = t(open.status === 'open' ? 'open' : open.status === 'closed' ? 'closed' : 'unknownHours');
  const change =
    when && open.status === 'open'
      ? t('closesAt', { when })
      : when && open.status === 'closed'
        ? t('opensAt', { when })
        : '';
  const noteKey = open.note ? noteKeys[open.note] : undefined;
  const note =
    open.note === 'closure' && closureNote ? closureNote : noteKey ? t(noteKey) : open.note;
  if (open.status === 'unknown' && !open.note) return nothing;
  return html`<span class="open-state ${open.status}" part="open-state"
    ><strong>${status}</strong>${change ? html` · ${change}` : nothing}${note
      ? html` <span class="open-note">（${note}）</span>`
      : nothing}</span
  >`;
}

export const openStyles = css`
  .open-state {
    font-size: 0.9em;
  }

  .open-state.open strong {
    color: var(--_open);
  }

  .open-state.closed strong {
    color: var(--_closed);
  }

  .open-state.unknown strong {
    color: var(--_muted);
  }

  .open-note {
    color: var(--_muted);
  }
`;
