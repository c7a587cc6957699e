'use strict';
// The globals node 20 adds beyond ECMAScript and its own (process, timers), each loaded on first
// use. The enumerable ones come first, in node's order, so `inspect(globalThis)` lists the same
// names. What actorjs does not have yet (CryptoKey, ...) is absent, so feature
// checks take their fallbacks.

function install(defineGlobal, defineLazyGlobal) {
  defineLazyGlobal('atob', () => require('buffer').atob, true);
  defineLazyGlobal('btoa', () => require('buffer').btoa, true);
  defineLazyGlobal('performance', () => require('internal/perf').performance, true);
  // fetch is one of node's globals, and code (node's own test harness among it) names it
  // unguarded; until there is an HTTP client it answers every call with ERR_NOT_IMPLEMENTED.
  defineGlobal(
    'fetch',
    function fetch(input, init = undefined) {
      const { codes } = require('internal/errors');
      return Promise.reject(new codes.ERR_NOT_IMPLEMENTED('fetch'));
    },
    true,
  );
  defineLazyGlobal('crypto', () => require('internal/crypto/webcrypto').crypto, true);

  defineLazyGlobal('Buffer', () => require('buffer').Buffer);
  defineLazyGlobal('Blob', () => require('internal/blob').Blob);
  defineLazyGlobal('File', () => require('internal/blob').File);
  defineLazyGlobal('URL', () => require('internal/url').URL);
  defineLazyGlobal('URLSearchParams', () => require('internal/url').URLSearchParams);
  defineLazyGlobal('TextEncoder', () => require('internal/encoding').TextEncoder);
  defineLazyGlobal('TextDecoder', () => require('internal/encoding').TextDecoder);
  // The web streams, in node's order; all of them load with the first one named.
  for (const name of [
    'TransformStream',
    'TransformStreamDefaultController',
    'WritableStream',
    'WritableStreamDefaultController',
    'WritableStreamDefaultWriter',
    'ReadableStream',
    'ReadableStreamDefaultReader',
    'ReadableStreamBYOBReader',
    'ReadableStreamBYOBRequest',
    'ReadableByteStreamController',
    'ReadableStreamDefaultController',
    'ByteLengthQueuingStrategy',
    'CountQueuingStrategy',
    'TextEncoderStream',
    'TextDecoderStream',
    'CompressionStream',
    'DecompressionStream',
  ]) {
    defineLazyGlobal(name, () => require('stream/web')[name]);
  }
  defineLazyGlobal('Crypto', () => require('internal/crypto/webcrypto').Crypto);
  defineLazyGlobal('SubtleCrypto', () => require('internal/crypto/webcrypto').SubtleCrypto);
  defineLazyGlobal('Performance', () => require('internal/perf').Performance);
  defineLazyGlobal('PerformanceEntry', () => require('internal/perf').PerformanceEntry);
  defineLazyGlobal('PerformanceMark', () => require('internal/perf').PerformanceMark);
  defineLazyGlobal('PerformanceMeasure', () => require('internal/perf').PerformanceMeasure);
  defineLazyGlobal('PerformanceObserver', () => require('internal/perf/observe').PerformanceObserver);
  defineLazyGlobal(
    'PerformanceObserverEntryList',
    () => require('internal/perf/observe').PerformanceObserverEntryList,
  );
}

module.exports = { install };
