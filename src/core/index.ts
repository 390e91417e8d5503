/**
 * gov-service-map/core: the framework-free logic behind the elements. No DOM
 * and no window access at import time, so it runs in Node and under SSR.
 */
export type * from './types.js';
export { parseServiceData } from './parse.js';
export { loadServiceData, ServiceDataError } from './load.js';
export type { LoadOptions, ServiceDataErrorKind } from './load.js';
export { distance, areaAt } from './geo.js';
export { convert, inMainlandChina } from './crs.js';
export { rankVenues } from './rank.js';
export type { RankOptions } from './rank.js';
export { createSearchIndex } from './search.js';
export type { SearchIndex, SearchOptions } from './search.js';
export { localize } from './text.js';
export { lookup, areaWithin } from './lookup.js';
export type { Lookup } from './lookup.js';
