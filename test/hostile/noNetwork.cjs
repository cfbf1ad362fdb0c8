// Preloaded into a Verbatim process by the network test: any attempt to reach the network (a socket connection or
// a name look-up) is written to stderr and refused. It is test code only; nothing in the product loads it.
const net = require('node:net');
const dns = require('node:dns');

function refuse(what) {
  process.stderr.write(`NETWORK ATTEMPT: ${what}\n`);
  throw new Error(`network access refused: ${what}`);
}

const connect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function (...args) {
  const target = args[0];
  // Local pipes (IPC with the editor) are no network.
  if (typeof target === 'string' || (target && typeof target === 'object' && 'path' in target)) return connect.apply(this, args);
  refuse(`connect ${JSON.stringify(target)}`);
};
dns.lookup = (host) => refuse(`lookup ${host}`);
dns.promises.lookup = async (host) => refuse(`lookup ${host}`);
