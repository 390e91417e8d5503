import { css, html, nothing, render, svg } from 'lit';
import type { PropertyValues, SVGTemplateResult, TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type OlMap from 'ol/Map.js';
import { convert } from '../../core/crs.js';
import { distance } from '../../core/geo.js';
import { lookup } from '../../core/lookup.js';
import type { Crs, LngLat, ServiceData, Venue } from '../../core/types.js';
import { distanceParts, levelClass, levelKey, telHref } from '../../shared/format.js';
import { GovElement, parsePoint } from '../../shared/gov-element.js';
import { GovVenueSelectEvent } from '../../shared/events.js';
import type { SelectionState } from '../../shared/store.js';
import { olStyles } from './ol-css.js';
import type { BasemapConfig, MapClick, MapView, MarkerColors } from './map-view.js';

type MapModule = typeof import('./map-view.js');

const basemaps = ['none', 'tianditu', 'tianditu-img', 'osm'];
const crsNames: Record<string, Crs> = {
  WGS84: 'WGS84',
  'WGS-84': 'WGS84',
  CGCS2000: 'CGCS2000',
  'EPSG:4490': 'CGCS2000',
  GCJ02: 'GCJ02',
  'GCJ-02': 'GCJ02',
  BD09: 'BD09',
  'BD-09': 'BD09',
};
const geolocationOptions = { enableHighAccuracy: true, timeout: 10000, maximumAge: 60000 };

/**
 * The map of venues (去哪办): markers in the colours and shapes of their level,
 * a popup per venue with its address, distance, hours and phone, the
 * citizen's position (from the browser, or a point chosen on the map), and a
 * list of the venues for keyboards and screen readers.
 *
 * OpenLayers is loaded by this element only, when it first renders, so a page
 * without a map never downloads it. Elements of the same `src` and `group`
 * share one selection: a venue chosen in a search or a guide opens its popup
 * here, and a marker clicked here opens that venue in a `<venue-guide>`.
 *
 * The base map defaults to none (a plain background), or Tianditu (天地图) when
 * `basemap-key` is given. OSM tiles carry no 审图号 and do not belong on a
 * Chinese government page; `osm` is there for tests and demos abroad.
 *
 * @tagname gov-map
 * @summary A map of government-service venues (政务服务场所地图).
 *
 * @attr src - The data document's URL; elements naming the same URL share it.
 * @attr group - Separates the selections of elements that share a `src`.
 * @attr lang - `zh-CN` (default) or `en`.
 * @attr area - The citizen's area id; its centre is the origin until a better one is known.
 * @attr origin - A fixed start point, `lng,lat` (WGS-84).
 * @attr now - A fixed time (ISO 8601) to plan for.
 * @attr debug - Shows the data problems inside the element.
 * @attr timeout - Milliseconds before a load gives up (default 15000).
 * @attr basemap - `none`, `tianditu` (vector), `tianditu-img` (imagery) or `osm`. Default
 *   `none`, or `tianditu` when `basemap-key` is given, or the `basemap-url` template.
 * @attr basemap-key - The Tianditu key (`tk`).
 * @attr basemap-url - An XYZ tile template (`https://…/{z}/{x}/{y}.png`) used when
 *   `basemap` is not set.
 * @attr basemap-crs - The CRS of the `basemap-url` tiles: `WGS84` (default) or `GCJ02`.
 * @attr attribution - Credit text shown on the map, after Tianditu's own credit when
 *   Tianditu is the base map; the data document's `attribution` follows it.
 * @attr center - The start centre, `lng,lat` (WGS-84); without it the map fits the venues.
 * @attr zoom - The start zoom level (with `center`, or instead of the fitted one).
 * @attr location-crs - The CRS the browser reports positions in: `WGS84` (default) or
 *   `GCJ02` (some WebViews).
 * @attr venue - A venue id to preselect: the map pans to it and opens its popup.
 * @attr matter - A matter or life-event id to preselect: venues not handling it are dimmed.
 * @attr levels - Comma-separated levels to draw (`district,street`); default all.
 * @attr venue-url - A link template for the popup's guide button, `{venue}` is the id
 *   (`/guide.html?venue={venue}`); without it the button selects the venue on this page.
 * @attr theme - `dark` for the dark palette.
 *
 * @fires gov-load - The data is ready; `detail` has the counts and problems.
 * @fires gov-error - The data could not be loaded.
 * @fires gov-venue-select - A venue was chosen with a marker or the list; fired again by
 *   the popup's guide button, so a page can bring its `<venue-guide>` into view.
 * @fires gov-origin-change - The origin was set by "locate me" (`source: 'geolocation'`) or
 *   "choose on map" (`source: 'map'`); ordinary map clicks never set it.
 *
 * @csspart status - The data's loading message.
 * @csspart error - The data's error state.
 * @csspart retry-button - The retry button of an error state.
 * @csspart problems - The `debug` list of data problems.
 * @csspart frame - The box holding the map and its controls.
 * @csspart map - The map itself (focusable: arrow keys pan, + and - zoom).
 * @csspart map-status - The message shown while the map code loads.
 * @csspart map-error - The message shown when the map code could not be loaded.
 * @csspart controls - The group of map buttons.
 * @csspart control - Each map button.
 * @csspart zoom-in - The zoom-in button.
 * @csspart zoom-out - The zoom-out button.
 * @csspart locate-button - The "locate me" button.
 * @csspart choose-button - The "choose on map" toggle.
 * @csspart notice - A message about locating or choosing the start point.
 * @csspart venue-list - The list alternative to the map (a `<details>`).
 * @csspart venue-button - A venue in the list.
 * @csspart popup - The venue popup.
 * @csspart popup-title - The popup's venue name.
 * @csspart popup-close - The popup's close button.
 * @csspart level - A level badge.
 * @csspart guide-button - The popup's "查看办事指南" (a link with `venue-url`).
 *
 * @cssprop [--gov-map-height=420px] - The map's height.
 * @cssprop [--gov-map-background=var(--gov-color-surface-alt)] - Behind the tiles, and
 *   the whole map with `basemap="none"`.
 * @cssprop [--gov-color-district=#c8102e] - District markers and badges.
 * @cssprop [--gov-color-street=#1d5fbf] - Street markers and badges.
 * @cssprop [--gov-color-community=#0f8a6c] - Community markers and badges.
 * @cssprop [--gov-color-self-service=#8a5a00] - Self-service markers (squares) and badges.
 * @cssprop [--gov-color-muted=#5f6b7a] - Markers of other levels; secondary text.
 * @cssprop [--gov-color-accent=#1d5fbf] - The selected marker's ring, the origin, buttons.
 * @cssprop [--gov-color-surface=#ffffff] - Popups, controls, the markers' outline.
 * @cssprop [--gov-color-surface-alt=#f4f6f9] - The plain base map.
 * @cssprop [--gov-color-text=#1f2933] - Text.
 * @cssprop [--gov-color-border=#d7dde5] - Control and popup borders.
 * @cssprop [--gov-font-family=system-ui] - Font.
 * @cssprop [--gov-font-size=15px] - Base font size.
 * @cssprop [--gov-radius=6px] - Corner radius.
 */
export class GovMap extends GovElement {
  static override styles = [...GovElement.styles, olStyles, mapStyles()];

  /** `none`, `tianditu`, `tianditu-img` or `osm`; see the class notes for the default. */
  @property() basemap: string | null = null;

  /** The Tianditu key (`tk`); alone, it selects `basemap="tianditu"`. */
  @property({ attribute: 'basemap-key' }) basemapKey: string | null = null;

  /** An XYZ tile template, used when `basemap` is not set. */
  @property({ attribute: 'basemap-url' }) basemapUrl: string | null = null;

  /** The CRS of `basemap-url`'s tiles: `WGS84` (default) or `GCJ02`. */
  @property({ attribute: 'basemap-crs' }) basemapCrs: string | null = null;

  /** Credit text shown on the map. */
  @property() attribution: string | null = null;

  /** The start centre, `lng,lat` (WGS-84). */
  @property() center: string | null = null;

  /** The start zoom level. */
  @property({ type: Number }) zoom: number | null = null;

  /** The CRS the browser reports positions in: `WGS84` (default) or `GCJ02`. */
  @property({ attribute: 'location-crs' }) locationCrs: string | null = null;

  /** A venue id to preselect: the map pans to it and opens its popup. */
  @property() venue: string | null = null;

  /** A matter or life-event id to preselect: venues not handling it are dimmed. */
  @property() matter: string | null = null;

  /** Comma-separated levels to draw; default all. */
  @property() levels: string | null = null;

  /** A link template for the popup's guide button; `{venue}` is the venue id. */
  @property({ attribute: 'venue-url' }) venueUrl: string | null = null;

  @state() private mapFailed = false;
  @state() private picking = false;
  @state() private locating = false;
  @state() private notice: { text: string; alert: boolean } | null = null;
  @state() private listOpen = false;

  private mapModule: MapModule | null = null;
  private mapLoading: Promise<MapModule> | null = null;
  private view: MapView | null = null;
  private popup: HTMLElement | null = null;
  /** The venue whose popup is open (or opens once the map is there). */
  private popupVenue: string | null = null;
  /** The shared selection's venue this element last acted on. */
  private seenVenue: string | null = null;
  private panToPopup = false;
  /** A pan towards the popup's venue is under way; the popup opens when it ends. */
  private panning = false;
  private focusPopup = false;
  private returnFocus: HTMLElement | null = null;
  private drawn: { data: ServiceData; levels: string | null } | null = null;
  private appliedBasemap = '';
  private appliedCredit = '';
  private dimmedFor: { data: ServiceData; matter: string; ids: Set<string> } | null = null;
  private warned = new Set<string>();

  /**
   * The OpenLayers map, or null before the map code has loaded (and after the
   * element left the page). An escape hatch for what the attributes do not
   * cover; the element owns the map, so add layers or listeners and remove
   * them again, but do not replace its view or target.
   */
  get map(): OlMap | null {
    return this.view?.map ?? null;
  }

  override connectedCallback(): void {
    super.connectedCallback();

    // moved in the page: the map was disposed on the way out; build it again
    if (this.hasUpdated) this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.disposeView();
  }

  protected override presetChanged(changed: PropertyValues<this>): boolean {
    return changed.has('venue') || changed.has('matter');
  }

  protected override presets(
    data: ServiceData,
    changed: PropertyValues<this> | null,
  ): Partial<SelectionState> {
    const patch: Partial<SelectionState> = {};
    if ((!changed || changed.has('venue')) && this.venue) {
      if (lookup(data).venue.has(this.venue)) patch.venue = this.venue;
      else this.warnOnce(`venue "${this.venue}" is not in the data; ignored.`);
    }
    if ((!changed || changed.has('matter')) && this.matter) {
      const choice = this.matterOrBundle(this.matter);
      if (choice) patch.matter = choice;
      else this.warnOnce(`matter "${this.matter}" is not in the data; ignored.`);
    }
    return patch;
  }

  protected override firstUpdated(): void {
    this.loadMap();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);

    // a venue chosen elsewhere (or preset): pan to it and open its popup
    const venue = this.chosen.venue;
    if (venue !== this.seenVenue) {
      this.seenVenue = venue;
      this.popupVenue = venue;
      this.panToPopup = !!venue;
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.syncMap(changed);
  }

  /** Waits for the map code, the update that builds the map, then its first full frame. */
  protected override async settle(): Promise<void> {
    try {
      await this.mapLoading;
    } catch {
      return;
    }
    await this.updateComplete;
    await this.view?.rendered();
  }

  // the map code

  /**
   * The map code, in its own chunk. A subclass may load it another way (a
   * test makes it fail); keep the import literal so rollup splits it out.
   */
  protected importMapView(): Promise<MapModule> {
    return import('./map-view.js');
  }

  private loadMap(): void {
    this.mapFailed = false;
    this.mapLoading = this.importMapView();
    this.mapLoading.then(
      (module) => {
        this.mapModule = module;
        this.requestUpdate();
      },
      (error: unknown) => {
        console.warn(`[${this.tag}] the map code could not be loaded:`, error);
        this.mapFailed = true;
      },
    );
  }

  /** Brings the map in line with the data, the attributes and the shared selection. */
  private syncMap(changed: PropertyValues<this>): void {
    const data = this.serviceData;
    const target = this.renderRoot.querySelector<HTMLElement>('.map');

    // the container went away (an error state, a reload): the map goes with it
    if (this.view && this.view.map.getTargetElement() !== target) this.disposeView();
    if (!data || !target || !this.mapModule || !this.isConnected) return;
    const created = !this.view;
    const view = (this.view ??= this.createView(target, data));

    // venues: drawn again when the data or the levels change
    const first = !this.drawn;
    if (this.drawn?.data !== data || this.drawn.levels !== this.levels) {
      view.setVenues(this.drawnVenues(data));
      this.drawn = { data, levels: this.levels };
    }

    // the view: fitted to the venues at first, unless `center` says otherwise
    const center = this.center ? parsePoint(this.center) : null;
    if (this.center && !center) this.warnOnce(`center "${this.center}" is not "lng,lat".`);
    if (first) {
      if (center) view.setCenter(center, this.zoom ?? 15);
      else view.fit(this.zoom ?? undefined);
    } else if (changed.has('center') || changed.has('zoom')) {
      if (center) view.setCenter(center, this.zoom ?? undefined);
      else if (this.zoom !== null) view.setZoom(this.zoom);
    }

    // base map and credits, replaced only when they change
    const basemap = this.basemapConfig();
    const basemapKey = JSON.stringify(basemap);
    if (!created && basemapKey !== this.appliedBasemap) view.setBasemap(basemap);
    this.appliedBasemap = basemapKey;
    const credit = this.credit(basemap, data);
    if (credit.join('\n') !== this.appliedCredit) view.setCredit(credit);
    this.appliedCredit = credit.join('\n');

    // the shared selection
    view.setDimmed(this.dimmedVenues(data));
    view.setSelected(this.chosen.venue);
    view.setOrigin(this.originPoint);
    this.syncPopup(view, data);
  }

  private createView(target: HTMLElement, data: ServiceData): MapView {
    const popup = document.createElement('div');
    popup.className = 'popup';
    popup.setAttribute('part', 'popup');
    this.popup = popup;
    const basemap = this.basemapConfig();
    this.appliedBasemap = JSON.stringify(basemap);
    const credit = this.credit(basemap, data);
    this.appliedCredit = credit.join('\n');
    this.drawn = null;
    return new this.mapModule!.MapView({
      target,
      popup,
      colors: this.markerColors(),
      basemap,
      credit,
      onClick: (click) => this.handleMapClick(click),
    });
  }

  private disposeView(): void {
    if (!this.view) return;
    this.view.dispose();
    this.view = null;
    if (this.popup) render(nothing, this.popup);
    this.popup = null;
    this.drawn = null;
    this.panning = false;
  }

  /** Opens, fills, moves or closes the popup to match `popupVenue`. */
  private syncPopup(view: MapView, data: ServiceData): void {
    const popup = this.popup!;
    const id = this.popupVenue;
    const venue = id ? lookup(data).venue.get(id) : undefined;
    if (!id || !venue?.location || !view.has(id)) {
      this.panToPopup = false;
      this.panning = false;
      view.closePopup();
      render(nothing, popup);
      return;
    }
    render(this.renderPopup(venue), popup, { host: this });

    // focus follows a choice made with the list, so keyboard users land in the popup
    const opened = () => {
      // a later choice may have replaced this one while the map moved
      if (this.popupVenue !== id || this.view !== view) return;
      this.panning = false;
      view.openPopup(id);
      if (this.focusPopup) {
        this.focusPopup = false;
        popup.querySelector<HTMLElement>('.popup-body')?.focus({ preventScroll: true });
      }
    };
    if (this.panToPopup) {
      this.panToPopup = false;
      this.panning = true;
      view.panTo(venue.location, opened);
    } else if (!this.panning && (!view.isPopupOpen(id) || this.focusPopup)) {
      opened();
    }
  }

  // choices

  private handleMapClick({ point, venue }: MapClick): void {
    // a passing message (not an alert) has been read by now
    if (this.notice && !this.notice.alert) this.notice = null;

    // choosing on the map: this one click sets the origin, then the mode ends
    if (this.picking) {
      this.picking = false;
      // TODO(#5): with basemap-crs="GCJ02" the click is on shifted tiles; shift it back.
      this.chooseOrigin(point, 'map');
      this.notice = { text: this.t('originChosen'), alert: false };
      return;
    }
    if (venue) {
      this.showVenue(venue, { pan: false, focus: false });
      return;
    }

    // an ordinary click elsewhere closes the popup and never moves the origin
    if (this.popupVenue) this.closePopup();
  }

  /** Selects a venue for the group and opens its popup here. */
  private showVenue(id: string, { pan, focus }: { pan: boolean; focus: boolean }): void {
    if (focus) this.returnFocus = this.activeElement();
    this.popupVenue = id;
    this.seenVenue = id;
    this.panToPopup = pan;
    this.focusPopup = focus;
    this.chooseVenue(id);
    this.requestUpdate();
  }

  /**
   * The popup's guide button. Its venue is already the group's choice (the
   * popup follows it), so the choice is announced again: a page can bring
   * its `<venue-guide>` into view on `gov-venue-select`.
   */
  private openGuide(id: string): void {
    if (this.chosen.venue === id) this.dispatchEvent(new GovVenueSelectEvent({ id }));
    else this.chooseVenue(id);
  }

  private closePopup(): void {
    const focusInside = !!this.popup?.contains(this.activeElement());
    this.popupVenue = null;
    this.requestUpdate();

    // the popup is going away: put the focus back where it came from
    if (focusInside) {
      const back = this.returnFocus?.isConnected ? this.returnFocus : this.mapContainer();
      back?.focus({ preventScroll: true });
    }
    this.returnFocus = null;
  }

  private togglePicking(): void {
    this.picking = !this.picking;
    this.notice = null;
    if (this.picking) this.mapContainer()?.focus({ preventScroll: true });
  }

  private locate(): void {
    const geolocation = globalThis.navigator?.geolocation;

    // say why before asking: insecure pages and old browsers never answer usefully
    if (!globalThis.isSecureContext) {
      this.notice = { text: this.t('locateInsecure'), alert: true };
      return;
    }
    if (!geolocation) {
      this.notice = { text: this.t('locateUnsupported'), alert: true };
      return;
    }
    this.locating = true;
    this.notice = { text: this.t('locating'), alert: false };
    geolocation.getCurrentPosition(
      (position) => {
        this.locating = false;
        this.notice = null;
        const reported: LngLat = [position.coords.longitude, position.coords.latitude];
        const point = this.fromLocationCrs(reported);
        this.chooseOrigin(point, 'geolocation');
        this.view?.panTo(point);
      },
      (error) => {
        this.locating = false;
        const key =
          error.code === error.PERMISSION_DENIED
            ? 'locateDenied'
            : error.code === error.TIMEOUT
              ? 'locateTimeout'
              : 'locateUnavailable';
        this.notice = { text: this.t(key), alert: true };
      },
      geolocationOptions,
    );
  }

  private onKeydown(event: KeyboardEvent): void {
    if (event.key !== 'Escape') return;
    if (this.picking) {
      this.picking = false;
      event.stopPropagation();
    } else if (this.popupVenue) {
      this.closePopup();
      event.stopPropagation();
    }
  }

  // what the map shows

  private drawnVenues(data: ServiceData): Venue[] {
    const levels = this.levelSet();
    return levels ? data.venues.filter((v) => levels.has(v.level)) : data.venues;
  }

  private levelSet(): Set<string> | null {
    const levels = (this.levels ?? '')
      .split(',')
      .map((level) => level.trim())
      .filter(Boolean);
    return levels.length ? new Set(levels) : null;
  }

  /** The venues that do not handle the chosen matter (or none of a life event's matters). */
  private dimmedVenues(data: ServiceData): Set<string> | null {
    const choice = this.chosen.matter;
    if (!choice) return null;
    const key = `${choice.kind}:${choice.id}`;
    if (this.dimmedFor?.data === data && this.dimmedFor.matter === key) return this.dimmedFor.ids;
    const { venuesOf, bundle } = lookup(data);
    const matters = choice.kind === 'matter' ? [choice.id] : (bundle.get(choice.id)?.matters ?? []);
    const handling = new Set(matters.flatMap((id) => venuesOf.get(id) ?? []));
    const ids = new Set(data.venues.filter((v) => !handling.has(v.id)).map((v) => v.id));
    this.dimmedFor = { data, matter: key, ids };
    return ids;
  }

  private basemapConfig(): BasemapConfig {
    const kind =
      this.basemap ?? (this.basemapUrl ? 'xyz' : this.basemapKey ? 'tianditu' : 'none');
    if (kind === 'xyz' && this.basemapUrl) {
      return { kind, url: this.basemapUrl, crs: this.crsOf(this.basemapCrs, 'basemap-crs') };
    }
    if (kind === 'tianditu' || kind === 'tianditu-img') {
      if (this.basemapKey) return { kind, key: this.basemapKey };
      this.warnOnce(`basemap "${kind}" needs basemap-key; no base map is drawn.`);
      return { kind: 'none' };
    }
    if (!basemaps.includes(kind)) {
      this.warnOnce(`basemap "${kind}" is not one of ${basemaps.join(', ')}; none is drawn.`);
      return { kind: 'none' };
    }
    return { kind: kind as 'none' | 'osm' };
  }

  /** The credits: the base map's own, then the page's, then the data's. */
  private credit(basemap: BasemapConfig, data: ServiceData): string[] {
    const credit: string[] = [];
    if (basemap.kind === 'tianditu' || basemap.kind === 'tianditu-img') {
      credit.push(this.t('tiandituCredit'));
    }
    if (this.attribution) credit.push(this.attribution);
    const own = this.text(data.attribution);
    if (own) credit.push(own);
    return credit;
  }

  /** Marker colours from the theme tokens, read once when the map starts. */
  private markerColors(): MarkerColors {
    const style = getComputedStyle(this);
    const read = (name: string, fallback: string) =>
      style.getPropertyValue(name).trim() || fallback;
    return {
      district: read('--_district', '#c8102e'),
      street: read('--_street', '#1d5fbf'),
      community: read('--_community', '#0f8a6c'),
      'self-service': read('--_self-service', '#8a5a00'),
      other: read('--_muted', '#5f6b7a'),
      accent: read('--_accent', '#1d5fbf'),
      halo: read('--_surface', '#ffffff'),
    };
  }

  private fromLocationCrs(point: LngLat): LngLat {
    const crs = this.crsOf(this.locationCrs, 'location-crs');
    return crs === 'WGS84' || crs === 'CGCS2000' ? point : convert(point, crs, 'WGS84');
  }

  private crsOf(value: string | null, attribute: string): Crs {
    if (!value) return 'WGS84';
    const crs = crsNames[value.trim().toUpperCase()];
    if (crs) return crs;
    this.warnOnce(`${attribute} "${value}" is not WGS84, GCJ02 or BD09; WGS84 is used.`);
    return 'WGS84';
  }

  private warnOnce(message: string): void {
    if (this.warned.has(message)) return;
    this.warned.add(message);
    console.warn(`[${this.tag}] ${message}`);
  }

  private activeElement(): HTMLElement | null {
    return (this.shadowRoot?.activeElement as HTMLElement | null) ?? null;
  }

  private mapContainer(): HTMLElement | null {
    return this.renderRoot.querySelector<HTMLElement>('.map');
  }

  private levelLabel(venue: Venue, short: boolean): string {
    const key = levelKey(venue.level, short);
    return key ? this.t(key) : venue.level;
  }

  // rendering

  protected renderReady(data: ServiceData): TemplateResult {
    return html`
      <div class="frame" part="frame" @keydown=${this.onKeydown}>
        <div
          class="map ${this.picking ? 'picking' : ''}"
          part="map"
          role="region"
          aria-label=${this.t('mapLabel')}
          tabindex="0"
        ></div>
        ${this.renderControls()} ${this.renderMapState()} ${this.renderNotice()}
        ${this.renderList(data)}
      </div>
    `;
  }

  private renderControls(): TemplateResult {
    const ready = !!this.mapModule;
    const button = (
      name: string,
      label: string,
      icon: TemplateResult,
      action: () => void,
      pressed?: boolean,
    ) => html`
      <button
        type="button"
        class="control ${name}"
        part="control ${name}"
        title=${label}
        aria-label=${label}
        aria-pressed=${pressed === undefined ? nothing : String(pressed)}
        ?disabled=${!ready}
        @click=${action}
      >
        ${icon}
      </button>
    `;
    return html`
      <div class="controls" part="controls">
        ${button('zoom-in', this.t('zoomIn'), icons.plus, () => this.view?.zoomBy(1))}
        ${button('zoom-out', this.t('zoomOut'), icons.minus, () => this.view?.zoomBy(-1))}
        ${button('locate-button', this.t('locateMe'), icons.locate, () => this.locate())}
        ${button(
          'choose-button',
          this.t('chooseOnMap'),
          icons.pin,
          () => this.togglePicking(),
          this.picking,
        )}
      </div>
    `;
  }

  private renderMapState(): TemplateResult | typeof nothing {
    if (this.mapFailed) {
      return html`
        <div class="map-state error" part="map-error" role="alert">
          <p><strong>${this.t('mapLoadFailed')}</strong></p>
          <button type="button" class="button" part="retry-button" @click=${this.loadMap}>
            ${this.t('retry')}
          </button>
        </div>
      `;
    }
    if (!this.mapModule) {
      return html`<div class="map-state" part="map-status" role="status">
        ${this.t('loading')}
      </div>`;
    }
    return nothing;
  }

  private renderNotice(): TemplateResult | typeof nothing {
    const notice = this.picking
      ? { text: this.t('chooseOnMapHint'), alert: false }
      : this.locating
        ? { text: this.t('locating'), alert: false }
        : this.notice;
    if (!notice) return nothing;
    return html`
      <div class="notice ${notice.alert ? 'alert' : ''}" part="notice">
        <span role=${notice.alert ? 'alert' : 'status'}>${notice.text}</span>
        ${this.picking || this.locating
          ? nothing
          : html`<button
              type="button"
              class="notice-close"
              aria-label=${this.t('close')}
              @click=${() => (this.notice = null)}
            >
              ${icons.close}
            </button>`}
      </div>
    `;
  }

  /** The list alternative to the map: every drawn venue as a button. */
  private renderList(data: ServiceData): TemplateResult {
    const venues = this.drawnVenues(data).filter((venue) => venue.location);
    const chosen = this.chosen.venue;
    // the buttons are built only while the list is open: a district has thousands of venues
    const items = this.listOpen
      ? venues.map(
          (venue) => html`
            <li>
              <button
                type="button"
                class="venue-button"
                part="venue-button"
                aria-current=${venue.id === chosen ? 'true' : nothing}
                @click=${() => this.showVenue(venue.id, { pan: true, focus: true })}
              >
                <span class="name">${this.text(venue.name)}</span>
                <span class="level ${levelClass(venue.level)}" part="level">
                  ${this.levelLabel(venue, true)}
                </span>
              </button>
            </li>
          `,
        )
      : nothing;
    return html`
      <details
        class="venue-list"
        part="venue-list"
        @toggle=${(event: Event) => {
          this.listOpen = (event.target as HTMLDetailsElement).open;
        }}
      >
        <summary>${this.t('venuesList')} (${venues.length})</summary>
        <ul>
          ${items}
        </ul>
      </details>
    `;
  }

  private renderPopup(venue: Venue): TemplateResult {
    const name = this.text(venue.name);
    const address = this.text(venue.address);
    const hours = this.text(venue.hours);
    const phone = venue.phone ? telHref(venue.phone) : null;
    const origin = this.originPoint;
    const metres = origin && venue.location ? distance(origin, venue.location) : null;
    const parts = metres === null ? null : distanceParts(metres);
    const away = parts && html`<span class="distance">${this.t(parts.key, parts)}</span>`;
    const guideUrl = this.venueUrl?.replace(/\{venue\}/g, encodeURIComponent(venue.id));
    const choose = () => this.openGuide(venue.id);
    return html`
      <div
        class="popup-body"
        role="dialog"
        aria-label=${this.t('mapPopup', { name })}
        tabindex="-1"
      >
        <button
          type="button"
          class="popup-close"
          part="popup-close"
          aria-label=${this.t('close')}
          title=${this.t('close')}
          @click=${() => this.closePopup()}
        >
          ${icons.close}
        </button>
        <h3 class="popup-title" part="popup-title">${name}</h3>
        <span class="level ${levelClass(venue.level)}" part="level">
          ${this.levelLabel(venue, false)}
        </span>
        <dl>
          ${address ? row(this.t('address'), address) : nothing}
          ${away ? row(this.t('distance'), away) : nothing}
          ${hours ? row(this.t('hours'), hours) : nothing}
          ${venue.phone
            ? row(
                this.t('phone'),
                phone ? html`<a href=${phone}>${venue.phone}</a>` : venue.phone,
              )
            : nothing}
        </dl>
        ${guideUrl
          ? html`<a class="button guide" part="guide-button" href=${guideUrl} @click=${choose}>
              ${this.t('viewGuide')}
            </a>`
          : html`<button type="button" class="button guide" part="guide-button" @click=${choose}>
              ${this.t('viewGuide')}
            </button>`}
      </div>
    `;
  }
}

function row(label: string, value: unknown): TemplateResult {
  return html`<div class="row"><dt>${label}</dt><dd>${value}</dd></div>`;
}

// the shapes must be made with lit's `svg` tag: made with `html` they land in
// the HTML namespace and draw nothing
const icon = (path: SVGTemplateResult) => html`
  <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
    ${path}
  </svg>
`;

const icons = {
  plus: icon(svg`<path d="M12 5v14M5 12h14" />`),
  minus: icon(svg`<path d="M5 12h14" />`),
  close: icon(svg`<path d="M6 6l12 12M18 6L6 18" />`),
  locate: icon(svg`<circle cx="12" cy="12" r="4" /><path d="M12 2v4M12 18v4M2 12h4M18 12h4" />`),
  pin: icon(svg`<path d="M12 21s-6-5.6-6-11a6 6 0 0 1 12 0c0 5.4-6 11-6 11z" />
    <circle cx="12" cy="10" r="2" />`),
};

function mapStyles() {
  return css`
    :host {
      height: var(--gov-map-height, 420px);
      position: relative;
    }

    .frame {
      position: relative;
      width: 100%;
      height: 100%;
      overflow: hidden;
      border-radius: var(--_radius);
    }

    .map {
      position: absolute;
      inset: 0;
      background: var(--gov-map-background, var(--_surface-alt));
    }

    .map:focus-visible {
      outline: var(--_focus);
      outline-offset: -3px;
    }

    .map.picking,
    .map.picking * {
      cursor: crosshair !important;
    }

    .controls {
      position: absolute;
      top: 0.6em;
      right: 0.6em;
      display: flex;
      flex-direction: column;
      gap: 0.35em;
      z-index: 2;
    }

    .control {
      display: grid;
      place-items: center;
      width: 2.4em;
      height: 2.4em;
      padding: 0;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_surface);
      color: var(--_text);
      cursor: pointer;
      box-shadow: 0 1px 3px rgb(0 0 0 / 0.15);
    }

    .control[aria-pressed='true'] {
      background: var(--_accent);
      border-color: var(--_accent);
      color: var(--_accent-text);
    }

    .control:disabled {
      opacity: 0.5;
      cursor: default;
    }

    svg {
      fill: none;
      stroke: currentColor;
      stroke-width: 2;
      stroke-linecap: round;
      stroke-linejoin: round;
    }

    .map-state {
      position: absolute;
      inset: 0;
      display: grid;
      place-content: center;
      gap: 0.5em;
      padding: 1em;
      text-align: center;
      color: var(--_muted);
      z-index: 1;
      pointer-events: none;
    }

    .map-state.error {
      color: var(--_text);
      border: 0;
      background: var(--_surface-alt);
      pointer-events: auto;
    }

    .map-state p {
      margin: 0;
    }

    .notice {
      position: absolute;
      left: 50%;
      bottom: 2.4em;
      transform: translateX(-50%);
      display: flex;
      align-items: center;
      gap: 0.5em;
      max-width: calc(100% - 2em);
      padding: 0.4em 0.8em;
      border-radius: var(--_radius);
      background: var(--_surface);
      box-shadow: 0 1px 4px rgb(0 0 0 / 0.25);
      font-size: 0.9em;
      z-index: 2;
    }

    .notice.alert {
      border-left: 4px solid var(--_closed);
    }

    .notice-close,
    .popup-close {
      display: grid;
      place-items: center;
      padding: 0.15em;
      border: 0;
      background: none;
      color: var(--_muted);
      cursor: pointer;
    }

    .venue-list {
      position: absolute;
      top: 0.6em;
      left: 0.6em;
      max-width: min(20em, calc(100% - 5em));
      max-height: calc(100% - 3.5em);
      display: flex;
      flex-direction: column;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_surface);
      box-shadow: 0 1px 3px rgb(0 0 0 / 0.15);
      font-size: 0.9em;
      z-index: 2;
    }

    .venue-list summary {
      padding: 0.35em 0.7em;
      cursor: pointer;
    }

    .venue-list ul {
      margin: 0;
      padding: 0 0 0.3em;
      list-style: none;
      overflow: auto;
      max-height: 16em;
    }

    .venue-button {
      display: flex;
      align-items: baseline;
      justify-content: space-between;
      gap: 0.5em;
      width: 100%;
      padding: 0.3em 0.7em;
      border: 0;
      background: none;
      color: inherit;
      font: inherit;
      text-align: start;
      cursor: pointer;
    }

    .venue-button:hover,
    .venue-button[aria-current='true'] {
      background: var(--_surface-alt);
    }

    .popup-body {
      position: relative;
      width: min(18em, 70vw);
      max-height: 16em;
      overflow: auto;
      padding: 0.7em 0.9em 0.8em;
      border: 1px solid var(--_border);
      border-radius: var(--_radius);
      background: var(--_surface);
      color: var(--_text);
      box-shadow: 0 2px 10px rgb(0 0 0 / 0.25);
      font-size: 0.9em;
    }

    .popup-close {
      position: absolute;
      top: 0.4em;
      right: 0.4em;
    }

    .popup-title {
      margin: 0 1.6em 0.3em 0;
      font-size: 1.05em;
    }

    .popup-body dl {
      margin: 0.5em 0;
    }

    .popup-body .row {
      display: flex;
      gap: 0.5em;
    }

    .popup-body dt {
      flex: none;
      color: var(--_muted);
    }

    .popup-body dd {
      margin: 0;
    }

    .ol-attribution {
      font-size: 0.75em;
    }
  `;
}
