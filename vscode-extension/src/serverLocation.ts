// Where the language server comes from: the `vmlang.server.path` setting if set, else the `vmlang`
// binary bundled in a platform .vsix, else `vmlang` on PATH. Everything is checked before starting,
// so a missing server is one clear message instead of a spawn error.
import * as fs from 'node:fs';
import * as path from 'node:path';

export type ServerSource = 'setting' | 'bundled' | 'PATH';

export interface ServerLaunch {
  /** What runs (an absolute path when it was found). */
  command: string;
  /** Arguments before the `--stdio` that the client appends. */
  args: string[];
  source: ServerSource;
  /** Why it cannot start, when it cannot. */
  problem?: string;
}

const executableName = process.platform === 'win32' ? 'vmlang.exe' : 'vmlang';

/** The binary a platform .vsix carries: `server/<platform>-<arch>/vmlang`. */
export function bundledServerPath(extensionPath: string): string {
  return path.join(extensionPath, 'server', `${process.platform}-${process.arch}`, executableName);
}

/** Resolves a configured path: `~/` is the home folder; a relative path with a separator is taken from the workspace folder. */
export function resolveConfiguredPath(raw: string, workspaceFolder: string | undefined, home = process.env.HOME): string {
  let value = raw.trim();
  if (value.startsWith('~/') && home) value = path.join(home, value.slice(2));
  if (workspaceFolder && !path.isAbsolute(value) && /[\\/]/.test(value)) value = path.join(workspaceFolder, value);
  return value;
}

/** An executable file found by name on PATH (with PATHEXT on Windows), or undefined. */
export function findOnPath(name: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const extensions = process.platform === 'win32' ? ['', ...(env.PATHEXT ?? '.EXE;.CMD;.BAT').split(';')] : [''];
  for (const folder of (env.PATH ?? '').split(path.delimiter)) {
    if (!folder) continue;
    for (const extension of extensions) {
      const candidate = path.join(folder, name + extension);
      if (isExecutableFile(candidate)) return candidate;
    }
  }
  return undefined;
}

function isExecutableFile(file: string): boolean {
  try {
    if (!fs.statSync(file).isFile()) return false;
    fs.accessSync(file, fs.constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** A path or a bare name (looked up on PATH); a `.dll` runs with `dotnet`. */
function launchFor(target: string, source: ServerSource): ServerLaunch {
  if (target.toLowerCase().endsWith('.dll')) {
    const dotnet = findOnPath('dotnet');
    if (!fs.existsSync(target)) return { command: 'dotnet', args: [target, 'lsp'], source, problem: `${target} does not exist` };
    if (!dotnet) return { command: 'dotnet', args: [target, 'lsp'], source, problem: `"dotnet" is not on PATH, and ${path.basename(target)} needs it` };
    return { command: dotnet, args: [target, 'lsp'], source };
  }
  const isBareName = !/[\\/]/.test(target);
  const found = isBareName ? findOnPath(target) : isExecutableFile(target) ? target : undefined;
  if (found) return { command: found, args: ['lsp'], source };
  const problem = isBareName
    ? `"${target}" is not on PATH`
    : fs.existsSync(target) ? `${target} is not executable` : `${target} does not exist`;
  return { command: target, args: ['lsp'], source, problem };
}

/** Picks the server in the documented order; `problem` says why it cannot start. */
export function locateServer(configured: string | undefined, extensionPath: string, workspaceFolder: string | undefined): ServerLaunch {
  if (configured?.trim()) return launchFor(resolveConfiguredPath(configured, workspaceFolder), 'setting');
  const bundled = bundledServerPath(extensionPath);
  if (fs.existsSync(bundled)) {
    // A .vsix is a zip: make sure the bundled binary kept its executable bit.
    if (!isExecutableFile(bundled)) {
      try {
        fs.chmodSync(bundled, 0o755);
      } catch {
        // launchFor reports it as not executable.
      }
    }
    return launchFor(bundled, 'bundled');
  }
  const onPath = launchFor('vmlang', 'PATH');
  return onPath.problem ? { ...onPath, problem: `this .vsix has no bundled server for ${process.platform}-${process.arch}, and "vmlang" is not on PATH` } : onPath;
}
