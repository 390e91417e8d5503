import { define } from '../../shared/define.js';
import { VenueGuide } from './venue-guide.js';

define('venue-guide', VenueGuide);

export { VenueGuide };

declare global {
  interface HTMLElementTagNameMap {
    'venue-guide': VenueGuide;
  }
}
