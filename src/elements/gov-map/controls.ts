import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import type { Area } from '../../core/types.js';
import { areaOptions } from '../../shared/choices.js';
import type { Words } from '../../shared/words.js';
import { icons } from './icons.js';
import type { GestureHint } from './gestures.js';

/**
 * The map's own controls and messages, as templates the element fills in:
 * the buttons, the notice about locating or choosing a start point (with
 * its ways forward), the base-map notice and the gesture hint.
 */

export interface ControlsState {
  ready: boolean;
  picking: boolean;
  /** Following the position (`follow`): the locate button is a toggle. */
  following: boolean | null;
  zoomIn(): void;
  zoomOut(): void;
  locate(): void;
  pick(): void;
}

export function mapControls(words: Words, state: ControlsState): TemplateResult {
  const button = (
    name: string,
    label: string,
    icon: TemplateResult,
    action: () => void,
    pressed?: boolean | null,
  ) => html`
    <button
      type="button"
      class="control ${name}"
      part="control ${name}"
      title=${label}
      aria-label=${label}
      aria-pressed=${pressed === undefined || pressed === null ? nothing : String(pressed)}
      ?disabled=${!state.ready}
      @click=${action}
    >
      ${icon}
    </button>
  `;
  const locateLabel = words.t(state.following === null ? 'locateMe' : 'followMe');
  return html`
    <div class="controls" part="controls">
      ${button('zoom-in', words.t('zoomIn'), icons.plus, state.zoomIn)}
      ${button('zoom-out', words.t('zoomOut'), icons.minus, state.zoomOut)}
      ${button('locate-button', locateLabel, icons.locate, state.locate, state.following)}
      ${button('choose-button', words.t('chooseOnMap'), icons.pin, state.pick, state.picking)}
    </div>
  `;
}

export interface Notice {
  text: string;
  alert: boolean;
  /** Offer the other ways to a start point (locating failed). */
  fallback?: boolean;
}

export interface NoticeActions {
  /** Areas to choose from (those with a centre). */
  areas: Area[];
  close: (() => void) | null;
  pick(): void;
  chooseArea(id: string): void;
}

export function noticeBox(words: Words, notice: Notice, actions: NoticeActions) {
  const areaChange = (event: Event) => {
    const id = (event.target as HTMLSelectElement).value;
    if (id) actions.chooseArea(id);
  };
  return html`
    <div class="notice-box">
      <div class="notice ${notice.alert ? 'alert' : ''}" part="notice">
        <span role=${notice.alert ? 'alert' : 'status'}>${notice.text}</span>
        ${actions.close
          ? html`<button
              type="button"
              class="notice-close"
              aria-label=${words.t('close')}
              @click=${actions.close}
            >
              ${icons.close}
            </button>`
          : nothing}
      </div>
      ${notice.fallback
        ? html`<div class="notice-actions" part="notice-actions">
            <button type="button" class="button" part="fallback-pick" @click=${actions.pick}>
              ${words.t('chooseOnMap')}
            </button>
            ${actions.areas.length
              ? html`<select
                  part="area-select"
                  aria-label=${words.t('chooseArea')}
                  @change=${areaChange}
                >
                  <option value="">${words.t('chooseArea')}</option>
                  ${areaOptions(actions.areas, '', words)}
                </select>`
              : nothing}
          </div>`
        : nothing}
    </div>
  `;
}

/** Says the base map is unavailable; the rest of the map keeps working. */
export function basemapNotice(words: Words, text: string, close: () => void) {
  return html`
    <div class="basemap-notice" part="basemap-notice" role="status">
      <span>${text}</span>
      <button type="button" aria-label=${words.t('close')} @click=${close}>${icons.close}</button>
    </div>
  `;
}

/** How to move the map when a gesture went to the page instead. */
export function gestureHint(words: Words, hint: GestureHint): TemplateResult {
  const mac = /Mac|iPhone|iPad/.test(globalThis.navigator?.platform ?? '');
  const text =
    hint === 'wheel' ? words.t('wheelHint', { key: mac ? '⌘' : 'Ctrl' }) : words.t('touchHint');
  // a visual hint: keyboards and screen readers never meet the gesture it explains
  return html`<div class="gesture-hint" part="gesture-hint" aria-hidden="true">${text}</div>`;
}
