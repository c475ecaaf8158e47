// Small helpers that drive the VS Code workbench the way a person does: keyboard, palette, clicks;
// and read what it shows from the DOM.

const slow = { timeout: 60_000 };

export async function openWorkbench(page, url) {
  await page.goto(url);
  await page.locator('.monaco-workbench').waitFor(slow);
  await page.locator('.explorer-folders-view, .explorer-viewlet').first().waitFor(slow);
}

/** Runs a command by its title from the command palette. */
export async function runCommand(page, title) {
  await page.keyboard.press('Escape');
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(`>${title}`);
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
  await row.waitFor();
  await page.keyboard.press('Enter');
}

/** Opens a workspace file by name with Quick Open and waits for its tab. */
export async function openFile(page, name) {
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(name);
  // Click the file's own row: Enter would take whichever row has focus while results still arrive.
  const row = page.locator('.quick-input-list .monaco-list-row', { has: page.locator('.label-name', { hasText: new RegExp(`^${name.replace('.', '\\.')}$`) }) }).first();
  await row.click();
  // The file's tab may already be open behind another: wait until it is the active one.
  await page.locator(`.tabs-container .tab.active[data-resource-name="${name}"]`).first().waitFor();
  await page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor();
}

/** Presses Undo until the active editor's text satisfies a condition (typing makes an undo stop at each word). */
export async function undoUntil(page, accept, presses = 10) {
  for (let i = 0; i < presses; i++) {
    if (accept(await editorText(page))) return;
    await page.keyboard.press('Control+Z');
    await page.waitForTimeout(100);
  }
  await waitForText(page, accept);
}

/** Moves the caret to a 1-based line and column (Go to Line). */
export async function goTo(page, line, column = 1) {
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(`:${line}:${column}`);
  await page.keyboard.press('Enter');
  await input.waitFor({ state: 'hidden' });
}

/** The text of the active editor as rendered (every line of a short file is rendered; one scrolled out of view is not). */
export async function editorText(page) {
  return page.locator('.editor-instance .monaco-editor .view-lines').first().evaluate((root) =>
    [...root.querySelectorAll('.view-line')]
      .sort((a, b) => parseFloat(a.style.top) - parseFloat(b.style.top))
      .map((line) => line.textContent.replace(/\u00a0/g, ' '))
      .join('\n'));
}

/** Waits until the active editor's text satisfies a condition; returns it. */
export async function waitForText(page, accept, timeout = 20_000) {
  const deadline = Date.now() + timeout;
  let text = '';
  while (Date.now() < deadline) {
    text = await editorText(page);
    if (accept(text)) return text;
    await page.waitForTimeout(100);
  }
  throw new Error(`editor text never matched; it is:\n${text}`);
}

/** The VmLang status bar item's label. */
export async function serverStatus(page) {
  const item = page.locator('.statusbar-item', { hasText: 'VmLang' }).first();
  await item.waitFor(slow);
  return (await item.getAttribute('aria-label')) ?? (await item.textContent()) ?? '';
}

/** Waits for the status bar to say the server runs (the check icon). */
export async function waitForServerRunning(page, timeout = 60_000) {
  const item = page.locator('.statusbar-item', { hasText: 'VmLang' }).first();
  await item.locator('.codicon-check').waitFor({ timeout });
}

/** Every row of the Problems panel, expanded and maximised so that all are rendered. */
export async function allProblems(page) {
  await runCommand(page, 'View: Focus Problems');
  const panel = page.locator('.markers-panel');
  await panel.waitFor();
  await runCommand(page, 'View: Toggle Maximized Panel');
  await page.waitForTimeout(500);
  const rows = await panel.locator('.monaco-list-row').evaluateAll((elements) => elements.map((r) => r.getAttribute('aria-label') ?? r.textContent));
  await runCommand(page, 'View: Toggle Maximized Panel');
  return rows;
}

/** The frame of the webview whose document has an element matching `selector` (webviews are nested iframes). */
export async function webviewFrame(page, selector, timeout = 30_000) {
  const deadline = Date.now() + timeout;
  while (Date.now() < deadline) {
    for (const frame of page.frames()) {
      if (await frame.locator(selector).count().catch(() => 0)) return frame;
    }
    await page.waitForTimeout(200);
  }
  throw new Error(`no webview shows ${selector}`);
}
