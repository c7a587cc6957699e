// An uncaught exception: 'exit' listeners run first, with code 1, and the exit code they set
// is the process's status; the error is printed after them.
process.on('exit', (code) => {
  console.log('exit listener', code, process.exitCode);
  process.exitCode = 0;
});
throw new Error('boom');
