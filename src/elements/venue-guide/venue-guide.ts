import { css, html, nothing } from 'lit';
import type { PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { citizenArea } from '../../core/index.js';
import { lookup } from '../../core/lookup.js';
import { rankVenues } from '../../core/rank.js';
import type { ServiceData, Venue } from '../../core/types.js';
import { GovElement } from '../../shared/gov-element.js';
import type { SelectionState } from '../../shared/store.js';
import { choiceStyles } from '../../shared/choices.js';
import { guideStyles, renderGuide } from '../../shared/guide.js';
import { openStyles } from '../../shared/open-badge.js';
import { levelKey } from '../../shared/format.js';
import { renderVenueCard, renderVenueItem, venueStyles } from '../../shared/venue-view.js';
import type { VenueActions } from '../../shared/venue-view.js';

/**
 * One venue's card, or a locator of venues ranked by distance.
 *
 * With `venue`, the card of that venue: name, level, address, distance,
 * hours, phone, appointment, and the matters handled there (办什么) with a
 * filter, each opening its guide. Without `venue`, a locator: the venues
 * nearest the origin first, with level and matter filters, limited to the
 * citizen's `area` when one is set; choosing a venue (here, on a map or in a
 * search of the same group) opens its card.
 *
 * @tagname venue-guide
 * @summary A venue's card, or a locator list of venues.
 *
 * @attr src - The data document's URL; elements naming the same URL share it.
 * @attr group - Separates the selections of elements that share a `src`.
 * @attr lang - `zh-CN` (default) or `en`.
 * @attr area - The citizen's area id; the locator keeps the venues serving it.
 * @attr origin - A fixed start point, `lng,lat` (WGS-84).
 * @attr now - A fixed time (ISO 8601) to plan for.
 * @attr debug - Shows the data problems inside the element.
 * @attr timeout - Milliseconds before a load gives up (default 15000).
 * @attr venue - A venue id: show that venue's card.
 * @attr matter - A matter or life-event id: preselect the locator's matter filter.
 * @attr levels - Comma-separated levels the locator shows (`street,community`).
 * @attr limit - The most venues the locator lists at first; a button shows the rest.
 * @attr theme - `dark` for the dark palette.
 *
 * @fires {GovLoadEvent} gov-load - The data is ready; `detail` has the counts and problems.
 * @fires {GovErrorEvent} gov-error - The data could not be loaded.
 * @fires {GovVenueSelectEvent} gov-venue-select - A venue was chosen (or, with id null, left).
 * @fires {GovMatterSelectEvent} gov-matter-select - A matter was chosen from the card or a filter.
 * @fires {GovAreaChangeEvent} gov-area-change - The citizen chose where they live or are registered.
 * @fires {GovOriginChangeEvent} gov-origin-change - A chosen area's centre became the origin.
 * @fires {GovAppointmentEvent} gov-appointment - The appointment link was clicked; cancelable.
 *
 * @csspart status - The loading message.
 * @csspart error - The error state.
 * @csspart retry-button - The error state's retry button.
 * @csspart problems - The `debug` list of data problems.
 * @csspart filters - The locator's filter bar.
 * @csspart venue-list - The locator's list.
 * @csspart venue-item - A venue in a list.
 * @csspart venue-name - A venue's name (a button where it opens the card).
 * @csspart level - A venue's level badge.
 * @csspart distance - A venue's distance.
 * @csspart phone - A venue's phone link.
 * @csspart appointment - A venue's appointment link.
 * @csspart venue-card - The card's header.
 * @csspart venue-title - The card's title.
 * @csspart matter-list - The card's list of matters.
 * @csspart guide - A matter's guide.
 * @csspart back-button - The button back to the list.
 * @csspart choices - The bar with the area picker and the time choice.
 * @csspart area-picker - "Where you live or are registered".
 * @csspart area-guess - The label saying the area was guessed from the position.
 * @csspart when - "When will you go".
 * @csspart open-state - A venue's open or closed badge.
 * @csspart eligibility - Whether a venue serves the citizen's area.
 * @csspart navigation - A venue's links to map apps.
 * @csspart copy-address - The button copying a venue's address.
 * @csspart guide-title - A guide's title.
 * @csspart online - A guide's link to handle the matter online.
 * @csspart materials - A guide's list of materials.
 *
 * @cssprop [--gov-color-accent=#1d5fbf] - Links, buttons and focus.
 * @cssprop [--gov-color-text=#1f2933] - Text.
 * @cssprop [--gov-color-muted=#5f6b7a] - Secondary text.
 * @cssprop [--gov-color-surface=#ffffff] - Background.
 * @cssprop [--gov-color-surface-alt=#f4f6f9] - Background of the selected row.
 * @cssprop [--gov-color-border=#d7dde5] - Lines between rows.
 * @cssprop [--gov-color-open=#1a7f37] - "Open" badges.
 * @cssprop [--gov-color-closed=#b42318] - "Closed" badges and errors.
 * @cssprop [--gov-color-district=#c8102e] - District level badge.
 * @cssprop [--gov-color-street=#1d5fbf] - Street level badge.
 * @cssprop [--gov-color-community=#0f8a6c] - Community level badge.
 * @cssprop [--gov-color-self-service=#8a5a00] - Self-service level badge.
 * @cssprop [--gov-font-family=system-ui] - Font.
 * @cssprop [--gov-font-size=15px] - Base font size.
 * @cssprop [--gov-radius=6px] - Corner radius.
 */
export class VenueGuide extends GovElement {
  static override styles = [
    ...GovElement.styles,
    guideStyles,
    venueStyles,
    openStyles,
    choiceStyles,
    css`
      .filters label {
        min-width: 0;
        max-width: 100%;
      }

      /* a long matter name in the filter never widens the page on a phone */
      .filters select {
        max-width: 100%;
      }

      .filters {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5em;
        margin-bottom: 0.5em;
      }


      .summary {
        margin: 0.25em 0;
        font-size: 0.9em;
      }

      .matter-list {
        margin: 0.5em 0 0;
        padding: 0;
        list-style: none;
      }

      .matter-list li {
        padding: 0.35em 0;
        border-bottom: 1px solid var(--_border);
      }

      .matter-filter {
        width: 100%;
        margin-top: 0.4em;
      }

      .back {
        margin-bottom: 0.5em;
      }

      .attribution {
        margin-top: 0.5em;
        font-size: 0.8em;
      }
    `,
  ];

  /** A venue id: the element shows that venue's card. */
  @property({ reflect: true }) venue: string | null = null;

  /** Preselects the locator's matter filter (a matter or life-event id). */
  @property() matter: string | null = null;

  /** Comma-separated levels the locator shows. */
  @property() levels: string | null = null;

  /** The most venues the locator lists at first; a button shows the rest. */
  @property({ type: Number }) limit: number | null = null;

  @state() private levelFilter = '';
  @state() private matterQuery = '';
  /** The matters the search index finds for the filter's text (everyday words, pinyin …). */
  @state() private matterHits: ReadonlySet<string> = new Set();
  private filterTurn = 0;
  @state() private openMatter: string | null = null;
  @state() private showAll = false;

  /** Where keyboard focus goes after the view changes (a selector in the shadow root). */
  private focusAfter: string | null = null;
  private cameFrom: string | null = null;
  private cameFromMatter: string | null = null;

  protected override presetChanged(changed: PropertyValues<this>): boolean {
    return changed.has('matter');
  }

  protected override presets(
    data: ServiceData,
    changed: PropertyValues<this> | null,
  ): Partial<SelectionState> {
    if ((!changed || changed.has('venue')) && this.venue && !lookup(data).venue.has(this.venue)) {
      console.warn(`[${this.tag}] venue "${this.venue}" is not in the data.`);
    }
    if ((changed && !changed.has('matter')) || !this.matter) return {};
    const choice = this.matterOrBundle(this.matter);
    if (!choice) console.warn(`[${this.tag}] matter "${this.matter}" is not in the data; ignored.`);
    return choice ? { matter: choice } : {};
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('venue')) this.openMatter = null;
  }

  private get actions(): VenueActions {
    return {
      ...this.venueActions,
      open: (venue) => this.openVenue(venue.id),
      eligibility: !!this.chosen.matter,
    };
  }

  protected override renderReady(data: ServiceData): unknown {
    const id = this.venue ?? this.chosen.venue;
    if (id) {
      const venue = lookup(data).venue.get(id);
      if (venue) return this.renderCard(data, venue, !this.venue);
      if (this.venue) {
        return html`<p class="status" part="status">${this.t('unknownVenue')}</p>`;
      }
    }
    return this.renderLocator(data);
  }

  // the locator ----------------------------------------------------------

  private renderLocator(data: ServiceData): unknown {
    const allowed = this.allowedLevels();
    const levels = this.levelFilter ? [this.levelFilter] : allowed;
    const chosen = this.chosen.matter;
    const origin = this.originPoint;
    const ranked = rankVenues(data, {
      origin,
      area: this.chosen.area,
      within: this.chosen.area,
      levels,
      matter: chosen?.kind === 'matter' ? chosen.id : null,
      bundle: chosen?.kind === 'bundle' ? chosen.id : null,
      at: this.planTime,
    });
    const shown = this.showAll || !this.limit ? ranked : ranked.slice(0, this.limit);
    for (const r of shown) this.noteChange(r.open.changesAt);
    const area = citizenArea(data, { area: this.chosen.area, origin });
    const present = [...new Set(data.venues.map((v) => v.level))].filter(
      (level) => !allowed || allowed.includes(level),
    );
    return html`
      <div class="filters" part="filters">
        <label>
          <span class="visually-hidden">${this.t('level')}</span>
          <select
            class="level-filter control"
            @change=${(e: Event) => (this.levelFilter = (e.target as HTMLSelectElement).value)}
          >
            <option value="" ?selected=${!this.levelFilter}>${this.t('allLevels')}</option>
            ${present.map((level) => {
              const key = levelKey(level);
              return html`<option value=${level} ?selected=${this.levelFilter === level}>
                ${key ? this.t(key) : level}
              </option>`;
            })}
          </select>
        </label>
        <label>
          <span class="visually-hidden">${this.t('matter')}</span>
          <select class="matter-select control" @change=${this.onMatterFilter}>
            <option value="" ?selected=${!chosen}>${this.t('allMatters')}</option>
            ${data.bundles.map(
              (b) => html`<option value=${b.id} ?selected=${chosen?.id === b.id}>
                ${this.text(b.name)}
              </option>`,
            )}
            ${data.matters.map(
              (m) => html`<option value=${m.id} ?selected=${chosen?.id === m.id}>
                ${this.text(m.name)}
              </option>`,
            )}
          </select>
        </label>
      </div>
      <div class="filters" part="choices">
        ${this.renderAreaPicker(data, area)}
        ${this.renderWhen(data)}
      </div>
      <p class="summary muted" role="status">
        ${this.t('venueCount', { n: ranked.length })} ·
        ${this.t(origin ? 'nearestFirst' : 'byLevel')}
      </p>
      ${ranked.length
        ? html`<ul class="venue-list" part="venue-list">
            ${shown.map((r) =>
              renderVenueItem(r, this.words, this.actions, r.venue.id === this.chosen.venue),
            )}
          </ul>`
        : html`<p class="muted">${this.t('noVenues')}</p>`}
      ${shown.length < ranked.length
        ? html`<button class="button secondary show-all" @click=${() => (this.showAll = true)}>
            ${this.t('showAll', { n: ranked.length })}
          </button>`
        : nothing}
      ${data.attribution
        ? html`<p class="attribution muted">${this.text(data.attribution)}</p>`
        : nothing}
    `;
  }

  private allowedLevels(): string[] | null {
    const levels = (this.levels ?? '')
      .split(',')
      .map((level) => level.trim())
      .filter(Boolean);
    return levels.length ? levels : null;
  }

  private onMatterFilter(event: Event): void {
    const id = (event.target as HTMLSelectElement).value;
    this.chooseMatter(id ? this.matterOrBundle(id) : null);
  }

  // the card ---------------------------------------------------------------

  private renderCard(data: ServiceData, venue: Venue, canGoBack: boolean): unknown {
    const ranked = this.rankOne(data, venue);
    this.noteChange(ranked.open.changesAt);
    const matters = lookup(data).matter;
    const open = this.openMatter ? matters.get(this.openMatter) : undefined;

    // the guide of a matter chosen from the card replaces the matter list
    if (open) {
      return html`
        <button class="button secondary back" part="back-button" @click=${this.closeGuide}>
          ← ${this.text(venue.name)}
        </button>
        ${renderGuide(open, this.words)}
      `;
    }

    const query = this.matterQuery.trim().toLowerCase();
    const handled = venue.matters
      .map((pair) => ({ pair, matter: matters.get(pair.matter) }))
      .filter(
        ({ pair, matter }) =>
          matter &&
          (this.text(matter.name).toLowerCase().includes(query) ||
            this.matterHits.has(pair.matter)),
      );
    return html`
      ${canGoBack
        ? html`<button class="button secondary back" part="back-button" @click=${this.back}>
            ← ${this.t('back')}
          </button>`
        : nothing}
      ${renderVenueCard(ranked, this.words, this.actions)}
      <section aria-label=${this.t('mattersHere')}>
        <h4>${this.t('mattersHere')} (${venue.matters.length})</h4>
        ${venue.matters.length > 3
          ? html`<input
              class="matter-filter control"
              type="search"
              .value=${this.matterQuery}
              placeholder=${this.t('filterMatters')}
              aria-label=${this.t('filterMatters')}
              @input=${(e: Event) => this.filterMatters((e.target as HTMLInputElement).value)}
            />`
          : nothing}
        ${query && !handled.length
          ? html`<p class="muted" role="status">
              ${this.t('noMatterHere', { q: this.matterQuery.trim() })}
            </p>`
          : nothing}
        <ul class="matter-list" part="matter-list">
          ${handled.map(
            ({ pair, matter }) => html`<li>
              <button class="link" data-matter=${pair.matter} @click=${() => this.showGuide(pair.matter)}>
                ${this.text(matter!.name)}
              </button>
              ${pair.window ? html`<span class="tag">${pair.window}</span>` : nothing}
              ${pair.hours ? html`<span class="muted">${this.text(pair.hours)}</span>` : nothing}
            </li>`,
          )}
        </ul>
        ${venue.matters.length === 0 ? html`<p class="muted">${this.t('noMatters')}</p>` : nothing}
      </section>
    `;
  }

  /**
   * The card's matter filter understands what the search box does (老年证,
   * yyzz, 準生證): the search index's matter hits join the names holding the
   * text. A table the index loads on demand answers later, for this text only.
   */
  private filterMatters(text: string): void {
    this.matterQuery = text;
    const index = this.store?.searchIndex;
    const turn = ++this.filterTurn;
    const find = () =>
      new Set(
        index && text.trim()
          ? index
              .search(text, { limit: 200 })
              .filter((hit) => hit.kind === 'matter' && hit.score >= 0.5)
              .map((hit) => hit.id)
          : [],
      );
    this.matterHits = find();
    index?.prepare(text)?.then(
      () => {
        if (turn === this.filterTurn) this.matterHits = find();
      },
      () => {},
    );
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);

    // a view change moves keyboard focus to where the citizen goes on
    if (this.focusAfter) {
      this.renderRoot.querySelector<HTMLElement>(this.focusAfter)?.focus();
      this.focusAfter = null;
    }
  }

  /** Opens a venue's card (from the locator) with focus on its way back. */
  private openVenue(id: string): void {
    this.cameFrom = id;
    this.focusAfter = '[part="back-button"]';
    this.chooseVenue(id);
  }

  private showGuide(id: string): void {
    this.cameFromMatter = id;
    this.focusAfter = '[part="back-button"]';
    this.openMatter = id;
    this.chooseMatter({ kind: 'matter', id });
  }

  private closeGuide(): void {
    this.focusAfter = `[data-matter="${this.cameFromMatter}"]`;
    this.openMatter = null;
  }

  private back(): void {
    this.focusAfter = this.cameFrom ? `[data-venue="${this.cameFrom}"] button.venue-name` : null;
    this.openMatter = null;
    this.matterQuery = '';
    this.matterHits = new Set();
    this.chooseVenue(null);
  }
}
