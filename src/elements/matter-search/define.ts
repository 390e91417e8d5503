import { define } from '../../shared/define.js';
import { MatterSearch } from './matter-search.js';

define('matter-search', MatterSearch);

export { MatterSearch };

declare global {
  interface HTMLElementTagNameMap {
    'matter-search': MatterSearch;
  }
}
