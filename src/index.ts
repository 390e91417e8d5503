/**
 * gov-service-map: registers `<gov-map>`, `<matter-search>` and
 * `<venue-guide>`, and exports their classes and events. The map's
 * OpenLayers code loads only when a `<gov-map>` is used.
 */
export { GovMap } from './elements/gov-map/define.js';
export { MatterSearch } from './elements/matter-search/define.js';
export { VenueGuide } from './elements/venue-guide/define.js';
export * from './shared/events.js';
export type { Strings, StringKey } from './shared/i18n.js';
