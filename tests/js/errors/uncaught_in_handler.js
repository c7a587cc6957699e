// An 'uncaughtException' listener that throws ends the process at once with status 7; 'exit'
// is not emitted.
process.on('uncaughtException', (e) => {
  console.log('handler saw', e.message);
  throw new Error(`inner ${e.message}`);
});
process.on('exit', () => console.log('exit emitted'));
throw new Error('outer');
