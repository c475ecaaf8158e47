// Figures for the README: time from opening a .vml in a fresh VS Code window to its first diagnostic
// (the first error squiggle), with the bundled NativeAOT server and with `dotnet vmlang.dll`.
//   VSIX=… VMLANG_DLL=… node measure.mjs [runs]
// Each run is a fresh window (a new page: a new extension host, a new language server).
import fs from 'node:fs';
import path from 'node:path';
import { CodeServer, launchBrowser } from './harness.mjs';
import * as wb from './workbench.mjs';

const runs = Number(process.argv[2] ?? 5);
const repoRoot = path.resolve(import.meta.dirname, '..', '..');
const configurations = [
  ['bundled NativeAOT vmlang', {}],
  ['dotnet vmlang.dll', { 'vmlang.server.path': process.env.VMLANG_DLL ?? path.join(repoRoot, 'src/VmLang.Cli/bin/Release/net10.0/vmlang.dll') }],
];

const browser = await launchBrowser();
try {
  for (const [name, machineSettings] of configurations) {
    const server = await CodeServer.create();
    const workspace = path.join(server.root, 'examples');
    fs.cpSync(path.join(repoRoot, 'examples'), workspace, { recursive: true });
    server.writeUserSettings({});
    server.writeMachineSettings(machineSettings);
    server.installExtension(process.env.VSIX);
    await server.start();
    const times = [];
    try {
      for (let i = 0; i <= runs; i++) {
        const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
        await wb.openWorkbench(page, server.url(workspace));
        const opened = Date.now();
        await wb.openFile(page, 'its_personal.vml');
        await page.locator('.editor-instance .monaco-editor .squiggly-error').first().waitFor({ timeout: 60_000 });
        if (i > 0) times.push(Date.now() - opened); // the first window also warms code-server itself
        await page.close();
      }
    } finally {
      server.stop();
    }
    times.sort((a, b) => a - b);
    console.log(`${name}: median ${times[Math.floor(times.length / 2)]} ms, min ${times[0]} ms, max ${times.at(-1)} ms over ${times.length} fresh windows`);
  }
} finally {
  await browser.close();
}
