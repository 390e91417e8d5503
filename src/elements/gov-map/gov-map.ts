import { html, nothing, render } from 'lit';
import type { PropertyValues, TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type OlMap from 'ol/Map.js';
import { convert, crsNamed } from '../../core/crs.js';
import { distance } from '../../core/geo.js';
import { lookup } from '../../core/lookup.js';
import type { LngLat, ServiceData, Venue } from '../../core/types.js';
import type { StringKey } from '../../shared/i18n.js';
import type { SelectionState } from '../../shared/store.js';
import { GovElement, parsePoint } from '../../shared/gov-element.js';
import { GovVenueSelectEvent } from '../../shared/events.js';
import { olStyles } from './ol-css.js';
import { mapStyles } from './gov-map.styles.js';
import { isTianditu, resolveBasemap } from './basemaps.js';
import type { BasemapConfig } from './basemaps.js';
import { basemapNotice, gestureHint, mapControls, noticeBox } from './controls.js';
import type { Notice } from './controls.js';
import { GovBasemapErrorEvent, GovVenueHoverEvent } from './events.js';
import { addressPopup, venueButton, venuePopup } from './popup.js';
import { Locator } from './position.js';
import type { Fix, LocateFailure } from './position.js';
import type { ClusterRef, GestureHint, MapClick, MapView, MarkerColors } from './map-view.js';

type MapModule = typeof import('./map-view.js');

/** With more located venues than this, the list shows those in view, nearest the centre. */
const listAll = 200;
const listNear = 100;
/** Metres a followed position must move before the origin follows it. */
const followStep = 5;
const hintTime = 1800;


/**
 * The map of venues (去哪办): markers in the colours and shapes of their level,
 * grouped into counted clusters where they crowd, a popup per venue with its
 * address, distance, hours and phone, the citizen's position (from the
 * browser, with its accuracy, or a point chosen on the map), and a list of
 * the venues for keyboards and screen readers.
 *
 * OpenLayers is loaded by this element only, when it first renders, so a page
 * without a map never downloads it. Elements of the same `src` and `group`
 * share one selection: a venue chosen in a search or a guide opens its popup
 * here, and a marker clicked here opens that venue in a `<venue-guide>`.
 * Hovering a venue in their lists highlights its marker.
 *
 * Base maps: none (a plain background) by default; Tianditu (天地图, its
 * vector or imagery map with their annotation layers) when `basemap-key` is
 * given; or any XYZ template in `basemap-url`. With `basemap-crs="GCJ02"`
 * the venues, the position and chosen points are shifted onto the template's
 * streets (and chosen points shifted back). OSM tiles carry no 审图号 and do
 * not belong on a Chinese government page; `osm` is there for tests and demos
 * abroad. When tiles keep failing the map says so and keeps working.
 *
 * Embedded in a page, the map leaves the page its gestures: one finger
 * scrolls the page until the map is tapped, and the wheel scrolls the page
 * unless Ctrl or ⌘ is held or the map was clicked; a hint says so.
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
 * @attr basemap-key - The Tianditu key (`tk`), of type 浏览器端, allowing the site's domain.
 * @attr basemap-url - An XYZ tile template (`https://…/{z}/{x}/{y}.png`; also `{-y}` and
 *   a host range such as `{a-c}`) used when `basemap` is not set.
 * @attr basemap-crs - The CRS of the `basemap-url` tiles: `WGS84` (default) or `GCJ02`.
 * @attr attribution - Credit text shown on the map, after the base map's own credit; for
 *   Tianditu, the 审图号 Tianditu publishes (`审图号：GS(…)号`). The data document's
 *   `attribution` follows it.
 * @attr center - The start centre, `lng,lat` (WGS-84); without it the map fits the venues.
 * @attr zoom - The start zoom level (with `center`, or instead of the fitted one).
 * @attr location-crs - The CRS the browser reports positions in: `WGS84` (default) or
 *   `GCJ02` (some WebViews).
 * @attr follow - "Locate me" keeps following the position (and toggles it off again).
 * @attr venue - A venue id to preselect: the map pans to it and opens its popup.
 * @attr matter - A matter or life-event id to preselect: venues not handling it are dimmed.
 * @attr unmatched - What happens to venues that do not handle the chosen matter: `dim`
 *   (default) or `hide`.
 * @attr levels - Comma-separated levels to draw (`district,street`); default all.
 * @attr venue-url - A link template for the popup's guide button, `{venue}` is the id
 *   (`/guide.html?venue={venue}`); without it the button selects the venue on this page.
 * @attr theme - `dark` for the dark palette.
 *
 * @fires gov-load - The data is ready; `detail` has the counts and problems.
 * @fires gov-error - The data could not be loaded.
 * @fires gov-venue-select - A venue was chosen with a marker or the list; fired again by
 *   the popup's guide button, so a page can bring its `<venue-guide>` into view.
 * @fires gov-origin-change - The origin was set by "locate me" (`source: 'geolocation'`),
 *   "choose on map" (`source: 'map'`) or a chosen area (`source: 'area'`); ordinary map
 *   clicks never set it.
 * @fires gov-area-change - An area was chosen after locating failed.
 * @fires gov-venue-hover - The pointer moved onto a marker (`id`) or off it (`id: null`).
 * @fires gov-basemap-error - The base map's tiles keep failing; `detail.cause` is `refused`
 *   (Tianditu: key or domain) or `unavailable`.
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
 * @csspart notice-actions - The other ways to a start point, after locating failed.
 * @csspart fallback-pick - Its "choose on map" button.
 * @csspart area-select - Its list of areas.
 * @csspart basemap-notice - The message that the base map cannot be loaded.
 * @csspart gesture-hint - The hint shown when a gesture went to the page.
 * @csspart venue-list - The list alternative to the map (a `<details>`).
 * @csspart venue-button - A venue in the list or in a popup of venues at one address.
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
 * @cssprop [--gov-color-accent=#1d5fbf] - Clusters, the selected marker's ring, the origin
 *   and its accuracy, buttons.
 * @cssprop [--gov-color-surface=#ffffff] - Popups, controls, the markers' outline.
 * @cssprop [--gov-color-surface-alt=#f4f6f9] - The plain base map.
 * @cssprop [--gov-color-text=#1f2933] - Text.
 * @cssprop [--gov-color-border=#d7dde5] - Control and popup borders.
 * @cssprop [--gov-font-family=system-ui] - Font.
 * @cssprop [--gov-font-size=15px] - Base font size.
 * @cssprop [--gov-radius=6px] - Corner radius.
 */
export class GovMap extends GovElement {
  static override styles = [...GovElement.styles, olStyles, mapStyles];

  /** `none`, `tianditu`, `tianditu-img` or `osm`; see the class notes for the default. */
  @property() basemap: string | null = null;

  /** The Tianditu key (`tk`); alone, it selects `basemap="tianditu"`. */
  @property({ attribute: 'basemap-key' }) basemapKey: string | null = null;

  /** An XYZ tile template, used when `basemap` is not set. */
  @property({ attribute: 'basemap-url' }) basemapUrl: string | null = null;

  /** The CRS of `basemap-url`'s tiles: `WGS84` (default) or `GCJ02`. */
  @property({ attribute: 'basemap-crs' }) basemapCrs: string | null = null;

  /** Credit text shown on the map (for Tianditu: its 审图号). */
  @property() attribution: string | null = null;

  /** The start centre, `lng,lat` (WGS-84). */
  @property() center: string | null = null;

  /** The start zoom level. */
  @property({ type: Number }) zoom: number | null = null;

  /** The CRS the browser reports positions in: `WGS84` (default) or `GCJ02`. */
  @property({ attribute: 'location-crs' }) locationCrs: string | null = null;

  /** "Locate me" keeps following the position. */
  @property({ type: Boolean }) follow = false;

  /** A venue id to preselect: the map pans to it and opens its popup. */
  @property() venue: string | null = null;

  /** A matter or life-event id to preselect: venues not handling it are dimmed. */
  @property() matter: string | null = null;

  /** Venues not handling the chosen matter: `dim` (default) or `hide`. */
  @property() unmatched: string | null = null;

  /** Comma-separated levels to draw; default all. */
  @property() levels: string | null = null;

  /** A link template for the popup's guide button; `{venue}` is the venue id. */
  @property({ attribute: 'venue-url' }) venueUrl: string | null = null;

  @state() private mapFailed = false;
  @state() private picking = false;
  @state() private locating = false;
  @state() private notice: Notice | null = null;
  @state() private listOpen = false;
  @state() private tilesFailing = false;
  private tilesRefused = false;
  @state() private hint: GestureHint | null = null;
  @state() private announcement = '';
  /** The venues at one address whose list is the popup, instead of one venue. */
  @state() private addressList: { ref: ClusterRef; ids: string[] } | null = null;

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
  private drawn: { venues: readonly Venue[] } | null = null;
  private drawnFor: Drawable | null = null;
  private appliedBasemap = '';
  private appliedCredit = '';
  private handlingFor: { data: ServiceData; matter: string; ids: Set<string> } | null = null;
  private warned = new Set<string>();
  /** The browser's last position, WGS-84, with its accuracy in metres. */
  private position: { point: LngLat; accuracy: number } | null = null;
  private readonly locator = new Locator(
    (fix) => this.locatedAt(fix),
    (failure) => this.locateFailed(failure),
  );
  /** The citizen clicked or tapped the map: wheel and one finger now move it. */
  private active = false;
  private hintTimer = 0;
  /** Where the map was when it left the page, to come back to. */
  private savedView: ReturnType<MapView['viewState']> = null;
  private readonly hoverListener = (event: Event) => this.pageHover(event);
  /** The theme set on this element (`theme`, `style`, `class`) recolours the markers at once. */
  private themeObserver: MutationObserver | null = null;

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
    this.locator.stop();
    this.locating = false;
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

    // a venue chosen elsewhere (or preset): pan to it, open its popup, say its name
    const venue = this.chosen.venue;
    if (venue !== this.seenVenue) {
      this.seenVenue = venue;
      this.popupVenue = venue;
      this.panToPopup = !!venue;
      this.addressList = null;
      this.announce(venue);
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
    const target = this.mapContainer();

    // the container went away (an error state, a reload): the map goes with it
    if (this.view && this.view.map.getTargetElement() !== target) this.disposeView();
    if (!data || !target || !this.mapModule || !this.isConnected) return;
    const created = !this.view;
    const view = (this.view ??= this.createView(target, data));

    // base map and credits, replaced only when they change
    const basemap = this.basemapConfig();
    const basemapKey = JSON.stringify(basemap);
    if (!created && basemapKey !== this.appliedBasemap) view.setBasemap(basemap);
    this.appliedBasemap = basemapKey;
    const credit = this.credit(basemap, data);
    if (credit.join('\n') !== this.appliedCredit) view.setCredit(credit);
    this.appliedCredit = credit.join('\n');

    // venues: drawn again when the data, the levels or (hidden) the matter change
    const first = !this.drawn;
    const venues = this.drawable(data).venues;
    if (this.drawn?.venues !== venues) {
      view.setVenues(venues);
      this.drawn = { venues };
    }

    // the view: where it was before a move in the page, else fitted unless `center` says
    const center = this.center ? parsePoint(this.center) : null;
    if (this.center && !center) this.warnOnce(`center "${this.center}" is not "lng,lat".`);
    if (first && this.savedView) {
      this.savedView = null;
    } else if (first) {
      if (center) view.setCenter(center, this.zoom ?? 15);
      else view.fit(this.zoom ?? undefined);
    } else if (changed.has('center') || changed.has('zoom')) {
      if (center) view.setCenter(center, this.zoom ?? undefined);
      else if (this.zoom !== null) view.setZoom(this.zoom);
    }

    // the shared selection, and the position with its accuracy while it is the origin
    view.setHandling(this.unmatched === 'hide' ? null : this.handlingVenues(data));
    view.setSelected(this.chosen.venue);
    const origin = this.chosen.origin;
    const position = this.position;
    const located =
      origin?.source === 'geolocation' && position && samePoint(origin.point, position.point);
    view.setOrigin(origin?.point ?? null, located ? position.accuracy : null);
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

    // venues hovered in the lists of the group's other elements light up here
    document.addEventListener('pointerover', this.hoverListener);
    document.addEventListener('focusin', this.hoverListener);
    this.themeObserver = new MutationObserver(() => this.view?.setColors(this.markerColors()));
    this.themeObserver.observe(this, {
      attributes: true,
      attributeFilter: ['theme', 'style', 'class'],
    });
    return new this.mapModule!.MapView({
      target,
      popup,
      colors: this.markerColors(),
      font: getComputedStyle(this).fontFamily || 'sans-serif',
      basemap,
      credit,
      start: this.savedView,
      isActive: () => this.active,
      onClick: (click) => this.handleMapClick(click),
      // TODO(#5): a marker hovered here reaches the group's lists only as an event; a
      // hovered venue in the shared selection (store.ts) would light their rows up too.
      onHover: (id) => this.dispatchEvent(new GovVenueHoverEvent({ id })),
      onTiles: (failing, url) => this.tilesChanged(failing, url),
      onHint: (kind) => this.showHint(kind),
      onMoveEnd: () => {
        if (this.listOpen && this.locatedVenues().length > listAll) this.requestUpdate();
      },
    });
  }

  private disposeView(): void {
    if (!this.view) return;
    this.savedView = this.view.viewState();
    this.view.dispose();
    this.view = null;
    document.removeEventListener('pointerover', this.hoverListener);
    document.removeEventListener('focusin', this.hoverListener);
    this.themeObserver?.disconnect();
    this.themeObserver = null;
    clearTimeout(this.hintTimer);
    this.hint = null;
    if (this.popup) render(nothing, this.popup);
    this.popup = null;
    this.drawn = null;
    this.panning = false;
    this.active = false;
  }

  /** Opens, fills, moves or closes the popup to match `popupVenue` or `addressList`. */
  private syncPopup(view: MapView, data: ServiceData): void {
    const popup = this.popup!;

    // the venues at one address
    const list = this.addressList;
    if (list) {
      const venues = list.ids.map((id) => this.venueById(id)).filter((v): v is Venue => !!v);
      render(
        addressPopup(this.words, venues, {
          choose: (id) => this.showVenue(id, { pan: false, focus: true }),
          close: () => this.closePopup(),
        }),
        popup,
        { host: this },
      );
      view.openClusterPopup(list.ref);
      return;
    }

    const id = this.popupVenue;
    const venue = id ? lookup(data).venue.get(id) : undefined;
    if (!id || !venue?.location || !view.has(id)) {
      this.panToPopup = false;
      this.panning = false;
      view.closePopup();
      render(nothing, popup);
      return;
    }
    const origin = this.originPoint;
    const guideUrl = this.venueUrl?.replace(/\{venue\}/g, encodeURIComponent(venue.id)) ?? null;
    render(
      venuePopup(this.words, venue, {
        distance: origin ? distance(origin, venue.location) : null,
        guideUrl,
        close: () => this.closePopup(),
        openGuide: () => this.openGuide(venue.id),
      }),
      popup,
      { host: this },
    );

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

  private handleMapClick({ point, venue, cluster }: MapClick): void {
    // a passing message (not an alert) has been read by now
    if (this.notice && !this.notice.alert) this.notice = null;

    // choosing on the map: this one click sets the origin, then the mode ends
    if (this.picking) {
      this.picking = false;
      this.chooseOrigin(point, 'map');
      this.notice = { text: this.t('originChosen'), alert: false };
      return;
    }
    if (venue) {
      this.showVenue(venue, { pan: false, focus: false });
      this.closeList();
      return;
    }

    // a cluster: zoom in to split it, or list the venues at its one address
    const members = cluster && this.view?.cluster(cluster);
    if (cluster && members) {
      if (members.splits) {
        this.view!.zoomToCluster(cluster);
      } else {
        this.returnFocus = null;
        this.addressList = { ref: cluster, ids: members.ids };
        this.popupVenue = null;
      }
      return;
    }

    // an ordinary click elsewhere closes the popup and never moves the origin
    if (this.popupVenue || this.addressList) this.closePopup();
  }

  /** Selects a venue for the group and opens its popup here. */
  private showVenue(id: string, { pan, focus }: { pan: boolean; focus: boolean }): void {
    if (focus) this.returnFocus = this.activeElement();
    this.addressList = null;
    this.popupVenue = id;
    this.seenVenue = id;
    this.panToPopup = pan;
    this.focusPopup = focus;
    this.chooseVenue(id);
    this.announce(id);
    this.requestUpdate();
  }

  /** Says the chosen venue's name to screen readers. */
  private announce(id: string | null): void {
    const venue = id ? this.venueById(id) : undefined;
    if (venue) this.announcement = this.t('venueSelected', { name: this.text(venue.name) });
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

  /** Closes the list alternative, leaving the focus (if it was in the list) on its toggle. */
  private closeList(): void {
    const list = this.renderRoot.querySelector<HTMLDetailsElement>('.venue-list');
    if (!list?.open) return;
    const summary = list.querySelector<HTMLElement>('summary');
    if (this.returnFocus && list.contains(this.returnFocus)) this.returnFocus = summary;
    list.open = false;
    this.listOpen = false;
  }

  private closePopup(): void {
    const focusInside = !!this.popup?.contains(this.activeElement());
    this.popupVenue = null;
    this.addressList = null;
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

  // the citizen's position

  private locate(): void {
    // following: the button turns it off again
    if (this.locator.following || (this.locating && this.follow)) {
      this.locator.stop();
      this.locating = false;
      this.notice = null;
      this.requestUpdate();
      return;
    }
    this.locating = true;
    this.notice = null;
    this.locator.start(this.follow);
  }

  private locatedAt(fix: Fix): void {
    const first = this.locating;
    this.locating = false;
    this.notice = null;
    const point = this.fromLocationCrs(fix.point);
    this.position = { point, accuracy: fix.accuracy };

    // the origin follows the position once it has moved, the view keeps it in sight
    const origin = this.chosen.origin;
    const moved = !origin || distance(origin.point, point) > followStep;
    if (first || moved) this.chooseOrigin(point, 'geolocation');
    if (first) this.view?.panTo(point);
    else this.view?.keepInView(point);
    this.requestUpdate();
  }

  private locateFailed(failure: LocateFailure): void {
    this.locating = false;
    if (failure === 'blocked') {
      this.warnOnce(
        'locating is blocked by the permissions policy: the iframe needs allow="geolocation".',
      );
    }
    // locateDenied, locateUnavailable, locateTimeout, locateInsecure, locateUnsupported,
    // locateBlocked
    const key = `locate${failure[0].toUpperCase()}${failure.slice(1)}` as StringKey;
    this.notice = { text: this.t(key), alert: true, fallback: true };
  }

  private pickFromNotice(): void {
    this.notice = null;
    this.picking = true;
    this.mapContainer()?.focus({ preventScroll: true });
  }

  private chooseAreaFromNotice(id: string): void {
    this.notice = null;
    this.chooseArea(id);
    const center = this.serviceData && lookup(this.serviceData).area.get(id)?.center;
    if (center) this.view?.panTo(center);
  }

  private onKeydown(event: KeyboardEvent): void {
    // choosing on the map by keyboard: arrows move the map under the cross, Enter takes it
    const onMap = event.target === this.mapContainer();
    if (this.picking && onMap && (event.key === 'Enter' || event.key === ' ')) {
      const center = this.view?.center();
      if (center) {
        event.preventDefault();
        this.picking = false;
        this.chooseOrigin(center, 'map');
        this.notice = { text: this.t('originChosen'), alert: false };
      }
      return;
    }
    // "=" is "+" without Shift on many keyboards
    if (onMap && event.key === '=' && !event.ctrlKey && !event.metaKey) {
      this.view?.zoomBy(1);
      return;
    }
    if (event.key !== 'Escape') return;
    if (this.picking) {
      this.picking = false;
      event.stopPropagation();
    } else if (this.popupVenue || this.addressList) {
      this.closePopup();
      event.stopPropagation();
    }
  }

  // embedding: activation, hints, hover from other elements, tiles

  private activate(): void {
    this.active = true;
    this.hint = null;
  }

  private onFocusOut(event: FocusEvent): void {
    const frame = event.currentTarget as HTMLElement;
    if (!frame.contains(event.relatedTarget as Node | null)) this.active = false;
  }

  private showHint(kind: GestureHint): void {
    this.hint = kind;
    clearTimeout(this.hintTimer);
    this.hintTimer = window.setTimeout(() => (this.hint = null), hintTime);
  }

  /** A venue row of this group's elements (or this list) under the pointer or focus. */
  private pageHover(event: Event): void {
    let id: string | null = null;
    for (const node of event.composedPath()) {
      if (!(node instanceof HTMLElement)) continue;
      if (id === null && node.dataset.venue) id = node.dataset.venue;
      if (node.shadowRoot) {
        // the element holding the row must share this map's selection
        const other = (node as unknown as { selection?: unknown }).selection;
        if (other !== this.selection) id = null;
        break;
      }
    }
    this.view?.setHovered(id);
  }

  private tilesChanged(failing: boolean, url?: string): void {
    if (!failing) {
      this.tilesFailing = false;
      return;
    }
    const basemap = this.basemapConfig();
    const view = this.view;
    const report = (refused: boolean) => {
      // the map may have gone, or its tiles come back, while the probe ran
      if (this.view !== view) return;
      this.tilesRefused = refused;
      this.tilesFailing = true;
      this.warnOnce(
        refused
          ? 'Tianditu refuses the tiles: check that basemap-key is a valid 浏览器端 key with ' +
              "quota left and that it allows this site's domain (console.tianditu.gov.cn)."
          : 'the base map tiles keep failing; venues, popups and the list still work.',
      );
      this.dispatchEvent(
        new GovBasemapErrorEvent({
          basemap: basemap.kind,
          cause: refused ? 'refused' : 'unavailable',
        }),
      );
    };
    if (!isTianditu(basemap) || !url) {
      report(false);
      return;
    }
    // Tianditu answered (with an error instead of a tile): a key or domain it refuses;
    // no answer at all (offline, blocked): the base map is unavailable, not refused
    fetch(url, { mode: 'no-cors', cache: 'no-store', credentials: 'omit' }).then(
      () => report(true),
      () => report(false),
    );
  }

  // what the map shows

  /** The drawn venues that have a location: the list alternative's. */
  private locatedVenues(): readonly Venue[] {
    const data = this.serviceData;
    if (!data) return [];
    const drawable = this.drawable(data);
    drawable.located ??= drawable.venues.filter((venue) => venue.location);
    return drawable.located;
  }

  /**
   * The venues drawn: the listed levels, and with `unmatched="hide"` those
   * handling the chosen matter. One array while nothing changes, so maps of
   * the same data share its index.
   */
  private drawable(data: ServiceData): Drawable {
    const levels = this.levels ?? '';
    const handling = this.unmatched === 'hide' ? this.handlingVenues(data) : null;
    const cached = this.drawnFor;
    if (cached?.data === data && cached.levels === levels && cached.handling === handling) {
      return cached;
    }
    const set = this.levelSet();
    const venues =
      !set && !handling
        ? data.venues
        : data.venues.filter(
            (v) => (!set || set.has(v.level)) && (!handling || handling.has(v.id)),
          );
    this.drawnFor = { data, levels, handling, venues, located: null };
    return this.drawnFor;
  }

  private levelSet(): Set<string> | null {
    const levels = (this.levels ?? '')
      .split(',')
      .map((level) => level.trim())
      .filter(Boolean);
    return levels.length ? new Set(levels) : null;
  }

  /** The venues handling the chosen matter (or any matter of a chosen life event). */
  private handlingVenues(data: ServiceData): Set<string> | null {
    const choice = this.chosen.matter;
    if (!choice) return null;
    const key = `${choice.kind}:${choice.id}`;
    if (this.handlingFor?.data === data && this.handlingFor.matter === key) {
      return this.handlingFor.ids;
    }
    const { venuesOf, bundle } = lookup(data);
    const matters = choice.kind === 'matter' ? [choice.id] : (bundle.get(choice.id)?.matters ?? []);
    const ids = new Set(matters.flatMap((id) => venuesOf.get(id) ?? []));
    this.handlingFor = { data, matter: key, ids };
    return ids;
  }

  private basemapConfig(): BasemapConfig {
    return resolveBasemap(
      {
        basemap: this.basemap,
        key: this.basemapKey,
        url: this.basemapUrl,
        crs: this.basemapCrs,
      },
      (message) => this.warnOnce(message),
    );
  }

  /** The credits: the base map's own, then the page's, then the data's. */
  private credit(basemap: BasemapConfig, data: ServiceData): string[] {
    const credit: string[] = [];
    if (isTianditu(basemap)) {
      credit.push(this.t('tiandituCredit'));
      if (!this.attribution?.includes('GS')) {
        const example = 'attribution="审图号：GS(…)号"';
        this.warnOnce(`put the 审图号 Tianditu publishes in ${example}.`);
      }
    }
    if (this.attribution) credit.push(this.attribution);
    const own = this.text(data.attribution);
    if (own) credit.push(own);
    return credit;
  }

  /** Marker colours from the theme tokens: when the map starts, and when its theme changes. */
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
    const value = this.locationCrs;
    const crs = value ? crsNamed(value) : 'WGS84';
    if (!crs) this.warnOnce(`location-crs "${value}" is not WGS84, GCJ02 or BD09; WGS84 is used.`);
    return !crs || crs === 'WGS84' || crs === 'CGCS2000' ? point : convert(point, crs, 'WGS84');
  }

  private venueById(id: string): Venue | undefined {
    const data = this.serviceData;
    return data ? lookup(data).venue.get(id) : undefined;
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

  // rendering

  protected renderReady(data: ServiceData): TemplateResult {
    return html`
      <div
        class="frame"
        part="frame"
        @keydown=${this.onKeydown}
        @focusout=${this.onFocusOut}
      >
        <div
          class="map ${this.picking ? 'picking' : ''}"
          part="map"
          role="region"
          aria-label=${this.t('mapLabel')}
          aria-describedby="map-keys"
          tabindex="0"
          @click=${this.activate}
        ></div>
        <span id="map-keys" class="visually-hidden">${this.t('mapKeys')}</span>
        ${mapControls(this.words, {
          ready: !!this.mapModule,
          picking: this.picking,
          following: this.follow ? this.locator.following || this.locating : null,
          zoomIn: () => this.view?.zoomBy(1),
          zoomOut: () => this.view?.zoomBy(-1),
          locate: () => this.locate(),
          pick: () => this.togglePicking(),
        })}
        ${this.renderMapState()} ${this.renderNotice(data)}
        ${this.tilesFailing
          ? basemapNotice(
              this.words,
              this.t(this.tilesRefused ? 'basemapRefused' : 'basemapFailed'),
              () => (this.tilesFailing = false),
            )
          : nothing}
        ${this.hint ? gestureHint(this.words, this.hint) : nothing} ${this.renderList()}
        <div class="visually-hidden" role="status" aria-live="polite">${this.announcement}</div>
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

  private renderNotice(data: ServiceData): TemplateResult | typeof nothing {
    const notice: Notice | null = this.picking
      ? { text: this.t('chooseOnMapHint'), alert: false }
      : this.locating
        ? { text: this.t('locating'), alert: false }
        : this.notice;
    if (!notice) return nothing;
    const passing = this.picking || this.locating;
    return noticeBox(this.words, notice, {
      areas: data.areas.filter((area) => area.center),
      close: passing ? null : () => (this.notice = null),
      pick: () => this.pickFromNotice(),
      chooseArea: (id) => this.chooseAreaFromNotice(id),
    });
  }

  /**
   * The list alternative to the map: every drawn venue as a button, or for a
   * large map those in view, nearest the centre first.
   */
  private renderList(): TemplateResult {
    const venues = this.locatedVenues();
    const chosen = this.chosen.venue;
    // the list is a panel over the map: it closes so the popup can be seen, and the
    // focus comes back to its toggle when the popup closes
    const choose = (id: string) => {
      this.showVenue(id, { pan: true, focus: true });
      this.closeList();
    };
    const many = venues.length > listAll;

    // the buttons are built only while the list is open: a province has a hundred thousand
    let shown: readonly Venue[] = [];
    let note: string | null = null;
    if (this.listOpen && !many) {
      shown = venues;
    } else if (this.listOpen && this.view) {
      const near = this.view.venuesInView(listNear);
      shown = near.ids.map((id) => this.venueById(id)).filter((v): v is Venue => !!v);
      note = this.t('listNearby', { shown: shown.length, total: near.total });
    }
    return html`
      <details
        class="venue-list"
        part="venue-list"
        @toggle=${(event: Event) => {
          this.listOpen = (event.target as HTMLDetailsElement).open;
        }}
      >
        <summary>${this.t('venuesList')} (${venues.length})</summary>
        ${note ? html`<p class="list-note">${note}</p>` : nothing}
        <ul>
          ${shown.map((venue) => venueButton(this.words, venue, venue.id === chosen, choose))}
        </ul>
      </details>
    `;
  }
}

interface Drawable {
  data: ServiceData;
  levels: string;
  handling: Set<string> | null;
  venues: readonly Venue[];
  located: Venue[] | null;
}

function samePoint(a: LngLat, b: LngLat): boolean {
  return a[0] === b[0] && a[1] === b[1];
}
