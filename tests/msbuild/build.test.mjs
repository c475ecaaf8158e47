// End to end with the real `dotnet`: packs vmlang, VmLang.Build and VmLang.CommandLine.<rid> into a
// temporary feed, builds projects that reference VmLang.Build from that feed with their own NuGet cache,
// installs the tool, and runs the CI recipes of scripts/.
// The native package is packed and tested for VMLANG_NATIVE_RID, by default this machine's RID when
// scripts/publish-aot.sh has published vmlang for it (tests/aot does, before this suite); '' skips it.
// That published binary is packed as it is (VMLANG_AOT): tests/aot checks the binary, this suite the package.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const version = /<VersionPrefix>(.*)<\/VersionPrefix>/.exec(readFileSync(path.join(root, 'Directory.Build.props'), 'utf8'))[1];
const machineRid = /^ *RID: *(\S+)/m.exec(spawnSync('dotnet', ['--info'], { encoding: 'utf8' }).stdout)?.[1] ?? '';
const nativeRid = process.env.VMLANG_NATIVE_RID ?? (existsSync(path.join(root, 'artifacts/aot', machineRid, 'vmlang')) ? machineRid : '');
const work = mkdtempSync(path.join(tmpdir(), 'vmlang-msbuild-'));
const feed = path.join(work, 'feed');
const publishedNative = path.join(root, 'artifacts/aot', nativeRid, 'vmlang');
const env = {
  ...process.env,
  NUGET_PACKAGES: path.join(work, 'nuget-packages'),
  MSBUILDDISABLENODEREUSE: '1',
  ...(nativeRid && !process.env.VMLANG_AOT && existsSync(publishedNative) ? { VMLANG_AOT: publishedNative } : {}),
};

const example = (name) => readFileSync(path.join(root, 'examples', name), 'utf8');
const goodTemplates = {
  'Templates/house.vml': example('house.vml'),
  'Templates/first_touch.vml': example('first_touch.vml'),
  'Templates/second_touch.vml': example('second_touch.vml'),
};
const broken = 'template broken for voicemail {\n  use nope\n}\n'; // VML0104 on `nope`, line 2 columns 7-11
const rushed = 'sequence rushed {\n  day 1 first_touch\n  day 2 second_touch\n}\n'; // VML0208 (warning) on line 3

function run(command, args, cwd, extraEnv = {}) {
  const result = spawnSync(command, args, { cwd, env: { ...env, ...extraEnv }, encoding: 'utf8', maxBuffer: 64 << 20 });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, output: result.stdout + result.stderr };
}

function write(dir, files) {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
}

/** Writes NAME/NAME.csproj referencing VmLang.Build (and the native package when tested), plus files. */
function project(name, { sdk = 'Microsoft.NET.Sdk', properties = '', items = '', files = {} } = {}) {
  const dir = path.join(work, name);
  const native = nativeRid && name.startsWith('native') ? `<PackageReference Include="VmLang.CommandLine.${nativeRid}" Version="${version}" />` : '';
  write(dir, {
    [`${name}.csproj`]: `<Project Sdk="${sdk}">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    ${properties}
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="VmLang.Build" Version="${version}" />
    ${native}
    ${items}
  </ItemGroup>
</Project>
`,
    ...files,
  });
  return dir;
}

const build = (dir, ...args) => run('dotnet', ['build', '-nologo', '-nodeReuse:false', ...args], dir);
const compact = (output) => output.replace(/\s+/g, ' ');

before(() => {
  const nativeArgs = nativeRid ? ['--native', nativeRid] : [];
  const packed = run('bash', [path.join(root, 'scripts/pack.sh'), '-o', feed, ...nativeArgs], root);
  assert.equal(packed.status, 0, packed.output);
  // The feed first, then the machine's usual sources (Microsoft.Build.NoTargets comes from there).
  write(work, {
    'nuget.config': `<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <add key="vmlang-test-feed" value="${feed}" />
  </packageSources>
</configuration>
`,
  });
});

after(() => rmSync(work, { recursive: true, force: true }));

describe('VmLang.Build in a class library', () => {
  let dir;
  const stamp = () => path.join(dir, 'obj/Debug/net10.0/vmlang.stamp');

  test('good templates build, and the check ran', () => {
    dir = project('lib', { files: { ...goodTemplates, 'Service.cs': 'public static class Service { }\n' } });
    const result = build(dir, '-v:n');
    assert.equal(result.status, 0, result.output);
    assert.match(result.output, /vmlang\.dll" @".*vmlang\.rsp"/);
    assert.ok(existsSync(stamp()));
    assert.ok(existsSync(path.join(dir, 'bin/Debug/net10.0/lib.dll')));
  });

  test('a second build with nothing changed skips the check; a changed template runs it again', () => {
    const again = build(dir, '--no-restore', '-v:d');
    assert.equal(again.status, 0, again.output);
    assert.match(again.output, /Skipping target "VmLangCheck" because all output files are up-to-date/);
    const future = new Date(Date.now() + 5000);
    utimesSync(path.join(dir, 'Templates/house.vml'), future, future);
    const changed = build(dir, '--no-restore', '-v:d');
    assert.equal(changed.status, 0, changed.output);
    assert.doesNotMatch(changed.output, /Skipping target "VmLangCheck"/);
    assert.match(changed.output, /Building target "VmLangCheck" completely/);
  });

  test('a bad template fails the build with file(line,col,endLine,endCol): error VML0104, and leaves no stamp', () => {
    write(dir, { 'Templates/broken.vml': broken });
    const result = build(dir, '--no-restore');
    assert.equal(result.status, 1, result.output);
    assert.match(result.output, /Templates\/broken\.vml\(2,7,2,11\): error VML0104: There is no ruleset named 'nope'/);
    assert.match(compact(result.output), /lib\.csproj : error : The templates have errors \(listed above\)\. 'vmlang explain CODE'/);
    assert.ok(!existsSync(stamp()), 'the next build checks again');
  });
});

/**
 * One `dotnet build` of many small projects (a .slnx), each with one setting, so that MSBuild starts once:
 * each project's errors and warnings carry its project file, `[…/NAME/NAME.csproj]`.
 */
describe('warning settings, item overrides and templates-only projects (Microsoft.Build.NoTargets)', () => {
  const noTargets = 'Microsoft.Build.NoTargets/3.7.0';
  const withRushed = { ...goodTemplates, 'Templates/rushed.vml': rushed };
  const withBroken = { ...goodTemplates, 'Templates/broken.vml': broken };
  const projects = {
    plain: { files: withRushed },
    twae: { properties: '<TreatWarningsAsErrors>true</TreatWarningsAsErrors>', files: withRushed },
    notaserrors: { properties: '<TreatWarningsAsErrors>true</TreatWarningsAsErrors><WarningsNotAsErrors>CS0168;VML0208</WarningsNotAsErrors>', files: withRushed },
    nowarn: { properties: '<TreatWarningsAsErrors>true</TreatWarningsAsErrors><NoWarn>$(NoWarn);VML0208</NoWarn>', files: withRushed },
    aserrors: { properties: '<WarningsAsErrors>VML0208</WarningsAsErrors>', files: withRushed },
    good: { files: goodTemplates },
    broken: { files: withBroken },
    skipped: { properties: '<VmLangCheck>false</VmLangCheck>', files: withBroken },
    removed: { items: '<VmLangTemplate Remove="Templates/broken.vml" />', files: withBroken },
    inobj: { files: { ...goodTemplates, 'obj/drafts/broken.vml': broken } },
  };
  const lines = {};
  let overall;

  before(() => {
    for (const [name, options] of Object.entries(projects)) project(name, { sdk: noTargets, ...options });
    write(work, { 'all.slnx': `<Solution>\n${Object.keys(projects).map((n) => `  <Project Path="${n}/${n}.csproj" />`).join('\n')}\n</Solution>\n` });
    overall = build(work, 'all.slnx', '-m');
    for (const name of Object.keys(projects)) {
      lines[name] = overall.stdout.split('\n').filter((l) => l.includes(`/${name}/${name}.csproj]`) && / (error|warning) /.test(l));
    }
  });

  const verdict = (name, code) => {
    const of = (severity) => lines[name].some((l) => l.includes(`: ${severity} ${code}: `));
    return of('error') ? 'error' : of('warning') ? 'warning' : 'none';
  };

  test('the build fails, and only the projects with an error fail', () => {
    assert.equal(overall.status, 1, overall.output);
    const failed = Object.keys(projects).filter((name) => lines[name].some((l) => / error /.test(l)));
    assert.deepEqual(failed.sort(), ['aserrors', 'broken', 'twae']);
  });

  test('a warning is a warning; TreatWarningsAsErrors makes it an error, and leaves no stamp', () => {
    assert.equal(verdict('plain', 'VML0208'), 'warning');
    assert.match(lines.plain.join('\n'), /Templates\/rushed\.vml\(3,7,3,8\): warning VML0208: /);
    assert.equal(verdict('twae', 'VML0208'), 'error');
    assert.ok(existsSync(path.join(work, 'plain/obj/Debug/net10.0/vmlang.stamp')));
    assert.ok(!existsSync(path.join(work, 'twae/obj/Debug/net10.0/vmlang.stamp')));
  });

  test('WarningsNotAsErrors and NoWarn exempt a VML code from TreatWarningsAsErrors; WarningsAsErrors names one', () => {
    assert.equal(verdict('notaserrors', 'VML0208'), 'warning');
    assert.equal(verdict('nowarn', 'VML0208'), 'none');
    assert.equal(verdict('aserrors', 'VML0208'), 'error');
  });

  test('a templates-only project checks its templates and makes no assembly', () => {
    assert.equal(verdict('broken', 'VML0104'), 'error');
    assert.match(lines.broken.join('\n'), /Templates\/broken\.vml\(2,7,2,11\): error VML0104: /);
    assert.deepEqual(lines.good, []);
    assert.ok(existsSync(path.join(work, 'good/obj/Debug/net10.0/vmlang.stamp')));
    assert.ok(!existsSync(path.join(work, 'good/bin/Debug/net10.0/good.dll')));
  });

  test('VmLangCheck=false, a removed VmLangTemplate item and obj/ keep a bad template out of the check', () => {
    assert.deepEqual(lines.skipped, []);
    assert.deepEqual(lines.removed, []);
    assert.deepEqual(lines.inobj, []);
    assert.ok(existsSync(path.join(work, 'removed/obj/Debug/net10.0/vmlang.stamp')));
  });
});

test('examples/dotnet-service builds from the feed, with its templates copied beside the assembly', () => {
  const dir = path.join(work, 'dotnet-service');
  cpSync(path.join(root, 'examples/dotnet-service'), dir, {
    recursive: true,
    filter: (source) => !/[\\/](bin|obj)$/.test(source) && !source.endsWith('nuget.config'),
  });
  const result = build(dir);
  assert.equal(result.status, 0, result.output);
  assert.ok(existsSync(path.join(dir, 'obj/Debug/net10.0/vmlang.stamp')));
  assert.ok(existsSync(path.join(dir, 'bin/Debug/net10.0/Voicemails/renewal_notice.vml')));
});

describe('native vmlang from VmLang.CommandLine.<rid>', { skip: nativeRid ? false : 'no native vmlang: run scripts/publish-aot.sh, or set VMLANG_NATIVE_RID' }, () => {
  test('the build runs the native vmlang instead of vmlang.dll, with the same results', () => {
    const dir = project('native', { files: { ...goodTemplates } });
    const good = build(dir, '-v:n');
    assert.equal(good.status, 0, good.output);
    assert.match(good.output, new RegExp(`vmlang\\.commandline\\.${nativeRid}/${version.replace(/\./g, '\\.')}/tools/vmlang" @`, 'i'));
    assert.doesNotMatch(good.output, /vmlang\.dll" @/);
    write(dir, { 'Templates/broken.vml': broken });
    const bad = build(dir);
    assert.equal(bad.status, 1, bad.output);
    assert.match(bad.output, /Templates\/broken\.vml\(2,7,2,11\): error VML0104: /);
  });
});

describe('vmlang as a .NET tool, and the CI recipes', () => {
  const toolPath = path.join(work, 'tools');
  const repo = path.join(work, 'repo');
  // Local tools are found through a resolver cache under DOTNET_CLI_HOME; a shared one may point at the
  // NuGet cache of an earlier run.
  const cliHome = { DOTNET_CLI_HOME: path.join(work, 'cli-home') };

  test('installs into a tool path from the feed and checks a workspace', () => {
    const install = run('dotnet', ['tool', 'install', '--tool-path', toolPath, '--add-source', feed, 'vmlang', '--version', version], work);
    assert.equal(install.status, 0, install.output);
    write(path.join(work, 'workspace'), { ...goodTemplates, 'broken.vml': broken });
    const check = run(path.join(toolPath, 'vmlang'), ['check'], path.join(work, 'workspace'));
    assert.equal(check.status, 1, check.output);
    assert.match(check.stdout, /^broken\.vml\(2,7\): error VML0104: /m);
  });

  test('a local tool manifest installs it, and `dotnet tool restore` restores it elsewhere', () => {
    const origin = path.join(work, 'origin');
    mkdirSync(origin);
    assert.equal(run('dotnet', ['new', 'tool-manifest'], origin, cliHome).status, 0);
    const install = run('dotnet', ['tool', 'install', '--local', '--add-source', feed, 'vmlang', '--version', version], origin, cliHome);
    assert.equal(install.status, 0, install.output);
    // `dotnet new tool-manifest` writes dotnet-tools.json (.NET 10) or .config/dotnet-tools.json (earlier SDKs).
    const manifest = ['dotnet-tools.json', '.config/dotnet-tools.json'].find((name) => existsSync(path.join(origin, name)));
    write(repo, { [manifest]: readFileSync(path.join(origin, manifest), 'utf8'), ...goodTemplates });
    const restore = run('dotnet', ['tool', 'restore'], repo, cliHome);
    assert.equal(restore.status, 0, restore.output);
    const check = run('dotnet', ['vmlang', 'check'], repo, cliHome);
    assert.equal(check.status, 0, check.output);
    assert.match(check.stderr, /0 errors, 0 warnings, 0 infos in 3 files\./);
  });

  test('the GitHub Actions recipe annotates the error and writes SARIF for upload (scripts/ci/github-actions.yml)', () => {
    const workflow = readFileSync(path.join(root, 'scripts/ci/github-actions.yml'), 'utf8');
    const steps = [...workflow.matchAll(/^\s+(?:- )?run: (.*)$/gm)].map((m) => m[1]);
    assert.deepEqual(steps.map((s) => s.split(' --format ')[0]), ['dotnet tool restore', 'dotnet vmlang check', 'dotnet vmlang check']);
    write(repo, { 'Templates/broken.vml': broken });
    // GitHub runs each `run:` with `bash -e -o pipefail`; the later steps are `if: always()`.
    const results = steps.map((step) => run('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step], repo, cliHome));
    assert.equal(results[0].status, 0, results[0].output);
    assert.equal(results[1].status, 1, results[1].output);
    assert.match(results[1].stdout, /^::error file=Templates\/broken\.vml,line=2,col=7,endLine=2,endColumn=11,title=VML0104::There is no ruleset named 'nope'/m);
    assert.equal(results[2].status, 0, results[2].output);
    const sarifFile = /sarif_file: (\S+)/.exec(workflow)[1];
    const sarif = JSON.parse(readFileSync(path.join(repo, sarifFile), 'utf8'));
    assert.equal(sarif.version, '2.1.0');
    const result = sarif.runs[0].results.find((r) => r.ruleId === 'VML0104');
    assert.equal(result.locations[0].physicalLocation.artifactLocation.uri, 'Templates/broken.vml');
  });

  test('the pre-commit hook checks only the staged templates, as staged (scripts/git-hooks/pre-commit)', () => {
    const hooked = path.join(work, 'hooked');
    write(hooked, goodTemplates);
    const git = (...args) => run('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], hooked, { VMLANG: path.join(toolPath, 'vmlang') });
    assert.equal(git('init', '-q').status, 0);
    cpSync(path.join(root, 'scripts/git-hooks/pre-commit'), path.join(hooked, '.git/hooks/pre-commit'));
    git('add', '.');
    const first = git('commit', '-qm', 'good templates');
    assert.equal(first.status, 0, first.output);

    // An untracked bad template does not stop a commit of a good one that uses a ruleset from another file.
    write(hooked, { 'Templates/broken.vml': broken, 'Templates/first_touch.vml': example('first_touch.vml') + '// edited\n' });
    git('add', 'Templates/first_touch.vml');
    const unrelated = git('commit', '-qm', 'edit first_touch');
    assert.equal(unrelated.status, 0, unrelated.output);

    write(hooked, { 'Templates/second_touch.vml': example('second_touch.vml') + '// edited\n' });
    git('add', 'Templates/second_touch.vml', 'Templates/broken.vml');
    const stopped = git('commit', '-qm', 'broken');
    assert.equal(stopped.status, 1, stopped.output);
    assert.match(stopped.stderr, /^Templates\/broken\.vml\(2,7\): error VML0104: /m);

    // Fixed in the working tree but not staged: the staged text is still what would be committed.
    write(hooked, { 'Templates/broken.vml': '// fixed later\n' });
    assert.equal(git('commit', '-qm', 'broken').status, 1);
    git('add', 'Templates/broken.vml');
    const fixed = git('commit', '-qm', 'fixed');
    assert.equal(fixed.status, 0, fixed.output);
  });
});
