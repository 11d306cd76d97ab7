import Foundation
import Testing

/// The HTML report's layout as a reader meets it: laid out by headless Chromium at a phone's width (390 px) and a
/// desktop's (1280 px), measured by a probe script run inside the page, and printed to PDF on A4. The screenshots
/// and the printed pages stay in `test-artifacts/` for a reviewer to look at.
@Suite(.serialized) struct DebriefLayoutTests {
    /// Measures the laid-out page and lists what a reader would find broken, one line each: the page wider than
    /// the screen, a table or chart cut at its box's edge (it would have to be scrolled sideways), an element past
    /// the screen's right edge, a chart's text outside its drawing, a chart's text drawn smaller than 9 px.
    static let probe = """
        (function(){
          var out=[]; var W=window.innerWidth; var doc=document.documentElement.scrollWidth;
          if(doc>W+1) out.push('page-wider '+doc+'>'+W);
          var all=document.querySelectorAll('body *');
          for(var i=0;i<all.length;i++){var e=all[i]; if(e.closest('svg')&&e.tagName!=='svg')continue;
            var cs=getComputedStyle(e); if(cs.display==='none'||e.closest('[style*="display: none"]'))continue;
            if(e.getClientRects().length===0)continue;
            if(cs.overflowX!=='visible'&&e.scrollWidth>e.clientWidth+1)
              out.push('cut '+e.tagName+'.'+e.className+' '+e.scrollWidth+'>'+e.clientWidth);
            var r=e.getBoundingClientRect(); if(r.width>0&&r.right>W+1&&cs.position!=='absolute')
              out.push('beyond '+e.tagName+'.'+e.className+' '+Math.round(r.right)+'>'+W);
          }
          var svgs=document.querySelectorAll('svg');
          for(var j=0;j<svgs.length;j++){var s=svgs[j]; if(s.getClientRects().length===0)continue;
            var vb=s.viewBox.baseVal; if(!vb||!vb.width)continue;
            var scale=s.getBoundingClientRect().width/vb.width;
            var ts=s.querySelectorAll('text');
            for(var k=0;k<ts.length;k++){var b=ts[k].getBBox();
              if(b.x<vb.x-1||b.x+b.width>vb.x+vb.width+1||b.y<vb.y-1||b.y+b.height>vb.y+vb.height+1)
                out.push('chart-text-cut "'+ts[k].textContent+'" in '+(s.getAttribute('aria-label')||''));
              var px=parseFloat(getComputedStyle(ts[k]).fontSize)*scale;
              if(px<9) out.push('chart-text-small '+px.toFixed(1)+'px "'+ts[k].textContent+'" in '+(s.getAttribute('aria-label')||''));
            }
          }
          var p=parent.document.createElement('pre'); p.id='probe'; p.textContent='probed\\n'+out.join('\\n');
          parent.document.body.appendChild(p);
        })();
        """

    /// Lays `html` out at `width` CSS pixels and returns what the probe found. Headless Chromium will not make its
    /// window narrower than 500 px, so the page is laid out in an iframe of the given width (`srcdoc`, so the probe
    /// may write its findings into the outer page, which `--dump-dom` prints).
    static func probe(_ html: String, width: Int, name: String) throws -> [String] {
        let inner = html.replacingOccurrences(
            of: "</body>", with: "<script>setTimeout(function(){\(probe)},300)</script></body>")
        let escaped = inner.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "\"", with: "&quot;")
        let outer =
            "<!DOCTYPE html><html><body style=\"margin:0\"><iframe style=\"border:0;width:\(width)px;height:2400px\" "
            + "srcdoc=\"\(escaped)\"></iframe></body></html>"
        let file = Harness.scratch().appendingPathComponent("\(name)-\(width)-probe.html")
        try outer.write(to: file, atomically: true, encoding: .utf8)
        let dom = try DebriefTests.chromium([
            "--window-size=1400,2400", "--virtual-time-budget=5000", "--dump-dom", file.absoluteString,
        ])
        guard let start = dom.stdout.range(of: "<pre id=\"probe\">"),
            let end = dom.stdout.range(of: "</pre>", range: start.upperBound..<dom.stdout.endIndex)
        else {
            Issue.record("the probe did not run in \(name) at \(width) px: \(DebriefTests.pageErrors(dom.stderr))")
            return []
        }
        let text = String(dom.stdout[start.upperBound..<end.lowerBound])
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&amp;", with: "&")
        let lines = text.split(separator: "\n").map(String.init)
        #expect(lines.first == "probed")
        return Array(lines.dropFirst())
    }

    /// The reports looked at: a one-role flood session in Chinese (the issue's case), the two-role golden session
    /// in English (named peer ratings, a request), and a cohort of four.
    static func pages() throws -> [(name: String, html: String)] {
        let folder = Harness.scratch()
        var pages: [(String, String)] = []
        let one = try DebriefTests.play(
            seed: 7, roles: "ema", input: DebriefTests.numbers(seed: 7), language: "zh", into: folder)
        let golden = try DebriefTests.goldenSession()
        for (name, transcript, language) in [("session-ema.zh", one, "zh"), ("session-golden.en", golden, "en")] {
            let out = folder.appendingPathComponent(name + ".html")
            let result = try Harness.run([
                "debrief", transcript.path, "--format", "html", "--lang", language, "-o", out.path,
            ])
            #expect(result.status == 0, "\(result.stderr)")
            pages.append((name, try String(contentsOf: out, encoding: .utf8)))
        }
        var files = [one.path, golden.path]
        for seed in 2...3 {
            let sub = folder.appendingPathComponent("s\(seed)")
            try FileManager.default.createDirectory(at: sub, withIntermediateDirectories: true)
            files.append(
                try DebriefTests.play(seed: seed, roles: "ema", input: DebriefTests.numbers(seed: seed), into: sub).path
            )
        }
        let cohort = folder.appendingPathComponent("cohort.zh.html")
        let result = try Harness.run(["debrief"] + files + ["--format", "html", "--lang", "zh", "-o", cohort.path])
        #expect(result.status == 0, "\(result.stderr)")
        pages.append(("cohort.zh", try String(contentsOf: cohort, encoding: .utf8)))
        return pages
    }

    @Test func readsOnAPhoneAndADesktop() throws {
        guard DebriefTests.chromiumInstalled else {
            Issue.record("chromium is not installed (scripts/setup.sh --test installs it)")
            return
        }
        for page in try Self.pages() {
            for width in [390, 1280] {
                let problems = try Self.probe(page.html, width: width, name: page.name)
                #expect(problems.isEmpty, "\(page.name) at \(width) px:\n\(problems.joined(separator: "\n"))")
            }
        }
    }

    @Test func printsOnA4WithoutEmptyPages() throws {
        guard DebriefTests.chromiumInstalled else {
            Issue.record("chromium is not installed (scripts/setup.sh --test installs it)")
            return
        }
        let tools = ["/usr/bin/pdfinfo", "/usr/bin/pdftoppm"]
        guard tools.allSatisfy({ FileManager.default.isExecutableFile(atPath: $0) }) else {
            Issue.record("poppler-utils is not installed (scripts/setup.sh --test installs it)")
            return
        }
        let artifacts = Harness.root.appendingPathComponent("test-artifacts/print")
        try FileManager.default.createDirectory(at: artifacts, withIntermediateDirectories: true)
        for page in try Self.pages() where page.name.hasPrefix("session") {
            let html = Harness.scratch().appendingPathComponent(page.name + ".html")
            try page.html.write(to: html, atomically: true, encoding: .utf8)
            let pdf = artifacts.appendingPathComponent(page.name + ".pdf")
            try? FileManager.default.removeItem(at: pdf)
            let printed = try DebriefTests.chromium([
                "--print-to-pdf=\(pdf.path)", "--no-pdf-header-footer", html.absoluteString,
            ])
            #expect(FileManager.default.fileExists(atPath: pdf.path), "no PDF: \(printed.stderr.suffix(400))")
            let info = try Harness.spawn(URL(fileURLWithPath: tools[0]), [pdf.path])
            let pages =
                info.stdout.split(separator: "\n").first { $0.hasPrefix("Pages:") }
                .flatMap { Int($0.dropFirst(6).trimmingCharacters(in: .whitespaces)) } ?? 0
            // A4 is 595 × 842 points; Letter (the default) would be 612 × 792.
            #expect(info.stdout.contains("(A4)"), "\(page.name) is not printed on A4:\n\(info.stdout)")
            // Before A4 and without forced breaks the one-role session printed on 30 Letter pages, a page break
            // before every section (page 2 held a four-row table); now 20 A4 pages, the decision record most of it.
            #expect(pages > 0 && pages <= 24, "\(page.name) printed on \(pages) pages")
            #expect(!page.html.contains("break-before:page"), "a forced page break is back in the print style")
            let prefix = artifacts.appendingPathComponent(page.name).path
            for old in try FileManager.default.contentsOfDirectory(atPath: artifacts.path)
            where old.hasPrefix(page.name + "-") && old.hasSuffix(".png") {
                try FileManager.default.removeItem(at: artifacts.appendingPathComponent(old))
            }
            let shots = try Harness.spawn(URL(fileURLWithPath: tools[1]), ["-png", "-r", "50", pdf.path, prefix])
            #expect(shots.status == 0, "\(shots.stderr)")
            let images = try FileManager.default.contentsOfDirectory(atPath: artifacts.path)
                .filter { $0.hasPrefix(page.name + "-") && $0.hasSuffix(".png") }
            #expect(images.count == pages, "pdftoppm wrote \(images.count) page images for \(pages) pages")
            print("\(page.name): \(pages) A4 pages")
        }
    }
}
