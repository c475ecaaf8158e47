// End-to-end: Neovim 0.7 (headless) as the LSP client of the real `vmlang lsp --stdio`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { copyExamples, uriOf, vmlangDll } from './server.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const nvim = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
const installed = nvim.status === 0;
// CI installs Neovim, so there a missing nvim is a failure, not a skip.
const skip = !installed && !process.env.CI ? 'nvim is not installed (apt-get install -y neovim); skipped locally' : false;

test('neovim gets diagnostics, hover and definition, and sees diagnostics clear after an edit', { skip }, () => {
  assert.ok(installed, 'nvim is not installed, but CI must run this test (apt-get install -y neovim)');
  const folder = copyExamples();
  const file = join(folder, 'first_touch.vml');
  writeFileSync(file, readFileSync(file, 'utf8').replace('{{ rep }}', '{{ repp }}'));
  const resultFile = join(folder, 'nvim-result.json');

  const run = spawnSync('nvim', ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${join(here, 'nvim-client.lua')}`], {
    encoding: 'utf8',
    timeout: 90000,
    env: { ...process.env, VMLANG_DLL: vmlangDll(), VMLANG_WORKSPACE: folder, VMLANG_FILE: file, VMLANG_RESULT: resultFile },
  });
  let result;
  try {
    result = JSON.parse(readFileSync(resultFile, 'utf8'));
  } catch (error) {
    assert.fail(`nvim wrote no result (exit ${run.status}): ${run.stderr}\n${run.stdout}\n${error}`);
  }
  assert.equal(result.ok, true, result.error);
  assert.deepEqual(result.steps, ['diagnostics', 'hover', 'definition', 'cleared']);
  assert.ok(result.diagnostics.some(d => d.code === 'VML0103' && d.severity === 1), JSON.stringify(result.diagnostics));
  assert.match(result.hover, /slot when : callback/);
  assert.equal(result.definition.uri, uriOf(folder, 'house.vml'));
  assert.equal(run.status, 0);
});
