// The page skeleton every HTML report shares (session, cohort, and a cohort with no readable session): one
// self-contained document with the report's language, the viewport for phones, the inline style and a `main`.
extension HTMLRenderer {
    /// A whole HTML page titled `title`, its `main` filled by `body`.
    func page(title: String, _ body: (inout HTMLBuilder) -> Void) -> String {
        var b = HTMLBuilder()
        b.trusted("<!DOCTYPE html>\n")
        b.element("html", ["lang": options.language == .zh ? "zh-Hans" : "en"]) { b in
            b.element("head") { b in
                b.empty("meta", ["charset": "utf-8"])
                b.empty("meta", ["name": "viewport", "content": "width=device-width, initial-scale=1"])
                b.element("title", text: title)
                b.element("style") { b in b.trusted(Self.style) }
            }
            b.newline()
            b.element("body") { b in
                b.element("main") { b in body(&b) }
            }
        }
        b.newline()
        return b.output
    }

    /// A section with an `h2` heading; the first one does not start a new printed page.
    func section(
        _ b: inout HTMLBuilder, id: String, title: String, first: Bool = false,
        _ body: (inout HTMLBuilder) -> Void
    ) {
        b.newline()
        b.element("section", ["id": id, "class": first ? "first" : "part"]) { b in
            b.element("h2", text: title)
            body(&b)
        }
    }
}
