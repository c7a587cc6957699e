'use strict';
// Shared by the zlib stream tests (a helper, not a test: it has no .out): print, gather a
// stream's output, and run steps one after another.

const log = (...args) => console.log(...args);

// Calls done with everything `stream` gave, once it ended.
const collect = (stream, done) => {
  const chunks = [];
  stream.on('data', (c) => chunks.push(c));
  stream.on('end', () => done(Buffer.concat(chunks)));
};

// Runs each step(next) after the one before called next, then prints 'done'.
function runSteps(steps, i = 0) {
  if (i === steps.length) return log('done');
  steps[i](() => runSteps(steps, i + 1));
}

module.exports = { log, collect, runSteps };
