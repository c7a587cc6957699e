'use strict';
// DOMException (the global): names, messages, legacy codes, constants, and its Error-ness.

const util = require('util');

const log = (...args) => console.log(...args);

{
  const e = new DOMException('something failed', 'NotFoundError');
  log('name/message/code:', e.name, e.message, e.code);
  log('instanceof:', e instanceof DOMException, e instanceof Error);
  log('tag:', Object.prototype.toString.call(e), 'String():', String(e));
  log('own enumerable keys:', JSON.stringify(Object.keys(e)));
  log('native error:', util.types.isNativeError(e));
}

// Defaults and conversions.
{
  const d = new DOMException();
  log('defaults:', JSON.stringify(d.message), d.name, d.code);
  log('undefined arguments:', JSON.stringify(new DOMException(undefined, undefined).message),
    new DOMException(undefined, undefined).name);
  log('converted to strings:', new DOMException(1, 2).message, new DOMException(1, 2).name,
    new DOMException(null, null).name, new DOMException({}, true).message);
}

// An options object: name and cause.
{
  const withCause = new DOMException('wrapped', { name: 'DataCloneError', cause: 'the cause' });
  const descriptor = Object.getOwnPropertyDescriptor(withCause, 'cause');
  log('options object:', withCause.name, withCause.code, withCause.cause,
    `enumerable=${descriptor.enumerable} writable=${descriptor.writable} configurable=${descriptor.configurable}`);
  log('undefined cause is kept:', 'cause' in new DOMException('m', { name: 'X', cause: undefined }));
  log('no cause:', 'cause' in new DOMException('m', { name: 'X' }));
  log('empty options object:', new DOMException('m', {}).name);
}

// The legacy code of every name (0 for names without one).
{
  const names = ['IndexSizeError', 'DOMStringSizeError', 'HierarchyRequestError', 'WrongDocumentError',
    'InvalidCharacterError', 'NoDataAllowedError', 'NoModificationAllowedError', 'NotFoundError',
    'NotSupportedError', 'InUseAttributeError', 'InvalidStateError', 'SyntaxError',
    'InvalidModificationError', 'NamespaceError', 'InvalidAccessError', 'ValidationError',
    'TypeMismatchError', 'SecurityError', 'NetworkError', 'AbortError', 'URLMismatchError',
    'QuotaExceededError', 'TimeoutError', 'InvalidNodeTypeError', 'DataCloneError', 'EncodingError',
    'NotReadableError', 'UnknownError', 'ConstraintError', 'DataError', 'OperationError',
    'NotAllowedError', 'Error', 'abortError'];
  log(names.map((name) => `${name}=${new DOMException('', name).code}`).join(' '));
}

// The constants, on the constructor and the prototype.
{
  const constants = Object.keys(DOMException);
  log('constructor constants:', constants.length, constants[0], constants[constants.length - 1]);
  log(constants.map((key) => `${key}=${DOMException[key]}`).join(' '));
  const d = Object.getOwnPropertyDescriptor(DOMException, 'ABORT_ERR');
  log('constant descriptor:', d.writable, d.enumerable, d.configurable);
  log('on the prototype and instances:', DOMException.prototype.TIMEOUT_ERR, new DOMException().DATA_CLONE_ERR);
}

// The accessors are on the prototype and check their receiver.
{
  for (const key of ['name', 'message', 'code']) {
    const descriptor = Object.getOwnPropertyDescriptor(DOMException.prototype, key);
    try {
      descriptor.get.call({});
    } catch (err) {
      log(`${key} getter on {}:`, err.name, err.code, err.message, String(err));
    }
  }
  try {
    Object.create(DOMException.prototype).name;
  } catch (err) {
    log('on an object inheriting the prototype:', err.code);
  }
}

// Subclassing and the function form.
{
  class MyException extends DOMException {
    constructor(message) {
      super(message, 'InvalidStateError');
    }
  }
  const mine = new MyException('sub');
  log('subclass:', mine.name, mine.code, mine instanceof DOMException, mine.constructor.name);
  try {
    DOMException();
  } catch (err) {
    log('called without new:', err.name);
  }
}
