import { LitElement, html, nothing } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { lookup } from '../core/lookup.js';
import { localize } from '../core/text.js';
import type { ServiceDataErrorKind } from '../core/load.js';
import { distance, openState } from '../core/index.js';
import type { CitizenArea } from '../core/index.js';
import { renderAreaPicker, renderWhen } from './choices.js';
import type { LngLat, RankedVenue, ServiceData, Venue } from '../core/types.js';
import {
  GovAppointmentEvent,
  GovAreaChangeEvent,
  GovErrorEvent,
  GovLoadEvent,
  GovMatterSelectEvent,
  GovOriginChangeEvent,
  GovVenueSelectEvent,
} from './events.js';
import type { OriginSource } from './events.js';
import { fill, stringsFor } from './i18n.js';
import type { StringKey, Strings } from './i18n.js';
import { datasetFor, datasetForObject, selectionFor } from './store.js';
import type { ChosenMatter, Dataset, Selection, SelectionState } from './store.js';
import { problemWords } from './problem-words.js';
import { baseStyles } from './styles.js';
import type { VenueActions } from './venue-view.js';
import type { Words } from './words.js';

/**
 * What the three elements share: the data (`src` or `data`), the shared
 * selection of their `group`, language, the clock, the loading and error
 * states and the `debug` list of data problems. Subclasses draw the ready
 * state in `renderReady`.
 */
export abstract class GovElement extends LitElement {
  static override styles = [baseStyles];

  /** The data document's URL. Elements naming the same URL share one fetch. */
  @property({ reflect: true }) src: string | null = null;

  /** The data document itself, instead of `src`. */
  @property({ attribute: false }) data: object | null = null;

  /** Separates the selections of elements that share a `src`. */
  @property({ reflect: true }) group = '';

  /** `zh-CN` (default) or `en`. */
  @property() override lang = '';

  /** The citizen's area id (where they live or are registered). */
  @property() area: string | null = null;

  /** A fixed start point, `lng,lat` in WGS-84. */
  @property() origin: string | null = null;

  /** A fixed time (ISO 8601) to plan for, instead of the clock. */
  @property() now: string | null = null;

  /** Shows the data problems inside the element. */
  @property({ type: Boolean, reflect: true }) debug = false;

  /** Gives up loading after this many milliseconds (default 15000). */
  @property({ type: Number }) timeout: number | null = null;

  /** Replaces any of the element's strings. */
  @property({ attribute: false }) strings: Partial<Strings> = {};

  protected store: Dataset | null = null;
  protected selection: Selection | null = null;

  private unsubscribe: (() => void)[] = [];
  private nextChange = Infinity;
  private tick: ReturnType<typeof setTimeout> | undefined;
  private waiters: ((state: 'ready' | 'error') => void)[] = [];
  private announced = -1;
  private presetsApplied = false;
  private warnedNoSource = false;

  /** The element's tag, for console messages. */
  protected get tag(): string {
    return this.localName;
  }

  /** The parsed data, once ready. */
  protected get serviceData(): ServiceData | null {
    return this.store?.state === 'ready' ? this.store.data : null;
  }

  protected get chosen(): SelectionState {
    return (
      this.selection?.state ?? { matter: null, venue: null, origin: null, area: null, when: null }
    );
  }

  /** The language in use. */
  protected get language(): string {
    return this.lang || 'zh-CN';
  }

  /** The moment to plan for: the `now` attribute or the clock. */
  protected get moment(): Date {
    const fixed = this.now ? new Date(this.now) : null;
    return fixed && !Number.isNaN(fixed.getTime()) ? fixed : new Date();
  }

  /** The moment the citizen plans to go: the chosen time, else `moment`. */
  protected get planTime(): Date {
    return this.chosen.when ?? this.moment;
  }

  /** The point distances are measured from, if any. */
  protected get originPoint(): LngLat | null {
    return this.chosen.origin?.point ?? null;
  }

  /** A string of the element's language, with `{name}` values filled in. */
  protected t(key: StringKey, values?: Record<string, string | number>): string {
    const text = this.strings[key] ?? stringsFor(this.language)[key];
    return values ? fill(text, values) : text;
  }

  /** A document text in the element's language. */
  protected text(value: Parameters<typeof localize>[0]): string {
    return localize(value, this.language);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.store) this.subscribe();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.release();
    clearTimeout(this.tick);
  }

  /**
   * Notes when something shown changes by itself (a venue opens or closes),
   * so the element draws again then. Call while rendering.
   */
  protected noteChange(at: Date | null): void {
    if (at) this.nextChange = Math.min(this.nextChange, at.getTime());
  }

  /** Draws again at the next noted change, unless the clock is fixed. */
  private scheduleTick(): void {
    clearTimeout(this.tick);
    const next = this.nextChange;
    this.nextChange = Infinity;
    if (!Number.isFinite(next) || this.now || this.chosen.when || !this.isConnected) return;
    const wait = Math.min(Math.max(next - Date.now() + 500, 1000), 2 ** 31 - 1);
    this.tick = setTimeout(() => this.requestUpdate(), wait);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // a new source: leave the old dataset and selection, join the new ones
    if (changed.has('src') || changed.has('data') || changed.has('group')) {
      this.attach();
    }

    // attributes that preset the shared selection
    if (
      this.presetsApplied &&
      (changed.has('area') || changed.has('origin') || this.presetChanged(changed))
    ) {
      this.applyPresets(changed);
    }
  }

  /** Subclasses name further preset attributes here (`venue`, `matter`). */
  protected presetChanged(_changed: PropertyValues<this>): boolean {
    return false;
  }

  private attach(): void {
    this.release();
    this.presetsApplied = false;
    this.announced = -1;
    const timeout = this.timeout ?? undefined;
    this.store = this.data
      ? datasetForObject(this.data)
      : this.src
        ? datasetFor(this.src, timeout)
        : null;
    this.selection = this.store ? selectionFor(this.store, this.group) : null;
    if (this.isConnected) this.subscribe();
    if (!this.store && !this.warnedNoSource) {
      this.warnedNoSource = true;
      console.warn(`[${this.tag}] no data: set src="…" (the data file's URL) or the data property.`);
    }
    this.onDataset();
  }

  private subscribe(): void {
    if (this.unsubscribe.length || !this.store || !this.selection) return;
    this.unsubscribe = [
      this.store.subscribe(() => this.onDataset()),
      this.selection.subscribe(() => this.onSelection()),
    ];
  }

  private release(): void {
    for (const stop of this.unsubscribe) stop();
    this.unsubscribe = [];
  }

  /** Tells the page about a change of the dataset's state, once per change. */
  private onDataset(): void {
    const dataset = this.store;
    this.requestUpdate();
    if (!dataset || dataset.revision === this.announced) return;
    if (dataset.state === 'ready' && dataset.data) {
      this.announced = dataset.revision;
      const data = dataset.data;
      if (!this.presetsApplied) this.applyPresets(null);
      this.dispatchEvent(
        new GovLoadEvent({
          src: dataset.src,
          venues: data.venues.length,
          matters: data.matters.length,
          bundles: data.bundles.length,
          areas: data.areas.length,
          problems: dataset.problems,
        }),
      );
      this.dataReady(data);
    } else if (dataset.state === 'error' && dataset.error) {
      this.announced = dataset.revision;
      const error = dataset.error;
      if (dataset.claimWarning(this)) {
        console.warn(`[${this.tag}] ${error.message}`);
      }
      this.dispatchEvent(
        new GovErrorEvent({ src: dataset.src, kind: error.kind, message: error.message, error }),
      );
    }
  }

  /** Called once the data is ready (and again when it changes). */
  protected dataReady(_data: ServiceData): void {}

  /** Called when the shared selection changes. */
  protected onSelection(): void {
    this.requestUpdate();
  }

  /** Pushes the preset attributes into the shared selection. */
  protected applyPresets(changed: PropertyValues<this> | null): void {
    const data = this.serviceData;
    if (!data || !this.selection) return;
    this.presetsApplied = true;
    const patch: Partial<SelectionState> = {};

    if ((!changed || changed.has('area')) && this.area) {
      if (lookup(data).area.has(this.area)) patch.area = this.area;
      else console.warn(`[${this.tag}] area "${this.area}" is not in the data; ignored.`);
    }

    // the area a citizen chose on an earlier visit, unless the page sets one
    if (!changed && !this.area && !this.chosen.area) {
      const remembered = recalledArea(this.store?.src ?? null);
      if (remembered && lookup(data).area.has(remembered)) patch.area = remembered;
    }
    if ((!changed || changed.has('origin')) && this.origin) {
      const point = parsePoint(this.origin);
      if (point) patch.origin = { point, source: 'attribute' };
      else console.warn(`[${this.tag}] origin "${this.origin}" is not "lng,lat"; ignored.`);
    }
    Object.assign(patch, this.presets(data, changed));

    // an area's centre is the origin when nothing better is known
    if (patch.area && !patch.origin && !this.chosen.origin) {
      const center = lookup(data).area.get(patch.area)?.center;
      if (center) patch.origin = { point: center, source: 'area' };
    }
    this.selection.update(patch);
  }

  /** Subclasses add their own presets (`venue`, `matter`). */
  protected presets(
    _data: ServiceData,
    _changed: PropertyValues<this> | null,
  ): Partial<SelectionState> {
    return {};
  }

  /** Whether an id names a matter or a bundle; null for neither. */
  protected matterOrBundle(id: string): ChosenMatter | null {
    const data = this.serviceData;
    if (!data) return null;
    const { matter, bundle } = lookup(data);
    if (matter.has(id)) return { kind: 'matter', id };
    if (bundle.has(id)) return { kind: 'bundle', id };
    return null;
  }

  // choices made in this element: update the group, then tell the page

  protected chooseMatter(choice: ChosenMatter | null): void {
    if (!this.selection?.update({ matter: choice })) return;
    this.dispatchEvent(
      new GovMatterSelectEvent({ kind: choice?.kind ?? 'matter', id: choice?.id ?? null }),
    );
  }

  protected chooseVenue(id: string | null): void {
    if (!this.selection?.update({ venue: id })) return;
    this.dispatchEvent(new GovVenueSelectEvent({ id }));
  }

  protected chooseOrigin(point: LngLat | null, source: OriginSource): void {
    const origin = point ? { point, source } : null;
    if (!this.selection?.update({ origin })) return;
    this.dispatchEvent(new GovOriginChangeEvent({ origin: point, source: point ? source : null }));
  }

  protected chooseWhen(when: Date | null): void {
    this.selection?.update({ when });
  }

  protected chooseArea(area: string | null): void {
    rememberArea(this.store?.src ?? null, area);
    const data = this.serviceData;
    const patch: Partial<SelectionState> = { area };
    const current = this.chosen.origin;
    const center = area && data ? lookup(data).area.get(area)?.center : null;
    if (center && (!current || current.source === 'area')) {
      patch.origin = { point: center, source: 'area' };
    }
    const before = this.chosen.origin;
    if (!this.selection?.update(patch)) return;
    this.dispatchEvent(new GovAreaChangeEvent({ area }));
    if (patch.origin && patch.origin !== before) {
      this.dispatchEvent(new GovOriginChangeEvent({ origin: patch.origin.point, source: 'area' }));
    }
  }

  /**
   * Settles once the element has drawn its data (`'ready'`) or its error
   * state (`'error'`), including work a subclass waits for, such as the map
   * drawing its first frame.
   */
  get ready(): Promise<'ready' | 'error'> {
    return new Promise((resolve) => {
      this.waiters.push(resolve);
      this.requestUpdate();
    });
  }

  /** Subclasses that start asynchronous work after rendering wait for it here. */
  protected settle(): Promise<void> {
    return Promise.resolve();
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.scheduleTick();
    const state = this.store?.state;

    // the retry button is gone: the focus goes to the first control of what replaced it
    if (this.refocusAfterRetry && state && state !== 'loading') {
      this.refocusAfterRetry = false;
      this.renderRoot
        .querySelector<HTMLElement>(
          '[part="retry-button"], input, select, button, a[href], summary, [tabindex="0"]',
        )
        ?.focus();
    }
    if (!this.waiters.length || !state || state === 'loading') return;
    const waiters = this.waiters;
    this.waiters = [];
    const done = () => waiters.forEach((resolve) => resolve(state));
    (state === 'ready' ? this.settle() : Promise.resolve()).then(done, done);
  }

  /** The element's words, for the shared templates. */
  protected get words(): Words {
    return { t: (key, values) => this.t(key, values), text: (value) => this.text(value) };
  }

  /**
   * Tells the page the citizen asked for an appointment; a host that cancels
   * the event opens its own booking flow, and the link is not followed.
   */
  protected requestAppointment(venue: Venue, url: string, click: Event): void {
    const matter = this.chosen.matter;
    const event = new GovAppointmentEvent({
      venue: venue.id,
      matter: matter?.kind === 'matter' ? matter.id : '',
      url,
    });
    if (!this.dispatchEvent(event)) click.preventDefault();
  }

  /** One venue with its distance and open state, as the lists rank them. */
  protected rankOne(data: ServiceData, venue: Venue): RankedVenue {
    const origin = this.originPoint;
    return {
      venue,
      distance: origin && venue.location ? distance(origin, venue.location) : null,
      open: openState(venue.hours ? localize(venue.hours, 'zh-CN') : null, this.planTime, {
        timezone: data.timezone,
        calendar: data.calendar,
        level: venue.level,
        closures: venue.closures,
        openingHours: venue.openingHours,
      }),
      eligible: null,
    };
  }

  /** "When will you go", shared by the group. */
  protected renderWhen(data: ServiceData): unknown {
    const choice = {
      when: this.chosen.when,
      now: this.moment,
      timezone: data.timezone,
      choose: (when: Date | null) => this.chooseWhen(when),
    };
    return renderWhen(choice, this.words);
  }

  /** "Where you live or are registered", with the guess label. */
  protected renderAreaPicker(data: ServiceData, area: CitizenArea | null): unknown {
    return renderAreaPicker(data, { area, choose: (id) => this.chooseArea(id) }, this.words);
  }

  /** The venue whose address was copied last, and whether that worked. */
  protected copied: { venue: string; ok: boolean } | null = null;

  /** Copies a venue's address, for pasting into any map app. */
  protected async copyAddress(venue: Venue): Promise<void> {
    const text = [this.text(venue.name), this.text(venue.address)].filter(Boolean).join(' ');
    let ok = false;
    try {
      await navigator.clipboard.writeText(text);
      ok = true;
    } catch {
      // no clipboard (insecure page, old WebView, denied): say so in words
    }
    this.copied = { venue: venue.id, ok };
    this.requestUpdate();
  }

  /** What the venue views need: actions, the moment, and whom links start from. */
  protected get venueActions(): VenueActions {
    const chosen = this.chosen;
    return {
      open: (venue) => this.chooseVenue(venue.id),
      appointment: (venue, url, event) => this.requestAppointment(venue, url, event),
      copy: (venue) => void this.copyAddress(venue),
      copied: this.copied,
      matter: chosen.matter?.kind === 'matter' ? chosen.matter.id : null,
      at: this.planTime,
      timezone: this.serviceData?.timezone ?? 'Asia/Shanghai',
      // the citizen's own position goes into a link only when they chose it
      from: chosen.origin?.source === 'map' ? chosen.origin.point : null,
      lang: this.language,
    };
  }

  /** Set by the retry button, so the focus is not lost when the button goes. */
  private refocusAfterRetry = false;

  /** Loads the data again after a failure. */
  retry(): void {
    this.store?.load(this.timeout ?? undefined);
    this.store?.claimWarningFor(this);
  }

  protected override render(): TemplateResult | typeof nothing {
    const dataset = this.store;
    if (!dataset) {
      return this.debug ? html`<p class="status" part="status">${this.t('noSource')}</p>` : nothing;
    }
    if (dataset.state === 'loading') {
      return html`<div class="status" part="status" role="status">${this.t('loading')}</div>`;
    }
    if (dataset.state === 'error' || !dataset.data) {
      const error = dataset.error;
      return html`
        <div class="error" part="error" role="alert">
          <p><strong>${this.t('loadFailed')}</strong></p>
          <p>${error ? this.t(errorKeys[error.kind], { status: error.status ?? '' }) : ''}</p>
          ${error
            ? html`<details class="muted">
                <summary>${this.t('technical')}</summary>
                <p>${error.message}</p>
              </details>`
            : nothing}
          <button
            part="retry-button"
            class="button"
            @click=${() => {
              this.refocusAfterRetry = true;
              this.retry();
            }}
          >
            ${this.t('retry')}
          </button>
        </div>
        ${this.renderProblems()}
      `;
    }
    return html`${this.renderReady(dataset.data)}${this.renderProblems()}`;
  }

  /** The element's content once the data is ready. */
  protected abstract renderReady(data: ServiceData): unknown;

  /** With `debug`, the data problems in words. */
  protected renderProblems(): unknown {
    const problems = this.store?.problems ?? [];
    if (!this.debug) return nothing;
    const chinese = this.language.startsWith('zh');
    return html`
      <details class="problems" part="problems" open>
        <summary>${this.t('problems')} (${problems.length})</summary>
        ${problems.length ? nothing : html`<p>${this.t('noProblems')}</p>`}
        <ul>
          ${problems.map(
            (p) => html`
              <li class=${p.severity}>
                <code>${p.path || '/'}</code> <span class="badge">${p.severity}</span>
                ${chinese && problemWords[p.code]
                  ? html`<strong>${problemWords[p.code]}</strong>`
                  : nothing}
                ${p.message}
              </li>
            `,
          )}
        </ul>
      </details>
    `;
  }
}

const errorKeys: Record<ServiceDataErrorKind, StringKey> = {
  http: 'errorHttp',
  network: 'errorNetwork',
  timeout: 'errorTimeout',
  abort: 'errorAbort',
  parse: 'errorParse',
  format: 'errorFormat',
};

const areaKey = (src: string) => `gov-service-map:area:${src}`;

/** Remembers the citizen's area for a document; storage may be refused. */
function rememberArea(src: string | null, area: string | null): void {
  if (!src) return;
  try {
    if (area) globalThis.localStorage?.setItem(areaKey(src), area);
    else globalThis.localStorage?.removeItem(areaKey(src));
  } catch {
    // sandboxed iframes and private modes refuse storage; the choice still holds now
  }
}

function recalledArea(src: string | null): string | null {
  if (!src) return null;
  try {
    return globalThis.localStorage?.getItem(areaKey(src)) ?? null;
  } catch {
    return null;
  }
}

/** `"114.3, 30.5"` → `[114.3, 30.5]`, or null when it is not a point. */
export function parsePoint(value: string): LngLat | null {
  const parts = value.split(',').map((part) => Number(part.trim()));
  if (parts.length !== 2 || parts.some((n) => !Number.isFinite(n))) return null;
  const [lng, lat] = parts;
  if (Math.abs(lng) > 180 || Math.abs(lat) > 90) return null;
  return [lng, lat];
}
