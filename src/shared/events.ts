import type { Problem } from '../core/types.js';
import type { ServiceDataErrorKind } from '../core/load.js';
import type { LngLat } from '../core/types.js';

/** How the origin was set: the browser, an attribute, a chosen area, the map. */
export type OriginSource = 'geolocation' | 'attribute' | 'area' | 'map';

const init = { bubbles: true, composed: true } as const;

export interface GovLoadDetail {
  /** The document's URL, or null for data given as a property. */
  src: string | null;
  venues: number;
  matters: number;
  bundles: number;
  areas: number;
  problems: Problem[];
}

/** The data loaded and is ready; carries the counts and the data problems. */
export class GovLoadEvent extends CustomEvent<GovLoadDetail> {
  constructor(detail: GovLoadDetail) {
    super('gov-load', { ...init, detail });
  }
}

export interface GovErrorDetail {
  src: string | null;
  kind: ServiceDataErrorKind;
  message: string;
  error: unknown;
}

/** The data could not be loaded; the element shows an error state with retry. */
export class GovErrorEvent extends CustomEvent<GovErrorDetail> {
  constructor(detail: GovErrorDetail) {
    super('gov-error', { ...init, detail });
  }
}

export interface GovMatterSelectDetail {
  kind: 'matter' | 'bundle';
  /** The chosen id, or null when the choice was cleared. */
  id: string | null;
}

/** The citizen chose a matter or a life event (or cleared the choice). */
export class GovMatterSelectEvent extends CustomEvent<GovMatterSelectDetail> {
  constructor(detail: GovMatterSelectDetail) {
    super('gov-matter-select', { ...init, detail });
  }
}

/** The citizen chose a venue (or cleared the choice with id null). */
export class GovVenueSelectEvent extends CustomEvent<{ id: string | null }> {
  constructor(detail: { id: string | null }) {
    super('gov-venue-select', { ...init, detail });
  }
}

export interface GovOriginChangeDetail {
  /** WGS-84, or null when the origin was cleared. */
  origin: LngLat | null;
  source: OriginSource | null;
}

/** The point distances are measured from changed. */
export class GovOriginChangeEvent extends CustomEvent<GovOriginChangeDetail> {
  constructor(detail: GovOriginChangeDetail) {
    super('gov-origin-change', { ...init, detail });
  }
}

/** The citizen's area (where they live or are registered) changed. */
export class GovAreaChangeEvent extends CustomEvent<{ area: string | null }> {
  constructor(detail: { area: string | null }) {
    super('gov-area-change', { ...init, detail });
  }
}

export interface GovAppointmentDetail {
  venue: string;
  /** The chosen matter's id, or an empty string when none is chosen. */
  matter: string;
  url: string;
}

/**
 * The citizen asked to book an appointment. Cancel it with
 * `preventDefault()` to open the host page's own booking flow instead.
 */
export class GovAppointmentEvent extends CustomEvent<GovAppointmentDetail> {
  constructor(detail: GovAppointmentDetail) {
    super('gov-appointment', { ...init, detail, cancelable: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'gov-load': GovLoadEvent;
    'gov-error': GovErrorEvent;
    'gov-matter-select': GovMatterSelectEvent;
    'gov-venue-select': GovVenueSelectEvent;
    'gov-origin-change': GovOriginChangeEvent;
    'gov-area-change': GovAreaChangeEvent;
    'gov-appointment': GovAppointmentEvent;
  }
}
