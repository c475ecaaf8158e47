// Grammar tests for grammar/vmlang.tmLanguage.json, run with node's built-in test runner:
//   cd grammar && npm ci && node --test --test-reporter=tap tests/*.test.mjs
// Unit assertions: tests/unit/*.test.vml (vscode-tmgrammar-test).
// Snapshots: every examples/**/*.vml against tests/snapshots/ (vscode-tmgrammar-snap, see snap.mjs).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import test from 'node:test';
import assert from 'node:assert/strict';
import { bin, grammarDir, grammarFile, runSnapshots } from './snap.mjs';

const unitDir = path.join(grammarDir, 'tests', 'unit');

function unit(glob, cwd) {
  const run = spawnSync(bin('vscode-tmgrammar-test'), ['-g', grammarFile, glob], { cwd, encoding: 'utf8' });
  return { status: run.status, output: `${run.stdout ?? ''}${run.stderr ?? ''}${run.error ? String(run.error) : ''}` };
}

test('the grammar is valid JSON with scopeName source.vmlang', () => {
  const grammar = JSON.parse(fs.readFileSync(grammarFile, 'utf8'));
  assert.equal(grammar.scopeName, 'source.vmlang');
});

test('unit assertions pass (vscode-tmgrammar-test tests/unit/*.test.vml)', () => {
  const files = fs.readdirSync(unitDir).filter((f) => f.endsWith('.test.vml'));
  assert.ok(files.length >= 5, `expected the unit assertion files, found ${files.length}`);
  const { status, output } = unit('*.test.vml', unitDir);
  assert.equal(status, 0, output);
  for (const f of files) assert.match(output, new RegExp(`${f.replace('.', '\\.')} run successfuly`), output);
});

test('a wrong assertion fails (the unit tool is not vacuous)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vmlang-unit-'));
  try {
    fs.writeFileSync(path.join(dir, 'wrong.test.vml'), [
      '// SYNTAX TEST "source.vmlang" "negative control"',
      'template t for voicemail {}',
      '//       ^ comment.line.double-slash.vmlang',
      '',
    ].join('\n'));
    const { status, output } = unit('*.test.vml', dir);
    assert.notEqual(status, 0, output);
    assert.match(output, /missing required scopes: comment\.line\.double-slash\.vmlang/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('snapshots of every example match (vscode-tmgrammar-snap)', () => {
  const result = runSnapshots();
  assert.ok(result.examples.length > 0, 'no examples/**/*.vml found');
  assert.deepEqual(result.missing, [], 'examples without a committed snapshot: run `npm run snap:update` in grammar/ and commit');
  assert.deepEqual(result.stale, [], 'snapshots whose example is gone: run `npm run snap:update` in grammar/ and commit');
  assert.equal(result.status, 0, result.output);
});
