import { expect } from '@open-wc/testing';
import { loadServiceData, ServiceDataError } from '../../src/core/load.js';
import type { LoadOptions } from '../../src/core/load.js';

/** The error a load rejects with; fails the test when it resolves. */
async function failure(url: string, options?: LoadOptions): Promise<ServiceDataError> {
  try {
    await loadServiceData(url, options);
  } catch (error) {
    expect(error).to.be.instanceOf(ServiceDataError);
    return error as ServiceDataError;
  }
  throw new Error(`loading ${url} should have failed`);
}

/** A fetch that answers `body` at once and remembers the signal it was given. */
function answering(body: string, status = 200) {
  const calls: (AbortSignal | undefined)[] = [];
  const fetch = (async (_url: RequestInfo | URL, init?: RequestInit) => {
    calls.push(init?.signal ?? undefined);
    return new Response(body, { status, headers: { 'Content-Type': 'application/json' } });
  }) as typeof globalThis.fetch;
  return { fetch, calls };
}

const wait = (ms: number) => new Promise((done) => setTimeout(done, ms));

describe('loadServiceData', () => {
  describe('when the document loads', () => {
    it('should resolve with the sample district, without errors', async () => {
      const { data, problems } = await loadServiceData('/demo/data/hongshan.json');

      expect(data.version).to.equal(1);
      expect(data.venues.length).to.be.greaterThan(0);
      expect(problems.filter((p) => p.severity === 'error')).to.deep.equal([]);
    });

    it('should parse what its fetch answers and keep the problems', async () => {
      const body = JSON.stringify({
        version: 1,
        venues: [
          { id: 'a', name: '关山街道政务服务中心', level: 'street', location: [114.4096, 30.4908] },
          { id: 'a', name: '珞南街道政务服务中心', level: 'street', location: [30.52, 114.36] },
        ],
      });
      const { fetch } = answering(`\uFEFF${body}`);

      const { data, problems } = await loadServiceData('https://example.cn/data.json', { fetch });

      expect(data.venues.map((v) => [v.id, v.location])).to.deep.equal([
        ['a', [114.4096, 30.4908]],
        ['a~2', null],
      ]);
      expect(problems.map((p) => [p.path, p.code])).to.deep.equal([
        ['/venues/1/id', 'duplicate-id'],
        ['/venues/1/location', 'location-swapped'],
      ]);
    });

    it('should clear its timer once the answer is in', async () => {
      const { fetch, calls } = answering(
        '{"version": 1, "venues": [{"id": "a", "name": "甲", "level": "street"}]}',
      );

      await loadServiceData('https://example.cn/data.json', { fetch, timeout: 50 });
      await wait(120);

      expect(calls.length).to.equal(1);
      expect(calls[0]?.aborted).to.equal(false);
    });
  });

  describe('when the load fails', () => {
    it('should reject an HTTP 500 with kind http and the status', async () => {
      const error = await failure('/__test__/status/500');

      expect(error.kind).to.equal('http');
      expect(error.status).to.equal(500);
      expect(error.url).to.equal('/__test__/status/500');
      expect(error.name).to.equal('ServiceDataError');
      expect(error.message).to.contain('HTTP 500');
    });

    it('should reject a body that is not JSON with kind parse and say what it is', async () => {
      const error = await failure('/__test__/not-json');

      expect(error.kind).to.equal('parse');
      expect(error.status).to.equal(undefined);
      expect(error.message).to.equal(
        'Loading /__test__/not-json failed: the answer is an HTML page starting ' +
          '"<!doctype html><p>Not found</p>" (check the address), not JSON.',
      );
    });

    it('should give up after the timeout with kind timeout', async () => {
      const started = performance.now();

      const error = await failure('/__test__/hang', { timeout: 300 });

      expect(error.kind).to.equal('timeout');
      expect(error.message).to.equal(
        'Loading /__test__/hang took longer than 300 ms and was stopped.',
      );
      expect(performance.now() - started).to.be.lessThan(3000);
    });

    it('should stop when the caller aborts, with kind abort', async () => {
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 50);

      const error = await failure('/__test__/hang', { signal: controller.signal, timeout: 0 });

      expect(error.kind).to.equal('abort');
    });

    it('should not fetch at all with a signal already aborted', async () => {
      const { fetch, calls } = answering('{}');
      const controller = new AbortController();
      controller.abort();

      const signal = controller.signal;

      const error = await failure('https://example.cn/data.json', { fetch, signal });

      expect(error.kind).to.equal('abort');
      expect(calls.length).to.equal(0);
    });

    it('should reject an unreachable server with kind network and mention CORS', async () => {
      const error = await failure('http://127.0.0.1:9/x');

      expect(error.kind).to.equal('network');
      expect(error.message).to.contain('CORS');
    });

    it('should reject a document without venues with kind format and its problems', async () => {
      const { fetch } = answering('{"version": 1, "venues": []}');

      const error = await failure('https://example.cn/data.json', { fetch });

      expect(error.kind).to.equal('format');
      expect(error.message).to.equal(
        'Loading https://example.cn/data.json failed: the document lists no venues, so there is ' +
          'nothing to show.',
      );
      expect(error.problems.map((p) => [p.path, p.severity, p.code])).to.deep.equal([
        ['/venues', 'error', 'no-venues'],
      ]);
    });

    it('should reject JSON that is not a document at all with kind format', async () => {
      const { fetch } = answering('[1, 2, 3]');

      const error = await failure('https://example.cn/data.json', { fetch });

      expect(error.kind).to.equal('format');
      expect(error.problems.map((p) => p.code)).to.deep.equal(['not-a-document']);
    });
  });
});
