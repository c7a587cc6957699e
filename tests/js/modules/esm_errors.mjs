// Errors of import(): codes for what cannot be found or is not exported, and modules that fail
// to parse, link or evaluate. (esm_error_hints.mjs has the rest.)
// Messages that name files are printed with this directory replaced by <dir>.
const dir = import.meta.dirname;
const clean = (s) => s.split(dir).join('<dir>');

async function attempt(label, specifier, options, showMessage = true) {
  try {
    await import(specifier, options);
    console.log(`${label}: imported (wrong)`);
  } catch (err) {
    console.log(`${label}: ${err.name} ${err.code}`);
    if (showMessage) console.log(`  ${clean(err.message)}`);
  }
}

await attempt('relative file', './fixtures/nope.mjs');
await attempt('package', 'no-such-package');
await attempt('package subpath not exported', 'pkg-exports/not-exported.js');
await attempt('null target', 'pkg-exports/utils/private/secret');
await attempt('undefined #import', '#nope');
// Engines word these messages differently: only the error's name is compared.
await attempt('syntax error', './fixtures/syntax_error.mjs', undefined, false);
await attempt('missing named export', './fixtures/missing_export.mjs', undefined, false);
await attempt('throws while evaluating', './fixtures/throws.mjs');
// The same error again: a module that failed to evaluate keeps its error.
let first;
let second;
try {
  await import('./fixtures/throws.mjs');
} catch (err) {
  first = err;
}
try {
  await import('./fixtures/throws.mjs');
} catch (err) {
  second = err;
}
console.log('same error object on every import:', first === second);
