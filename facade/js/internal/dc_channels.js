'use strict';
// The diagnostics channels node's own modules publish on (net's sockets and listen, http's
// requests and responses). Until a program loads diagnostics_channel no channel can have a
// subscriber, so these stand-ins answer `hasSubscribers` false without loading it; once it is
// loaded they are the real channels.

let dc;

// Called by diagnostics_channel when it loads.
function attach(module) {
  dc = module;
}

class LazyChannel {
  constructor(name) {
    this.name = name;
    this.channel = undefined;
  }

  get hasSubscribers() {
    if (dc === undefined) return false;
    this.channel ??= dc.channel(this.name);
    return this.channel.hasSubscribers;
  }

  publish(message) {
    this.hasSubscribers;
    this.channel?.publish(message);
  }
}

// A tracing channel's five channels, the same way.
class LazyTracingChannel {
  constructor(name) {
    for (const event of ['start', 'end', 'asyncStart', 'asyncEnd', 'error']) {
      this[event] = new LazyChannel(`tracing:${name}:${event}`);
    }
  }

  get hasSubscribers() {
    return this.start.hasSubscribers || this.end.hasSubscribers || this.asyncStart.hasSubscribers ||
      this.asyncEnd.hasSubscribers || this.error.hasSubscribers;
  }
}

module.exports = {
  attach,
  channel: (name) => new LazyChannel(name),
  tracingChannel: (name) => new LazyTracingChannel(name),
};
