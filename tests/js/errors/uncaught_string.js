'use strict';
// Throwing a string: node prints the value and a hint about --trace-uncaught.
console.log('throwing a string');
throw 'just a string';
