'use strict';
// util.types: https://nodejs.org/docs/latest-v20.x/api/util.html#utiltypes
//
// The engine-level checks come from internalBinding('types') (isDate, isMap, isProxy, ...). The
// typed array checks read the %TypedArray%.prototype[Symbol.toStringTag] getter, which answers
// for real typed arrays only (undefined for everything else, including look-alikes and proxies).
// The keys are laid out in node's order, so that util.types itself inspects the same.

const typedArrayTag = Function.prototype.call.bind(
  Object.getOwnPropertyDescriptor(Object.getPrototypeOf(Uint8Array.prototype), Symbol.toStringTag).get,
);
const isView = ArrayBuffer.isView;

function isTypedArray(value) {
  return typedArrayTag(value) !== undefined;
}

function isUint8Array(value) {
  return typedArrayTag(value) === 'Uint8Array';
}

function isUint8ClampedArray(value) {
  return typedArrayTag(value) === 'Uint8ClampedArray';
}

function isUint16Array(value) {
  return typedArrayTag(value) === 'Uint16Array';
}

function isUint32Array(value) {
  return typedArrayTag(value) === 'Uint32Array';
}

function isInt8Array(value) {
  return typedArrayTag(value) === 'Int8Array';
}

function isInt16Array(value) {
  return typedArrayTag(value) === 'Int16Array';
}

function isInt32Array(value) {
  return typedArrayTag(value) === 'Int32Array';
}

function isFloat32Array(value) {
  return typedArrayTag(value) === 'Float32Array';
}

function isFloat64Array(value) {
  return typedArrayTag(value) === 'Float64Array';
}

function isBigInt64Array(value) {
  return typedArrayTag(value) === 'BigInt64Array';
}

function isBigUint64Array(value) {
  return typedArrayTag(value) === 'BigUint64Array';
}

const binding = internalBinding('types');
const engineChecks = [
  'isExternal', 'isDate', 'isArgumentsObject', 'isBigIntObject', 'isBooleanObject',
  'isNumberObject', 'isStringObject', 'isSymbolObject', 'isNativeError', 'isRegExp',
  'isAsyncFunction', 'isGeneratorFunction', 'isGeneratorObject', 'isPromise', 'isMap', 'isSet',
  'isMapIterator', 'isSetIterator', 'isWeakMap', 'isWeakSet', 'isArrayBuffer', 'isDataView',
  'isSharedArrayBuffer', 'isProxy', 'isModuleNamespaceObject', 'isAnyArrayBuffer',
  'isBoxedPrimitive',
];
const fromEngine = {};
for (const name of engineChecks) {
  // V8 externals (native pointers wrapped as objects) need not exist in an engine at all.
  fromEngine[name] = binding[name] || (name === 'isExternal' ? () => false : undefined);
}

module.exports = {
  ...fromEngine,
  isArrayBufferView: isView,
  isTypedArray,
  isUint8Array,
  isUint8ClampedArray,
  isUint16Array,
  isUint32Array,
  isInt8Array,
  isInt16Array,
  isInt32Array,
  isFloat32Array,
  isFloat64Array,
  isBigInt64Array,
  isBigUint64Array,
};

// There are no KeyObjects or CryptoKeys without a crypto module; both checks answer false, with
// node's property attributes so that util.types looks the same.
Object.defineProperties(module.exports, {
  isKeyObject: {
    __proto__: null,
    configurable: false,
    enumerable: true,
    // Named `value` like node's, which defines them as methods of the descriptor.
    value(obj) {
      return false;
    },
  },
  isCryptoKey: {
    __proto__: null,
    configurable: false,
    enumerable: true,
    value(obj) {
      return false;
    },
  },
});
