'use strict';
// Deep equality as util.isDeepStrictEqual and assert.deepStrictEqual / assert.deepEqual define
// it: https://nodejs.org/docs/latest-v20.x/api/assert.html#comparison-details
//
// Strict mode compares primitives with Object.is (NaN equals NaN, -0 differs from 0) and requires
// equal prototypes and equal own enumerable symbol keys; loose mode compares primitives with ==
// and ignores prototypes and symbols. Both compare the [[Class]] tag, the contents of builtins
// (Date time, RegExp source/flags/lastIndex, typed array bytes, Map/Set members regardless of
// order, boxed values, error message/name/cause/errors) and then the own enumerable keys.

const { getOwnNonIndexProperties } = internalBinding('util');
const types = require('internal/util/types');

const {
  isAnyArrayBuffer,
  isArrayBufferView,
  isBigIntObject,
  isBooleanObject,
  isBoxedPrimitive,
  isDate,
  isFloat32Array,
  isFloat64Array,
  isMap,
  isNativeError,
  isNumberObject,
  isRegExp,
  isSet,
  isStringObject,
  isSymbolObject,
} = types;

const uncurry = (fn) => Function.prototype.call.bind(fn);
const objectToString = uncurry(Object.prototype.toString);
const hasOwn = uncurry(Object.prototype.hasOwnProperty);
const isEnumerable = uncurry(Object.prototype.propertyIsEnumerable);
const typedArrayTag = uncurry(
  Object.getOwnPropertyDescriptor(Object.getPrototypeOf(Uint8Array.prototype), Symbol.toStringTag).get,
);
const dateTime = uncurry(Date.prototype.getTime);
const numberValue = uncurry(Number.prototype.valueOf);
const stringValue = uncurry(String.prototype.valueOf);
const booleanValue = uncurry(Boolean.prototype.valueOf);
const bigintValue = uncurry(BigInt.prototype.valueOf);
const symbolValue = uncurry(Symbol.prototype.valueOf);

const ONLY_ENUMERABLE = 2;
const SKIP_SYMBOLS = 16;

const kStrict = true;
const kLoose = false;

// What, besides keys, has to be walked once the keys agree.
const kNoIterator = 0;
const kIsArray = 1;
const kIsSet = 2;
const kIsMap = 3;

// The URL class of internal/url (also the global URL); either counts where the two differ.
let urlClasses;
function isURL(value) {
  if (urlClasses === undefined) {
    urlClasses = [];
    try {
      const { URL: internal } = require('internal/url');
      if (typeof internal === 'function') urlClasses.push(internal);
    } catch {
      // No URL internals; the global is all there is.
    }
    if (typeof URL === 'function' && !urlClasses.includes(URL)) urlClasses.push(URL);
  }
  for (const ctor of urlClasses) {
    if (value instanceof ctor) return true;
  }
  return false;
}

function sameBytes(a, b) {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i]) return false;
  }
  return true;
}

function viewBytes(view) {
  return new Uint8Array(view.buffer, view.byteOffset, view.byteLength);
}

// Loose comparison of float arrays goes by value (so -0 equals 0 and NaN differs from NaN).
function floatArraysEqual(a, b) {
  if (a.byteLength !== b.byteLength) return false;
  for (let i = 0; i < a.byteLength; i++) {
    if (a[i] !== b[i]) return false;
  }
  return true;
}

function boxedPrimitivesEqual(a, b) {
  if (isNumberObject(a)) return isNumberObject(b) && Object.is(numberValue(a), numberValue(b));
  if (isStringObject(a)) return isStringObject(b) && stringValue(a) === stringValue(b);
  if (isBooleanObject(a)) return isBooleanObject(b) && booleanValue(a) === booleanValue(b);
  if (isBigIntObject(a)) return isBigIntObject(b) && bigintValue(a) === bigintValue(b);
  if (isSymbolObject(a)) return isSymbolObject(b) && symbolValue(a) === symbolValue(b);
  throw new Error(`Unknown boxed type ${a}`);
}

function isErrorLike(value) {
  return isNativeError(value) || value instanceof Error;
}

// An own property that is enumerable on one side only makes the errors differ; a non-enumerable
// one (the usual case for message, name, cause and errors) is compared here, an enumerable one
// later with the other keys.
function errorsEqual(a, b, strict, memos) {
  for (const key of ['message', 'name', 'cause', 'errors']) {
    const enumerable = isEnumerable(a, key);
    if (enumerable !== isEnumerable(b, key)) return false;
    if (enumerable) continue;
    if (key === 'message' || key === 'name') {
      if (a[key] !== b[key]) return false;
    } else if (!innerDeepEqual(a[key], b[key], strict, memos)) {
      return false;
    }
  }
  return true;
}

function innerDeepEqual(val1, val2, strict, memos) {
  if (val1 === val2) return val1 !== 0 || Object.is(val1, val2) || !strict;

  if (strict) {
    if (typeof val1 === 'number') return Number.isNaN(val1) && Number.isNaN(val2);
    if (
      typeof val2 !== 'object' ||
      typeof val1 !== 'object' ||
      val1 === null ||
      val2 === null ||
      Object.getPrototypeOf(val1) !== Object.getPrototypeOf(val2)
    ) {
      return false;
    }
  } else {
    if (val1 === null || typeof val1 !== 'object') {
      if (val2 === null || typeof val2 !== 'object') {
        // eslint-disable-next-line eqeqeq
        return val1 == val2 || (Number.isNaN(val1) && Number.isNaN(val2));
      }
      return false;
    }
    if (val2 === null || typeof val2 !== 'object') return false;
  }

  const tag = objectToString(val1);
  if (tag !== objectToString(val2)) return false;

  if (Array.isArray(val1)) {
    if (!Array.isArray(val2) || val1.length !== val2.length) return false;
    const filter = strict ? ONLY_ENUMERABLE : ONLY_ENUMERABLE | SKIP_SYMBOLS;
    const keys1 = getOwnNonIndexProperties(val1, filter);
    if (keys1.length !== getOwnNonIndexProperties(val2, filter).length) return false;
    return keyCheck(val1, val2, strict, memos, kIsArray, keys1);
  }
  if (tag === '[object Object]') return keyCheck(val1, val2, strict, memos, kNoIterator);

  if (isDate(val1)) {
    if (!isDate(val2) || dateTime(val1) !== dateTime(val2)) return false;
  } else if (isRegExp(val1)) {
    if (
      !isRegExp(val2) ||
      val1.source !== val2.source ||
      val1.flags !== val2.flags ||
      val1.lastIndex !== val2.lastIndex
    ) {
      return false;
    }
  } else if (isArrayBufferView(val1)) {
    if (typedArrayTag(val1) !== typedArrayTag(val2)) return false;
    if (!strict && (isFloat32Array(val1) || isFloat64Array(val1))) {
      if (!floatArraysEqual(val1, val2)) return false;
    } else if (val1.byteLength !== val2.byteLength || !sameBytes(viewBytes(val1), viewBytes(val2))) {
      return false;
    }
    // Equal bytes mean equal lengths, so only the named keys are left to compare.
    const filter = strict ? ONLY_ENUMERABLE : ONLY_ENUMERABLE | SKIP_SYMBOLS;
    const keys1 = getOwnNonIndexProperties(val1, filter);
    if (keys1.length !== getOwnNonIndexProperties(val2, filter).length) return false;
    return keyCheck(val1, val2, strict, memos, kNoIterator, keys1);
  } else if (isSet(val1)) {
    if (!isSet(val2) || val1.size !== val2.size) return false;
    return keyCheck(val1, val2, strict, memos, kIsSet);
  } else if (isMap(val1)) {
    if (!isMap(val2) || val1.size !== val2.size) return false;
    return keyCheck(val1, val2, strict, memos, kIsMap);
  } else if (isAnyArrayBuffer(val1)) {
    if (
      !isAnyArrayBuffer(val2) ||
      val1.byteLength !== val2.byteLength ||
      !sameBytes(new Uint8Array(val1), new Uint8Array(val2))
    ) {
      return false;
    }
  } else if (isErrorLike(val1)) {
    // Stacks are not compared: equal errors made in different places are still equal.
    if (!isErrorLike(val2) || !errorsEqual(val1, val2, strict, memos)) return false;
  } else if (isBoxedPrimitive(val1)) {
    if (!boxedPrimitivesEqual(val1, val2)) return false;
  } else if (
    Array.isArray(val2) ||
    isArrayBufferView(val2) ||
    isSet(val2) ||
    isMap(val2) ||
    isDate(val2) ||
    isRegExp(val2) ||
    isAnyArrayBuffer(val2) ||
    isBoxedPrimitive(val2) ||
    isErrorLike(val2)
  ) {
    return false;
  } else if (isURL(val1)) {
    if (!isURL(val2) || val1.href !== val2.href) return false;
  }
  return keyCheck(val1, val2, strict, memos, kNoIterator);
}

function enumerableCount(obj, keys) {
  let n = 0;
  for (const key of keys) if (isEnumerable(obj, key)) n++;
  return n;
}

// Compares the own enumerable keys (given, for arrays and typed arrays, as the non-index ones),
// then hands over to objEquiv for the values, guarding against cycles.
function keyCheck(val1, val2, strict, memos, iterationType, aKeys) {
  const isArrayLike = aKeys !== undefined;
  if (aKeys === undefined) aKeys = Object.keys(val1);

  for (const key of aKeys) {
    if (!isEnumerable(val2, key)) return false;
  }

  if (!isArrayLike) {
    if (aKeys.length !== Object.keys(val2).length) return false;
    if (strict) {
      const symbolKeysA = Object.getOwnPropertySymbols(val1);
      if (symbolKeysA.length !== 0) {
        let count = 0;
        for (const key of symbolKeysA) {
          if (isEnumerable(val1, key)) {
            if (!isEnumerable(val2, key)) return false;
            aKeys.push(key);
            count++;
          } else if (isEnumerable(val2, key)) {
            return false;
          }
        }
        const symbolKeysB = Object.getOwnPropertySymbols(val2);
        if (symbolKeysA.length !== symbolKeysB.length && enumerableCount(val2, symbolKeysB) !== count) {
          return false;
        }
      } else {
        const symbolKeysB = Object.getOwnPropertySymbols(val2);
        if (symbolKeysB.length !== 0 && enumerableCount(val2, symbolKeysB) !== 0) return false;
      }
    }
  }

  if (
    aKeys.length === 0 &&
    (iterationType === kNoIterator || (iterationType === kIsArray && val1.length === 0) || val1.size === 0)
  ) {
    return true;
  }

  // Cycle detection is lazy: the first pair is remembered in `memos`, the second level is
  // tried without bookkeeping, and only a third level of nesting starts a set of pairs in
  // progress. Meeting a pair that is already in progress counts as equal.
  if (memos === undefined) {
    memos = {
      set: undefined,
      a: val1,
      b: val2,
      c: undefined,
      d: undefined,
      deep: false,
      deleteFailures: false,
    };
    return objEquiv(val1, val2, strict, aKeys, memos, iterationType);
  }

  if (memos.set === undefined) {
    if (memos.deep === false) {
      if (memos.a === val1 && memos.b === val2) return true;
      memos.c = val1;
      memos.d = val2;
      memos.deep = true;
      const result = objEquiv(val1, val2, strict, aKeys, memos, iterationType);
      memos.deep = false;
      return result;
    }
    memos.set = new Set([memos.a, memos.b, memos.c, memos.d]);
  }

  const { set } = memos;
  const originalSize = set.size;
  set.add(val1);
  set.add(val2);
  if (originalSize === set.size) return true;

  const areEq = objEquiv(val1, val2, strict, aKeys, memos, iterationType);
  if (areEq || memos.deleteFailures) {
    set.delete(val1);
    set.delete(val2);
  }
  return areEq;
}

function setHasEqualElement(set, val2, strict, memo) {
  const saved = memo.deleteFailures;
  memo.deleteFailures = true;
  for (const val1 of set) {
    if (innerDeepEqual(val1, val2, strict, memo)) {
      // Each candidate may be matched once.
      set.delete(val1);
      memo.deleteFailures = saved;
      return true;
    }
  }
  memo.deleteFailures = saved;
  return false;
}

// For loose comparison: which primitive could be == to `prim` while not being it. Returns
// true/false when the answer is already known, or the value to look up (null for undefined,
// undefined for null).
function findLooseMatchingPrimitives(prim) {
  switch (typeof prim) {
    case 'undefined':
      return null;
    case 'object':
      return undefined;
    case 'symbol':
      return false;
    case 'string':
      prim = +prim;
    // Falls through: only strings that convert to a number can be == something else.
    case 'number':
      if (Number.isNaN(prim)) return false;
  }
  return true;
}

function setMightHaveLoosePrim(a, b, prim) {
  const altValue = findLooseMatchingPrimitives(prim);
  if (altValue != null) return altValue;
  return b.has(altValue) && !a.has(altValue);
}

function mapMightHaveLoosePrim(a, b, prim, item, memo) {
  const altValue = findLooseMatchingPrimitives(prim);
  if (altValue != null) return altValue;
  const curB = b.get(altValue);
  if ((curB === undefined && !b.has(altValue)) || !innerDeepEqual(item, curB, false, memo)) return false;
  return !a.has(altValue) && innerDeepEqual(item, curB, false, memo);
}

function setEquiv(a, b, strict, memo) {
  // Members of `a` that `b` lacks by identity; each must find a deep-equal partner in `b`.
  let pending = null;
  for (const val of a) {
    if (b.has(val)) continue;
    if ((typeof val !== 'object' || val === null) && (strict || !setMightHaveLoosePrim(a, b, val))) {
      return false;
    }
    if (pending === null) {
      if (b.size === 1) return innerDeepEqual(val, b.values().next().value, strict, memo);
      pending = new Set();
    }
    pending.add(val);
  }
  if (pending === null) return true;
  for (const val of b) {
    if (typeof val === 'object' && val !== null) {
      if (!a.has(val) && !setHasEqualElement(pending, val, strict, memo)) return false;
    } else if (!strict && !a.has(val) && !setHasEqualElement(pending, val, strict, memo)) {
      return false;
    }
  }
  return pending.size === 0;
}

function mapHasEqualEntry(set, map, key2, item2, strict, memo) {
  // Every candidate key has to be tried: Map([[{}, 'a'], [{}, 'b']]) equals
  // Map([[{}, 'b'], [{}, 'a']]).
  const saved = memo.deleteFailures;
  memo.deleteFailures = true;
  for (const key1 of set) {
    if (innerDeepEqual(key1, key2, strict, memo) && innerDeepEqual(map.get(key1), item2, strict, memo)) {
      set.delete(key1);
      memo.deleteFailures = saved;
      return true;
    }
  }
  memo.deleteFailures = saved;
  return false;
}

function mapEquiv(a, b, strict, memo) {
  let pending = null;
  for (const { 0: key, 1: item1 } of a) {
    if (typeof key === 'object' && key !== null) {
      if (pending === null) {
        if (b.size === 1) {
          const { 0: key2, 1: item2 } = b.entries().next().value;
          return innerDeepEqual(key, key2, strict, memo) && innerDeepEqual(item1, item2, strict, memo);
        }
        pending = new Set();
      }
      pending.add(key);
    } else {
      const item2 = b.get(key);
      if ((item2 === undefined && !b.has(key)) || !innerDeepEqual(item1, item2, strict, memo)) {
        if (strict) return false;
        if (!mapMightHaveLoosePrim(a, b, key, item1, memo)) return false;
        if (pending === null) pending = new Set();
        pending.add(key);
      }
    }
  }
  if (pending === null) return true;
  for (const { 0: key, 1: item } of b) {
    if (typeof key === 'object' && key !== null) {
      if (!mapHasEqualEntry(pending, a, key, item, strict, memo)) return false;
    } else if (
      !strict &&
      (!a.has(key) || !innerDeepEqual(a.get(key), item, strict, memo)) &&
      !mapHasEqualEntry(pending, a, key, item, strict, memo)
    ) {
      return false;
    }
  }
  return pending.size === 0;
}

function objEquiv(a, b, strict, keys, memos, iterationType) {
  for (const key of keys) {
    if (!innerDeepEqual(a[key], b[key], strict, memos)) return false;
  }
  if (iterationType === kIsArray) {
    for (let i = 0; i < a.length; i++) {
      if (hasOwn(a, i)) {
        if (!hasOwn(b, i) || !innerDeepEqual(a[i], b[i], strict, memos)) return false;
      } else if (hasOwn(b, i)) {
        return false;
      } else {
        // From the first hole on, compare what the keys say is there.
        const keysA = Object.keys(a);
        for (; i < keysA.length; i++) {
          const key = keysA[i];
          if (!hasOwn(b, key) || !innerDeepEqual(a[key], b[key], strict, memos)) return false;
        }
        return keysA.length === Object.keys(b).length;
      }
    }
  } else if (iterationType === kIsSet) {
    if (!setEquiv(a, b, strict, memos)) return false;
  } else if (iterationType === kIsMap) {
    if (!mapEquiv(a, b, strict, memos)) return false;
  }
  return true;
}

function isDeepEqual(val1, val2) {
  return innerDeepEqual(val1, val2, kLoose);
}

function isDeepStrictEqual(val1, val2) {
  return innerDeepEqual(val1, val2, kStrict);
}

module.exports = {
  isDeepEqual,
  isDeepStrictEqual,
};
