// Preloaded with `node --require` so the test server listens on the loopback interface only.
// The server calls `listen(port, callback)`, which Node binds to every interface; a test server
// answering on the network would let anyone on it reach the fixtures, so any listen call that
// names no host is given 127.0.0.1. Calls that name a host, a pipe path or a handle are untouched.
"use strict";

const net = require("net");

const LOOPBACK = "127.0.0.1";
const originalListen = net.Server.prototype.listen;

function isPort(value) {
  if (value === undefined || value === null) {
    return true;
  }
  if (typeof value === "number") {
    return true;
  }
  return typeof value === "string" && value.trim() !== "" && !Number.isNaN(Number(value));
}

// An options object that binds a TCP port (not a pipe path, handle or file descriptor).
function isPortOptions(value) {
  return (
    typeof value === "object" &&
    value !== null &&
    value.path === undefined &&
    value.fd === undefined &&
    value.handle === undefined &&
    value._handle === undefined &&
    !(value instanceof net.Server) &&
    !(value instanceof net.Socket)
  );
}

// listen(port[, host][, backlog][, callback]) and listen([callback]) without a host.
function positionalToOptions(args) {
  const callback = typeof args[args.length - 1] === "function" ? args.pop() : undefined;
  const port = args.length > 0 ? args[0] : 0;
  if (typeof args[1] === "string" && !isPort(args[1])) {
    return null;
  }
  const backlog = typeof args[1] === "number" ? args[1] : undefined;
  const options = { port: port === null || port === undefined ? 0 : Number(port), host: LOOPBACK };
  if (backlog !== undefined) {
    options.backlog = backlog;
  }
  return callback === undefined ? [options] : [options, callback];
}

function loopbackArgs(args) {
  const first = args[0];
  if (isPortOptions(first)) {
    if (first.host !== undefined && first.host !== null) {
      return args;
    }
    return [Object.assign({}, first, { host: LOOPBACK }), ...args.slice(1)];
  }
  if (args.length === 0 || typeof first === "function" || isPort(first)) {
    return positionalToOptions(args.slice()) || args;
  }
  return args;
}

net.Server.prototype.listen = function listen(...args) {
  return originalListen.apply(this, loopbackArgs(args));
};
