import { html, nothing } from 'lit';
import type { TemplateResult } from 'lit';
import type { Venue } from '../../core/types.js';
import { distanceParts, levelClass, levelKey, telHref } from '../../shared/format.js';
import type { Words } from '../../shared/words.js';
import { icons } from './icons.js';

/**
 * The map's popups: a venue's details, and the list of venues sharing one
 * address (a cluster no zoom can split). Rendered by the element into the
 * element OpenLayers positions, which sits in the map's stop-event
 * container, so clicks in a popup never reach the map.
 */

export function levelLabel(words: Words, venue: Venue, short: boolean): string {
  const key = levelKey(venue.level, short);
  return key ? words.t(key) : venue.level;
}

function row(label: string, value: unknown): TemplateResult {
  return html`<div class="row"><dt>${label}</dt><dd>${value}</dd></div>`;
}

function closeButton(words: Words, close: () => void): TemplateResult {
  return html`
    <button
      type="button"
      class="popup-close"
      part="popup-close"
      aria-label=${words.t('close')}
      title=${words.t('close')}
      @click=${close}
    >
      ${icons.close}
    </button>
  `;
}

export interface VenuePopupOptions {
  /** Metres from the origin, when one is known. */
  distance: number | null;
  /** The guide button's link (from `venue-url`), or null for a button. */
  guideUrl: string | null;
  close(): void;
  openGuide(): void;
}

export function venuePopup(words: Words, venue: Venue, options: VenuePopupOptions) {
  const name = words.text(venue.name);
  const address = words.text(venue.address);
  const hours = words.text(venue.hours);
  const phone = venue.phone ? telHref(venue.phone) : null;
  const parts = options.distance === null ? null : distanceParts(options.distance);
  const away = parts && html`<span class="distance">${words.t(parts.key, parts)}</span>`;
  const guide = options.guideUrl;
  return html`
    <div class="popup-body" role="dialog" aria-label=${words.t('mapPopup', { name })} tabindex="-1">
      ${closeButton(words, options.close)}
      <h3 class="popup-title" part="popup-title">${name}</h3>
      ${venue.level
        ? html`<span class="level ${levelClass(venue.level)}" part="level">
            ${levelLabel(words, venue, false)}
          </span>`
        : nothing}
      <dl>
        ${address ? row(words.t('address'), address) : nothing}
        ${away ? row(words.t('distance'), away) : nothing}
        ${hours ? row(words.t('hours'), hours) : nothing}
        ${venue.phone
          ? row(
              words.t('phone'),
              phone ? html`<a href=${phone}>${venue.phone}</a>` : venue.phone,
            )
          : nothing}
      </dl>
      <div class="popup-actions">
      ${guide
        ? html`<a
            class="button guide"
            part="guide-button"
            href=${guide}
            @click=${options.openGuide}
          >
            ${words.t('viewGuide')}
          </a>`
        : html`<button
            type="button"
            class="button guide"
            part="guide-button"
            @click=${options.openGuide}
          >
            ${words.t('viewGuide')}
          </button>`}
      </div>
    </div>
  `;
}

/** A venue as a button (in the list alternative, and among the venues at one address). */
export function venueButton(
  words: Words,
  venue: Venue,
  current: boolean,
  choose: (id: string) => void,
): TemplateResult {
  return html`
    <li>
      <button
        type="button"
        class="venue-button"
        part="venue-button"
        data-venue=${venue.id}
        aria-current=${current ? 'true' : nothing}
        @click=${() => choose(venue.id)}
      >
        <span class="name">${words.text(venue.name)}</span>
        ${venue.level
          ? html`<span class="level ${levelClass(venue.level)}" part="level">
              ${levelLabel(words, venue, true)}
            </span>`
          : nothing}
      </button>
    </li>
  `;
}

export interface AddressPopupOptions {
  choose(id: string): void;
  close(): void;
}

/** The venues at one address, each a button that opens its own popup. */
export function addressPopup(words: Words, venues: Venue[], options: AddressPopupOptions) {
  const title = words.t('venuesHere', { n: venues.length });
  return html`
    <div class="popup-body" role="dialog" aria-label=${title} tabindex="-1">
      ${closeButton(words, options.close)}
      <h3 class="popup-title" part="popup-title">${title}</h3>
      <ul class="cluster-list">
        ${venues.map((venue) => venueButton(words, venue, false, options.choose))}
      </ul>
    </div>
  `;
}
