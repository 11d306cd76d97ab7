import Localization
import ScenarioLanguage

extension LanguageServer {
    /// What the id at a position names: its kind, id and title, and what an author checks while writing: a role's
    /// brief; an item's sensitivity, owner, who knows it at start and who can share it; a measure's weight and range.
    func hover(_ params: TextDocumentPositionParams) -> Hover? {
        guard let (analysis, occurrence, span) = self.occurrence(params) else { return nil }
        let index = analysis.index
        let language = analysis.language
        let s = Strings(.languageServer, language: language)
        let d: Int
        switch occurrence {
        case .definition(let i): d = i
        case .reference(let r):
            let reference = index.references[r]
            guard let resolved = reference.definition else {
                let text = s("hover.unresolved", reference.kind.name(in: language), reference.name)
                return Hover(contents: MarkupContent(kind: "markdown", value: text), range: analysis.range(span))
            }
            d = resolved
        }
        let definition = index.definitions[d]
        var title = "**" + s("hover.title", definition.kind.name(in: language), definition.qualifiedName) + "**"
        if let t = definition.title { title += " " + t }
        var lines = [title]
        let elements = analysis.result.elements
        let e = definition.element
        switch definition.kind {
        case .role where elements.roles.indices.contains(e):
            let role = elements.roles[e]
            if role.isLead { lines.append(s["hover.lead"]) }
            if !role.brief.isEmpty { lines.append(s("hover.brief", role.brief)) }
        case .item where elements.items.indices.contains(e):
            lines += itemLines(e, analysis, s)
        case .measure where elements.measures.indices.contains(e):
            let measure = elements.measures[e]
            lines.append(s("hover.weight", Self.number(measure.weight)))
            lines.append(
                s("hover.range", Self.number(measure.range.lowerBound) + ".." + Self.number(measure.range.upperBound)))
        case .ending where elements.endings.indices.contains(e):
            if !elements.endings[e].text.isEmpty { lines.append(elements.endings[e].text) }
        case .inject where elements.injects.indices.contains(e):
            if !elements.injects[e].text.isEmpty { lines.append(elements.injects[e].text) }
        default: break
        }
        return Hover(
            contents: MarkupContent(kind: "markdown", value: lines.joined(separator: "\n\n")),
            range: analysis.range(span))
    }

    /// An item's sensitivity and owner, who knows it at start, and who can share it: with open sharing, whoever
    /// knows it (at start or once it reaches them); with scripted sharing, only the effects that share it.
    private func itemLines(_ e: Int, _ analysis: Analysis, _ s: Strings) -> [String] {
        let elements = analysis.result.elements
        let item = elements.items[e]
        func roleName(_ r: Int) -> String {
            elements.roles.indices.contains(r) ? "`\(elements.roles[r].id)` \(elements.roles[r].name)" : "?"
        }
        var lines = [s("hover.sensitivity", s["sensitivity.\(item.sensitivity.rawValue)"])]
        if let owner = item.owner { lines.append(s("hover.owner", roleName(owner))) }
        var knowing: [Int] = item.owner.map { [$0] } ?? []
        for (r, role) in elements.roles.enumerated() where role.knows.contains(where: { $0.rawValue == e }) {
            if !knowing.contains(r) { knowing.append(r) }
        }
        let knowers = knowing.isEmpty ? s["hover.nobody"] : knowing.map(roleName).joined(separator: s.listSeparator)
        lines.append(s("hover.knownAtStart", knowers))
        if elements.header.openSharing {
            lines.append(s("hover.sharers", knowers))
        } else {
            // The declarations whose blocks hold a `share` of the item.
            let index = analysis.index
            var sharers: [String] = []
            if let d = index.definition(of: .item, element: e) {
                for reference in index.references(to: d) {
                    let line = analysis.file(reference.span.start.file).line(reference.span.start.line)
                    guard line.drop(while: { $0 == " " || $0 == "\t" }).hasPrefix("share"),
                        let owner = index.enclosingDefinition(
                            file: reference.span.start.file, line: reference.span.start.line)
                    else { continue }
                    let name = "`\(index.definitions[owner].qualifiedName)`"
                    if !sharers.contains(name) { sharers.append(name) }
                }
            }
            lines.append(
                s("hover.sharers", sharers.isEmpty ? s["hover.nobody"] : sharers.joined(separator: s.listSeparator)))
        }
        return lines
    }

    /// A number without a needless `.0`.
    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
