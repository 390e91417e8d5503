import { define } from '../../shared/define.js';
import { GovMap } from './gov-map.js';

define('gov-map', GovMap);

export { GovMap };

declare global {
  interface HTMLElementTagNameMap {
    'gov-map': GovMap;
  }
}
