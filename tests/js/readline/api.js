'use strict';
// The shape of `readline` and `readline/promises`: exports, constructors and the Interface
// methods and legacy underscore names.
const readline = require('readline');
const readlinePromises = require('readline/promises');
const nodeReadline = require('node:readline');
const { PassThrough } = require('stream');

console.log('readline keys', Object.keys(readline));
console.log('readline/promises keys', Object.keys(readlinePromises));
console.log('node: prefix', nodeReadline === readline, require('node:readline/promises') === readlinePromises);
console.log('Interface', typeof readline.Interface, readline.Interface.name, readline.Interface.length);
console.log('promises Interface', typeof readlinePromises.Interface, readlinePromises.Interface.name, readlinePromises.Interface.length);
console.log('createInterface length', readline.createInterface.length, readlinePromises.createInterface.length);
console.log('emitKeypressEvents', readline.emitKeypressEvents.name, readline.emitKeypressEvents.length);
console.log('helpers', readline.cursorTo.length, readline.moveCursor.length, readline.clearLine.length, readline.clearScreenDown.length);

const proto = Object.getPrototypeOf(readline.Interface.prototype);
console.log('shared prototype', proto === Object.getPrototypeOf(readlinePromises.Interface.prototype));
console.log('base methods', Object.getOwnPropertyNames(proto).sort());
console.log('legacy methods', Object.getOwnPropertyNames(readline.Interface.prototype).sort());
console.log('promises methods', Object.getOwnPropertyNames(readlinePromises.Interface.prototype).sort());
console.log('question promisify.custom', typeof readline.Interface.prototype.question[require('util').promisify.custom]);

const input = new PassThrough();
const rl = readline.createInterface({ input, output: null, terminal: false, historySize: 5, tabSize: 4 });
const own = Object.keys(rl).filter((k) => !k.startsWith('_'));
console.log('own enumerable properties', own.sort());
console.log('values', rl.terminal, rl.line, rl.historySize, rl.tabSize, rl.escapeCodeTimeout, rl.isCompletionEnabled, rl.columns);
console.log('_prompt', JSON.stringify(rl._prompt), 'decoder', typeof rl._decoder, 'line buffer', rl._line_buffer);
console.log('input and output', rl.input === input, rl.output);
rl.close();
