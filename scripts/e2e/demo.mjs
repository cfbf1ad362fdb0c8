// Starts the real editor (code-server) on 127.0.0.1 with the packaged extension installed and a copy of the example workspace open, until Ctrl+C.
// Usage: npm run demo [-- --port <n>]   (or VERBATIM_DEMO_PORT=<n>)
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cleanUp, freePort, guardProcess, startCodeServer, tempDir } from './editor.mjs';
import { ensureTools } from './install.mjs';
import { installExtension, packageExtension, prepareWorkspace, step } from './prepare.mjs';

function requestedPort() {
  const at = process.argv.indexOf('--port');
  const value = at >= 0 ? process.argv[at + 1] : process.env.VERBATIM_DEMO_PORT;
  if (value === undefined) return null;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`The port must be a number from 1 to 65535, not "${value}".`);
  return port;
}

async function main() {
  guardProcess(0, 'the demo');
  const port = requestedPort() ?? await freePort();
  const tools = await ensureTools();
  const started = Date.now();
  const { vsix } = packageExtension();
  if (!vsix) throw new Error('The demo needs the packaged extension; add the "package" script.');
  step(`packaged ${vsix}`, started);
  const { extensionsDir } = installExtension(tools, vsix);
  const workspace = prepareWorkspace();
  const userDataDir = tempDir('demo-user-data');
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  writeFileSync(join(userDataDir, 'User', 'settings.json'), JSON.stringify({ 'editor.wordWrap': 'on', 'workbench.startupEditor': 'none' }, null, 2));
  const server = await startCodeServer(tools, { extensionsDir, userDataDir, port });
  const address = `${server.url}/?folder=${encodeURIComponent(workspace)}`;
  process.stdout.write([
    '',
    'Verbatim is running in VS Code (code-server) with the example workspace.',
    `Open in a browser:  ${address}`,
    `Then open drafts/observatory.txt. The workspace is a temporary copy: ${workspace}`,
    'From another machine, forward the port first, e.g. ssh -L ' + `${server.port}:127.0.0.1:${server.port} <this host>.`,
    'Press Ctrl+C to stop the editor and remove the temporary files.',
    '',
  ].join('\n'));
  // Stay up until a signal arrives; guardProcess cleans up and exits then.
  await new Promise(() => {});
}

try {
  await main();
} catch (error) {
  process.stderr.write(`[demo] ${error?.message ?? error}\n`);
  await cleanUp();
  process.exit(1);
}
