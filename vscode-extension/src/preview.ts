// "Preview script": a panel beside the editor showing a template as a rep would read it, rendered by
// the server (`vmlang/preview`, the renderer and row checks of `vmlang render`) for one row of a data
// file. It follows the editor: each time the server publishes diagnostics for the file, the preview
// is asked for again.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { ServerController } from './serverController';

export interface PreviewResult {
  template: string;
  script?: string;
  missing: { slot: string; start: number; length: number }[];
  seconds: number;
  budgetSeconds: number;
  row?: number;
  /** The data rows for the picker; absent when `rowsKey` is the `knownRowsKey` asked with (the panel has them). */
  rows?: { number: number; label: string }[];
  /** Names the row list: the same key, the same list. Absent without a readable data file. */
  rowsKey?: string;
  moreRows?: boolean;
  rejections: string[];
  warnings: string[];
  errors: string[];
  /** Why Listen cannot speak (what to install), or absent when it can. */
  speechUnavailable?: string;
}

export interface ListenResult {
  wav?: string;
  measuredSeconds?: number;
  estimatedSeconds: number;
  unavailable?: string;
  errors: string[];
}

interface Target {
  uri: vscode.Uri;
  template: string;
}

/** The template the caret is in (the nearest `template NAME` above it), else the file's first. */
export function templateAt(document: vscode.TextDocument, position: vscode.Position | undefined): string | undefined {
  const declaration = /^\s*template\s+([A-Za-z_][A-Za-z0-9_]*)/;
  const last = position?.line ?? 0;
  for (let line = last; line >= 0; line--) {
    const match = declaration.exec(document.lineAt(line).text);
    if (match) return match[1];
  }
  for (let line = 0; line < document.lineCount; line++) {
    const match = declaration.exec(document.lineAt(line).text);
    if (match) return match[1];
  }
  return undefined;
}

export class ScriptPreview implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private target: Target | undefined;
  private pickedData: string | undefined;
  private row: number | undefined;
  /** The key of the row list the panel's picker holds: the server leaves out a list the panel already has. */
  private rowsKey: string | undefined;
  private inFlight = false;
  private again = false;
  private fallback: NodeJS.Timeout | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly server: ServerController,
  ) {
    this.subscriptions.push(
      vscode.languages.onDidChangeDiagnostics((event) => {
        if (this.target && event.uris.some((uri) => uri.toString() === this.target!.uri.toString())) this.refreshNow();
      }),
      // Diagnostics that do not change are not published again: refresh a little later in any case.
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (!this.target || event.document.uri.toString() !== this.target.uri.toString()) return;
        clearTimeout(this.fallback);
        this.fallback = setTimeout(() => this.refreshNow(), 250);
      }),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('vmlang.preview.dataFile')) this.refreshNow();
      }),
      server.onDidChangeClient(() => this.refreshNow()),
    );
  }

  dispose(): void {
    clearTimeout(this.fallback);
    this.panel?.dispose();
    for (const subscription of this.subscriptions) subscription.dispose();
  }

  /** Opens (or re-targets) the panel for a template of a document. */
  async show(uri?: vscode.Uri, template?: string): Promise<void> {
    const editor = vscode.window.activeTextEditor;
    uri ??= editor?.document.languageId === 'vmlang' ? editor.document.uri : undefined;
    if (!uri) {
      void vscode.window.showInformationMessage('VmLang: open a .vml file to preview its script.');
      return;
    }
    const document = await vscode.workspace.openTextDocument(uri);
    template ??= templateAt(document, editor?.document.uri.toString() === uri.toString() ? editor.selection.active : undefined);
    if (!template) {
      void vscode.window.showInformationMessage('VmLang: this file declares no template to preview.');
      return;
    }
    if (this.target?.template !== template || this.target.uri.toString() !== uri.toString()) this.row = undefined;
    this.target = { uri, template };
    if (!this.panel) {
      this.rowsKey = undefined;
      this.panel = vscode.window.createWebviewPanel('vmlang.preview', '', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
        enableScripts: true,
        retainContextWhenHidden: true,
        localResourceRoots: [],
      });
      this.panel.webview.html = previewHtml(this.panel.webview);
      this.panel.onDidDispose(() => {
        this.panel = undefined;
        this.target = undefined;
      });
      this.panel.webview.onDidReceiveMessage((message: { type: string; row?: number }) => this.onMessage(message));
    } else {
      this.panel.reveal(vscode.ViewColumn.Beside, true);
    }
    this.panel.title = `Preview: ${template}`;
    this.refreshNow();
  }

  private async onMessage(message: { type: string; row?: number }): Promise<void> {
    if (message.type === 'ready') {
      // A webview (re)loaded has an empty picker: ask for the list.
      this.rowsKey = undefined;
      this.refreshNow();
    }
    if (message.type === 'row' && typeof message.row === 'number') {
      this.row = message.row;
      this.refreshNow();
    }
    if (message.type === 'listen') await this.listen();
    if (message.type === 'pickData') {
      const picked = await vscode.window.showOpenDialog({
        canSelectMany: false,
        defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri,
        filters: { 'Prospect data': ['csv', 'json', 'jsonl', 'ndjson'] },
        openLabel: 'Preview with this data',
      });
      if (picked?.[0]) {
        this.pickedData = picked[0].fsPath;
        this.row = undefined;
        this.refreshNow();
      }
    }
  }

  /** Asks the server to speak the row shown (`vmlang/listen`) and hands the WAV to the panel to play. */
  private async listen(): Promise<void> {
    const client = this.server.running;
    const target = this.target;
    if (!client || !target) return;
    try {
      const result = await client.sendRequest<ListenResult | null>('vmlang/listen', {
        textDocument: { uri: client.code2ProtocolConverter.asUri(target.uri) },
        template: target.template,
        dataPath: this.dataPath(),
        row: this.row,
      });
      void this.panel?.webview.postMessage({ type: 'audio', result });
    } catch (error) {
      void this.panel?.webview.postMessage({ type: 'audio', result: { estimatedSeconds: 0, errors: [error instanceof Error ? error.message : String(error)] } });
    }
  }

  /** The data file: one picked in the panel, else `vmlang.preview.dataFile`. */
  private dataPath(): string | undefined {
    if (this.pickedData) return this.pickedData;
    const configured = vscode.workspace.getConfiguration('vmlang', this.target?.uri).get<string>('preview.dataFile')?.trim();
    return configured || undefined;
  }

  /** Asks the server for the preview; a request already under way is followed by one more, never by a pile. */
  private refreshNow(): void {
    clearTimeout(this.fallback);
    if (!this.panel || !this.target) return;
    if (this.inFlight) {
      this.again = true;
      return;
    }
    this.inFlight = true;
    void this.request().finally(() => {
      this.inFlight = false;
      if (this.again) {
        this.again = false;
        this.refreshNow();
      }
    });
  }

  private async request(): Promise<void> {
    const target = this.target!;
    const client: LanguageClient | undefined = this.server.running;
    const dataPath = this.dataPath();
    const dataName = dataPath ? path.basename(dataPath) : undefined;
    if (!client) {
      void this.panel?.webview.postMessage({ type: 'unavailable', message: 'The VmLang language server is not running.' });
      return;
    }
    try {
      const result = await client.sendRequest<PreviewResult | null>('vmlang/preview', {
        textDocument: { uri: client.code2ProtocolConverter.asUri(target.uri) },
        template: target.template,
        dataPath,
        row: this.row,
        knownRowsKey: this.rowsKey,
      });
      if (target !== this.target) return;
      if (result?.rows) this.rowsKey = result.rowsKey;
      void this.panel?.webview.postMessage({ type: 'preview', result, dataName, file: path.basename(target.uri.fsPath) });
    } catch (error) {
      void this.panel?.webview.postMessage({ type: 'unavailable', message: error instanceof Error ? error.message : String(error) });
    }
  }
}

function nonce(): string {
  let text = '';
  const characters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  for (let i = 0; i < 32; i++) text += characters.charAt(Math.floor(Math.random() * characters.length));
  return text;
}

function previewHtml(webview: vscode.Webview): string {
  const n = nonce();
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-${n}'; script-src 'nonce-${n}'; media-src ${webview.cspSource} data: blob:;">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<style nonce="${n}">
  body { font-family: var(--vscode-font-family); color: var(--vscode-foreground); padding: 0 12px; }
  header { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; margin: 10px 0; }
  /* A fixed width: otherwise choosing another of 10,000 rows lays out every option again to size the box (~110 ms). */
  #rows { width: 18em; }
  select, button { font: inherit; color: var(--vscode-dropdown-foreground); background: var(--vscode-dropdown-background); border: 1px solid var(--vscode-dropdown-border); padding: 2px 6px; }
  button { color: var(--vscode-button-foreground); background: var(--vscode-button-background); border: none; cursor: pointer; }
  #script { white-space: pre-wrap; font-size: 1.15em; line-height: 1.6; padding: 12px; border-left: 3px solid var(--vscode-textLink-foreground); background: var(--vscode-textBlockQuote-background); }
  #script.stale { opacity: 0.5; }
  mark.missing { background: var(--vscode-editorWarning-foreground); color: var(--vscode-editor-background); border-radius: 3px; padding: 0 3px; font-style: italic; }
  #seconds.over { color: var(--vscode-errorForeground); font-weight: bold; }
  ul { padding-left: 20px; }
  .rejections li, .errors li { color: var(--vscode-errorForeground); }
  .warnings li { color: var(--vscode-editorWarning-foreground); }
  .muted { opacity: 0.7; }
</style>
</head>
<body>
<header>
  <label for="rows">Row</label>
  <select id="rows" disabled><option>no data</option></select>
  <button id="pick" title="Pick a CSV, JSON or JSON Lines file">Pick data…</button>
  <span id="data" class="muted"></span>
  <span id="seconds"></span>
  <button id="listen" title="Hear this row spoken by espeak-ng">Listen</button>
  <span id="heard" class="muted"></span>
  <audio id="audio"></audio>
</header>
<div id="script" aria-label="script"></div>
<section id="rejections" class="rejections"></section>
<section id="warnings" class="warnings"></section>
<section id="errors" class="errors"></section>
<script nonce="${n}">
  const vscode = acquireVsCodeApi();
  const $ = (id) => document.getElementById(id);
  const escapeHtml = (text) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
  function list(id, title, items) {
    $(id).innerHTML = items.length ? '<h4>' + title + '</h4><ul>' + items.map((i) => '<li>' + escapeHtml(i) + '</li>').join('') + '</ul>' : '';
  }
  function scriptHtml(script, missing) {
    let html = '';
    let at = 0;
    for (const m of [...missing].sort((a, b) => a.start - b.start)) {
      html += escapeHtml(script.slice(at, m.start));
      html += '<mark class="missing" data-slot="' + escapeHtml(m.slot) + '" title="no value for slot ' + escapeHtml(m.slot) + '">' + escapeHtml(script.slice(m.start, m.start + m.length)) + '</mark>';
      at = m.start + m.length;
    }
    return html + escapeHtml(script.slice(at));
  }
  function show(message) {
    const r = message.result;
    if (!r) { $('errors').innerHTML = '<p>This file is not part of the workspace the server sees.</p>'; return; }
    const rows = $('rows');
    if (!r.rows) {
      // The list shown is still the data's (the server left it out): only the choice may have moved.
      if (r.row != null && rows.value !== String(r.row)) rows.value = String(r.row);
    } else if (r.rows.length) {
      rows.disabled = false;
      rows.innerHTML = r.rows.map((row) => '<option value="' + row.number + '"' + (row.number === r.row ? ' selected' : '') + '>' + row.number + (row.label ? ': ' + escapeHtml(row.label) : '') + '</option>').join('') + (r.moreRows ? '<option disabled>…</option>' : '');
    } else {
      rows.disabled = true;
      rows.innerHTML = '<option>' + (message.dataName ? 'no rows' : 'no data') + '</option>';
    }
    $('data').textContent = message.dataName ? 'data: ' + message.dataName : 'no data file: slots shown by name';
    if (r.script !== undefined && r.script !== null) {
      $('script').classList.remove('stale');
      $('script').innerHTML = scriptHtml(r.script, r.missing);
      const seconds = $('seconds');
      seconds.textContent = '≈ ' + r.seconds + ' s of ' + r.budgetSeconds + ' s';
      seconds.classList.toggle('over', r.seconds > r.budgetSeconds);
    } else {
      $('script').classList.add('stale');
    }
    const listen = $('listen');
    listen.disabled = r.script == null || !!r.speechUnavailable;
    listen.textContent = r.speechUnavailable ? 'Listen: ' + r.speechUnavailable : 'Listen';
    list('rejections', 'Rejected: render would skip this row', r.rejections);
    list('warnings', 'Warnings', r.warnings);
    list('errors', r.script == null ? 'Cannot render' : 'Data', r.errors);
  }
  window.addEventListener('message', (event) => {
    const message = event.data;
    if (message.type === 'preview') show(message);
    if (message.type === 'audio') {
      const a = message.result;
      $('listen').disabled = false;
      if (!a) return;
      if (a.unavailable) { $('heard').textContent = a.unavailable; return; }
      if (a.errors && a.errors.length) { $('heard').textContent = a.errors.join('; '); return; }
      $('heard').textContent = 'spoken ' + a.measuredSeconds + ' s, estimated ' + a.estimatedSeconds + ' s';
      const audio = $('audio');
      audio.src = 'data:audio/wav;base64,' + a.wav;
      audio.play().catch((e) => { $('heard').textContent += ' (could not play: ' + e.message + ')'; });
    }
    if (message.type === 'unavailable') { $('script').classList.add('stale'); list('errors', 'Preview unavailable', [message.message]); }
  });
  $('rows').addEventListener('change', (event) => vscode.postMessage({ type: 'row', row: Number(event.target.value) }));
  $('pick').addEventListener('click', () => vscode.postMessage({ type: 'pickData' }));
  $('listen').addEventListener('click', () => { $('listen').disabled = true; $('heard').textContent = 'speaking…'; vscode.postMessage({ type: 'listen' }); });
  vscode.postMessage({ type: 'ready' });
</script>
</body>
</html>`;
}
