// Snapshot tests of the grammar over every example in the repository's examples/ folder.
//
// vscode-tmgrammar-snap writes FILE.snap beside FILE and silently creates a missing one, so the
// examples are never snapshotted in place: they are staged in a temporary folder together with the
// committed snapshots from grammar/tests/snapshots/ (same relative paths), and the tool runs there.
// A missing or stale committed snapshot is an error of its own.
//
//   node tests/snap.mjs            check (what grammar.test.mjs runs)
//   node tests/snap.mjs --update   regenerate grammar/tests/snapshots/ after a deliberate change
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const grammarDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const repoRoot = path.resolve(grammarDir, '..');
export const examplesDir = path.join(repoRoot, 'examples');
export const snapshotsDir = path.join(grammarDir, 'tests', 'snapshots');
export const grammarFile = path.join(grammarDir, 'vmlang.tmLanguage.json');
export const bin = (name) => path.join(grammarDir, 'node_modules', '.bin', name);

function walk(dir, suffix, base = dir) {
  if (!fs.existsSync(dir)) return [];
  const found = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...walk(full, suffix, base));
    else if (entry.name.endsWith(suffix)) found.push(path.relative(base, full));
  }
  return found.sort();
}

export const exampleFiles = () => walk(examplesDir, '.vml');
export const committedSnapshots = () => walk(snapshotsDir, '.vml.snap');

/** Runs vscode-tmgrammar-snap over the staged examples. Returns { status, output, missing, stale }. */
export function runSnapshots({ update = false } = {}) {
  const examples = exampleFiles();
  const snaps = new Set(committedSnapshots());
  const missing = examples.filter((f) => !snaps.has(f + '.snap'));
  const stale = [...snaps].filter((s) => !examples.includes(s.slice(0, -'.snap'.length)));
  const stage = fs.mkdtempSync(path.join(os.tmpdir(), 'vmlang-snap-'));
  try {
    for (const rel of examples) {
      fs.mkdirSync(path.dirname(path.join(stage, rel)), { recursive: true });
      fs.copyFileSync(path.join(examplesDir, rel), path.join(stage, rel));
      if (!update && snaps.has(rel + '.snap')) {
        fs.copyFileSync(path.join(snapshotsDir, rel + '.snap'), path.join(stage, rel + '.snap'));
      }
    }
    const args = ['-s', 'source.vmlang', '-g', grammarFile, ...(update ? ['--updateSnapshot'] : []), '**/*.vml'];
    // cwd is the staging folder: no package.json there, so only -s/-g configure the tool.
    const run = spawnSync(bin('vscode-tmgrammar-snap'), args, { cwd: stage, encoding: 'utf8' });
    const output = `${run.stdout ?? ''}${run.stderr ?? ''}${run.error ? String(run.error) : ''}`;
    if (update && run.status === 0) {
      fs.rmSync(snapshotsDir, { recursive: true, force: true });
      for (const rel of examples) {
        fs.mkdirSync(path.dirname(path.join(snapshotsDir, rel)), { recursive: true });
        fs.copyFileSync(path.join(stage, rel + '.snap'), path.join(snapshotsDir, rel + '.snap'));
      }
    }
    return { status: run.status, output, examples, missing: update ? [] : missing, stale: update ? [] : stale };
  } finally {
    fs.rmSync(stage, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const update = process.argv.includes('--update');
  const result = runSnapshots({ update });
  process.stdout.write(result.output);
  for (const f of result.missing) console.error(`missing snapshot: grammar/tests/snapshots/${f}.snap (run: npm run snap:update)`);
  for (const f of result.stale) console.error(`stale snapshot (no such example): grammar/tests/snapshots/${f}`);
  const ok = result.status === 0 && result.missing.length === 0 && result.stale.length === 0;
  if (update && ok) console.log(`wrote ${result.examples.length} snapshots to ${path.relative(repoRoot, snapshotsDir)}`);
  process.exit(ok ? 0 : 1);
}
