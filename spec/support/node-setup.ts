// Node-side Jasmine setup: server specs start real HTTP servers, so allow them time.
jasmine.DEFAULT_TIMEOUT_INTERVAL = 20_000;
