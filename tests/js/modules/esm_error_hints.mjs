// The finer points of import()'s errors: node's "Did you mean" hints for a missing extension or
// a directory, the code and message for JSON imported without its attribute, and the class of
// the error for an unknown node: builtin.
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

await attempt('no extension search', './fixtures/cjs_lib');
await attempt('directory', './fixtures/dir-index');
await attempt('json without attribute', './fixtures/data.json');
await attempt('unknown builtin', 'node:nope');
