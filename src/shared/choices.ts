import { css, html, nothing } from 'lit';
import { instantOf, offsetAt } from '../core/hours/zone.js';
import type { Area, ServiceData } from '../core/types.js';
import type { Words } from './words.js';

/**
 * The citizen's two choices that change the plan: when they will go, and
 * where they live or are registered (for 属地 matters).
 */

/** A wall-clock time `YYYY-MM-DDTHH:mm` in a timezone, as a moment; null if malformed. */
export function wallTime(value: string, timezone: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(value);
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1).map(Number);
  return new Date(instantOf(timezone, Date.UTC(year, month - 1, day, hour, minute)));
}

/** A moment as a wall-clock time `YYYY-MM-DDTHH:mm` in a timezone. */
export function wallText(at: Date, timezone: string): string {
  const local = new Date(at.getTime() + offsetAt(timezone, at.getTime()));
  return local.toISOString().slice(0, 16);
}

export interface WhenChoice {
  /** The chosen moment, or null for now. */
  when: Date | null;
  /** The moment "now" stands for (the clock, or the `now` attribute). */
  now: Date;
  timezone: string;
  choose(when: Date | null): void;
}

/** "When will you go": now, later today, or a day and time. */
export function renderWhen(choice: WhenChoice, words: Words): unknown {
  const { t } = words;
  const { when, now, timezone } = choice;
  const today = wallText(now, timezone).slice(0, 10);
  const chosen = when ? wallText(when, timezone) : null;
  const mode = !chosen ? 'now' : chosen.slice(0, 10) === today ? 'later' : 'date';

  const pick = (event: Event) => {
    const value = (event.target as HTMLSelectElement).value;
    if (value === 'now') choice.choose(null);
    // an hour from now is a fair first guess for "later"
    else if (value === 'later') choice.choose(new Date(now.getTime() + 3600000));
    else choice.choose(wallTime(`${nextDay(today)}T09:00`, timezone));
  };
  const time = (event: Event) => {
    const input = event.target as HTMLInputElement;
    const value = mode === 'later' ? `${today}T${input.value}` : input.value;
    const at = wallTime(value, timezone);
    if (at) choice.choose(at);
  };

  return html`<div class="when" part="when">
    <label>
      <span>${t('when')}</span>
      <select class="when-select" @change=${pick}>
        <option value="now" ?selected=${mode === 'now'}>${t('whenNow')}</option>
        <option value="later" ?selected=${mode === 'later'}>${t('whenLater')}</option>
        <option value="date" ?selected=${mode === 'date'}>${t('whenDate')}</option>
      </select>
    </label>
    ${mode === 'later'
      ? html`<input
          class="when-time"
          type="time"
          aria-label=${t('whenTime')}
          .value=${chosen!.slice(11, 16)}
          @change=${time}
        />`
      : mode === 'date'
        ? html`<input
            class="when-time"
            type="datetime-local"
            aria-label=${t('whenTime')}
            min=${`${today}T00:00`}
            .value=${chosen!}
            @change=${time}
          />`
        : nothing}
  </div>`;
}

function nextDay(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

export interface AreaChoice {
  /** The citizen's area and whether it was guessed from their position. */
  area: { id: string; guessed: boolean } | null;
  choose(area: string | null): void;
}

/**
 * The options of an area list: the areas that stand alone (the district)
 * first, then each street as a group of itself and its communities, so two
 * communities of one name are told apart by their street.
 */
export function areaOptions(areas: readonly Area[], chosen: string, words: Words): unknown {
  const { text } = words;
  const ids = new Set(areas.map((a) => a.id));
  const children = new Map<string, Area[]>();
  for (const area of areas) {
    const parent = area.parent && ids.has(area.parent) ? area.parent : '';
    const list = children.get(parent) ?? [];
    list.push(area);
    children.set(parent, list);
  }

  // areas whose children have none of their own (streets) become groups of
  // their children (communities); the rest (the district) stand alone
  const isGroup = (a: Area) =>
    (children.get(a.id)?.length ?? 0) > 0 &&
    (children.get(a.id) ?? []).every((c) => !children.has(c.id));
  const streets = areas.filter(isGroup);
  const grouped = new Set(streets.flatMap((a) => [a.id, ...(children.get(a.id) ?? []).map((c) => c.id)]));
  const roots = areas.filter((a) => !grouped.has(a.id));
  const option = (area: Area) =>
    html`<option value=${area.id} ?selected=${area.id === chosen}>${text(area.name)}</option>`;
  return html`${roots.map(option)}
    ${streets.map(
      (street) => html`<optgroup label=${text(street.name)}>
        ${option(street)} ${(children.get(street.id) ?? []).map(option)}
      </optgroup>`,
    )}`;
}

/**
 * "Where you live or are registered": the streets and their communities of
 * the document, the chosen one selected, and a label when it is a guess.
 */
export function renderAreaPicker(data: ServiceData, choice: AreaChoice, words: Words): unknown {
  const { t } = words;
  const chosen = choice.area?.id ?? '';

  return html`<div class="area-picker" part="area-picker">
    <label>
      <span>${t('yourArea')}</span>
      <select
        class="area-select"
        @change=${(e: Event) => choice.choose((e.target as HTMLSelectElement).value || null)}
      >
        <option value="" ?selected=${!chosen}>${t('chooseArea')}</option>
        ${areaOptions(data.areas, chosen, words)}
      </select>
    </label>
    ${choice.area?.guessed
      ? html`<span class="guess muted" part="area-guess">${t('areaGuessed')}</span>`
      : nothing}
  </div>`;
}

export const choiceStyles = css`
  .when,
  .area-picker {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.4em;
    margin: 0.4em 0;
  }

  .when label,
  .area-picker label {
    display: inline-flex;
    align-items: center;
    gap: 0.4em;
    flex-wrap: wrap;
  }

  .when select,
  .when input,
  .area-picker select,
  .control {
    min-width: 0;
    font: inherit;
    min-height: 2.2em;
    max-width: 100%;
    padding: 0.2em 0.4em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: inherit;
  }
`;
