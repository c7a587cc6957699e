'use strict';
// ByteLengthQueuingStrategy and CountQueuingStrategy (node's
// lib/internal/webstreams/queuingstrategies.js).
// https://nodejs.org/docs/latest-v20.x/api/webstreams.html#class-bytelengthqueuingstrategy

const {
  codes: { ERR_INVALID_THIS, ERR_MISSING_OPTION },
} = require('internal/errors');

const { customInspectSymbol: kInspect, kEnumerableProperty } = require('internal/util');

const { customInspect, isBrandCheck, kType, kState } = require('internal/webstreams/util');

const { validateObject } = require('internal/validators');

const isByteLengthQueuingStrategy = isBrandCheck('ByteLengthQueuingStrategy');

const isCountQueuingStrategy = isBrandCheck('CountQueuingStrategy');

const nameDescriptor = { __proto__: null, value: 'size' };
const byteSizeFunction = Object.defineProperty((chunk) => chunk.byteLength, 'name', nameDescriptor);
const countSizeFunction = Object.defineProperty(() => 1, 'name', nameDescriptor);

const getNonWritablePropertyDescriptor = (value) => {
  return {
    __proto__: null,
    configurable: true,
    value,
  };
};

class ByteLengthQueuingStrategy {
  [kType] = 'ByteLengthQueuingStrategy';

  constructor(init) {
    validateObject(init, 'init');
    if (init.highWaterMark === undefined) throw new ERR_MISSING_OPTION('init.highWaterMark');

    // The highWaterMark value is not checked until the strategy
    // is actually used, per the spec.
    this[kState] = {
      highWaterMark: +init.highWaterMark,
    };
  }

  get highWaterMark() {
    if (!isByteLengthQueuingStrategy(this)) throw new ERR_INVALID_THIS('ByteLengthQueuingStrategy');
    return this[kState].highWaterMark;
  }

  get size() {
    if (!isByteLengthQueuingStrategy(this)) throw new ERR_INVALID_THIS('ByteLengthQueuingStrategy');
    return byteSizeFunction;
  }

  [kInspect](depth, options) {
    return customInspect(depth, options, this[kType], {
      highWaterMark: this.highWaterMark,
    });
  }
}

Object.defineProperties(ByteLengthQueuingStrategy.prototype, {
  highWaterMark: kEnumerableProperty,
  size: kEnumerableProperty,
  [Symbol.toStringTag]: getNonWritablePropertyDescriptor(ByteLengthQueuingStrategy.name),
});

class CountQueuingStrategy {
  [kType] = 'CountQueuingStrategy';

  constructor(init) {
    validateObject(init, 'init');
    if (init.highWaterMark === undefined) throw new ERR_MISSING_OPTION('init.highWaterMark');

    // The highWaterMark value is not checked until the strategy
    // is actually used, per the spec.
    this[kState] = {
      highWaterMark: +init.highWaterMark,
    };
  }

  get highWaterMark() {
    if (!isCountQueuingStrategy(this)) throw new ERR_INVALID_THIS('CountQueuingStrategy');
    return this[kState].highWaterMark;
  }

  get size() {
    if (!isCountQueuingStrategy(this)) throw new ERR_INVALID_THIS('CountQueuingStrategy');
    return countSizeFunction;
  }

  [kInspect](depth, options) {
    return customInspect(depth, options, this[kType], {
      highWaterMark: this.highWaterMark,
    });
  }
}

Object.defineProperties(CountQueuingStrategy.prototype, {
  highWaterMark: kEnumerableProperty,
  size: kEnumerableProperty,
  [Symbol.toStringTag]: getNonWritablePropertyDescriptor(CountQueuingStrategy.name),
});

module.exports = {
  ByteLengthQueuingStrategy,
  CountQueuingStrategy,
};
