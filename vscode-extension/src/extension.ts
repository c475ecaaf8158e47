// VmLang for VS Code: starts `vmlang lsp --stdio` (or `dotnet vmlang.dll lsp --stdio`) as a language
// client. Syntax highlighting comes from the TextMate grammar declared in package.json.
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  LanguageClient,
  type LanguageClientOptions,
  type ServerOptions,
  TransportKind,
} from 'vscode-languageclient/node';

let client: LanguageClient | undefined;
let outputChannel: vscode.LogOutputChannel | undefined;

/** How to run the server for a configured `vmlang.server.path` (exported for reasoning, not API). */
export function serverCommand(configured: string | undefined): { command: string; args: string[] } {
  const serverPath = configured?.trim() || 'vmlang';
  // TransportKind.stdio appends `--stdio`, which `vmlang lsp` accepts.
  if (serverPath.toLowerCase().endsWith('.dll')) {
    return { command: 'dotnet', args: [serverPath, 'lsp'] };
  }
  return { command: serverPath, args: ['lsp'] };
}

function resolveConfiguredPath(raw: string | undefined): string | undefined {
  if (!raw) return raw;
  let value = raw.trim();
  if (value.startsWith('~/') && process.env.HOME) value = path.join(process.env.HOME, value.slice(2));
  // A relative path with a separator is taken from the first workspace folder; a bare name uses PATH.
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (folder && !path.isAbsolute(value) && /[\\/]/.test(value)) value = path.join(folder.uri.fsPath, value);
  return value;
}

async function startClient(): Promise<void> {
  const configured = resolveConfiguredPath(vscode.workspace.getConfiguration('vmlang').get<string>('server.path'));
  const { command, args } = serverCommand(configured);
  const cwd = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;

  const serverOptions: ServerOptions = {
    run: { command, args, transport: TransportKind.stdio, options: { cwd } },
    debug: { command, args, transport: TransportKind.stdio, options: { cwd } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ scheme: 'file', language: 'vmlang' }, { scheme: 'untitled', language: 'vmlang' }],
    synchronize: {
      fileEvents: vscode.workspace.createFileSystemWatcher('**/{*.vml,vmlang.json}'),
    },
    outputChannel,
    traceOutputChannel: outputChannel,
  };

  client = new LanguageClient('vmlang', 'VmLang Language Server', serverOptions, clientOptions);
  outputChannel?.info(`starting: ${command} ${[...args, '--stdio'].join(' ')}`);
  try {
    await client.start();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    outputChannel?.error(`could not start the VmLang language server: ${message}`);
    void vscode.window
      .showErrorMessage(
        `VmLang: could not start the language server (${command}). Set "vmlang.server.path" to a vmlang executable or vmlang.dll.`,
        'Open Settings',
      )
      .then((choice) => {
        if (choice) void vscode.commands.executeCommand('workbench.action.openSettings', 'vmlang.server.path');
      });
  }
}

async function stopClient(): Promise<void> {
  const running = client;
  client = undefined;
  if (running) await running.stop().catch(() => undefined);
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  // vscode-languageclient 11 writes through the LogOutputChannel API: the channel must be a log channel.
  outputChannel = vscode.window.createOutputChannel('VmLang', { log: true });
  context.subscriptions.push(outputChannel);

  context.subscriptions.push(
    vscode.commands.registerCommand('vmlang.restartServer', async () => {
      await stopClient();
      await startClient();
    }),
    vscode.workspace.onDidChangeConfiguration(async (event) => {
      if (event.affectsConfiguration('vmlang.server.path')) {
        await stopClient();
        await startClient();
      }
    }),
  );

  await startClient();
}

export async function deactivate(): Promise<void> {
  await stopClient();
}
