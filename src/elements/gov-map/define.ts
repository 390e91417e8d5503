import { define } from '../../shared/define.js';
import { GovMap } from './gov-map.js';

define('gov-map', GovMap);

export { GovMap };
export { GovBasemapErrorEvent, GovVenueHoverEvent } from './events.js';
export type { GovBasemapErrorDetail } from './events.js';

declare global {
  interface HTMLElementTagNameMap {
    'gov-map': GovMap;
  }
}
