// Starts the real `vmlang lsp --stdio` process and connects an independent LSP client to it.
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import protocol from 'vscode-languageserver-protocol/node.js';

const { createProtocolConnection, StreamMessageReader, StreamMessageWriter } = protocol;

export const repositoryRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The built CLI: VMLANG_DLL, set by run.sh (or by hand). */
export function vmlangDll() {
  const dll = process.env.VMLANG_DLL;
  if (!dll) throw new Error('Set VMLANG_DLL to the built vmlang.dll (see tests/lsp-e2e/run.sh).');
  return dll;
}

/** A temp workspace holding a copy of examples/. */
export function copyExamples() {
  const folder = mkdtempSync(join(tmpdir(), 'vmlang-e2e-'));
  cpSync(join(repositoryRoot, 'examples'), folder, { recursive: true });
  return folder;
}

export const uriOf = (folder, name) => pathToFileURL(join(folder, name)).href;
export const read = (folder, name) => readFileSync(join(folder, name), 'utf8');

/** Line and character of the first `needle` in `text`, plus `offset` characters. */
export function positionOf(text, needle, offset = 0) {
  const index = text.indexOf(needle);
  if (index < 0) throw new Error(`'${needle}' not found`);
  const before = text.slice(0, index + offset);
  const line = before.split('\n').length - 1;
  return { line, character: before.length - (before.lastIndexOf('\n') + 1) };
}

export async function startServer(folder) {
  const child = spawn('dotnet', [vmlangDll(), 'lsp', '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', chunk => { stderr += chunk; });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));

  // Every publishDiagnostics, kept so tests can wait for one that already arrived.
  const published = [];
  const waiters = [];
  connection.onNotification('textDocument/publishDiagnostics', params => {
    published.push(params);
    for (const waiter of [...waiters]) waiter(params);
  });
  connection.onRequest('client/registerCapability', () => null);
  connection.listen();

  const session = {
    child,
    connection,
    stderr: () => stderr,
    /** Resolves with the first diagnostics for `uri` (after the `from`-th publish) that satisfy `accept`. */
    waitForDiagnostics(uri, accept = () => true, from = 0, timeoutMs = 15000) {
      const found = published.slice(from).find(p => p.uri === uri && accept(p.diagnostics));
      if (found) return Promise.resolve(found.diagnostics);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no matching diagnostics for ${uri}; stderr:\n${stderr}`)), timeoutMs);
        const waiter = params => {
          if (params.uri !== uri || !accept(params.diagnostics)) return;
          clearTimeout(timer);
          waiters.splice(waiters.indexOf(waiter), 1);
          resolve(params.diagnostics);
        };
        waiters.push(waiter);
      });
    },
    publishedCount: () => published.length,
    async stop() {
      await connection.sendRequest('shutdown');
      await connection.sendNotification('exit');
      const code = await new Promise(resolve => child.on('exit', resolve));
      connection.dispose();
      return code;
    },
  };

  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: pathToFileURL(folder).href,
    workspaceFolders: [{ uri: pathToFileURL(folder).href, name: 'e2e' }],
    capabilities: { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } },
  });
  await connection.sendNotification('initialized', {});
  return session;
}
