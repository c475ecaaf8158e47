// The language server's own share of the first diagnostic: spawn `vmlang lsp --stdio`, initialize on
// a copy of examples/, open a file, and time until its first publishDiagnostics.
//   node measure-server.mjs [runs] -- COMMAND [ARGS…]     e.g. -- artifacts/aot/linux-x64/vmlang
//                                                          or  -- dotnet src/VmLang.Cli/bin/Release/net10.0/vmlang.dll
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const separator = process.argv.indexOf('--');
const runs = Number(separator > 2 ? process.argv[2] : 5);
const [command, ...args] = process.argv.slice(separator + 1);
const repoRoot = path.resolve(import.meta.dirname, '..', '..');

function firstDiagnostics(folder, file) {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const server = spawn(command, [...args, 'lsp', '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'] });
    const send = (message) => {
      const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }));
      server.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
      server.stdin.write(body);
    };
    let buffer = Buffer.alloc(0);
    server.stdout.on('data', (chunk) => {
      buffer = Buffer.concat([buffer, chunk]);
      for (;;) {
        const header = buffer.indexOf('\r\n\r\n');
        if (header < 0) return;
        const length = Number(/Content-Length: (\d+)/i.exec(buffer.subarray(0, header).toString())[1]);
        if (buffer.length < header + 4 + length) return;
        const message = JSON.parse(buffer.subarray(header + 4, header + 4 + length).toString());
        buffer = buffer.subarray(header + 4 + length);
        if (message.id === 1) {
          send({ method: 'initialized', params: {} });
          send({ method: 'textDocument/didOpen', params: { textDocument: { uri: pathToFileURL(file).href, languageId: 'vmlang', version: 1, text: fs.readFileSync(file, 'utf8') } } });
        }
        if (message.method === 'textDocument/publishDiagnostics' && message.params.uri === pathToFileURL(file).href) {
          resolve(performance.now() - started);
          server.kill();
        }
      }
    });
    server.on('error', reject);
    send({ id: 1, method: 'initialize', params: { processId: process.pid, rootUri: pathToFileURL(folder).href, capabilities: {} } });
  });
}

const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'vmlang-measure-'));
fs.cpSync(path.join(repoRoot, 'examples'), folder, { recursive: true });
const times = [];
for (let i = 0; i < runs; i++) times.push(await firstDiagnostics(folder, path.join(folder, 'bad_habits', 'its_personal.vml')));
times.sort((a, b) => a - b);
console.log(`${[command, ...args].join(' ')}: process start to first diagnostic, median ${times[Math.floor(runs / 2)].toFixed(0)} ms, min ${times[0].toFixed(0)} ms, max ${times.at(-1).toFixed(0)} ms over ${runs} runs`);
fs.rmSync(folder, { recursive: true, force: true });
