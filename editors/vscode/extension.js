// The Sandtable extension for VS Code: colours from the TextMate grammar, and everything else from
// `sandtable lsp`, the project's language server, started over standard input and output.
//
// The client is written against VS Code's own API with no npm package (vscode-languageclient is not available to
// this project's machines, which reach no npm registry): it frames JSON-RPC messages with Content-Length, keeps the
// server's documents in step with incremental changes, and turns each feature's answer into VS Code's types. LSP
// and VS Code both count positions in UTF-16 code units, so positions pass through unchanged.
"use strict";

const vscode = require("vscode");
const childProcess = require("child_process");

/** A connection to one `sandtable lsp` process. */
class Connection {
  constructor(command, args, log) {
    this.log = log;
    this.nextId = 1;
    this.pending = new Map();
    this.handlers = new Map();
    this.buffer = Buffer.alloc(0);
    this.process = childProcess.spawn(command, args, { stdio: ["pipe", "pipe", "pipe"] });
    this.process.stdout.on("data", (chunk) => this.receive(chunk));
    this.process.stderr.on("data", (chunk) => log(chunk.toString("utf8").trimEnd()));
    this.process.on("error", (error) => log(`sandtable lsp: ${error.message}`));
    this.process.on("exit", (code) => {
      log(`sandtable lsp exited (${code})`);
      for (const { reject } of this.pending.values()) reject(new Error("the language server stopped"));
      this.pending.clear();
    });
  }

  /** Cuts complete frames off the buffer and dispatches them. */
  receive(chunk) {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const end = this.buffer.indexOf("\r\n\r\n");
      if (end < 0) return;
      const header = this.buffer.subarray(0, end).toString("ascii");
      const match = /content-length:\s*(\d+)/i.exec(header);
      if (!match) {
        this.buffer = this.buffer.subarray(end + 4);
        continue;
      }
      const length = Number(match[1]);
      if (this.buffer.length < end + 4 + length) return;
      const body = this.buffer.subarray(end + 4, end + 4 + length).toString("utf8");
      this.buffer = this.buffer.subarray(end + 4 + length);
      let message;
      try {
        message = JSON.parse(body);
      } catch (error) {
        this.log(`unreadable message from the server: ${error.message}`);
        continue;
      }
      this.dispatch(message);
    }
  }

  dispatch(message) {
    if (message.method === undefined) {
      const waiting = this.pending.get(message.id);
      if (!waiting) return;
      this.pending.delete(message.id);
      if (message.error) waiting.reject(Object.assign(new Error(message.error.message), { code: message.error.code }));
      else waiting.resolve(message.result);
      return;
    }
    const handler = this.handlers.get(message.method);
    if (handler) handler(message.params);
    if (message.id !== undefined) this.write({ jsonrpc: "2.0", id: message.id, result: null });
  }

  write(message) {
    const body = Buffer.from(JSON.stringify(message), "utf8");
    this.process.stdin.write(Buffer.concat([Buffer.from(`Content-Length: ${body.length}\r\n\r\n`, "ascii"), body]));
  }

  /** Sends a request; a cancelled token sends `$/cancelRequest`. */
  request(method, params, token) {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.write({ jsonrpc: "2.0", id, method, params });
      if (token) token.onCancellationRequested(() => this.notify("$/cancelRequest", { id }));
    });
  }

  notify(method, params) {
    this.write({ jsonrpc: "2.0", method, params });
  }

  on(method, handler) {
    this.handlers.set(method, handler);
  }

  async stop() {
    try {
      await Promise.race([this.request("shutdown"), new Promise((r) => setTimeout(r, 2000))]);
      this.notify("exit");
    } catch (_) {
      // The server already stopped.
    }
    setTimeout(() => this.process.kill(), 1000).unref?.();
  }
}

const position = (p) => new vscode.Position(p.line, p.character);
const range = (r) => new vscode.Range(position(r.start), position(r.end));
const lspPosition = (p) => ({ line: p.line, character: p.character });
const lspRange = (r) => ({ start: lspPosition(r.start), end: lspPosition(r.end) });
const location = (l) => new vscode.Location(vscode.Uri.parse(l.uri), range(l.range));
const isExercise = (document) => document.languageId === "ttx";
const at = (document, p) => ({ textDocument: { uri: document.uri.toString() }, position: lspPosition(p) });

function workspaceEdit(edit) {
  const result = new vscode.WorkspaceEdit();
  for (const [uri, edits] of Object.entries((edit && edit.changes) || {})) {
    for (const e of edits) result.replace(vscode.Uri.parse(uri), range(e.range), e.newText);
  }
  return result;
}

function diagnostic(d) {
  const result = new vscode.Diagnostic(range(d.range), d.message, (d.severity || 1) - 1);
  result.code = d.code;
  result.source = d.source;
  if (d.relatedInformation) {
    result.relatedInformation = d.relatedInformation.map(
      (r) => new vscode.DiagnosticRelatedInformation(location(r.location), r.message));
  }
  return result;
}

function symbol(s) {
  const result = new vscode.DocumentSymbol(s.name, s.detail || "", s.kind - 1, range(s.range), range(s.selectionRange));
  result.children = (s.children || []).map(symbol);
  return result;
}

/** Starts the server and registers every feature; returns the connection. */
function start(context, log) {
  const settings = vscode.workspace.getConfiguration("sandtable");
  const args = ["lsp", "--coverage-runs", String(settings.get("coverageRuns", 1000))];
  const language = settings.get("language", "");
  if (language) args.push("--lang", language);
  const server = new Connection(settings.get("path", "sandtable"), args, log);
  const diagnostics = vscode.languages.createDiagnosticCollection("sandtable");
  context.subscriptions.push(diagnostics);
  server.on("textDocument/publishDiagnostics", (params) => {
    diagnostics.set(vscode.Uri.parse(params.uri), params.diagnostics.map(diagnostic));
  });

  const selector = { language: "ttx" };
  const ready = server
    .request("initialize", {
      processId: process.pid,
      locale: vscode.env.language,
      rootUri: vscode.workspace.workspaceFolders ? vscode.workspace.workspaceFolders[0].uri.toString() : null,
      capabilities: {},
    })
    .then((result) => {
      server.notify("initialized", {});
      for (const document of vscode.workspace.textDocuments) opened(document);
      return result.capabilities;
    });

  function opened(document) {
    if (!isExercise(document)) return;
    server.notify("textDocument/didOpen", {
      textDocument: { uri: document.uri.toString(), languageId: "ttx", version: document.version, text: document.getText() },
    });
  }

  context.subscriptions.push(
    vscode.workspace.onDidOpenTextDocument((document) => ready.then(() => opened(document))),
    vscode.workspace.onDidChangeTextDocument((event) => {
      if (!isExercise(event.document) || event.contentChanges.length === 0) return;
      ready.then(() =>
        server.notify("textDocument/didChange", {
          textDocument: { uri: event.document.uri.toString(), version: event.document.version },
          contentChanges: event.contentChanges.map((c) => ({ range: lspRange(c.range), text: c.text })),
        }));
    }),
    vscode.workspace.onDidCloseTextDocument((document) => {
      if (isExercise(document)) ready.then(() => server.notify("textDocument/didClose", { textDocument: { uri: document.uri.toString() } }));
    }),
    vscode.languages.registerCompletionItemProvider(
      selector,
      {
        async provideCompletionItems(document, p, token) {
          const list = await server.request("textDocument/completion", at(document, p), token);
          return ((list && list.items) || []).map((item) => {
            const result = new vscode.CompletionItem(item.label, item.kind - 1);
            result.detail = item.detail;
            result.sortText = item.sortText;
            return result;
          });
        },
      },
      " ", "(", ","),
    vscode.languages.registerHoverProvider(selector, {
      async provideHover(document, p, token) {
        const hover = await server.request("textDocument/hover", at(document, p), token);
        if (!hover) return null;
        return new vscode.Hover(new vscode.MarkdownString(hover.contents.value), hover.range && range(hover.range));
      },
    }),
    vscode.languages.registerDefinitionProvider(selector, {
      async provideDefinition(document, p, token) {
        const target = await server.request("textDocument/definition", at(document, p), token);
        return target ? location(target) : null;
      },
    }),
    vscode.languages.registerReferenceProvider(selector, {
      async provideReferences(document, p, context, token) {
        const params = { ...at(document, p), context: { includeDeclaration: context.includeDeclaration } };
        return ((await server.request("textDocument/references", params, token)) || []).map(location);
      },
    }),
    vscode.languages.registerRenameProvider(selector, {
      async prepareRename(document, p, token) {
        // Where there is no id, the server answers with an error whose message (in the exercise's language) VS
        // Code shows.
        const found = await server.request("textDocument/prepareRename", at(document, p), token);
        return { range: range(found.range), placeholder: found.placeholder };
      },
      async provideRenameEdits(document, p, newName, token) {
        return workspaceEdit(await server.request("textDocument/rename", { ...at(document, p), newName }, token));
      },
    }),
    vscode.languages.registerDocumentSymbolProvider(selector, {
      async provideDocumentSymbols(document, token) {
        const params = { textDocument: { uri: document.uri.toString() } };
        return ((await server.request("textDocument/documentSymbol", params, token)) || []).map(symbol);
      },
    }),
    vscode.languages.registerFoldingRangeProvider(selector, {
      async provideFoldingRanges(document, context, token) {
        const params = { textDocument: { uri: document.uri.toString() } };
        return ((await server.request("textDocument/foldingRange", params, token)) || []).map(
          (f) => new vscode.FoldingRange(f.startLine, f.endLine, f.kind === "comment" ? vscode.FoldingRangeKind.Comment : undefined));
      },
    }),
    vscode.languages.registerCodeActionsProvider(selector, {
      async provideCodeActions(document, r, context, token) {
        const params = { textDocument: { uri: document.uri.toString() }, range: lspRange(r), context: { diagnostics: [] } };
        return ((await server.request("textDocument/codeAction", params, token)) || []).map((a) => {
          const action = new vscode.CodeAction(a.title, vscode.CodeActionKind.QuickFix);
          action.edit = workspaceEdit(a.edit);
          action.isPreferred = a.isPreferred;
          action.diagnostics = context.diagnostics.filter((d) => a.diagnostics.some((x) => x.code === d.code && x.range.start.line === d.range.start.line));
          return action;
        });
      },
    }),
    vscode.languages.registerCodeLensProvider(selector, {
      async provideCodeLenses(document, token) {
        const params = { textDocument: { uri: document.uri.toString() } };
        try {
          const lenses = (await server.request("textDocument/codeLens", params, token)) || [];
          return lenses.map((l) => new vscode.CodeLens(range(l.range), { title: l.command.title, command: "" }));
        } catch (error) {
          return [];  // cancelled, or the text changed: VS Code asks again
        }
      },
    }));

  ready.then((capabilities) => {
    const legend = capabilities.semanticTokensProvider.legend;
    context.subscriptions.push(
      vscode.languages.registerDocumentSemanticTokensProvider(
        selector,
        {
          async provideDocumentSemanticTokens(document, token) {
            const params = { textDocument: { uri: document.uri.toString() } };
            const tokens = await server.request("textDocument/semanticTokens/full", params, token);
            return new vscode.SemanticTokens(new Uint32Array((tokens && tokens.data) || []));
          },
        },
        new vscode.SemanticTokensLegend(legend.tokenTypes, legend.tokenModifiers)));
  });
  return server;
}

let server;

function activate(context) {
  const output = vscode.window.createOutputChannel("Sandtable");
  context.subscriptions.push(output);
  server = start(context, (line) => output.appendLine(line));
  return { server };
}

function deactivate() {
  return server ? server.stop() : undefined;
}

module.exports = { activate, deactivate, Connection };
