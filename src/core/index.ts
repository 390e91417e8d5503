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
export { openState, readHours, hoursToOpeningHours } from './hours.js';
export type { OpenStateOptions, HoursSchedule, HoursSeason, HoursSpan } from './hours.js';
export { planMatter } from './plan.js';
export type { PlanOptions } from './plan.js';
export { citizenArea, servesArea } from './area.js';
export type { CitizenArea, CitizenAreaOptions } from './area.js';
export { navigationLinks } from './navigation.js';
export type {
  NavigationLink,
  NavigationMode,
  NavigationOptions,
  NavigationProvider,
} from './navigation.js';
export { createSearchIndex, loadSearchTables } from './search.js';
export type { SearchIndex, SearchOptions } from './search.js';
export { localize } from './text.js';
export { lookup, areaWithin } from './lookup.js';
export type { Lookup } from './lookup.js';
