// Typing `{{` in a .vml file auto-closes it with ` }}` (language-configuration.json), but VS Code puts
// the caret right after `{{`, so typing a name gives `{{rep }}`. This puts the caret between two
// spaces instead, so typing gives `{{ rep }}`, the way the formatter writes holes.
import * as vscode from 'vscode';

/** True when `{{` was just typed before the caret and auto-closed (`{{| }}` or `{{|}}`), not inside `{{{`. */
export function caretInsideNewHole(lineText: string, caret: number): boolean {
  return lineText.slice(caret - 2, caret) === '{{' && /^ ?\}\}/.test(lineText.slice(caret)) && lineText.slice(caret - 3, caret - 2) !== '{';
}

export function braceSpacing(): vscode.Disposable {
  return vscode.workspace.onDidChangeTextDocument((event) => {
    if (event.document.languageId !== 'vmlang' || event.reason !== undefined) return; // not on undo/redo
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.document !== event.document || event.contentChanges.length !== 1) return;
    const change = event.contentChanges[0];
    if (!change.text.startsWith('{') || change.text.includes('\n')) return;
    const line = change.range.start.line;
    const caret = change.range.start.character + 1;
    const text = event.document.lineAt(line).text;
    if (!caretInsideNewHole(text, caret)) return;
    const closing = /^ ?/.exec(text.slice(caret))![0].length;
    void editor
      .edit((edit) => edit.replace(new vscode.Range(line, caret, line, caret + closing), '  '), { undoStopBefore: false, undoStopAfter: false })
      .then((applied) => {
        if (!applied) return;
        editor.selection = new vscode.Selection(line, caret + 1, line, caret + 1);
        // The edit closed the list that typing `{` opened: open it again where the name goes.
        void vscode.commands.executeCommand('editor.action.triggerSuggest');
      });
  });
}
