import Foundation
import Localization
import ScenarioLanguage

/// A Language Server Protocol server for `.ttx` exercises on Sandtable's own compiler: every answer comes from a
/// compile of the exercise (its diagnostics, its ``SourceIndex``, its elements), never from a second parser.
///
/// The server is driven one message at a time: ``handle(_:)`` takes the JSON body of a message, and everything the
/// server writes goes through the `send` function given at creation, as JSON bodies to be framed. ``flush()``
/// publishes the diagnostics of the documents that changed; the transport calls it once it has handled every message
/// that had arrived, so a burst of keystrokes is compiled once. Only coverage lenses are computed on another thread.
public final class LanguageServer {
    /// How the server was started.
    public struct Options: Sendable {
        /// The language of diagnostics and hovers given on the command line (`--lang`), if any.
        public var language: UILanguage?
        /// The process environment (for the locale).
        public var environment: [String: String]
        /// How many playthroughs the coverage lenses simulate.
        public var coverageRuns: Int
        /// The tool's version, for `initialize`'s answer.
        public var version: String

        /// Creates options.
        public init(
            language: UILanguage? = nil, environment: [String: String] = [:], coverageRuns: Int = 1000,
            version: String = "0.1.0"
        ) {
            self.language = language
            self.environment = environment
            self.coverageRuns = coverageRuns
            self.version = version
        }
    }

    let options: Options
    /// Writes one message body (JSON) to the client.
    let send: @Sendable ([UInt8]) -> Void
    /// Writes one line to the server's log (standard error).
    let log: @Sendable (String) -> Void
    var workspace = Workspace()
    /// The coverage lenses and their simulations.
    let coverage: CoverageLenses
    private var initialized = false
    private var shuttingDown = false
    /// The client's locale from `initialize`.
    private var clientLocale: String?
    /// Whether a document opened, changed or closed since diagnostics were last published.
    private var diagnosticsDue = false
    /// The files whose last published diagnostics were not empty.
    private var published: Set<String> = []

    /// The exit status once the client sent `exit` (0 after `shutdown`, 1 without), else nil.
    public private(set) var exitStatus: Int32?

    /// Creates a server that writes message bodies with `send` and log lines with `log`.
    public init(
        options: Options, send: @escaping @Sendable ([UInt8]) -> Void, log: @escaping @Sendable (String) -> Void
    ) {
        self.options = options
        self.send = send
        self.log = log
        coverage = CoverageLenses(runs: max(1, options.coverageRuns), send: send)
        workspace.languageChoice = { [options] declared in
            UILanguage.detect(
                explicit: options.language?.rawValue, environment: options.environment,
                contentLanguage: declared)
        }
    }

    /// The strings of the server's log, in the language of the command line or the locale.
    var logStrings: Strings {
        Strings(
            .languageServer,
            language: UILanguage.detect(explicit: options.language?.rawValue, environment: options.environment))
    }

    // MARK: Messages

    /// Handles one message: its JSON body as framed.
    public func handle(_ body: [UInt8]) {
        let data = Data(body)
        let envelope: Envelope
        do {
            envelope = try JSONDecoder().decode(Envelope.self, from: data)
        } catch {
            log(logStrings("log.badMessage", String(describing: error)))
            send(Outgoing.response(id: nil, error: .parseError("not a JSON-RPC message")))
            return
        }
        guard let method = envelope.method else { return }  // a response to a request of ours
        if let id = envelope.id {
            // Diagnostics of the edits before a request go out before its answer.
            flush()
            do {
                try request(method, id: id, data)
            } catch let error as ResponseError {
                send(Outgoing.response(id: id, error: error))
            } catch {
                send(Outgoing.response(id: id, error: ResponseError(code: -32603, message: "\(error)")))
            }
        } else {
            notification(method, data)
        }
    }

    /// Publishes the diagnostics of every open exercise, if any document opened, changed or closed since the last
    /// time.
    public func flush() {
        guard diagnosticsDue, initialized, !shuttingDown else { return }
        diagnosticsDue = false
        var now: Set<String> = []
        for main in workspace.openExercises() {
            let analysis = workspace.analysis(main: main)
            var byFile: [String: [LSPDiagnostic]] = [:]
            for path in analysis.files.keys { byFile[path] = [] }
            for d in analysis.result.diagnostics {
                byFile[d.location.file, default: []].append(lspDiagnostic(d, in: analysis))
            }
            for (path, diagnostics) in byFile.sorted(by: { $0.key < $1.key }) {
                guard !diagnostics.isEmpty || published.contains(path) || workspace.version(of: path) != nil
                else { continue }
                if !diagnostics.isEmpty { now.insert(path) }
                publish(path, diagnostics)
            }
        }
        for path in published.subtracting(now).sorted() where !now.contains(path) {
            publish(path, [])
        }
        published = now
    }

    private func publish(_ path: String, _ diagnostics: [LSPDiagnostic]) {
        send(
            Outgoing.notification(
                "textDocument/publishDiagnostics",
                PublishDiagnosticsParams(
                    uri: workspace.uri(of: path), version: workspace.version(of: path), diagnostics: diagnostics)))
    }

    private func request(_ method: String, id: RequestID, _ data: Data) throws {
        if method == "initialize" {
            let params: InitializeParams = try decode(data)
            clientLocale = params.locale
            initialized = true
            let language = options.language?.rawValue ?? clientLocale
            workspace.languageChoice = { [options] declared in
                UILanguage.detect(explicit: language, environment: options.environment, contentLanguage: declared)
            }
            return reply(
                id,
                InitializeResult(
                    capabilities: Self.capabilities, serverInfo: ServerInfo(name: "sandtable", version: options.version)
                ))
        }
        guard initialized else { throw ResponseError.serverNotInitialized }
        guard !shuttingDown else { throw ResponseError.shutDown }
        switch method {
        case "shutdown":
            shuttingDown = true
            coverage.contentChanged()
            reply(id, Int?.none)
        case "textDocument/codeAction": reply(id, codeActions(try decode(data)))
        default: try feature(method, id: id, data)
        }
    }

    private func notification(_ method: String, _ data: Data) {
        if method == "exit" {
            exitStatus = shuttingDown ? 0 : 1
            return
        }
        guard initialized else { return }
        do {
            switch method {
            case "initialized", "$/setTrace", "workspace/didChangeConfiguration", "textDocument/didSave": break
            case "textDocument/didOpen":
                let params: DidOpenTextDocumentParams = try decode(data)
                let item = params.textDocument
                workspace.open(TextDocument(uri: item.uri, version: item.version, text: item.text))
                coverage.contentChanged()
                diagnosticsDue = true
            case "textDocument/didChange":
                let params: DidChangeTextDocumentParams = try decode(data)
                if workspace.change(
                    uri: params.textDocument.uri, params.contentChanges, version: params.textDocument.version)
                {
                    diagnosticsDue = true
                    coverage.contentChanged()
                }
            case "textDocument/didClose":
                let params: TextDocumentParams = try decode(data)
                workspace.close(uri: params.textDocument.uri)
                coverage.contentChanged()
                diagnosticsDue = true
            case "$/cancelRequest":
                let params: CancelParams = try decode(data)
                cancel(params.id)
            default:
                if !method.hasPrefix("$/") { log(logStrings("log.unknownNotification", method)) }
            }
        } catch {
            log(logStrings("log.badMessage", "\(method): \(error)"))
        }
    }

    /// Cancels a request still waiting for its answer; nothing when it was answered already.
    func cancel(_ id: RequestID) { _ = coverage.cancel(id) }

    /// The path of a document, open or not.
    func path(of uri: String) -> String { workspace.documents[uri]?.path ?? DocumentURI.path(of: uri) }

    /// Sends the result of a request.
    func reply<R: Encodable>(_ id: RequestID, _ result: R?) {
        send(Outgoing.response(id: id, result: result))
    }

    /// The parameters of a message as `P`, or an invalid-params error.
    func decode<P: Decodable>(_ data: Data) throws -> P {
        do {
            return try JSONDecoder().decode(ParamsEnvelope<P>.self, from: data).params
        } catch {
            throw ResponseError.invalidParams("\(error)")
        }
    }

    // MARK: Diagnostics

    /// A compiler diagnostic as the protocol shows it: its code, its message in the exercise's language, its notes
    /// and the include lines that led to its file as related places.
    func lspDiagnostic(_ d: Diagnostic, in analysis: Analysis) -> LSPDiagnostic {
        let language = analysis.language
        var related: [LSPDiagnostic.Related] = []
        for note in d.notes {
            guard let span = note.span else { continue }
            related.append(
                LSPDiagnostic.Related(
                    location: Location(uri: workspace.uri(of: span.start.file), range: analysis.range(span)),
                    message: note.message.text(in: language)))
        }
        let strings = Strings(.languageServer, language: language)
        for place in d.includedFrom {
            let range = analysis.range(SourceSpan(start: place, length: 0))
            related.append(
                LSPDiagnostic.Related(
                    location: Location(uri: workspace.uri(of: place.file), range: range),
                    message: strings["diagnostic.includedFrom"]))
        }
        let severity =
            switch d.severity {
            case .error: 1
            case .warning: 2
            case .note: 3
            }
        return LSPDiagnostic(
            range: analysis.range(d.span), severity: severity, code: d.code.rawValue,
            message: d.message.text(in: language), relatedInformation: related.isEmpty ? nil : related)
    }

    /// The fix-its of the diagnostics that touch the range, as quick fixes.
    private func codeActions(_ params: CodeActionParams) -> [CodeAction] {
        let analysis = workspace.analysis(of: params.textDocument.uri)
        let path = path(of: params.textDocument.uri)
        var actions: [CodeAction] = []
        for d in analysis.result.diagnostics where d.location.file == path && !d.fixIts.isEmpty {
            let range = analysis.range(d.span)
            guard range.start <= params.range.end, params.range.start <= range.end else { continue }
            let shown = lspDiagnostic(d, in: analysis)
            for fixIt in d.fixIts {
                var changes: [String: [TextEdit]] = [:]
                for edit in fixIt.edits {
                    changes[workspace.uri(of: edit.range.start.file), default: []].append(
                        TextEdit(range: analysis.range(edit.range), newText: edit.replacement))
                }
                actions.append(
                    CodeAction(
                        title: fixIt.message.text(in: analysis.language), diagnostics: [shown],
                        isPreferred: d.fixIts.count == 1, edit: WorkspaceEdit(changes: changes)))
            }
        }
        return actions
    }

}
