// Runs the VS Code extension's client against the real `sandtable lsp`, with a stand-in for VS Code's API (no
// editor is installed where the tests run): the extension starts the server, opens an exercise with a misspelt
// role, and each provider it registered is called as VS Code would call it.
//
// Usage: node editors/vscode/test/extension-test.js SANDTABLE_BINARY EXERCISE.ttx
"use strict";

const assert = require("assert");
const fs = require("fs");
const Module = require("module");
const path = require("path");

const [binary, exercise] = process.argv.slice(2);
const text = fs.readFileSync(exercise, "utf8");

class Position { constructor(line, character) { this.line = line; this.character = character; } }
class Range { constructor(start, end) { this.start = start; this.end = end; } }
class Location { constructor(uri, range) { this.uri = uri; this.range = range; } }
const Uri = { parse: (s) => ({ toString: () => s, fsPath: decodeURIComponent(s.replace(/^file:\/\//, "")) }) };
class Diagnostic { constructor(range, message, severity) { Object.assign(this, { range, message, severity }); } }
class DiagnosticRelatedInformation { constructor(location, message) { Object.assign(this, { location, message }); } }
class WorkspaceEdit {
  constructor() { this.edits = []; }
  replace(uri, range, newText) { this.edits.push({ uri: uri.toString(), range, newText }); }
}
class CompletionItem { constructor(label, kind) { Object.assign(this, { label, kind }); } }
class MarkdownString { constructor(value) { this.value = value; } }
class Hover { constructor(contents, range) { Object.assign(this, { contents, range }); } }
class DocumentSymbol {
  constructor(name, detail, kind, range, selectionRange) { Object.assign(this, { name, detail, kind, range, selectionRange }); }
}
class FoldingRange { constructor(start, end, kind) { Object.assign(this, { start, end, kind }); } }
class CodeAction { constructor(title, kind) { Object.assign(this, { title, kind }); } }
class CodeLens { constructor(range, command) { Object.assign(this, { range, command }); } }
class SemanticTokens { constructor(data) { this.data = data; } }
class SemanticTokensLegend { constructor(tokenTypes, tokenModifiers) { Object.assign(this, { tokenTypes, tokenModifiers }); } }

const providers = {};
const published = new Map();
const log = [];
const uri = "file://" + encodeURI(path.resolve(exercise));
const document = { uri: Uri.parse(uri), languageId: "ttx", version: 1, getText: () => text };
const register = (name) => (selector, provider, ...rest) => {
  providers[name] = { provider, rest };
  return { dispose() {} };
};
const vscode = {
  Position, Range, Location, Uri, Diagnostic, DiagnosticRelatedInformation, WorkspaceEdit, CompletionItem,
  MarkdownString, Hover, DocumentSymbol, FoldingRange, CodeAction, CodeLens, SemanticTokens, SemanticTokensLegend,
  FoldingRangeKind: { Comment: 1 },
  CodeActionKind: { QuickFix: "quickfix" },
  env: { language: "en" },
  window: { createOutputChannel: () => ({ appendLine: (line) => log.push(line), dispose() {} }) },
  workspace: {
    getConfiguration: () => ({
      get: (key, fallback) => ({ path: binary, coverageRuns: 50 })[key] ?? fallback,
    }),
    textDocuments: [document],
    workspaceFolders: undefined,
    onDidOpenTextDocument: () => ({ dispose() {} }),
    onDidChangeTextDocument: (listener) => { vscode.changed = listener; return { dispose() {} }; },
    onDidCloseTextDocument: () => ({ dispose() {} }),
  },
  languages: {
    createDiagnosticCollection: () => ({ set: (u, list) => published.set(u.toString(), list), dispose() {} }),
    registerCompletionItemProvider: register("completion"),
    registerHoverProvider: register("hover"),
    registerDefinitionProvider: register("definition"),
    registerReferenceProvider: register("references"),
    registerRenameProvider: register("rename"),
    registerDocumentSymbolProvider: register("symbols"),
    registerFoldingRangeProvider: register("folding"),
    registerCodeActionsProvider: register("codeActions"),
    registerCodeLensProvider: register("codeLens"),
    registerDocumentSemanticTokensProvider: register("semanticTokens"),
  },
};

const load = Module._load;
Module._load = function (request, ...rest) {
  return request === "vscode" ? vscode : load.call(this, request, ...rest);
};
const extension = require(path.join(__dirname, "..", "extension.js"));

const token = { onCancellationRequested() {} };
const lines = text.split("\n");
const find = (needle, offset = 0) => {
  const line = lines.findIndex((l) => l.includes(needle));
  assert.ok(line >= 0, needle);
  return new Position(line, lines[line].indexOf(needle) + offset);
};
const until = async (what, check) => {
  for (let i = 0; i < 400; i++) {
    const value = check();
    if (value) return value;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}; server log: ${log.join("\n")}`);
};

(async () => {
  const context = { subscriptions: [] };
  extension.activate(context);
  const diagnostics = await until("diagnostics", () => published.get(uri));
  const unknown = diagnostics.find((d) => d.code === "E0201");
  assert.ok(unknown, JSON.stringify(diagnostics));
  assert.strictEqual(unknown.severity, 0);  // VS Code's Error
  assert.match(unknown.message, /jiedoa/);

  const owner = find("  owner jiedoa", 8);
  const items = await providers.completion.provider.provideCompletionItems(document, owner, token);
  assert.ok(["jiedao", "jiaotong", "yingji"].every((id) => items.some((i) => i.label === id)), JSON.stringify(items));
  assert.deepStrictEqual(providers.completion.rest, [" ", "(", ","]);

  const actions = await providers.codeActions.provider.provideCodeActions(
    document, new Range(owner, owner), { diagnostics: [unknown] }, token);
  assert.strictEqual(actions[0].edit.edits[0].newText, "jiedao");
  assert.deepStrictEqual(actions[0].diagnostics, [unknown]);

  const item = find("info student_routes", 6);
  const hover = await providers.hover.provider.provideHover(document, item, token);
  assert.match(hover.contents.value, /student_routes/);

  const goto = find("goto ", 6);
  const definition = await providers.definition.provider.provideDefinition(document, goto, token);
  assert.strictEqual(definition.uri.toString(), uri);
  assert.match(lines[definition.range.start.line], /^scene /);

  const edit = await providers.rename.provider.provideRenameEdits(document, item, "routes", token);
  assert.ok(edit.edits.length >= 2 && edit.edits.every((e) => e.newText === "routes"));

  const symbols = await providers.symbols.provider.provideDocumentSymbols(document, token);
  assert.ok(symbols.some((s) => s.name === "student_routes"));
  const folds = await providers.folding.provider.provideFoldingRanges(document, {}, token);
  assert.ok(folds.length > 10);

  // Typing the fix in both places: the errors go, and the exercise can be simulated for the lenses.
  const fixes = lines.flatMap((l, n) => (l === "  owner jiedoa" ? [new Range(new Position(n, 8), new Position(n, 14))] : []));
  assert.strictEqual(fixes.length, 2);
  published.delete(uri);
  vscode.changed({
    document: { ...document, version: 2 },
    contentChanges: fixes.reverse().map((range) => ({ range, text: "jiedao" })),
  });
  const fixed = await until("diagnostics after the fix", () => published.get(uri));
  assert.ok(fixed.every((d) => d.severity !== 0), JSON.stringify(fixed));
  const lenses = await providers.codeLens.provider.provideCodeLenses(document, token);
  assert.ok(lenses.length > 0 && lenses.every((l) => / of 50 runs$/.test(l.command.title)), JSON.stringify(lenses));

  await until("the semantic tokens provider", () => providers.semanticTokens);
  const tokens = await providers.semanticTokens.provider.provideDocumentSemanticTokens(document, token);
  assert.ok(tokens.data.length > 100 && tokens.data.length % 5 === 0);

  await extension.deactivate();
  console.log("extension test: 1 passed, 0 failed");
  process.exit(0);
})().catch((error) => {
  console.error(error);
  process.exit(1);
});
