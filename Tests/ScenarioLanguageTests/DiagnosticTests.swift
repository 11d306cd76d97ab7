import Foundation
import Testing

@testable import ScenarioLanguage

/// One test per diagnostic code, with the expected position marked in the source (`1️⃣`).
@Suite("Diagnostics, one per code")
struct DiagnosticTests {
    // MARK: Reading the file

    @Test("E0001 a file that is not UTF-8 text")
    func notText() {
        let marked = MarkedSource("exercise demo \"演示\"\n# 注释 1️⃣X\n")
        var bytes = Array(marked.text.utf8)
        let x = bytes.firstIndex(of: UInt8(ascii: "X")) ?? 0
        bytes[x] = 0xFF
        let path = "\(testFolder)/binary.ttx"
        let result = ScenarioCompiler.compile(path: path, sources: MemorySources(bytes: [path: bytes]))
        let d = result.diagnostics.first
        #expect(result.diagnostics.count == 1)
        #expect(d?.code == .notText)
        #expect(d?.severity == .error)
        #expect(d?.location.line == marked.markers["1️⃣"]?.line)
        #expect(d?.location.column == marked.markers["1️⃣"]?.column)
        #expect(result.scenario == nil)
    }

    @Test("E0001 a file saved as UTF-16")
    func utf16() {
        let path = "\(testFolder)/utf16.ttx"
        let bytes: [UInt8] = [0xFF, 0xFE] + Array("exercise".utf16).flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let result = ScenarioCompiler.compile(path: path, sources: MemorySources(bytes: [path: bytes]))
        #expect(result.diagnostics.map(\.code) == [.notText])
        #expect(result.diagnostics.first?.message.description.contains("UTF-16") == true)
    }

    @Test("E0002 text not closed on its line")
    func unterminatedText() {
        expectDiagnostic(
            .unterminatedText,
            in: cleanExercise.replacingOccurrences(of: "say \"水位上涨。\"", with: "say 1️⃣\"水位上涨。"),
            message: "this text is not closed; end it with \" on the same line")
    }

    @Test("E0003 a character that starts no token")
    func unexpectedCharacter() {
        expectDiagnostic(
            .unexpectedCharacter,
            in: cleanExercise.replacingOccurrences(of: "advance 1h", with: "advance 1h 1️⃣@@"),
            message: "unexpected characters '@@'")
    }

    @Test("E0003 full-width punctuation typed by an input method, with a fix-it")
    func fullWidthPunctuation() {
        expectDiagnostic(
            .unexpectedCharacter,
            in: cleanExercise.replacingOccurrences(of: "if water >= 2", with: "if 1️⃣（water >= 2)"),
            fixIt: "(")
    }

    @Test("E0003 control characters are shown as code points")
    func controlCharacter() {
        let d = expectDiagnostic(
            .unexpectedCharacter,
            in: cleanExercise.replacingOccurrences(of: "advance 1h", with: "advance 1h 1️⃣\u{7}"))
        #expect(d?.message.description == "unexpected character 'U+0007'")
    }

    @Test("E0004 a tab where the block's other lines use spaces")
    func inconsistentIndentation() {
        let source = cleanExercise.replacingOccurrences(of: "\n  end done", with: "\n1️⃣\tend done")
        expectDiagnostic(
            .inconsistentIndentation, in: source,
            message: "indentation mixes tabs and spaces; indent the lines of a block the same way")
    }

    @Test("E0004 a dedent to no open level")
    func dedentToNoLevel() {
        let source = """
            exercise demo "演示"
            role a "甲"
            ending done "结束"
            scene start "开始"
                ask a "怎么办?"
                    choice go "出发"
                        advance 1h
                    choice stay "留下"
                        advance 2h
            1️⃣  end done
            """
        expectDiagnostic(
            .inconsistentIndentation, in: source, message: "this line's indentation matches no enclosing block")
    }

    @Test("E0005 a text block never closed; the lines after it are still read")
    func unterminatedTextBlock() {
        let source = """
            exercise demo "演示"
            role a "甲"
            ending done "结束"
            scene start "开始"
              1️⃣\"\"\"
              城市还在沉睡。
            scene next "下一幕"
              ask 2️⃣nobody "?"
                choice x "X"
              end done
            """
        expectDiagnostic(.unterminatedTextBlock, in: source, others: true)
        expectDiagnostic(.undefinedID, at: "2️⃣", in: source, others: true)
    }

    @Test("E0006 a malformed clock time")
    func invalidClock() {
        expectDiagnostic(
            .invalidLiteral, in: cleanExercise.replacingOccurrences(of: "clock 08:00", with: "clock 1️⃣25:00"),
            message: "'25:00' is not a clock time; write hours 00-23 and minutes 00-59, like 04:30")
    }

    @Test("E0006 a malformed duration")
    func invalidDuration() {
        expectDiagnostic(
            .invalidLiteral, in: cleanExercise.replacingOccurrences(of: "advance 1h", with: "advance 1️⃣2hours"),
            message: "'2hours' is not a number, a duration or a name (names cannot start with a digit)")
    }

    @Test("E0006 a duration too long to count")
    func hugeDuration() {
        expectDiagnostic(
            .invalidLiteral,
            in: cleanExercise.replacingOccurrences(of: "advance 1h", with: "advance 1️⃣99999999999999999d"),
            message: "the duration '99999999999999999d' is too long; the longest is 365d")
    }

    @Test("E0008 blocks nested too deeply")
    func nestingTooDeep() {
        var lines = ["exercise demo \"演示\"", "role a \"甲\"", "ending done \"结束\"", "scene start \"开始\""]
        for depth in 1...60 {
            let indent = String(repeating: " ", count: depth)
            lines.append((depth == Lexer.maximumDepth + 1 ? "1️⃣" : "") + indent + "if true")
        }
        let d = expectDiagnostic(.nestingTooDeep, in: lines.joined(separator: "\n"), others: true)
        #expect(d?.message.description == "blocks are nested more than 48 levels deep")
        // The lines too deep are dropped with the error; the last line kept is an `if` with nothing below it.
        let result = ScenarioCompiler.compile(text: MarkedSource(lines.joined(separator: "\n")).text)
        #expect(result.diagnostics.count == 2, "\(describe(result.diagnostics))")
    }

    @Test("E0008 an expression nested too deeply")
    func expressionTooDeep() {
        let deep = String(repeating: "(", count: 100) + "water" + String(repeating: ")", count: 100)
        let marked = deep.replacingOccurrences(
            of: String(repeating: "(", count: 65), with: String(repeating: "(", count: 64) + "1️⃣(")
        expectDiagnostic(
            .nestingTooDeep,
            in: cleanExercise.replacingOccurrences(of: "if water >= 2", with: "if \(marked) >= 2"))
    }

    @Test("E0009 a missing file")
    func missingFile() {
        let result = ScenarioCompiler.compile(path: "\(testFolder)/nowhere.ttx", sources: MemorySources([:]))
        #expect(result.diagnostics.map(\.code) == [.unreadableFile])
        #expect(
            result.diagnostics.first?.message.description
                == "cannot read '/exercises/nowhere.ttx': there is no such file")
        #expect(result.diagnostics.first?.location.line == 1)
        #expect(result.diagnostics.first?.location.column == 1)
    }

    @Test("E0009 a folder given as a file")
    func folderAsFile() {
        let sources = MemorySources(["\(testFolder)/sub/a.ttx": "exercise a"])
        let result = ScenarioCompiler.compile(path: "\(testFolder)/sub", sources: sources)
        #expect(result.diagnostics.map(\.code) == [.unreadableFile])
        #expect(result.diagnostics.first?.message.description.hasSuffix("it is a folder, not a file") == true)
    }

    // MARK: Syntax

    @Test("E0010 an indented block under a line that takes none")
    func unexpectedBlock() {
        expectDiagnostic(
            .unexpectedBlock,
            in: cleanExercise.replacingOccurrences(of: "  end done", with: "  end done\n    1️⃣say \"多余\""),
            message: "`end` takes no indented block")
    }

    @Test("E0010 an indented block under a property")
    func unexpectedBlockUnderProperty() {
        expectDiagnostic(
            .unexpectedBlock,
            in: cleanExercise.replacingOccurrences(of: "role a \"甲\"", with: "role a \"甲\"\n  brief \"简介\"\n    1️⃣lead"))
    }

    @Test("E0011 something missing at the end of a line")
    func expected() {
        expectDiagnostic(
            .expected, in: cleanExercise.replacingOccurrences(of: "  end done", with: "  end1️⃣"),
            message: "expected an ending id after end: end contained")
    }

    @Test("E0012 an unknown declaration, with a fix-it")
    func unknownDeclaration() {
        expectDiagnostic(
            .unknownDeclaration,
            in: cleanExercise.replacingOccurrences(of: "ending done", with: "1️⃣endign done"),
            message: "unknown declaration 'endign' (did you mean 'ending'?)", fixIt: "ending", others: true)
    }

    @Test("E0013 an unknown statement, with a fix-it")
    func unknownStatement() {
        expectDiagnostic(
            .unknownStatement,
            in: cleanExercise.replacingOccurrences(of: "    say \"水位上涨。\"", with: "    1️⃣sya \"水位上涨。\""),
            message: "unknown statement 'sya' (did you mean 'say'?)", fixIt: "say")
    }

    @Test("E0014 text left over at the end of a line")
    func extraTokens() {
        expectDiagnostic(
            .extraTokens, in: cleanExercise.replacingOccurrences(of: "  end done", with: "  end done 1️⃣now"),
            message: "unexpected text at the end of the line")
    }

    @Test("E0015 no exercise header")
    func missingHeader() {
        let source =
            "1️⃣role a \"甲\"\nending done \"结束\"\nscene s \"开始\"\n  ask a \"?\"\n    choice x \"X\"\n  end done\n"
        expectDiagnostic(.missingHeader, in: source)
    }

    @Test("E0016 no scenes")
    func noScenes() {
        expectDiagnostic(.noScenes, in: "1️⃣exercise demo \"演示\"\nrole a \"甲\"\n")
    }

    @Test("E0017 a second exercise header")
    func secondHeader() {
        let d = expectDiagnostic(
            .duplicateProperty, in: cleanExercise + "1️⃣exercise again \"又一个\"\n", message: "the exercise has two headers"
        )
        #expect(d?.notes.first?.span?.start.line == 1)
    }

    @Test("E0017 a property given twice")
    func propertyTwice() {
        let d = expectDiagnostic(
            .duplicateProperty,
            in: cleanExercise.replacingOccurrences(of: "  duration 4h", with: "  duration 4h\n  1️⃣clock 09:00"),
            message: "`clock` is given twice in the exercise header; keep one")
        #expect(d?.notes.first?.span?.start.line == 2)
    }

    @Test("E0017 an inject with two triggers")
    func injectTwoTriggers() {
        expectDiagnostic(
            .duplicateProperty,
            in: cleanExercise + "inject rain \"降雨\" at +1h\n  1️⃣when water > 3\n  to a\n  \"\"\"\n  下雨了。\n  \"\"\"\n")
    }

    @Test("E0017 an exercise header in an included file")
    func headerInIncludedFile() {
        expectDiagnostic(
            .duplicateProperty, in: "include \"extra.ttx\"\n" + cleanExercise,
            includes: [("\(testFolder)/extra.ttx", "1️⃣exercise other \"另一个\"\n")],
            message: "an included file cannot have an `exercise` header; the header belongs in the main file")
    }

    @Test("E0018 a reserved word as an id")
    func reservedWord() {
        expectDiagnostic(
            .reservedWord,
            in: cleanExercise.replacingOccurrences(of: "role b \"乙\"", with: "role 1️⃣all \"全体\""),
            message: "'all' is a reserved word and cannot name a role; choose another id",
            others: true)
    }

    // MARK: Includes

    @Test("E0101 an included file that does not exist; the error names the include line")
    func includeNotFound() {
        expectDiagnostic(
            .includeNotFound, in: "include 1️⃣\"roles.ttx\"\n" + cleanExercise,
            message: "cannot read '/exercises/roles.ttx': there is no such file")
    }

    @Test("E0102 an include that leaves the exercise's folder")
    func includeOutsideFolder() {
        expectDiagnostic(
            .includeOutsideFolder, in: "include 1️⃣\"../secrets/roles.ttx\"\n" + cleanExercise,
            message:
                "'../secrets/roles.ttx' is outside the exercise's folder; an exercise may only include files in its own folder"
        )
        expectDiagnostic(.includeOutsideFolder, in: "include 1️⃣\"/etc/passwd\"\n" + cleanExercise)
    }

    @Test("E0103 files that include each other")
    func includeCycle() {
        let d = expectDiagnostic(
            .includeCycle, in: "include \"a.ttx\"\n" + cleanExercise,
            includes: [
                ("\(testFolder)/a.ttx", "include \"b.ttx\"\n"),
                ("\(testFolder)/b.ttx", "include 1️⃣\"a.ttx\"\n"),
            ])
        #expect(d?.includedFrom.map(\.description) == ["/exercises/a.ttx:1:9", "/exercises/main.ttx:1:9"])
    }

    @Test("an error in an included file names the line that included it")
    func errorInIncludedFile() {
        let d = expectDiagnostic(
            .undefinedID, in: "include \"roles/extra.ttx\"\n" + cleanExercise,
            includes: [("\(testFolder)/roles/extra.ttx", "role c \"丙\"\n  knows 1️⃣nothing\n")], others: true)
        #expect(d?.includedFrom.map(\.description) == ["/exercises/main.ttx:1:9"])
    }

    // MARK: Names

    @Test("E0201 an undefined id, with a fix-it")
    func undefinedID() {
        expectDiagnostic(
            .undefinedID,
            in: cleanExercise.replacingOccurrences(of: "ask a, b", with: "ask a, 1️⃣bb"),
            message: "unknown role 'bb' (did you mean 'b'?)", fixIt: "b")
        expectDiagnostic(
            .undefinedID,
            in: cleanExercise.replacingOccurrences(of: "if water >= 2", with: "if 1️⃣watr >= 2"),
            message: "unknown state variable 'watr' (did you mean 'water'?)", fixIt: "water")
    }

    @Test("E0201 an undefined Chinese id; the column counts characters")
    func undefinedChineseID() {
        let source = """
            exercise demo "演示"
            role 交通局 "交通局"
            ending done "结束"
            scene start "开始"
              ask 交通局 "怎么办?"
                choice go "出发" default
                  advance 1h
                choice stay "留下，等待气象局" if knows(1️⃣交通, 资料)
                  advance 2h
              end done
            """
        let d = expectDiagnostic(.undefinedID, in: source, others: true)
        #expect(d?.span.length == 2)
    }

    @Test("E0202 a duplicate id, with a note on the first")
    func duplicateID() {
        let d = expectDiagnostic(
            .duplicateID,
            in: cleanExercise.replacingOccurrences(of: "role b \"乙\"", with: "role b \"乙\"\nrole 1️⃣a \"甲二\""),
            message: "role 'a' is declared twice; every role needs its own id")
        #expect(d?.notes.first?.span?.start.line == 5)
    }

    @Test("E0203 an id of another kind")
    func wrongKind() {
        expectDiagnostic(
            .wrongKind, in: cleanExercise.replacingOccurrences(of: "  end done", with: "  goto 1️⃣done"),
            message: "'done' is an ending, not a scene")
    }

    // MARK: Types and values

    @Test("E0301 a number where a condition is expected")
    func typeMismatch() {
        expectDiagnostic(
            .typeMismatch,
            in: cleanExercise.replacingOccurrences(of: "if water >= 2", with: "if 1️⃣water + 2"),
            message: "expected a condition (flag), but this is a number")
    }

    @Test("E0301 a duration added to a number")
    func durationPlusNumber() {
        expectDiagnostic(
            .typeMismatch,
            in: cleanExercise.replacingOccurrences(of: "if water >= 2", with: "if 1️⃣time + 2 > 1h"),
            message: "cannot add a number to a duration; write numbers of minutes as durations, like 30m")
    }

    @Test("E0302 a function with the wrong number of arguments")
    func argumentCount() {
        expectDiagnostic(
            .argumentCount,
            in: cleanExercise.replacingOccurrences(of: "if water >= 2", with: "if 1️⃣visited(start, a)"),
            message: "visited takes a scene")
    }

    @Test("E0303 an unknown function, with a fix-it")
    func unknownFunction() {
        expectDiagnostic(
            .unknownFunction,
            in: cleanExercise.replacingOccurrences(of: "if water >= 2", with: "if 1️⃣visted(start)"),
            message: "unknown function 'visted' (did you mean 'visited'?)", fixIt: "visited")
    }

    @Test("E0304 a value out of range")
    func invalidValue() {
        expectDiagnostic(
            .invalidValue,
            in: cleanExercise.replacingOccurrences(of: "range 0..10", with: "range 1️⃣10..0"),
            message: "the range is upside down; write the low bound first: 0..10", fixIt: "0..10")
        expectDiagnostic(
            .invalidValue,
            in: cleanExercise.replacingOccurrences(of: "    say \"水位上涨。\"", with: "    chance 1️⃣150%\n      say \"?\""))
    }

    // MARK: Structure

    @Test("E0401 two default choices")
    func multipleDefaults() {
        expectDiagnostic(
            .multipleDefaults,
            in: cleanExercise.replacingOccurrences(of: "choice go \"出发\"", with: "choice go \"出发\" default")
                .replacingOccurrences(of: "choice stay", with: "choice 1️⃣stay"),
            message: "an ask has one default choice; 'go' is already the default")
    }

    @Test("E0402 an ask without choices")
    func noChoices() {
        expectDiagnostic(
            .noChoices, in: cleanExercise.replacingOccurrences(of: "  end done", with: "  1️⃣ask a \"还有吗?\"\n  end done"),
            message: "this ask has no choices; add `choice ID \"LABEL\"` lines under it")
    }

    @Test("E0403 a measure change with no acting role")
    func needsRole() {
        expectDiagnostic(
            .needsRole,
            in: cleanExercise.replacingOccurrences(of: "    say \"水位上涨。\"", with: "    1️⃣sharing += 1"),
            message: "no role is acting here; say whose score changes: sharing += N for ROLE (or for all)")
    }

    @Test("E0404 a question inside a choice")
    func notAllowedHere() {
        expectDiagnostic(
            .notAllowedHere,
            in: cleanExercise.replacingOccurrences(
                of: "      advance 1h", with: "      1️⃣discuss why \"为什么?\""),
            message: "`discuss` can only be written in a scene's body, not inside a choice, an action or an inject")
    }

    @Test("E0404 an include inside a block")
    func includeInBlock() {
        expectDiagnostic(
            .notAllowedHere,
            in: cleanExercise.replacingOccurrences(of: "  end done", with: "  1️⃣include \"more.ttx\"\n  end done"),
            message: "`include` stands at the top level of a file, not inside a block")
    }

    @Test("E0405 two lead roles")
    func multipleLeads() {
        expectDiagnostic(
            .multipleLeads,
            in: cleanExercise.replacingOccurrences(
                of: "role a \"甲\"\nrole b \"乙\"", with: "role a \"甲\" lead\nrole 1️⃣b \"乙\" lead"),
            message: "more than one role is marked lead; a joint working group has one lead unit")
    }

    @Test("E0406 a decision that falls to a lead role that does not exist")
    func noLead() {
        let source = cleanExercise.replacingOccurrences(
            of: "  end done",
            with: """
                  1️⃣decide plan "方案?" by a, b rule majority
                    fallback lead
                    option one "一"
                      sharing += 1
                    option two "二"
                      sharing += 2
                  end done
                """)
        expectDiagnostic(
            .noLead, in: source, message: "this decision falls to the lead role, but no role is marked lead")
    }

    @Test("E0407 else without if")
    func danglingElse() {
        expectDiagnostic(
            .danglingElse,
            in: cleanExercise.replacingOccurrences(
                of: "  if water >= 2", with: "  1️⃣else\n    say \"?\"\n  if water >= 2"),
            message: "`else` must follow an `if` or a `chance` block at the same indentation")
    }

    @Test("E0408 scenes that jump to each other without asking anything")
    func infiniteLoop() {
        let source =
            cleanExercise.replacingOccurrences(of: "  end done", with: "  goto ping") + """
                scene ping "乒"
                  if water > 1
                    1️⃣goto pong
                  else
                    goto pong
                scene pong "乓"
                  say "来回"
                  goto ping
                """
        expectDiagnostic(
            .infiniteLoop, in: source + "\n  end done\n",
            message:
                "these scenes jump to each other without asking anything, so the exercise would loop forever: ping → pong → ping"
        )
    }

    @Test("a loop that can leave, or that asks, or that spends a limited clock, is not an infinite loop")
    func loopsThatEnd() {
        let counting =
            cleanExercise.replacingOccurrences(of: "  end done", with: "  goto again") + """
                scene again "再来"
                  water += 1
                  if water < 5
                    goto again
                  end done
                """
        let result = ScenarioCompiler.compile(text: counting)
        #expect(!result.diagnostics.contains { $0.code == .infiniteLoop }, "\(describe(result.diagnostics))")
        let waiting =
            cleanExercise.replacingOccurrences(of: "  end done", with: "  goto wait") + """
                scene wait "等待"
                  advance 30m
                  goto wait
                """
        let waited = ScenarioCompiler.compile(text: waiting)
        #expect(!waited.diagnostics.contains { $0.code == .infiniteLoop }, "\(describe(waited.diagnostics))")
    }

    // MARK: Warnings

    @Test("W0501 a scene no path reaches")
    func unreachableScene() {
        expectDiagnostic(
            .unreachableScene, in: cleanExercise + "scene 1️⃣island \"孤岛\"\n  end done\n",
            message: "scene 'island' is never reached: no goto leads to it")
    }

    @Test("W0502 a scene that can end without goto or end")
    func deadEnd() {
        expectDiagnostic(
            .deadEnd,
            in: cleanExercise.replacingOccurrences(of: "  end done", with: "  if water > 3\n    end done")
                .replacingOccurrences(of: "scene start", with: "scene 1️⃣start"),
            message: "scene 'start' can end without a goto or an end; the exercise would stop there with no ending",
            others: true)
    }

    @Test("W0504 a state variable nothing reads")
    func unusedVariable() {
        expectDiagnostic(
            .unused,
            in: cleanExercise.replacingOccurrences(of: "state water", with: "state level = 0\nstate water")
                .replacingOccurrences(of: "state level", with: "state 1️⃣level"),
            message: "state variable 'level' is never read by any condition")
    }

    @Test("W0504 a role nothing refers to")
    func unusedRole() {
        expectDiagnostic(
            .unused, in: cleanExercise.replacingOccurrences(of: "role b \"乙\"", with: "role b \"乙\"\nrole 1️⃣c \"丙\""),
            message: "role 'c' takes no part: nothing asks it, shares with it or refers to it")
    }

    @Test("W0504 an information item nothing uses")
    func unusedItem() {
        expectDiagnostic(
            .unused, in: cleanExercise + "info 1️⃣memo \"备忘\" owner a\n",
            message: "information item 'memo' is never shared, known or tested")
    }

    @Test("W0505 a measure no effect changes")
    func idleMeasure() {
        expectDiagnostic(
            .idleMeasure, in: cleanExercise + "measure 1️⃣trust \"信任\"\n",
            message: "no effect changes measure 'trust'; it will always score the same")
    }

    @Test("W0506 a choice with no effect")
    func choiceWithoutEffect() {
        expectDiagnostic(
            .choiceWithoutEffect,
            in: cleanExercise.replacingOccurrences(
                of: "choice stay \"留下\" default\n      advance 1h", with: "choice 1️⃣stay \"留下\" default"),
            message: "choice 'stay' has no effect: choosing it changes nothing, and no condition tests chose(stay)")
    }

    @Test("W0507 a role never asked anything")
    func roleNeverAsked() {
        expectDiagnostic(
            .roleNeverAsked,
            in: cleanExercise.replacingOccurrences(of: "ask a, b", with: "ask a").replacingOccurrences(
                of: "role b", with: "role 1️⃣b"
            ).replacingOccurrences(of: "water += 1", with: "water += points(b)"),
            message: "role 'b' is never asked anything; whoever plays it will only watch")
    }

    @Test("W0508 an objective none of whose rules can hold")
    func objectiveUnattainable() {
        expectDiagnostic(
            .objectiveUnattainable,
            in: cleanExercise + "objective 1️⃣dry \"排干积水\"\n  P when water > 5\n  S when visited(start) and water < 0\n",
            message: "none of the rules of objective 'dry' can ever hold; it will always be rated U")
    }

    @Test("W0509 a condition that can never hold")
    func constantCondition() {
        expectDiagnostic(
            .constantCondition,
            in: cleanExercise.replacingOccurrences(of: "if water >= 2", with: "if 1️⃣water > 9"),
            message: "this condition can never hold, so what depends on it never happens")
        expectDiagnostic(
            .constantCondition,
            in: cleanExercise.replacingOccurrences(of: "if water >= 2", with: "if 1️⃣water >= 0 or time > 1h"),
            message: "this condition always holds, so testing it changes nothing")
    }

    @Test("E0011 a duty without its statutory deadline")
    func dutyNeedsDeadline() {
        expectDiagnostic(
            .expected,
            in: cleanExercise.replacingOccurrences(of: "ending done", with: "duty 1️⃣safety \"公共安全\"\nending done"),
            message: "duty 'safety' needs its statutory deadline: within DURATION, such as within 48h")
    }

    @Test("W0510 an item more sensitive than the item it is derived from")
    func derivedMoreSensitive() {
        let items = """
            info list "名单" owner a sensitivity internal
            info counts "统计" sensitivity secret derived from 1️⃣list

            """
        expectDiagnostic(
            .derivedMoreSensitive,
            in: cleanExercise.replacingOccurrences(of: "ending done", with: items + "ending done"),
            message: "information item 'counts' is more sensitive than 'list', the item it is derived from; a derived "
                + "version should hold less, not more", others: true)
    }

    @Test("E0304 an item derived from itself, directly or through others")
    func derivedCycle() {
        expectDiagnostic(
            .invalidValue,
            in: cleanExercise.replacingOccurrences(
                of: "ending done", with: "info loop \"循环\" owner a derived from 1️⃣loop\nending done"),
            message: "information item 'loop' is derived from itself (directly or through other items)", others: true)
        let two = """
            info x "X" owner a derived from 1️⃣y
            info y "Y" owner a derived from x

            """
        expectDiagnostic(
            .invalidValue, in: cleanExercise.replacingOccurrences(of: "ending done", with: two + "ending done"),
            others: true)
    }

    @Test("W0511 a declared range play cannot reach: made by check after exploring (AuthoringTests/RangeCheckTests)")
    func unreachableRange() {
        let message = AnalysisMessage.unreachableRange("sharing", declared: "0..20", reached: "0..6", best: "30")
        #expect(message.code == .unreachableRange)
        #expect(message.severity == .warning)
        let en = "measure 'sharing' declares range 0..20, but play reaches only 0..6"
        #expect(message.text(in: .en).hasPrefix(en))
        #expect(message.text(in: .zh).hasPrefix("计分维度「sharing」声明了范围 0..20，但任何打法都只能达到 0..6"))
    }

    @Test("W0512 a vote no coalition can carry")
    func thresholdUnreachable() {
        let vote = cleanExercise.replacingOccurrences(
            of: "  ask a, b \"怎么办?\"",
            with:
                "  decide plan \"方案?\" by a, b rule majority\n    quorum 1️⃣3\n    option p \"甲案\"\n    option q \"乙案\" default\n  ask a, b \"怎么办?\""
        )
        expectDiagnostic(
            .thresholdUnreachable, in: vote,
            message: "decision 'plan' can never carry by vote: quorum needs 3, but only 2 can be cast")
    }

    @Test("W0513 a vote weight that can be negative")
    func weightCanBeNegative() {
        let vote = cleanExercise.replacingOccurrences(
            of: "  ask a, b \"怎么办?\"",
            with:
                "  decide plan \"方案?\" by a, b rule weighted\n    weights a 1️⃣water - 2\n    option p \"甲案\"\n    option q \"乙案\" default\n  ask a, b \"怎么办?\""
        )
        expectDiagnostic(
            .weightCanBeNegative, in: vote,
            message: "the weight of 'a' can be negative (-2…3); a negative weight counts as 0")
    }

    // MARK: Coverage

    @Test("every code has a test in this file")
    func everyCodeTested() throws {
        let file = URL(fileURLWithPath: #filePath)
        let text = try String(contentsOf: file, encoding: .utf8)
        for code in DiagnosticCode.allCases {
            #expect(text.contains("@Test(\"\(code.rawValue)"), "no test for \(code.rawValue) (\(code))")
        }
    }
}
