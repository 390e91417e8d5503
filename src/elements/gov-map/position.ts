import type { LngLat } from '../../core/types.js';

/**
 * The citizen's position from the browser: once, or followed while it
 * changes. Says why it cannot locate before asking where the answer is known
 * in advance (an http page, a browser without geolocation, an iframe whose
 * embedder did not allow it), so the element can explain each case in words.
 */

/** Why no position came. */
export type LocateFailure =
  | 'denied'
  | 'unavailable'
  | 'timeout'
  | 'insecure'
  | 'unsupported'
  | 'blocked';

/** A position as the browser reported it (in the `location-crs`), with its accuracy. */
export interface Fix {
  point: LngLat;
  /** Metres (95% confidence, as the browser reports it). */
  accuracy: number;
}

const options: PositionOptions = { enableHighAccuracy: true, timeout: 10000, maximumAge: 60000 };

interface PermissionsPolicy {
  allowsFeature(feature: string): boolean;
}

/** Why locating cannot even be tried here, or null when it can. */
export function cannotLocate(): LocateFailure | null {
  if (!globalThis.isSecureContext) return 'insecure';
  if (!globalThis.navigator?.geolocation) return 'unsupported';

  // an iframe needs allow="geolocation" from the page embedding it (Chromium tells)
  const doc = globalThis.document as
    | (Document & { permissionsPolicy?: PermissionsPolicy; featurePolicy?: PermissionsPolicy })
    | undefined;
  const policy = doc?.permissionsPolicy ?? doc?.featurePolicy;
  if (policy && !policy.allowsFeature('geolocation')) return 'blocked';
  return null;
}

export class Locator {
  private watch: number | null = null;
  /** Bumped on every start and stop, so answers to an abandoned request are dropped. */
  private run = 0;

  constructor(
    private readonly onFix: (fix: Fix) => void,
    private readonly onFailure: (failure: LocateFailure) => void,
  ) {}

  /** Whether positions keep coming (`follow`). */
  get following(): boolean {
    return this.watch !== null;
  }

  /** Asks for the position once, or keeps following it. */
  start(follow: boolean): void {
    this.stop();
    const failure = cannotLocate();
    if (failure) {
      this.onFailure(failure);
      return;
    }
    const run = this.run;
    const fix = (position: GeolocationPosition) => {
      if (run !== this.run) return;
      const { longitude, latitude, accuracy } = position.coords;
      this.onFix({ point: [longitude, latitude], accuracy });
    };
    const fail = (error: GeolocationPositionError) => {
      if (run !== this.run) return;
      this.stop();
      this.onFailure(
        error.code === error.PERMISSION_DENIED
          ? 'denied'
          : error.code === error.TIMEOUT
            ? 'timeout'
            : 'unavailable',
      );
    };
    const geolocation = navigator.geolocation;
    if (follow) this.watch = geolocation.watchPosition(fix, fail, options);
    else geolocation.getCurrentPosition(fix, fail, options);
  }

  /** Stops following, and ignores any answer still on its way. */
  stop(): void {
    this.run++;
    if (this.watch !== null) navigator.geolocation.clearWatch(this.watch);
    this.watch = null;
  }
}
