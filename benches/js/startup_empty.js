// An empty script: the cost of starting the runtime.
