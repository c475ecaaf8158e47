// "VmLang: Explain diagnostic": the rule page of a diagnostic code (`vmlang explain CODE`, asked of the
// server as `vmlang/explain`) shown as Markdown. Pages are read-only documents of the `vmlang-explain`
// scheme, which the diagnostics' code links also point to.
import * as vscode from 'vscode';
import type { ServerController } from './serverController';

export const explainScheme = 'vmlang-explain';

const codePattern = /^VML\d{4}$/i;

/** The page of a code, e.g. `vmlang-explain:/VML1002.md`. */
export function explainUri(code: string): vscode.Uri {
  return vscode.Uri.from({ scheme: explainScheme, path: `/${code.toUpperCase()}.md` });
}

export class ExplainPages implements vscode.TextDocumentContentProvider {
  constructor(private readonly server: ServerController) {}

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const code = uri.path.replace(/^\//, '').replace(/\.md$/i, '');
    const client = this.server.running;
    if (!client) return `# ${code}\n\nThe VmLang language server is not running, so the page cannot be shown.`;
    try {
      const page = await client.sendRequest<{ code: string; markdown: string }>('vmlang/explain', { code });
      return page.markdown + '\n';
    } catch (error) {
      return `# ${code}\n\n${error instanceof Error ? error.message : String(error)}`;
    }
  }
}

/** Explains the given code, else the VmLang diagnostic at the caret (asking when there are several or none). */
export async function explainDiagnostic(code?: unknown): Promise<void> {
  let chosen = typeof code === 'string' && codePattern.test(code) ? code : undefined;
  if (!chosen) {
    const editor = vscode.window.activeTextEditor;
    const here = editor
      ? vscode.languages.getDiagnostics(editor.document.uri).filter((d) => d.range.contains(editor.selection.active) && codeOf(d))
      : [];
    const codes = [...new Set(here.map((d) => codeOf(d)!))];
    chosen = codes.length === 1
      ? codes[0]
      : codes.length > 1
        ? await vscode.window.showQuickPick(codes, { placeHolder: 'Which diagnostic?' })
        : await vscode.window.showInputBox({ prompt: 'Diagnostic code to explain', placeHolder: 'VML1002', validateInput: (v) => (codePattern.test(v.trim()) ? undefined : 'A code such as VML1002') });
  }
  if (!chosen) return;
  await vscode.commands.executeCommand('markdown.showPreview', explainUri(chosen.trim()));
}

function codeOf(diagnostic: vscode.Diagnostic): string | undefined {
  const code = typeof diagnostic.code === 'object' ? diagnostic.code.value : diagnostic.code;
  return typeof code === 'string' && codePattern.test(code) ? code : undefined;
}
