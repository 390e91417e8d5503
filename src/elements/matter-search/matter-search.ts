import { css, html, nothing } from 'lit';
import type { PropertyValues } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { lookup } from '../../core/lookup.js';
import { citizenArea, planMatter } from '../../core/index.js';
import type { MatterPlan, RankedVenue, SearchHit, ServiceData } from '../../core/types.js';
import { choiceStyles } from '../../shared/choices.js';
import { openStyles } from '../../shared/open-badge.js';
import { GovElement } from '../../shared/gov-element.js';
import { guideStyles, renderGuide } from '../../shared/guide.js';
import type { StringKey } from '../../shared/i18n.js';
import type { ChosenMatter, SelectionState } from '../../shared/store.js';
import { renderVenueCard, renderVenueItem, venueStyles } from '../../shared/venue-view.js';
import type { VenueActions } from '../../shared/venue-view.js';

/** What the result area shows: a matter, a life event or a venue. */
type View = { kind: 'matter' | 'bundle' | 'venue'; id: string };

const kinds = ['matter', 'bundle', 'venue'] as const;

/** A suggestion: a hit, a recent search, or the button that clears them. */
type Option =
  | { group: SearchHit['kind'] | 'try' | 'popular'; hit: SearchHit }
  | { group: 'recent'; words: string }
  | { group: 'recent'; clear: true };

const groupLabel: Record<Option['group'], StringKey> = {
  matter: 'kind_matter',
  bundle: 'kind_bundle',
  venue: 'kind_venue',
  recent: 'recentSearches',
  try: 'tryThese',
  popular: 'popularMatters',
};

/** The popular matters of each dataset, worked out once. */
const popularOf = new WeakMap<ServiceData, SearchHit[]>();

// recent searches live in the page's storage, which sandboxed iframes and
// some privacy modes refuse: then they last as long as the page
const RECENT_KEY = 'gov-service-map:recent-searches';
const RECENT_KEPT = 5;

function readRecent(): string[] {
  try {
    const list: unknown = JSON.parse(globalThis.localStorage?.getItem(RECENT_KEY) ?? '[]');
    return Array.isArray(list) ? list.filter((w): w is string => typeof w === 'string') : [];
  } catch {
    return [];
  }
}

function writeRecent(list: string[]): void {
  try {
    globalThis.localStorage?.setItem(RECENT_KEY, JSON.stringify(list));
  } catch {
    // storage refused: the list stays in this element only
  }
}

let instances = 0;

/**
 * The search box over matters, life events (一件事) and venues, with the
 * result of a choice: a matter's whole guide and the venues that handle it,
 * nearest first when an origin is known; a life event's matters and the
 * venues that handle all of them; a venue's card and what can be done there.
 *
 * The box is an ARIA combobox: arrows move through the suggestions, Enter
 * chooses, Escape closes the list (and clears the text when it is closed).
 * Suggestions are grouped by kind and always for the text in the box; the
 * empty box offers recent searches (kept in `localStorage` when the page
 * allows it) and the matters most venues handle, which a text matching
 * nothing offers too. Everyday words, questions, pinyin, traditional
 * characters and typos are understood (see `createSearchIndex`).
 *
 * @tagname matter-search
 * @summary Search box over matters, life events and venues, with guides.
 *
 * @attr src - The data document's URL; elements naming the same URL share it.
 * @attr group - Separates the selections of elements that share a `src`.
 * @attr lang - `zh-CN` (default) or `en`.
 * @attr area - The citizen's area id.
 * @attr origin - A fixed start point, `lng,lat` (WGS-84).
 * @attr now - A fixed time (ISO 8601) to plan for.
 * @attr debug - Shows the data problems inside the element.
 * @attr timeout - Milliseconds before a load gives up (default 15000).
 * @attr matter - A matter or life-event id to show at start.
 * @attr venue - A venue id to show at start.
 * @attr placeholder - The search box's prompt.
 * @attr limit - The most venues listed for a matter (default 10).
 * @attr theme - `dark` for the dark palette.
 *
 * @fires {GovLoadEvent} gov-load - The data is ready; `detail` has the counts and problems.
 * @fires {GovErrorEvent} gov-error - The data could not be loaded.
 * @fires {GovMatterSelectEvent} gov-matter-select - A matter or life event was chosen.
 * @fires {GovVenueSelectEvent} gov-venue-select - A venue was chosen.
 * @fires {GovAreaChangeEvent} gov-area-change - The citizen chose where they live or are registered.
 * @fires {GovOriginChangeEvent} gov-origin-change - A chosen area's centre became the origin.
 * @fires {GovAppointmentEvent} gov-appointment - An appointment link was clicked; cancelable.
 *
 * @csspart status - The loading message.
 * @csspart error - The error state.
 * @csspart retry-button - The error state's retry button.
 * @csspart problems - The `debug` list of data problems.
 * @csspart input - The search box.
 * @csspart listbox - The list of suggestions.
 * @csspart option - A suggestion.
 * @csspart result - The area showing the chosen matter, life event or venue.
 * @csspart guide - A matter's guide.
 * @csspart venue-list - A list of venues.
 * @csspart venue-item - A venue in a list.
 * @csspart venue-name - A venue's name.
 * @csspart level - A venue's level badge.
 * @csspart distance - A venue's distance.
 * @csspart appointment - A venue's appointment link.
 * @csspart phone - A venue's phone link.
 * @csspart plan - The best way to get it done (最优办事方案), above a guide.
 * @csspart when - "When will you go".
 * @csspart area-picker - "Where you live or are registered".
 * @csspart area-guess - The label saying the area was guessed from the position.
 * @csspart open-state - A venue's open or closed badge.
 * @csspart eligibility - Whether a venue serves the citizen's area.
 * @csspart navigation - A venue's links to map apps.
 * @csspart copy-address - The button copying a venue's address.
 * @csspart venue-card - A venue's card.
 * @csspart venue-title - A venue card's title.
 * @csspart guide-title - A guide's title.
 * @csspart online - A guide's link to handle the matter online.
 * @csspart materials - A guide's list of materials.
 *
 * @cssprop [--gov-color-accent=#1d5fbf] - Links, buttons and focus.
 * @cssprop [--gov-color-highlight=#fff0b3] - Matched text in suggestions.
 * @cssprop [--gov-color-text=#1f2933] - Text.
 * @cssprop [--gov-color-muted=#5f6b7a] - Secondary text.
 * @cssprop [--gov-color-surface=#ffffff] - Background.
 * @cssprop [--gov-color-surface-alt=#f4f6f9] - The active suggestion.
 * @cssprop [--gov-color-border=#d7dde5] - Borders.
 * @cssprop [--gov-font-family=system-ui] - Font.
 * @cssprop [--gov-font-size=15px] - Base font size.
 * @cssprop [--gov-radius=6px] - Corner radius.
 */
export class MatterSearch extends GovElement {
  static override styles = [
    ...GovElement.styles,
    guideStyles,
    venueStyles,
    openStyles,
    choiceStyles,
    css`
      .plan {
        margin: 0.3em 0 0.8em;
        padding: 0.5em 0.8em;
        border-left: 4px solid var(--_accent);
        background: var(--_surface-alt);
        border-radius: var(--_radius);
      }

      .plan h4 {
        margin: 0 0 0.2em;
      }

      .plan-line {
        margin: 0.2em 0;
        font-weight: 600;
      }

      .box {
        position: relative;
      }

      input[type='search'] {
        width: 100%;
        min-height: 2.6em;
        padding: 0.4em 0.7em;
        font: inherit;
        color: inherit;
        background: var(--_surface);
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
      }

      [role='listbox'] {
        position: absolute;
        z-index: 10;
        left: 0;
        right: 0;
        max-height: 22em;
        overflow-y: auto;
        margin: 0.2em 0 0;
        padding: 0.2em 0;
        list-style: none;
        background: var(--_surface);
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        box-shadow: 0 4px 14px rgb(0 0 0 / 12%);
      }

      [role='group'] > .group-label {
        padding: 0.3em 0.7em 0.1em;
        font-size: 0.8em;
        color: var(--_muted);
      }

      [role='group'] ul {
        margin: 0;
        padding: 0;
        list-style: none;
      }

      [role='option'] {
        padding: 0.35em 0.7em;
        cursor: pointer;
      }

      [role='option']:hover {
        background: var(--_surface-alt);
      }

      /* the suggestion the arrows are on: a bar in the accent colour, plain to see */
      [role='option'][aria-selected='true'] {
        background: var(--_surface-alt);
        box-shadow: inset 3px 0 0 var(--_accent);
        outline: 1px solid var(--_accent);
        outline-offset: -1px;
      }

      .empty {
        padding: 0.5em 0.7em;
        color: var(--_muted);
      }

      [role='option'].clear-recent {
        color: var(--_muted);
        font-size: 0.9em;
      }

      .result {
        margin-top: 0.8em;
      }

      .result h4 {
        margin: 1em 0 0.3em;
      }

      .bundle-matters li {
        margin: 0.2em 0;
      }
    `,
  ];

  /** A matter or life-event id to show at start. */
  @property() matter: string | null = null;

  /** A venue id to show at start. */
  @property() venue: string | null = null;

  /** The search box's prompt. */
  @property() placeholder: string | null = null;

  /** The most venues listed for a matter. */
  @property({ type: Number }) limit = 10;

  @state() private query = '';
  @state() private hits: SearchHit[] = [];
  @state() private expanded = false;
  @state() private active = -1;
  @state() private view: View | null = null;
  @state() private bundleGuide: string | null = null;
  @state() private showAll = false;
  @state() private recent: string[] = readRecent();
  /** Set while a table that the current text needs is loading. */
  private pending: Promise<void> | null = null;

  @query('input') private input!: HTMLInputElement;

  private readonly uid = `gov-search-${++instances}`;
  private seenMatter: ChosenMatter | null = null;
  /** Bumped on every search, so a late answer for an earlier text is dropped. */
  private turn = 0;
  private focused = false;

  protected override presetChanged(changed: PropertyValues<this>): boolean {
    return changed.has('matter') || changed.has('venue');
  }

  protected override presets(
    data: ServiceData,
    changed: PropertyValues<this> | null,
  ): Partial<SelectionState> {
    const patch: Partial<SelectionState> = {};
    if ((!changed || changed.has('matter')) && this.matter) {
      const choice = this.matterOrBundle(this.matter);
      if (choice) patch.matter = choice;
      else console.warn(`[${this.tag}] matter "${this.matter}" is not in the data; ignored.`);
    }
    if ((!changed || changed.has('venue')) && this.venue) {
      if (lookup(data).venue.has(this.venue)) {
        patch.venue = this.venue;
        if (!patch.matter) this.view = { kind: 'venue', id: this.venue };
      } else console.warn(`[${this.tag}] venue "${this.venue}" is not in the data; ignored.`);
    }
    return patch;
  }

  /** A matter chosen anywhere in the group is shown here. */
  protected override onSelection(): void {
    super.onSelection();
    const matter = this.chosen.matter;
    if (matter === this.seenMatter) return;
    this.seenMatter = matter;
    if (matter) {
      this.view = { kind: matter.kind, id: matter.id };
      this.bundleGuide = null;
      this.showAll = false;

      // the box names what is shown, however it was chosen
      const data = this.serviceData;
      if (data) this.query = this.text(this.nameOf(data, matter));
    } else if (this.view?.kind !== 'venue') {
      this.view = null;
    }
  }

  // the combobox -------------------------------------------------------------

  private onInput(event: Event): void {
    this.query = (event.target as HTMLInputElement).value;
    this.suggest();
  }

  /**
   * Suggestions for the text in the box now, never for an earlier text: a
   * table that search loads on demand (pinyin on the first Latin letter)
   * answers later, and only the latest text's answer is taken.
   */
  private suggest(): void {
    const index = this.store?.searchIndex;
    const text = this.input?.value ?? this.query;
    const turn = ++this.turn;
    const search = (): SearchHit[] =>
      index && text.trim() ? index.search(text, { limit: 12, origin: this.originPoint }) : [];
    this.hits = search();
    this.expanded = text.trim().length > 0 || this.focused;
    this.active = -1;
    this.pending = index?.prepare(text) ?? null;
    this.pending?.then(
      () => {
        if (turn !== this.turn) return;
        this.pending = null;
        this.hits = search();
      },
      // a table that failed to load leaves the plain matches in place
      () => turn === this.turn && (this.pending = null),
    );
  }

  /** The options in the order they are shown: hits grouped by kind, or the empty state's. */
  private get options(): Option[] {
    const text = this.query.trim();
    if (text) {
      // the kinds in the order of their best hit: an exact life-event name comes first
      const order = [...new Set(this.hits.map((hit) => hit.kind))];
      const hits = order.flatMap((kind) => this.hits.filter((hit) => hit.kind === kind));
      if (hits.length) return hits.map((hit) => ({ group: hit.kind, hit }));
      return this.popular.map((hit) => ({ group: 'try', hit }));
    }
    const recent: Option[] = this.recent.map((words) => ({ group: 'recent', words }));
    if (recent.length) recent.push({ group: 'recent', clear: true });
    return [...recent, ...this.popular.map((hit): Option => ({ group: 'popular', hit }))];
  }

  /** The matters most venues handle, offered when the box is empty or nothing matches. */
  private get popular(): SearchHit[] {
    const data = this.serviceData;
    if (!data) return [];
    let hits = popularOf.get(data);
    if (!hits) {
      const venuesOf = lookup(data).venuesOf;
      const count = (id: string): number => venuesOf.get(id)?.length ?? 0;
      hits = [...data.matters]
        .sort((a, b) => count(b.id) - count(a.id))
        .slice(0, 3)
        .map((matter) => ({ kind: 'matter', id: matter.id, score: 0, ranges: [] }));
      popularOf.set(data, hits);
    }
    return hits;
  }

  private onKeyDown(event: KeyboardEvent): void {
    const options = this.options;
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (!this.expanded) this.suggest();
        if (options.length) this.active = (this.active + 1) % options.length;
        break;
      case 'ArrowUp':
        event.preventDefault();
        if (options.length) this.active = this.active <= 0 ? options.length - 1 : this.active - 1;
        break;
      case 'Home':
      case 'End':
        if (this.expanded && options.length && this.active >= 0) {
          event.preventDefault();
          this.active = event.key === 'Home' ? 0 : options.length - 1;
        }
        break;
      case 'Enter': {
        const option =
          options[this.active] ?? (this.expanded && this.query.trim() ? options[0] : undefined);
        if (option) {
          event.preventDefault();
          this.pick(option);
        }
        break;
      }
      case 'Escape':
        // the browser's own Escape would clear a search box at once, list open or not
        event.preventDefault();
        if (this.expanded) this.expanded = false;
        else this.query = this.input.value = '';
        this.active = -1;
        break;
    }
  }

  /** Acts on an option: a hit is chosen, a recent search typed again, the history cleared. */
  private pick(option: Option): void {
    if ('hit' in option) return this.choose(option.hit);
    if ('clear' in option) {
      this.recent = [];
      writeRecent([]);
      this.active = -1;
      return;
    }
    this.query = this.input.value = option.words;
    this.suggest();
    this.input.focus();
  }

  private choose(hit: SearchHit): void {
    const data = this.serviceData;
    if (!data) return;
    this.remember(this.query);
    this.expanded = false;
    this.active = -1;
    this.query = this.input.value = this.text(this.nameOf(data, hit));
    this.bundleGuide = null;
    this.showAll = false;
    if (hit.kind === 'venue') {
      this.view = { kind: 'venue', id: hit.id };
      this.chooseVenue(hit.id);
    } else {
      this.view = { kind: hit.kind, id: hit.id };
      this.chooseMatter({ kind: hit.kind, id: hit.id });
    }
  }

  /** Keeps what the citizen typed (not the official name) among the recent searches. */
  private remember(text: string): void {
    const words = text.trim();
    if (!words) return;
    this.recent = [words, ...this.recent.filter((w) => w !== words)].slice(0, RECENT_KEPT);
    writeRecent(this.recent);
  }

  private nameOf(data: ServiceData, hit: { kind: View['kind']; id: string }) {
    const maps = lookup(data);
    const record =
      hit.kind === 'matter'
        ? maps.matter.get(hit.id)
        : hit.kind === 'bundle'
          ? maps.bundle.get(hit.id)
          : maps.venue.get(hit.id);
    return record?.name ?? hit.id;
  }

  protected override renderReady(data: ServiceData): unknown {
    const options = this.options;
    const listId = `${this.uid}-list`;
    const activeId = this.active >= 0 ? `${this.uid}-opt-${this.active}` : '';
    const text = this.query.trim();
    const nothingFound = text && !this.hits.length;
    return html`
      <div class="box">
        <input
          type="search"
          part="input"
          role="combobox"
          autocomplete="off"
          enterkeyhint="search"
          aria-label=${this.t('searchLabel')}
          aria-autocomplete="list"
          aria-expanded=${this.expanded && options.length ? 'true' : 'false'}
          aria-controls=${listId}
          aria-activedescendant=${activeId || nothing}
          placeholder=${this.placeholder ?? this.t('search')}
          .value=${this.query}
          @input=${this.onInput}
          @keydown=${this.onKeyDown}
          @focus=${() => {
            this.focused = true;
            this.suggest();
          }}
          @blur=${() => {
            this.focused = false;
            setTimeout(() => !this.focused && (this.expanded = false), 150);
          }}
        />
        <div
          id=${listId}
          role="listbox"
          part="listbox"
          aria-label=${this.t('suggestions')}
          ?hidden=${!this.expanded || (!options.length && !nothingFound)}
        >
          ${this.expanded && nothingFound
            ? html`<div class="empty" role="presentation">
                ${this.t('noResults', { q: text })}
              </div>`
            : nothing}
          ${[...new Set(options.map((option) => option.group))].map((group) =>
            this.renderGroup(data, group, options),
          )}
        </div>
      </div>
      <div class="result" part="result" aria-live="polite">${this.renderView(data)}</div>
    `;
  }

  private renderGroup(data: ServiceData, group: Option['group'], options: Option[]) {
    const members = options.filter((option) => option.group === group);
    if (!members.length) return nothing;
    const labelId = `${this.uid}-${group}`;
    return html`<div role="group" aria-labelledby=${labelId}>
      <div class="group-label" id=${labelId} role="presentation">${this.t(groupLabel[group])}</div>
      <ul role="presentation">
        ${members.map((option) => {
          const position = options.indexOf(option);
          const label =
            'hit' in option
              ? highlight(this.text(this.nameOf(data, option.hit)), option.hit.ranges)
              : 'clear' in option
                ? this.t('clearRecent')
                : option.words;
          return html`<li
            id=${`${this.uid}-opt-${position}`}
            role="option"
            part="option"
            class=${'clear' in option ? 'clear-recent' : option.group}
            aria-selected=${position === this.active ? 'true' : 'false'}
            @mousedown=${(e: Event) => e.preventDefault()}
            @click=${() => this.pick(option)}
          >
            ${label}
          </li>`;
        })}
      </ul>
    </div>`;
  }

  // the result -----------------------------------------------------------------

  private get actions(): VenueActions {
    return { ...this.venueActions, eligibility: true };
  }

  private renderView(data: ServiceData): unknown {
    const view = this.view;
    if (!view) return nothing;
    const maps = lookup(data);
    if (view.kind === 'matter') {
      const matter = maps.matter.get(view.id);
      if (!matter) return html`<p class="muted">${this.t('unknownMatter')}</p>`;
      return html`
        ${this.renderPlan(data, view)} ${renderGuide(matter, this.words)}
        <h4>${this.t('venuesFor')}</h4>
        ${this.renderVenues(data, view)}
      `;
    }
    if (view.kind === 'bundle') {
      const bundle = maps.bundle.get(view.id);
      if (!bundle) return html`<p class="muted">${this.t('unknownMatter')}</p>`;
      const open = this.bundleGuide ? maps.matter.get(this.bundleGuide) : undefined;
      return html`
        <h3 class="guide-title">${this.text(bundle.name)}</h3>
        ${this.renderPlan(data, view)}
        <h4>${this.t('bundleMatters')}</h4>
        <ol class="bundle-matters">
          ${bundle.matters.map((id) => {
            const matter = maps.matter.get(id);
            return html`<li>
              <button
                class="link"
                aria-expanded=${this.bundleGuide === id ? 'true' : 'false'}
                @click=${() => (this.bundleGuide = this.bundleGuide === id ? null : id)}
              >
                ${this.text(matter?.name ?? id)}
              </button>
            </li>`;
          })}
        </ol>
        ${open ? renderGuide(open, this.words) : nothing}
        <h4>${this.t('venuesForBundle')}</h4>
        ${this.renderVenues(data, view)}
      `;
    }
    const venue = maps.venue.get(view.id);
    if (!venue) return html`<p class="muted">${this.t('unknownVenue')}</p>`;
    return html`
      ${renderVenueCard(this.rankOne(data, venue), this.words, this.venueActions)}
      <h4>${this.t('mattersHere')} (${venue.matters.length})</h4>
      <ul class="venue-matters">
        ${venue.matters.map(
          ({ matter: id, window }) => html`<li>
            <button class="link" @click=${() => this.chooseMatter({ kind: 'matter', id })}>
              ${this.text(maps.matter.get(id)?.name ?? id)}
            </button>
            ${window ? html`<span class="tag">${window}</span>` : nothing}
          </li>`,
        )}
      </ul>
    `;
  }

  /** The plan for a matter or life event at the chosen time and area. */
  private plan(data: ServiceData, view: View): MatterPlan {
    return planMatter(data, view.id, {
      origin: this.originPoint,
      area: this.chosen.area,
      at: this.planTime,
    });
  }

  /** Whether the plan depends on where the citizen lives (属地). */
  private local(data: ServiceData, view: View): boolean {
    const maps = lookup(data);
    const ids = view.kind === 'bundle' ? (maps.bundle.get(view.id)?.matters ?? []) : [view.id];
    return ids.some((id) => maps.matter.get(id)?.scope === 'area');
  }

  /** 最优办事方案: online first, else one trip, else the fewest places. */
  private renderPlan(data: ServiceData, view: View): unknown {
    const plan = this.plan(data, view);
    const name = (ranked: RankedVenue) => this.text(ranked.venue.name);
    const best = plan.venues.find((r) => r.open.status !== 'closed') ?? plan.venues[0];
    let line: unknown;
    if (plan.online) {
      line = html`<a class="button" href=${plan.online.url} target="_blank" rel="noopener noreferrer"
        >${this.t('planOnline')}</a
      >`;
    } else if (view.kind === 'bundle' && plan.oneTrip) {
      line = this.t('planOneTrip', { venue: name(plan.oneTrip) });
    } else if (view.kind === 'bundle' && plan.cover) {
      const venues = plan.cover.venues.map(name).join(' + ');
      line = this.t('planCover', { n: plan.cover.venues.length, venues });
    } else if (best) {
      // nearest only when distances are known
      line = this.t(this.originPoint ? 'planNearest' : 'planNoOrigin', { venue: name(best) });
    } else {
      line = this.t('planNone');
    }
    const local = this.local(data, view);
    const area = citizenArea(data, { area: this.chosen.area, origin: this.originPoint });
    return html`<section class="plan" part="plan" aria-label=${this.t('planTitle')}>
      <h4>${this.t('planTitle')}</h4>
      <p class="plan-line">${line}</p>
      ${this.renderWhen(data)}
      ${local
        ? this.renderAreaPicker(data, area)
        : nothing}
      ${local && !area ? html`<p class="muted area-unknown">${this.t('areaUnknown')}</p>` : nothing}
    </section>`;
  }

  private renderVenues(data: ServiceData, view: View) {
    const plan = this.plan(data, view);
    const origin = this.originPoint;

    // open (or not known to be closed) at the chosen time first, each nearest first
    const ranked = [
      ...plan.venues.filter((r) => r.open.status !== 'closed'),
      ...plan.venues.filter((r) => r.open.status === 'closed'),
    ];
    if (!ranked.length) {
      return html`<p class="muted">${this.t(view.kind === 'bundle' ? 'noOneTrip' : 'noVenues')}</p>`;
    }
    const shown = this.showAll ? ranked : ranked.slice(0, this.limit);
    for (const r of shown) this.noteChange(r.open.changesAt);
    return html`
      <p class="muted">
        ${this.t('venueCount', { n: ranked.length })} · ${this.t(origin ? 'nearestFirst' : 'byLevel')}
      </p>
      <ul class="venue-list" part="venue-list">
        ${shown.map((r) =>
          renderVenueItem(r, this.words, this.actions, r.venue.id === this.chosen.venue),
        )}
      </ul>
      ${shown.length < ranked.length
        ? html`<button class="button secondary" @click=${() => (this.showAll = true)}>
            ${this.t('showAll', { n: ranked.length })}
          </button>`
        : nothing}
    `;
  }
}

/** A name with its matched spans marked. */
function highlight(name: string, ranges: [number, number][]): unknown {
  if (!ranges.length) return name;
  const parts: unknown[] = [];
  let at = 0;
  for (const [start, end] of [...ranges].sort((a, b) => a[0] - b[0])) {
    if (start < at) continue;
    parts.push(name.slice(at, start), html`<mark>${name.slice(start, end)}</mark>`);
    at = end;
  }
  parts.push(name.slice(at));
  return parts;
}
