// Builds a platform-specific .vsix that carries the NativeAOT `vmlang` and uses it by default:
//   node scripts/package-platform.mjs [--target linux-x64] [--skip-publish]
// 1. scripts/publish-aot.sh <rid>: `vmlang` published with NativeAOT (which builds only for the machine's
//    own OS: linux-x64 on Linux, win32-x64 on Windows, darwin-arm64 on an Apple Silicon Mac…);
// 2. copies the binary to server/<target>/vmlang(.exe) (the path the extension looks for);
// 3. `vsce package --target <target>` -> vmlang-<target>.vsix.
// The universal .vsix (`npm run package`) has no server/ and uses vmlang.server.path or PATH.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const extensionDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const repoRoot = path.resolve(extensionDir, '..');

// VS Code target -> .NET runtime identifier.
const targets = {
  'linux-x64': 'linux-x64',
  'linux-arm64': 'linux-arm64',
  'alpine-x64': 'linux-musl-x64',
  'win32-x64': 'win-x64',
  'win32-arm64': 'win-arm64',
  'darwin-x64': 'osx-x64',
  'darwin-arm64': 'osx-arm64',
};

const args = process.argv.slice(2);
const option = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const hostTarget = `${process.platform}-${process.arch}`;
const target = option('--target') ?? hostTarget;
const rid = targets[target];
if (!rid) fail(`unknown target '${target}'; known: ${Object.keys(targets).join(', ')}`);
const exe = target.startsWith('win32') ? 'vmlang.exe' : 'vmlang';

function fail(message) {
  console.error(`package-platform: ${message}`);
  process.exit(1);
}

function run(command, commandArgs, cwd) {
  console.log(`> ${command} ${commandArgs.join(' ')}`);
  const result = spawnSync(command, commandArgs, { cwd, stdio: 'inherit', shell: process.platform === 'win32' });
  if (result.status !== 0) fail(`${command} failed (exit ${result.status ?? result.signal})`);
}

// scripts/publish-aot.sh publishes to artifacts/aot/<rid>/ (installing clang and zlib1g-dev on Linux when missing).
const publishDir = path.join(repoRoot, 'artifacts', 'aot', rid);
if (!args.includes('--skip-publish')) run('bash', [path.join(repoRoot, 'scripts', 'publish-aot.sh'), rid], repoRoot);
const binary = path.join(publishDir, exe);
if (!fs.existsSync(binary)) fail(`${binary} was not built`);

// Only the target's binary ships: clear what an earlier run for another target left.
const serverDir = path.join(extensionDir, 'server');
fs.rmSync(serverDir, { recursive: true, force: true });
const bundled = path.join(serverDir, target, exe);
fs.mkdirSync(path.dirname(bundled), { recursive: true });
fs.copyFileSync(binary, bundled);
fs.chmodSync(bundled, 0o755);
console.log(`bundled ${path.relative(repoRoot, binary)} -> vscode-extension/${path.relative(extensionDir, bundled)} (${(fs.statSync(bundled).size / 1e6).toFixed(1)} MB)`);

const out = `vmlang-${target}.vsix`;
run('npx', ['vsce', 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '--target', target, '--out', out], extensionDir);
fs.rmSync(serverDir, { recursive: true, force: true });
console.log(`wrote vscode-extension/${out} (${(fs.statSync(path.join(extensionDir, out)).size / 1e6).toFixed(1)} MB)`);
