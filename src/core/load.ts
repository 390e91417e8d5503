import { parseServiceData } from './parse.js';
import type { ParseResult, Problem } from './types.js';

/**
 * Why a document could not be loaded:
 * - `http`: the server answered with a status outside 200–299 (`status` holds it);
 * - `network`: no answer at all (offline, wrong host, or CORS refused the read);
 * - `timeout`: no complete answer within `timeout` milliseconds;
 * - `abort`: the caller's `signal` cancelled the load;
 * - `parse`: the body is not JSON (often an HTML error or login page);
 * - `format`: JSON, but not a service-map document, or one without venues.
 */
export type ServiceDataErrorKind = 'http' | 'network' | 'timeout' | 'abort' | 'parse' | 'format';

/** A load that failed; `message` is a sentence a webmaster can act on. */
export class ServiceDataError extends Error {
  readonly kind: ServiceDataErrorKind;
  /** The address that was loaded. */
  readonly url: string;
  /** The HTTP status, for `http` failures. */
  readonly status?: number;
  /** The parse problems, for `format` failures. */
  readonly problems: Problem[];

  constructor(
    kind: ServiceDataErrorKind,
    message: string,
    url: string,
    options: { status?: number; problems?: Problem[]; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'ServiceDataError';
    this.kind = kind;
    this.url = url;
    if (options.status !== undefined) this.status = options.status;
    this.problems = options.problems ?? [];
  }
}

export interface LoadOptions {
  /** Cancels the load; the promise then rejects with kind `abort`. */
  signal?: AbortSignal;
  /** Milliseconds before the load gives up with kind `timeout`; default 15000, 0 for none. */
  timeout?: number;
  /** The fetch to use instead of the global one (tests, instrumented clients). */
  fetch?: typeof fetch;
}

const DEFAULT_TIMEOUT = 15000;

/**
 * Fetches and parses a service-map document. Resolves with the data and its
 * problems; rejects with a `ServiceDataError` when there is nothing to show.
 */
export async function loadServiceData(
  url: string,
  options: LoadOptions = {},
): Promise<ParseResult> {
  const signal = options.signal;
  const timeout = options.timeout ?? DEFAULT_TIMEOUT;
  const fetchImpl = options.fetch ?? globalThis.fetch;
  if (typeof fetchImpl !== 'function') {
    const message = `Cannot load ${url}: this environment has no fetch.`;
    throw new ServiceDataError('network', message, url);
  }
  if (signal?.aborted) {
    throw new ServiceDataError('abort', `Loading ${url} was cancelled.`, url);
  }

  // outside a page there is nothing to resolve a relative address against
  if (typeof url !== 'string' || !url.trim()) {
    const message = `loadServiceData needs the data file's URL as a string, not ${String(url)}.`;
    throw new ServiceDataError('network', message, String(url));
  }
  if (!globalThis.location && !/^[a-z][a-z\d+.-]*:/i.test(url)) {
    const message =
      `Cannot load ${url}: it is a relative address and there is no page to resolve it ` +
      'against. Give an absolute http(s) URL, or read the file and pass its text to ' +
      'parseServiceData.';
    throw new ServiceDataError('network', message, url);
  }

  // one controller ends the request on the caller's abort and on the timeout
  const controller = new AbortController();
  let timedOut = false;
  const onAbort = () => controller.abort();
  signal?.addEventListener('abort', onAbort);
  const timer =
    timeout > 0
      ? setTimeout(() => {
          timedOut = true;
          controller.abort();
        }, timeout)
      : undefined;

  // the request and the body, both under the controller
  let text: string;
  try {
    const response = await fetchImpl(url, {
      signal: controller.signal,
      headers: { Accept: 'application/json' },
    });
    if (!response.ok) {
      // the body is not needed; let the connection go
      response.body?.cancel().catch(() => {});
      const reason = `${response.status}${response.statusText ? ` ${response.statusText}` : ''}`;
      throw new ServiceDataError(
        'http',
        `Loading ${url} failed: the server answered HTTP ${reason}.`,
        url,
        { status: response.status },
      );
    }
    text = await response.text();
  } catch (error) {
    if (error instanceof ServiceDataError) throw error;
    throw failure(error, url, timedOut, signal?.aborted === true, timeout);
  } finally {
    if (timer !== undefined) clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }

  // JSON, then a document with venues
  let json: unknown;
  try {
    json = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    throw new ServiceDataError(
      'parse',
      `Loading ${url} failed: the answer is ${describe(text)}, not JSON.`,
      url,
      { cause: error },
    );
  }
  const result = parseServiceData(json);
  const fatal = result.problems.find(
    (problem) => problem.code === 'not-a-document' || problem.code === 'no-venues',
  );
  if (fatal) {
    // the problem's sentence continues this one
    const reason = fatal.message.startsWith('The ') ? `t${fatal.message.slice(1)}` : fatal.message;
    throw new ServiceDataError('format', `Loading ${url} failed: ${reason}`, url, {
      problems: result.problems,
    });
  }
  return result;
}

/** The error for a fetch or body read that threw. */
function failure(
  error: unknown,
  url: string,
  timedOut: boolean,
  aborted: boolean,
  timeout: number,
): ServiceDataError {
  if (timedOut) {
    const seconds = timeout >= 1000 ? `${timeout / 1000} s` : `${timeout} ms`;
    return new ServiceDataError(
      'timeout',
      `Loading ${url} took longer than ${seconds} and was stopped.`,
      url,
      { cause: error },
    );
  }
  if (aborted) {
    return new ServiceDataError('abort', `Loading ${url} was cancelled.`, url, { cause: error });
  }
  return new ServiceDataError(
    'network',
    `Loading ${url} failed before the server answered: the address may be wrong, the network ` +
      'down, or the server may not allow this page to read it (CORS).',
    url,
    { cause: error },
  );
}

/** What a body that is not JSON starts with, in words. */
function describe(text: string): string {
  const start = text.trimStart();
  if (start === '') return 'empty';
  const head = start.slice(0, 40).replace(/\s+/g, ' ');
  const quoted = `"${head}${start.length > 40 ? '…' : ''}"`;
  const lower = head.toLowerCase();
  // an HTML page usually means a wrong address, an error page or a login wall
  if (lower.startsWith('<!doctype html') || lower.startsWith('<html')) {
    return `an HTML page starting ${quoted} (check the address)`;
  }
  if (lower.startsWith('<')) return `markup starting ${quoted}`;
  return `text starting ${quoted}`;
}
