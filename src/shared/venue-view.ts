import { css, html, nothing } from 'lit';
import { navigationLinks } from '../core/index.js';
import type { LngLat, OpenState, RankedVenue, Venue } from '../core/types.js';
import { appointmentUrl, distanceParts, levelClass, levelKey, telHref } from './format.js';
import { openBadge } from './open-badge.js';
import type { Words } from './words.js';

/** What a venue's views need from the element that shows them. */
export interface VenueActions {
  /** The venue's name was chosen (select it, open its card). */
  open?(venue: Venue): void;
  /** The appointment link was clicked; cancel the click to stop it. */
  appointment?(venue: Venue, url: string, event: Event): void;
  /** Copies a venue's address; says whether it worked. */
  copy?(venue: Venue): void;
  /** The venue whose address was just copied, and whether it worked. */
  copied?: { venue: string; ok: boolean } | null;
  /** The chosen matter, for the appointment template. */
  matter?: string | null;
  /** The moment open states are shown for, and the document's timezone. */
  at?: Date;
  timezone?: string;
  /** A start point the citizen chose, for navigation links; else the app's own. */
  from?: LngLat | null;
  /** Whether to say which venues serve the citizen's area. */
  eligibility?: boolean;
  lang?: string;
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
          target=${url.startsWith('tel:') ? nothing : '_blank'}
          rel="noopener noreferrer"
          @click=${(event: Event) => actions.appointment?.(venue, url, event)}
          >${words.t('appointment')}</a
        >`
      : nothing}
    ${navigation(venue, words, actions)}
  `;
}

/** Links that open the citizen's map app at the venue, and a copy of the address. */
function navigation(venue: Venue, words: Words, actions: VenueActions): unknown {
  const links = navigationLinks(venue, {
    origin: actions.from ?? null,
    lang: actions.lang === 'en' ? 'en' : 'zh-CN',
  });
  const address = words.text(venue.address);
  if (!links.length && !address) return nothing;
  const copied = actions.copied?.venue === venue.id ? actions.copied : null;
  return html`<details class="navigation" part="navigation">
    <summary>${words.t('navigate')}</summary>
    <ul>
      ${links.map(
        (link) => html`<li>
          <a href=${link.url} target="_blank" rel="noopener noreferrer" data-provider=${link.provider}
            >${link.label}</a
          >
        </li>`,
      )}
    </ul>
    ${address && actions.copy
      ? html`<button class="link copy" part="copy-address" @click=${() => actions.copy?.(venue)}>
            ${words.t('copyAddress')}
          </button>
          <span class="muted" role="status"
            >${copied ? words.t(copied.ok ? 'copied' : 'copyFailed') : ''}</span
          >`
      : nothing}
  </details>`;
}

/** The open state of a venue at the chosen moment. */
function openState(open: OpenState, venue: Venue, words: Words, actions: VenueActions): unknown {
  if (!actions.at) return nothing;
  const closure = venue.closures.find((c) => c.note)?.note ?? null;
  return openBadge(open, actions.at, actions.timezone ?? 'Asia/Shanghai', words, words.text(closure));
}

/** Whether the venue serves the citizen's area, when that is known. */
function eligibility(eligible: boolean | null, words: Words, actions: VenueActions): unknown {
  if (!actions.eligibility || eligible === null) return nothing;
  return html`<span class="eligible ${eligible ? 'yes' : 'no'}" part="eligibility"
    >${words.t(eligible ? 'eligible' : 'notEligible')}</span
  >`;
}

/** One row of a venue list: name, level, distance, address, hours, phone. */
export function renderVenueItem(
  ranked: RankedVenue,
  words: Words,
  actions: VenueActions,
  selected = false,
): unknown {
  const { venue, distance, open, eligible } = ranked;
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
      <div class="venue-state">
        ${openState(open, venue, words, actions)} ${eligibility(eligible, words, actions)}
      </div>
      ${venue.address ? html`<div class="muted">${words.text(venue.address)}</div>` : nothing}
      ${venue.hours ? html`<div class="hours muted">${words.text(venue.hours)}</div>` : nothing}
      <div class="venue-actions">${contact(venue, words, actions)}</div>
    </li>
  `;
}

/** A venue's card: everything but its matters. */
export function renderVenueCard(
  ranked: RankedVenue,
  words: Words,
  actions: VenueActions,
): unknown {
  const { t, text } = words;
  const { venue, distance, open } = ranked;
  return html`
    <header class="venue-card" part="venue-card">
      <h3 class="venue-title" part="venue-title">${text(venue.name)} ${levelBadge(venue, words)}</h3>
      <dl class="facts">
        ${venue.address ? html`<dt>${t('address')}</dt><dd>${text(venue.address)}</dd>` : nothing}
        ${!venue.location
          ? html`<dt>${t('distance')}</dt>
              <dd>${t('noLocation')}</dd>`
          : distance != null
            ? html`<dt>${t('distance')}</dt>
                <dd>${distanceText(distance, words)}</dd>`
            : nothing}
        ${venue.hours || open.status !== 'unknown'
          ? html`<dt>${t('hours')}</dt>
              <dd>
                ${openState(open, venue, words, actions)}
                ${venue.hours ? html`<div>${text(venue.hours)}</div>` : nothing}
              </dd>`
          : nothing}
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

  .venue-state:empty {
    display: none;
  }

  .eligible {
    font-size: 0.85em;
    margin-left: 0.4em;
  }

  .eligible.yes {
    color: var(--_open);
  }

  .eligible.no {
    color: var(--_closed);
  }

  .navigation summary {
    cursor: pointer;
    color: var(--_accent);
  }

  .navigation ul {
    display: flex;
    flex-wrap: wrap;
    gap: 0.3em 0.9em;
    margin: 0.3em 0;
    padding: 0;
    list-style: none;
  }

  .venue-title {
    margin: 0 0 0.4em;
    font-size: 1.2em;
  }

  /* fingers need targets of at least 24 × 24 px (WCAG 2.5.8) */
  button.venue-name,
  [part='phone'],
  .navigation summary,
  .navigation a,
  .venue-actions a,
  .venue-actions button {
    display: inline-flex;
    align-items: center;
    min-height: 24px;
    min-width: 24px;
  }

  .navigation summary {
    display: list-item;
    line-height: 24px;
  }
`;
