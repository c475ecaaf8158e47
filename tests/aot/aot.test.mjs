// The NativeAOT `vmlang` against the JIT build: the same commands on the bundled examples must give
// byte-identical stdout, stderr and exit codes, and the language server the same answers.
//   VMLANG_DLL=path/to/vmlang.dll [VMLANG_AOT=path/to/vmlang] node --test tests/aot
// Without VMLANG_AOT, scripts/publish-aot.sh publishes the binary first (a minute or two).
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync, execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dll = process.env.VMLANG_DLL;
let aot = process.env.VMLANG_AOT;

const jit = { command: 'dotnet', prefix: [dll] };
const native = () => ({ command: aot, prefix: [] });

before(() => {
  assert.ok(dll, 'set VMLANG_DLL to the built vmlang.dll');
  if (!aot) aot = execFileSync('bash', [join(root, 'scripts', 'publish-aot.sh')], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }).trim();
  console.log(`# NativeAOT binary: ${aot} (${(statSync(aot).size / 1048576).toFixed(1)} MB)`);
});

function run(build, args, cwd) {
  const result = spawnSync(build.command, [...build.prefix, ...args], { cwd, encoding: 'buffer', env: { ...process.env, NO_COLOR: '1' } });
  return { status: result.status, stdout: result.stdout.toString('utf8'), stderr: result.stderr.toString('utf8') };
}

const commands = [
  ['check', 'examples'],
  ['check', 'examples', '--format', 'json'],
  ['check', 'examples', '--format', 'sarif'],
  ['check', 'examples', '--format', 'github'],
  ['check', 'examples/first_touch.vml'],
  ['render', 'examples/first_touch.vml', '--template', 'first_touch', '--data', 'examples/prospects.csv'],
  ['render', 'examples/first_touch.vml', '--template', 'first_touch', '--data', 'examples/prospects.csv', '--format', 'jsonl'],
  ['render', 'examples/first_touch.vml', '--template', 'first_touch', '--data', 'examples/prospects.csv', '--format', 'ssml'],
  ['render', 'examples/first_touch.vml', '--template', 'first_touch', '--data', 'examples/prospects.csv', '--format', 'md'],
  ['explain', 'VML1002'],
  ['explain', 'VML9999'],
  ['fmt', '--check', 'examples'],
  ['check', '--format', 'yaml'],
];

for (const args of commands) {
  test(`vmlang ${args.join(' ')}: NativeAOT output is byte-identical to the JIT build's`, () => {
    const expected = run(jit, args, root);
    const actual = run(native(), args, root);
    assert.equal(actual.stdout, expected.stdout);
    assert.equal(actual.stderr, expected.stderr);
    assert.equal(actual.status, expected.status);
    assert.ok(expected.stdout.length + expected.stderr.length > 0, 'the command printed something');
  });
}

test('fmt rewrites the same files the same way', () => {
  const results = [jit, native()].map(build => {
    const folder = mkdtempSync(join(tmpdir(), 'vmlang-aot-fmt-'));
    cpSync(join(root, 'examples'), folder, { recursive: true });
    const messy = join(folder, 'first_touch.vml');
    const text = readFileSync(messy, 'utf8').replace(/^ {2}/gm, '      ').replace(/ : /g, ':');
    execFileSync('bash', ['-c', 'cat > "$0"', messy], { input: text });
    // Run inside the copy, so the paths printed are the same for both builds.
    const result = run(build, ['fmt', '.'], folder);
    const formatted = readFileSync(messy, 'utf8');
    return { ...result, formatted, changed: formatted !== text };
  });
  assert.ok(results[0].changed, 'the messy file was reformatted');
  assert.deepEqual(results[1], results[0]);
});

/** A minimal LSP client over stdio: enough for initialize → didOpen → diagnostics → shutdown. */
async function lspSession(build, folder) {
  const child = spawn(build.command, [...build.prefix, 'lsp', '--stdio'], { cwd: folder, stdio: ['pipe', 'pipe', 'pipe'] });
  let buffer = Buffer.alloc(0);
  const messages = [];
  const waiters = [];
  child.stdout.on('data', chunk => {
    buffer = Buffer.concat([buffer, chunk]);
    for (;;) {
      const headerEnd = buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const length = Number(/Content-Length: *(\d+)/i.exec(buffer.subarray(0, headerEnd).toString())[1]);
      if (buffer.length < headerEnd + 4 + length) return;
      const message = JSON.parse(buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8'));
      buffer = buffer.subarray(headerEnd + 4 + length);
      messages.push(message);
      for (const waiter of [...waiters]) waiter();
    }
  });
  const send = message => {
    const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }), 'utf8');
    child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    child.stdin.write(body);
  };
  const waitFor = (accept, what) => new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${what} within 30 s`)), 30000);
    const check = () => {
      const found = messages.find(accept);
      if (!found) return;
      clearTimeout(timer);
      waiters.splice(waiters.indexOf(check), 1);
      resolve(found);
    };
    waiters.push(check);
    check();
  });
  const folderUri = pathToFileURL(folder).href;
  send({ id: 1, method: 'initialize', params: { processId: process.pid, rootUri: folderUri, capabilities: {}, workspaceFolders: [{ uri: folderUri, name: 'examples' }] } });
  const initialized = await waitFor(m => m.id === 1, 'initialize result');
  send({ method: 'initialized', params: {} });
  const uri = pathToFileURL(join(folder, 'bad_habits', 'please_call_back.vml')).href;
  send({ method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'vmlang', version: 1, text: readFileSync(join(folder, 'bad_habits', 'please_call_back.vml'), 'utf8') } } });
  const diagnostics = await waitFor(m => m.method === 'textDocument/publishDiagnostics' && m.params.uri === uri, 'diagnostics');
  send({ id: 2, method: 'textDocument/hover', params: { textDocument: { uri }, position: { line: 0, character: 10 } } });
  const hover = await waitFor(m => m.id === 2, 'hover result');
  send({ id: 3, method: 'shutdown' });
  await waitFor(m => m.id === 3, 'shutdown result');
  send({ method: 'exit' });
  const code = await new Promise(resolve => child.on('exit', resolve));
  return { capabilities: initialized.result.capabilities, diagnostics: diagnostics.params.diagnostics, hover: hover.result, code };
}

test('lsp: initialize, diagnostics, hover and shutdown answer the same from both builds', async () => {
  const sessions = [];
  for (const build of [jit, native()]) {
    const folder = mkdtempSync(join(tmpdir(), 'vmlang-aot-lsp-'));
    cpSync(join(root, 'examples'), folder, { recursive: true });
    const session = await lspSession(build, folder);
    sessions.push(JSON.parse(JSON.stringify(session).replaceAll(pathToFileURL(folder).href, '<root>')));
  }
  assert.ok(sessions[0].diagnostics.length > 0, 'the bad-habit file has diagnostics');
  assert.equal(sessions[1].code, 0, 'the native server exits cleanly');
  assert.deepEqual(sessions[1], sessions[0]);
});
