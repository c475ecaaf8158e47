// Owns the language client: starts, stops and restarts it one operation at a time, disposes what each
// start created (the client and its file watcher), shows the server state in the status bar, and shows
// exactly one error message per failure.
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  LanguageClient,
  type LanguageClientOptions,
  type Middleware,
  type ServerOptions,
  State,
  TransportKind,
} from 'vscode-languageclient/node';
import { locateServer, type ServerLaunch } from './serverLocation';

/** The language client, with its own notifications turned off: the controller reports failures itself, once. */
class VmLangClient extends LanguageClient {
  override error(message: string, data?: unknown, _showNotification?: boolean | 'force'): void {
    super.error(message, data, false);
  }
}

const restartWindowMs = 3 * 60 * 1000;
const maximumRestarts = 3;

export class ServerController implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private watcher: vscode.FileSystemWatcher | undefined;
  private launch: ServerLaunch | undefined;
  private queue: Promise<void> = Promise.resolve();
  private crashes: number[] = [];
  private readonly status: vscode.StatusBarItem;
  private readonly changed = new vscode.EventEmitter<LanguageClient | undefined>();

  /** Fires with the running client after a start, and with undefined after a stop. */
  readonly onDidChangeClient = this.changed.event;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly output: vscode.LogOutputChannel,
    private readonly middleware: Middleware,
  ) {
    this.status = vscode.window.createStatusBarItem('vmlang.server', vscode.StatusBarAlignment.Left, 0);
    this.status.name = 'VmLang Language Server';
    this.setStatus('stopped');
    this.status.show();
  }

  /** The running client, if any. */
  get running(): LanguageClient | undefined {
    return this.client?.state === State.Running ? this.client : undefined;
  }

  start(): Promise<void> {
    return this.enqueue(() => this.startNow());
  }

  stop(): Promise<void> {
    return this.enqueue(() => this.stopNow());
  }

  restart(): Promise<void> {
    return this.enqueue(async () => {
      await this.stopNow();
      this.crashes = [];
      await this.startNow();
    });
  }

  async dispose(): Promise<void> {
    await this.stop();
    this.status.dispose();
    this.changed.dispose();
  }

  /** Runs operations one after another, whatever the previous one did. */
  private enqueue(operation: () => Promise<void>): Promise<void> {
    const next = this.queue.then(operation, operation);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async startNow(): Promise<void> {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
    const configured = vscode.workspace.getConfiguration('vmlang').get<string>('server.path');
    const launch = locateServer(configured, this.context.extensionPath, folder);
    this.launch = launch;
    if (launch.problem) {
      this.fail(`no language server could be started: ${launch.problem}.`);
      return;
    }

    this.setStatus('starting');
    this.watcher = vscode.workspace.createFileSystemWatcher('**/{*.vml,vmlang.json}');
    const executable = { command: launch.command, args: launch.args, transport: TransportKind.stdio, options: { cwd: folder } };
    const serverOptions: ServerOptions = { run: executable, debug: executable };
    const logLines = (input: Readable, channel: vscode.LogOutputChannel) => {
      createInterface({ input, crlfDelay: Infinity, terminal: false }).on('line', (line) => channel.info(line));
    };
    const clientOptions: LanguageClientOptions = {
      documentSelector: [{ scheme: 'file', language: 'vmlang' }, { scheme: 'untitled', language: 'vmlang' }],
      synchronize: { fileEvents: this.watcher },
      outputChannel: this.output,
      traceOutputChannel: this.output,
      // The server's stderr is its log, not errors.
      stdioOptions: { stdout: logLines, stderr: logLines },
      middleware: this.middleware,
      errorHandler: {
        error: () => ({ action: ErrorAction.Continue, handled: true }),
        closed: () => this.closed(),
      },
    };

    const client = new VmLangClient('vmlang', 'VmLang Language Server', serverOptions, clientOptions);
    this.client = client;
    client.onDidChangeState((event) => {
      if (client !== this.client) return;
      if (event.newState === State.Running) this.setStatus('running');
      else if (event.newState === State.Starting) this.setStatus('starting');
    });
    this.output.info(`starting (${launch.source}): ${launch.command} ${[...launch.args, '--stdio'].join(' ')}`);
    try {
      await client.start();
      this.changed.fire(client);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await this.disposeClient();
      this.fail(`the language server (${launch.command}) did not start: ${message}`);
    }
  }

  private async stopNow(): Promise<void> {
    const hadClient = this.client !== undefined;
    await this.disposeClient();
    this.setStatus('stopped');
    if (hadClient) this.changed.fire(undefined);
  }

  private async disposeClient(): Promise<void> {
    const client = this.client;
    const watcher = this.watcher;
    this.client = undefined;
    this.watcher = undefined;
    try {
      if (client) await client.dispose(2000);
    } catch (error) {
      this.output.warn(`stopping the language server: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      // The client disposes only the watcher's listeners, not the watcher.
      watcher?.dispose();
    }
  }

  /** The server exited on its own: restart it a few times, then report it once. */
  private closed() {
    const now = Date.now();
    this.crashes = [...this.crashes.filter((at) => now - at < restartWindowMs), now];
    if (this.crashes.length <= maximumRestarts) {
      this.output.warn('the language server exited; restarting it');
      return { action: CloseAction.Restart, handled: true };
    }
    this.fail(`the language server exited ${this.crashes.length} times in 3 minutes and was not restarted; see the VmLang output.`);
    return { action: CloseAction.DoNotRestart, handled: true };
  }

  private fail(message: string): void {
    this.setStatus('failed', message);
    this.output.error(message);
    const openSetting = 'Open Setting';
    const showLog = 'Show Log';
    void vscode.window.showErrorMessage(`VmLang: ${message} Set "vmlang.server.path" to a vmlang executable or vmlang.dll.`, openSetting, showLog).then((choice) => {
      if (choice === openSetting) void openServerPathSetting();
      if (choice === showLog) this.output.show(true);
    });
  }

  private setStatus(state: 'starting' | 'running' | 'stopped' | 'failed', detail?: string): void {
    const launch = this.launch;
    const where = launch ? `${launch.command} (${launch.source === 'setting' ? 'vmlang.server.path' : launch.source === 'bundled' ? 'bundled with the extension' : 'found on PATH'})` : '';
    const texts = {
      starting: ['$(sync~spin) VmLang', `Starting ${where}`],
      running: ['$(check) VmLang', `Running ${where}`],
      stopped: ['$(circle-slash) VmLang', 'Not running'],
      failed: ['$(error) VmLang', detail ?? 'Failed'],
    } as const;
    const [text, tooltip] = texts[state];
    this.status.text = text;
    this.status.tooltip = `VmLang language server: ${tooltip}. Click for the log.`;
    this.status.command = state === 'failed' ? 'vmlang.openServerPathSetting' : 'vmlang.showOutput';
    this.status.backgroundColor = state === 'failed' ? new vscode.ThemeColor('statusBarItem.errorBackground') : undefined;
  }
}

/**
 * Opens `vmlang.server.path` where it takes effect: in a remote window (code-server, SSH, WSL,
 * Codespaces) the machine-overridable setting is read from the Remote settings, and the User tab
 * does not even list it.
 */
export async function openServerPathSetting(): Promise<void> {
  if (vscode.env.remoteName) {
    await vscode.commands.executeCommand('workbench.action.openRemoteSettings', { query: 'vmlang.server.path' });
  } else {
    await vscode.commands.executeCommand('workbench.action.openSettings', 'vmlang.server.path');
  }
}
