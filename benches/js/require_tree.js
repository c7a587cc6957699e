// require() of a generated tree of 200 CommonJS modules (the harness makes it and passes its
// root): resolution, reading and compiling on the cold path.
const start = process.hrtime.bigint();
const root = require(process.argv[2]);
const ms = Number(process.hrtime.bigint() - start) / 1e6;
console.log(`BENCH require_200_modules_ms ${ms.toFixed(3)} ms`);
if (root.count !== 200) throw new Error(`expected 200 modules, got ${root.count}`);
