'use strict';
// Errors node raises from its native layer: a code, but no [CODE] in the stack's first line or
// in toString(), unlike the errors of its JS side.
const fs = require('fs');

function show(label, f) {
  try {
    f();
    console.log(label, 'did not throw');
  } catch (e) {
    console.log(label, '|', e.stack.split('\n')[0], '|', String(e), '|', e.code);
  }
}

show('env accessor', () => Object.defineProperty(process.env, 'X_NATIVE_LAYER', { get() {} }));
show('env descriptor', () => Object.defineProperty(process.env, 'X_NATIVE_LAYER', { value: 1 }));
show('access mode', () => fs.accessSync(__dirname, 'x'));
show('copyFile mode', () => fs.copyFileSync(__filename, __filename + '.copy', 99));
show('receiveMessageOnPort', () => require('worker_threads').receiveMessageOnPort({}));
show('structuredClone stream', () => structuredClone(new ReadableStream()));
show('utf8Write', () => Buffer.alloc(1).utf8Write(1));
show('TextDecoder input', () => new TextDecoder().decode(1));
// A JS-side error keeps its code in the stack.
show('open mode', () => fs.openSync(__filename, 'r', 'abc'));
