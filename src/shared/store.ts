import { loadServiceData, ServiceDataError } from '../core/load.js';
import { parseServiceData } from '../core/parse.js';
import { createSearchIndex } from '../core/search.js';
import type { SearchIndex } from '../core/search.js';
import type { LngLat, Problem, ServiceData } from '../core/types.js';
import type { OriginSource } from './events.js';

/**
 * The page-wide store: one dataset per document URL (compared as absolute
 * URLs) shared by every element that names it, and one selection per URL and
 * `group`. Elements subscribe; nothing here touches the DOM.
 */

export type LoadState = 'loading' | 'ready' | 'error';

type Listener = () => void;

class Subscribable {
  private listeners = new Set<Listener>();

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  protected notify(): void {
    for (const listener of [...this.listeners]) listener();
  }
}

/**
 * One document, loaded once. Built to take a dataset in pieces: `add` merges
 * a further document (per-area documents) and the elements see one dataset.
 */
export class Dataset extends Subscribable {
  state: LoadState = 'loading';
  data: ServiceData | null = null;
  problems: Problem[] = [];
  error: ServiceDataError | null = null;
  /** Bumped on every change, so elements can tell a new dataset apart. */
  revision = 0;

  private index: SearchIndex | null = null;
  private controller: AbortController | null = null;
  private warned = false;
  private warner: object | null = null;

  constructor(readonly src: string | null) {
    super();
  }

  /** The search index, built on first use and kept until the data changes. */
  get searchIndex(): SearchIndex | null {
    if (!this.data) return null;
    this.index ??= createSearchIndex(this.data);
    return this.index;
  }

  /** Starts (or restarts, after a failure) the load of `src`. */
  load(timeout?: number): void {
    if (!this.src) return;
    this.controller?.abort();
    const controller = (this.controller = new AbortController());
    this.state = 'loading';
    this.error = null;
    this.warned = false;
    this.changed();
    loadServiceData(this.src, { signal: controller.signal, timeout }).then(
      ({ data, problems }) => {
        if (controller.signal.aborted) return;
        this.set(data, problems);
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        this.error =
          error instanceof ServiceDataError
            ? error
            : new ServiceDataError('network', String(error), this.src ?? '');
        this.problems = this.error.problems;
        this.state = 'error';
        this.changed();
      },
    );
  }

  /** Takes a parsed dataset (data given as a property, or tests). */
  set(data: ServiceData, problems: Problem[]): void {
    this.data = data;
    this.problems = problems;
    this.state = 'ready';
    this.error = null;
    this.changed();
  }

  /** Merges a further piece of the dataset; records with known ids are replaced. */
  add(piece: ServiceData, problems: Problem[] = []): void {
    if (!this.data) return this.set(piece, problems);
    const merge = <T extends { id: string }>(into: T[], from: T[]): T[] => {
      const byId = new Map(into.map((item) => [item.id, item]));
      for (const item of from) byId.set(item.id, item);
      return [...byId.values()];
    };
    this.data = {
      ...this.data,
      areas: merge(this.data.areas, piece.areas),
      venues: merge(this.data.venues, piece.venues),
      matters: merge(this.data.matters, piece.matters),
      bundles: merge(this.data.bundles, piece.bundles),
    };
    this.problems = [...this.problems, ...problems];
    this.changed();
  }

  /**
   * Whether the caller should write the console warning for the current
   * failure: true once per failure, however many elements show it (and for
   * the element that asked to retry, when one did).
   */
  claimWarning(caller: object): boolean {
    if (this.state !== 'error' || this.warned) return false;
    if (this.warner && this.warner !== caller) return false;
    this.warned = true;
    this.warner = null;
    return true;
  }

  /** Makes `caller` the one to warn about the next failure: it asked to retry. */
  claimWarningFor(caller: object): void {
    this.warner = caller;
  }

  private changed(): void {
    this.revision++;
    this.index = null;
    this.notify();
  }
}

export interface ChosenMatter {
  kind: 'matter' | 'bundle';
  id: string;
}

export interface Origin {
  point: LngLat;
  source: OriginSource;
}

export interface SelectionState {
  matter: ChosenMatter | null;
  venue: string | null;
  origin: Origin | null;
  area: string | null;
  /** When the citizen will go; null for now. */
  when: Date | null;
}

/** What the elements of one `src` and `group` have chosen together. */
export class Selection extends Subscribable {
  state: SelectionState = { matter: null, venue: null, origin: null, area: null, when: null };

  /** Applies a change; listeners hear only when something differs. */
  update(patch: Partial<SelectionState>): boolean {
    const next = { ...this.state, ...patch };
    const same =
      sameMatter(next.matter, this.state.matter) &&
      next.venue === this.state.venue &&
      next.area === this.state.area &&
      next.when?.getTime() === this.state.when?.getTime() &&
      sameOrigin(next.origin, this.state.origin);
    if (same) return false;
    this.state = next;
    this.notify();
    return true;
  }
}

function sameMatter(a: ChosenMatter | null, b: ChosenMatter | null): boolean {
  return a === b || (!!a && !!b && a.kind === b.kind && a.id === b.id);
}

function sameOrigin(a: Origin | null, b: Origin | null): boolean {
  return (
    a === b ||
    (!!a && !!b && a.source === b.source && a.point[0] === b.point[0] && a.point[1] === b.point[1])
  );
}

const datasets = new Map<string, Dataset>();
const inline = new WeakMap<object, Dataset>();
const selections = new Map<string, Selection>();
const inlineSelections = new WeakMap<Dataset, Map<string, Selection>>();

/** The absolute form of a document URL, the key elements share data by. */
export function absoluteUrl(src: string): string {
  try {
    return new URL(src, globalThis.document?.baseURI ?? undefined).href;
  } catch {
    return src;
  }
}

/** The shared dataset of a URL; the first caller starts the load. */
export function datasetFor(src: string, timeout?: number): Dataset {
  const key = absoluteUrl(src);
  let dataset = datasets.get(key);
  if (!dataset) {
    dataset = new Dataset(key);
    datasets.set(key, dataset);
    dataset.load(timeout);
  }
  return dataset;
}

/** The dataset of a document given as a property, shared by object identity. */
export function datasetForObject(json: object): Dataset {
  let dataset = inline.get(json);
  if (!dataset) {
    dataset = new Dataset(null);
    const { data, problems } = parseServiceData(json);
    if (data.venues.length === 0) {
      dataset.error = new ServiceDataError(
        'format',
        'The document given as data lists no venues, so there is nothing to show.',
        '',
        { problems },
      );
      dataset.problems = problems;
      dataset.state = 'error';
    } else {
      dataset.set(data, problems);
    }
    inline.set(json, dataset);
  }
  return dataset;
}

/** The shared selection of a dataset and group. */
export function selectionFor(dataset: Dataset, group: string): Selection {
  if (dataset.src) {
    const key = `${dataset.src}\n${group}`;
    let selection = selections.get(key);
    if (!selection) selections.set(key, (selection = new Selection()));
    return selection;
  }
  let byGroup = inlineSelections.get(dataset);
  if (!byGroup) inlineSelections.set(dataset, (byGroup = new Map()));
  let selection = byGroup.get(group);
  if (!selection) byGroup.set(group, (selection = new Selection()));
  return selection;
}

/** Forgets every dataset and selection; for tests. */
export function resetStore(): void {
  datasets.clear();
  selections.clear();
}
