// VmLang for VS Code: the language client for `vmlang lsp --stdio` (bundled, configured or on PATH),
// the script preview, rule pages, snippets and the problem matcher. Highlighting comes from the
// TextMate grammar declared in package.json.
import * as vscode from 'vscode';
import type { Middleware } from 'vscode-languageclient/node';
import { braceSpacing } from './braces';
import { ExplainPages, explainDiagnostic, explainScheme, explainUri } from './explain';
import { ScriptPreview } from './preview';
import { ServerController, openServerPathSetting } from './serverController';

let controller: ServerController | undefined;

/** Adds "Preview script" next to the server's spoken-length lens, and links each diagnostic code to its rule page. */
function middleware(): Middleware {
  return {
    provideCodeLenses: async (document, token, next) => {
      const lenses = (await next(document, token)) ?? [];
      const previews = lenses.map((lens) => new vscode.CodeLens(lens.range, {
        title: 'Preview script',
        command: 'vmlang.previewScript',
        arguments: [document.uri, document.getText(lens.range)],
      }));
      return [...lenses, ...previews];
    },
    handleDiagnostics: (uri, diagnostics, next) => {
      for (const diagnostic of diagnostics) {
        if (typeof diagnostic.code === 'string') diagnostic.code = { value: diagnostic.code, target: explainUri(diagnostic.code) };
      }
      next(uri, diagnostics);
    },
  };
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  // vscode-languageclient 11 writes through the LogOutputChannel API: the channel must be a log channel.
  const output = vscode.window.createOutputChannel('VmLang', { log: true });
  controller = new ServerController(context, output, middleware());
  const server = controller;
  const preview = new ScriptPreview(context, server);

  context.subscriptions.push(
    output,
    preview,
    vscode.commands.registerCommand('vmlang.restartServer', () => server.restart()),
    vscode.commands.registerCommand('vmlang.showOutput', () => output.show(true)),
    vscode.commands.registerCommand('vmlang.openServerPathSetting', () => openServerPathSetting()),
    vscode.commands.registerCommand('vmlang.previewScript', (uri?: vscode.Uri, template?: string) => preview.show(uri, template)),
    vscode.commands.registerCommand('vmlang.explainDiagnostic', (code?: unknown) => explainDiagnostic(code)),
    vscode.workspace.registerTextDocumentContentProvider(explainScheme, new ExplainPages(server)),
    vscode.workspace.onDidChangeConfiguration((event) => {
      if (event.affectsConfiguration('vmlang.server.path')) void server.restart();
    }),
    braceSpacing(),
  );

  await server.start();
}

export async function deactivate(): Promise<void> {
  await controller?.dispose();
  controller = undefined;
}
