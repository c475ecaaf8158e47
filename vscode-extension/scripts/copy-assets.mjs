// Copies what the extension ships from elsewhere in the repository, so the .vsix is self-contained:
// the TextMate grammar (grammar/) and the vmlang.json schema (repository root).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const extensionDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const repoRoot = path.resolve(extensionDir, '..');

const copies = [
  ['grammar/vmlang.tmLanguage.json', 'syntaxes/vmlang.tmLanguage.json'],
  ['vmlang.schema.json', 'schemas/vmlang.schema.json'],
];

for (const [from, to] of copies) {
  const source = path.join(repoRoot, from);
  const target = path.join(extensionDir, to);
  JSON.parse(fs.readFileSync(source, 'utf8')); // fail the build on a broken asset, not at run time
  fs.mkdirSync(path.dirname(target), { recursive: true });
  fs.copyFileSync(source, target);
  console.log(`copied ${from} -> vscode-extension/${to}`);
}
