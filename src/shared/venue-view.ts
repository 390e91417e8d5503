import { css, html, nothing } from 'lit';
import type { RankedVenue, Venue } from '../core/types.js';
import { appointmentUrl, distanceParts, levelClass, levelKey, telHref } from './format.js';
import type { Words } from './words.js';

/** What a venue's views can ask of the element that shows them. */
export interface VenueActions {
  /** The venue's name was chosen (select it, open its card). */
  open?(venue: Venue): void;
  /** The appointment link was clicked; cancel the click to stop it. */
  appointment?(venue: Venue, url: string, event: Event): void;
  /** The chosen matter, for the appointment template. */
  matter?: string | null;
}

/** A venue's level as a coloured badge. */
export function levelBadge(venue: Venue, words: Words, short = false): unknown {
  const key = levelKey(venue.level, short);
  return html`<span class="level ${levelClass(venue.level)}" part="level"
    >${key ? words.t(key) : venue.level}</span
  >`;
}

/** A distance in words, or nothing when it is unknown. */
export function distanceText(metres: number | null, words: Words): string {
  if (metres == null) return '';
  const { key, n } = distanceParts(metres);
  return words.t(key, { n });
}

/** The phone and appointment actions of a venue. */
function contact(venue: Venue, words: Words, actions: VenueActions): unknown {
  const tel = venue.phone ? telHref(venue.phone) : null;
  const url = venue.appointment
    ? appointmentUrl(venue.appointment, venue.id, actions.matter ?? '')
    : null;
  return html`
    ${venue.phone
      ? html`<span class="phone">
          <span class="visually-hidden">${words.t('phone')}</span>
          ${tel ? html`<a href=${tel} part="phone">${venue.phone}</a>` : venue.phone}
        </span>`
      : nothing}
    ${url
      ? html`<a
          class="button secondary"
          part="appointment"
          href=${url}
          target="_blank"
          rel="noopener noreferrer"
          @click=${(event: Event) => actions.appointment?.(venue, url, event)}
          >${words.t('appointment')}</a
        >`
      : nothing}
  `;
}

/** One row of a venue list: name, level, distance, address, hours, phone. */
export function renderVenueItem(
  ranked: RankedVenue,
  words: Words,
  actions: VenueActions,
  selected = false,
): unknown {
  const { venue, distance } = ranked;
  const name = words.text(venue.name);
  return html`
    <li class="venue-item ${selected ? 'selected' : ''}" part="venue-item" data-venue=${venue.id}>
      <div class="venue-head">
        ${actions.open
          ? html`<button
              class="link venue-name"
              part="venue-name"
              aria-current=${selected ? 'true' : 'false'}
              @click=${() => actions.open?.(venue)}
            >
              ${name}
            </button>`
          : html`<span class="venue-name" part="venue-name">${name}</span>`}
        ${levelBadge(venue, words, true)}
        <span class="distance" part="distance"
          >${distance == null ? '' : distanceText(distance, words)}</span
        >
      </div>
      ${venue.address ? html`<div class="muted">${words.text(venue.address)}</div>` : nothing}
      ${venue.hours ? html`<div class="hours muted">${words.text(venue.hours)}</div>` : nothing}
      <div class="venue-actions">${contact(venue, words, actions)}</div>
    </li>
  `;
}

/** A venue's card: everything but its matters. */
export function renderVenueCard(
  venue: Venue,
  distance: number | null,
  words: Words,
  actions: VenueActions,
): unknown {
  const { t, text } = words;
  return html`
    <header class="venue-card" part="venue-card">
      <h3 class="venue-title" part="venue-title">${text(venue.name)} ${levelBadge(venue, words)}</h3>
      <dl class="facts">
        ${venue.address ? html`<dt>${t('address')}</dt><dd>${text(venue.address)}</dd>` : nothing}
        <dt>${t('distance')}</dt>
        <dd>
          ${venue.location
            ? distance == null
              ? t('distanceUnknown')
              : distanceText(distance, words)
            : t('noLocation')}
        </dd>
        ${venue.hours ? html`<dt>${t('hours')}</dt><dd>${text(venue.hours)}</dd>` : nothing}
        ${venue.note ? html`<dt></dt><dd class="muted">${text(venue.note)}</dd>` : nothing}
      </dl>
      <div class="venue-actions">${contact(venue, words, actions)}</div>
    </header>
  `;
}

export const venueStyles = css`
  .venue-list {
    margin: 0;
    padding: 0;
    list-style: none;
  }

  .venue-item {
    padding: 0.6em 0.2em;
    border-bottom: 1px solid var(--_border);
  }

  .venue-item.selected {
    background: var(--_surface-alt);
  }

  .venue-head {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.4em;
  }

  .venue-name {
    font-weight: 600;
  }

  button.venue-name {
    text-decoration: none;
    color: inherit;
  }

  button.venue-name:hover {
    text-decoration: underline;
  }

  .distance {
    margin-left: auto;
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
  }

  .venue-actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.6em;
    margin-top: 0.3em;
  }

  .venue-actions:empty {
    display: none;
  }

  .venue-title {
    margin: 0 0 0.4em;
    font-size: 1.2em;
  }
`;
