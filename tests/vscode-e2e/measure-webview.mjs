// Figures for the README: what the preview panel's own script costs to show one `preview` message with
// ROWS data rows, in headless Chromium (the engine of VS Code's webviews), layout included. It loads the
// panel's HTML as src/preview.ts writes it (or as another copy of preview.ts does: pass its path, e.g. an
// older version from `git show`), and reports the median of 20 messages with the rows in every message
// (the data changed, or a client without the row key) and with the rows left out after the first.
//   node measure-webview.mjs [ROWS] [preview.ts ...]
import fs from 'node:fs';
import path from 'node:path';
import { launchBrowser } from './harness.mjs';

const rows = Number(process.argv[2] ?? 10000);
const sources = process.argv.length > 3 ? process.argv.slice(3) : [path.resolve(import.meta.dirname, '../../vscode-extension/src/preview.ts')];

/** The panel's page from previewHtml's template literal, with a stand-in for the webview API. */
function panelHtml(file) {
  const text = fs.readFileSync(file, 'utf8');
  const html = text.slice(text.indexOf('return `<!DOCTYPE html>') + 'return `'.length, text.lastIndexOf('</html>`;') + '</html>'.length);
  return html.replaceAll('${n}', 'n').replaceAll('${webview.cspSource}', '').replace(/<meta http-equiv[^>]*>/, '')
    .replace('acquireVsCodeApi()', '{ postMessage() {} }');
}

const browser = await launchBrowser();
try {
  for (const file of sources) {
    for (const every of [true, false]) {
      const page = await browser.newPage();
      await page.setContent(panelHtml(file));
      const median = await page.evaluate(([count, every]) => {
        let failed = false;
        window.addEventListener('error', () => { failed = true; });
        const list = Array.from({ length: count }, (_, i) => ({ number: i + 1, label: `Prospect Name ${i + 1}` }));
        const show = (withRows) => {
          const result = { template: 't', script: 'Hi Dana, this is Sam.', missing: [], seconds: 12, budgetSeconds: 30, row: 3, rows: withRows ? list : undefined, rowsKey: 'k', rejections: [], warnings: [], errors: [] };
          const start = performance.now();
          window.dispatchEvent(new MessageEvent('message', { data: structuredClone({ type: 'preview', result, dataName: 'prospects.csv', file: 'f.vml' }) }));
          void document.body.offsetHeight;
          return performance.now() - start;
        };
        show(true);
        const times = Array.from({ length: 20 }, () => show(every)).sort((a, b) => a - b);
        return failed ? NaN : times[10];
      }, [rows, every]);
      console.log(`${path.relative(process.cwd(), file)}: ${rows} rows, ${every ? 'rows in every message' : 'rows left out after the first'}: ${Number.isNaN(median) ? 'fails (this version needs the rows every time)' : `${median.toFixed(1)} ms`}`);
      await page.close();
    }
  }
} finally {
  await browser.close();
}
