import type { BasemapKind } from './basemaps.js';

const init = { bubbles: true, composed: true } as const;

export interface GovBasemapErrorDetail {
  /** The base map that failed: `tianditu`, `tianditu-img`, `osm` or `xyz`. */
  basemap: BasemapKind;
  /**
   * The likely cause: `refused` for Tianditu (a wrong or exhausted key, or a
   * site domain the key does not allow), `unavailable` for other base maps.
   */
  cause: 'refused' | 'unavailable';
}

/**
 * The base map's tiles keep failing (several in a row, none loading); the
 * map shows a notice and keeps its venues, popups and list working.
 */
export class GovBasemapErrorEvent extends CustomEvent<GovBasemapErrorDetail> {
  constructor(detail: GovBasemapErrorDetail) {
    super('gov-basemap-error', { ...init, detail });
  }
}

/**
 * The pointer moved onto a venue's marker (`id`), or off it (`id` null), so
 * a page can highlight the venue in its own list.
 */
export class GovVenueHoverEvent extends CustomEvent<{ id: string | null }> {
  constructor(detail: { id: string | null }) {
    super('gov-venue-hover', { ...init, detail });
  }
}

declare global {
  interface HTMLElementEventMap {
    'gov-basemap-error': GovBasemapErrorEvent;
    'gov-venue-hover': GovVenueHoverEvent;
  }
}
