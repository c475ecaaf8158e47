// SARIF 2.1.0 output of `vmlang check` and the workspace settings, validated by Ajv against the
// published schemas (JsonSchema.Net is not obtainable here; Ajv is an independent implementation).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import AjvDraft04 from 'ajv-draft-04';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const vmlang = process.env.VMLANG_DLL ?? path.join(root, 'src/VmLang.Cli/bin/Release/net10.0/vmlang.dll');

function check(args) {
  try {
    return execFileSync('dotnet', [vmlang, 'check', ...args], { encoding: 'utf8' });
  } catch (error) {
    return error.stdout; // exit 1 means "errors found", which the examples have on purpose
  }
}

function sarifValidator() {
  // The published schema has a pattern that is invalid under the 'u' flag, so patterns are compiled without it.
  const ajv = new AjvDraft04({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile(JSON.parse(readFileSync(path.join(root, 'tests/VmLang.Tests/Schemas/sarif-2.1.0-rtm.5.json'), 'utf8')));
}

test('SARIF for the examples is valid SARIF 2.1.0', () => {
  const log = JSON.parse(check([path.join(root, 'examples'), '--format', 'sarif']));
  const validate = sarifValidator();
  assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
  assert.equal(log.version, '2.1.0');
  assert.ok(log.runs[0].results.length > 0);
});

test('SARIF for a clean workspace is valid and has no results', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'vmlang-sarif-'));
  writeFileSync(path.join(dir, 'empty.vml'), '// nothing yet\n');
  const log = JSON.parse(check([dir, '--format', 'sarif']));
  const validate = sarifValidator();
  assert.ok(validate(log), JSON.stringify(validate.errors, null, 2));
  assert.equal(log.runs[0].results.length, 0);
});

test('vmlang.schema.json accepts the example settings and rejects what vmlang reports as VML0301', () => {
  const ajv = new Ajv2020({ allErrors: true, strict: false });
  const validate = ajv.compile(JSON.parse(readFileSync(path.join(root, 'vmlang.schema.json'), 'utf8')));
  assert.ok(validate(JSON.parse(readFileSync(path.join(root, 'examples/vmlang.json'), 'utf8'))), JSON.stringify(validate.errors));
  for (const bad of [{ colour: 'red' }, { rules: { VML9999: 'off' } }, { rules: { VML1004: 'loud' } }, { wordsPerMinute: 0 }, { pauseSeconds: -1 }, { pauseSeconds: 500 }]) {
    assert.equal(validate(bad), false, JSON.stringify(bad));
    const dir = mkdtempSync(path.join(tmpdir(), 'vmlang-config-'));
    writeFileSync(path.join(dir, 'vmlang.json'), JSON.stringify(bad));
    assert.match(check([dir, '--format', 'json']), /VML0301/);
  }
});
