// End-to-end: the real `vmlang lsp --stdio` process driven by vscode-languageserver-protocol.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyExamples, positionOf, read, startServer, uriOf } from './server.mjs';

describe('vmlang lsp --stdio with vscode-languageserver-protocol', () => {
  let folder;
  let server;
  let firstTouch;
  let uri;

  before(async () => {
    folder = copyExamples();
    server = await startServer(folder);
    firstTouch = read(folder, 'first_touch.vml');
    uri = uriOf(folder, 'first_touch.vml');
    await server.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'vmlang', version: 1, text: firstTouch },
    });
  });

  after(async () => {
    const code = await server.stop();
    assert.equal(code, 0, server.stderr());
  });

  test('diagnostics arrive for an error typed in, and clear when it is fixed', async () => {
    const { line, character } = positionOf(firstTouch, '{{ rep }}', 3);
    const from = server.publishedCount();
    await server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line, character }, end: { line, character: character + 3 } }, text: 'repp' }],
    });
    const broken = await server.waitForDiagnostics(uri, d => d.some(x => x.code === 'VML0103'), from);
    const error = broken.find(x => x.code === 'VML0103');
    assert.equal(error.severity, 1);
    assert.equal(error.source, 'vmlang');
    assert.deepEqual(error.range.start, { line, character });

    const fixedFrom = server.publishedCount();
    await server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 3 },
      contentChanges: [{ range: { start: { line, character }, end: { line, character: character + 4 } }, text: 'rep' }],
    });
    assert.deepEqual(await server.waitForDiagnostics(uri, d => d.length === 0, fixedFrom), []);
  });

  test('hover on a slot names its role', async () => {
    const hover = await server.connection.sendRequest('textDocument/hover', {
      textDocument: { uri }, position: positionOf(firstTouch, '{{ when }}', 4),
    });
    assert.match(hover.contents.value, /slot when : callback/);
    assert.match(hover.contents.value, /when you will call again/);
  });

  test('completion inside a hole offers the template\'s slots', async () => {
    const completion = await server.connection.sendRequest('textDocument/completion', {
      textDocument: { uri }, position: positionOf(firstTouch, '{{ rep }}', 3),
    });
    const labels = completion.items.map(i => i.label);
    for (const slot of ['prospect', 'rep', 'number', 'referrer']) assert.ok(labels.includes(slot), labels.join(','));
  });

  test('definition of a used ruleset is in the other file', async () => {
    const location = await server.connection.sendRequest('textDocument/definition', {
      textDocument: { uri }, position: positionOf(firstTouch, 'use house', 5),
    });
    assert.equal(location.uri, uriOf(folder, 'house.vml'));
    assert.deepEqual(location.range.start, { line: 1, character: 8 });
  });

  test('rename of a slot edits its declaration and every hole', async () => {
    const edit = await server.connection.sendRequest('textDocument/rename', {
      textDocument: { uri }, position: positionOf(firstTouch, 'slot referrer', 6), newName: 'friend',
    });
    assert.equal(edit.changes[uri].length, 3);
    assert.ok(edit.changes[uri].every(e => e.newText === 'friend'));
  });

  test('rename to a keyword is refused with an error', async () => {
    await assert.rejects(
      server.connection.sendRequest('textDocument/rename', {
        textDocument: { uri }, position: positionOf(firstTouch, 'slot referrer', 6), newName: 'say',
      }),
      /keyword/);
  });

  test('formatting returns the whole document in canonical layout', async () => {
    const messy = uriOf(folder, 'messy.vml');
    await server.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri: messy, languageId: 'vmlang', version: 1, text: 'ruleset r{forbid "a","b" because "c"}' },
    });
    const edits = await server.connection.sendRequest('textDocument/formatting', {
      textDocument: { uri: messy }, options: { tabSize: 2, insertSpaces: true },
    });
    assert.equal(edits.length, 1);
    assert.equal(edits[0].newText, 'ruleset r {\n  forbid "a", "b" because "c"\n}\n');
  });

  test('semantic tokens: a delta applied to the previous result gives the tokens of the edited text', async () => {
    const edited = uriOf(folder, 'tokens_delta.vml');
    const text = 'template tokens_delta for voicemail {\n  slot p : prospect\n  say """\n    Hi {{ p | first }}\n    """\n}\n';
    await server.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri: edited, languageId: 'vmlang', version: 1, text },
    });
    const first = await server.connection.sendRequest('textDocument/semanticTokens/full', { textDocument: { uri: edited } });
    const { line, character } = positionOf(text, 'p : prospect', 1);
    await server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri: edited, version: 2 },
      contentChanges: [{ range: { start: { line, character }, end: { line, character } }, text: 'x' }],
    });
    const delta = await server.connection.sendRequest('textDocument/semanticTokens/full/delta', {
      textDocument: { uri: edited }, previousResultId: first.resultId,
    });
    assert.ok(Array.isArray(delta.edits), JSON.stringify(delta));
    const data = [...first.data];
    for (const edit of [...delta.edits].reverse()) data.splice(edit.start, edit.deleteCount, ...(edit.data ?? []));
    const full = await server.connection.sendRequest('textDocument/semanticTokens/full', { textDocument: { uri: edited } });
    assert.deepEqual(data, full.data);
    assert.notEqual(delta.resultId, first.resultId);
  });

  test('the server survives malformed messages and answers the next request', async () => {
    server.child.stdin.write('Content-Length: 7\r\n\r\n{oops!}');
    server.child.stdin.write('Content-Length: nine\r\n\r\n{"jsonrpc":"2.0"}');
    server.child.stdin.write('Content-Length: 2\r\n\r\n[]');
    const hover = await server.connection.sendRequest('textDocument/hover', {
      textDocument: { uri }, position: positionOf(firstTouch, '{{ when }}', 4),
    });
    assert.match(hover.contents.value, /callback/);
    assert.match(server.stderr(), /not JSON|invalid/i);
  });

  // Issue 12, row 15: the next well-formed request used to go unanswered.
  for (const [name, bad] of [
    ['a Content-Length too long', 'Content-Length: 90\r\n\r\n{"jsonrpc":"2.0","method":"$/x"}'],
    ['a Content-Length too short', 'Content-Length: 9\r\n\r\n{"jsonrpc":"2.0","method":"$/x"}'],
    ['junk glued before the header', 'junk'],
  ]) {
    test(`after ${name}, the reader resynchronises on the next header and answers the request`, async () => {
      server.child.stdin.write(bad);
      const hover = server.connection.sendRequest('textDocument/hover', {
        textDocument: { uri }, position: positionOf(firstTouch, '{{ when }}', 4),
      });
      const timeout = new Promise((_, reject) => setTimeout(() => reject(new Error(`no answer; stderr:\n${server.stderr()}`)), 15000).unref());
      assert.match((await Promise.race([hover, timeout])).contents.value, /callback/);
    });
  }
});
