'use strict';
// Readable flowing mode: 'data' starts flow, pause/resume/isPaused, readableFlowing transitions.

const { Readable } = require('stream');

const log = (...args) => console.log(...args);

function make(chunks, opts) {
  const list = [...chunks];
  return new Readable({
    ...opts,
    read() {
      this.push(list.length ? list.shift() : null);
    },
  });
}

(async () => {
  {
    const r = make(['a', 'b', 'c', 'd']);
    log('initial flowing', r.readableFlowing, 'isPaused', r.isPaused());
    r.on('pause', () => log('pause event'));
    r.on('resume', () => log('resume event'));
    r.on('data', (d) => {
      log('data', d.toString(), 'flowing', r.readableFlowing);
      if (d.toString() === 'b') {
        r.pause();
        log('paused', r.isPaused(), r.readableFlowing);
        setTimeout(() => {
          log('resuming');
          r.resume();
        }, 2);
      }
    });
    log('after on(data) flowing', r.readableFlowing);
    await new Promise((resolve) => r.on('end', resolve));
    log('end');
  }
  log('--');
  {
    // pause() before 'data' keeps it paused; resume() later starts the flow.
    const r = make(['x', 'y']);
    r.pause();
    r.on('data', (d) => log('data', d.toString()));
    log('flowing after pause+on', r.readableFlowing);
    await new Promise((resolve) => setTimeout(resolve, 2));
    log('nothing flowed yet');
    r.resume();
    await new Promise((resolve) => r.on('end', resolve));
    log('end');
  }
  log('--');
  {
    // resume() with no data listener drains the stream.
    const r = make(['1', '2', '3']);
    r.on('end', () => log('drained end'));
    r.resume();
    log('flowing', r.readableFlowing);
    await new Promise((resolve) => r.on('close', resolve));
    log('closed', r.closed, 'destroyed', r.destroyed);
  }
  log('--');
  {
    // A 'readable' listener takes precedence over 'data'.
    const r = make(['p', 'q']);
    r.on('readable', () => {
      const c = r.read();
      log('readable read', c && c.toString(), 'flowing', r.readableFlowing);
    });
    r.on('data', (d) => log('data too', d.toString()));
    log('flowing with both', r.readableFlowing);
    await new Promise((resolve) => r.on('end', resolve));
    log('end');
  }
  log('--');
  {
    // readableFlowing = false set directly.
    const r = make(['m']);
    r.readableFlowing = false;
    r.on('data', (d) => log('data', d.toString()));
    await new Promise((resolve) => setTimeout(resolve, 2));
    log('still', r.readableFlowing, r.readableLength);
    r.resume();
    await new Promise((resolve) => r.on('end', resolve));
    log('end');
  }
})();
