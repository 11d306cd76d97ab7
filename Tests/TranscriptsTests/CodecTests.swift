import ExerciseEngine
import Foundation
import ScenarioLanguage
import Testing
import TranscriptsTestSupport

@testable import Transcripts

@Suite struct CodecTests {
    @Test func everyInputRoundTripsThroughIds() throws {
        let scenario = try compile(miniExercise)
        let codec = InputCodec(scenario: scenario)
        let go = try #require(scenario.options.firstIndex { $0.id == "go" })
        let inputs: [Input] = [
            .choose(role: 0, choice: try #require(scenario.choice("push"))),
            .position(role: 1, option: go),
            .leadCall(role: 1, option: go),
            .discuss(role: 0, text: "多行\n\"text\""),
            .act(role: 1, action: try #require(scenario.action("check"))),
            .share(role: 0, item: 0, with: [], parties: []),
            .share(role: 0, item: 0, with: [1], parties: []),
            .answer(role: 1, request: 0, accept: false),
            .request(role: 0, to: [1], item: 0, text: "", duty: nil, within: 90),
            .request(role: 1, to: [0], item: nil, text: "把“名单”发来", duty: nil, within: nil),
            .reply(role: 1, request: 0, reply: .accept),
            .reply(role: 1, request: 0, reply: .acceptDerived),
            .reply(role: 1, request: 2, reply: .refuse("涉及隐私")),
            .reply(role: 1, request: 0, reply: .forward(0)),
            .abstain(role: 1),
            .note(role: nil, text: "facilitator"),
            .note(role: 1, text: "bravo"),
            .peerRating(target: 1, question: 0, value: 4),
            .peerRating(target: 0, question: 1, value: nil),
            .facilitator(.inject(0)),
            .facilitator(.pause),
            .facilitator(.resume),
            .facilitator(.advance(45)),
            .facilitator(.arbitrate(option: go)),
            .facilitator(.rate(objective: 0, rating: .M, reason: "late")),
            .facilitator(.end),
        ]
        var kinds: Set<String> = []
        for input in inputs {
            let (kind, role, data) = codec.encode(input)
            kinds.insert(kind)
            // Through the file's text and back.
            let reread = try JSONValue.parse(data.bytes).get()
            #expect(try codec.decode(kind: kind, role: role, data: reread, line: 1).get() == input)
        }
        #expect(kinds == Set(InputCodec.allKinds))
        #expect(codec.encode(.choose(role: 0, choice: 0)).data == .sorted(["choice": .string("push")]))
        #expect(
            codec.encode(.position(role: 1, option: go)).data
                == .sorted(["decision": .string("plan"), "option": .string("go")]))
    }

    @Test func unknownIdsAreClearErrors() throws {
        let scenario = try compile(miniExercise)
        let codec = InputCodec(scenario: scenario)
        #expect(
            throws: TranscriptError.unknownID(line: 7, kind: "choice", id: "jump"),
            performing: {
                try codec.decode(kind: "choose", role: "a", data: .sorted(["choice": .string("jump")]), line: 7).get()
            })
        #expect(
            throws: TranscriptError.unknownID(line: 2, kind: "role", id: "zulu"),
            performing: {
                try codec.decode(kind: "choose", role: "zulu", data: .sorted(["choice": .string("push")]), line: 2)
                    .get()
            })
        #expect(
            throws: TranscriptError.unknownID(line: 3, kind: "option", id: "plan.fly"),
            performing: {
                try codec.decode(
                    kind: "position", role: "a",
                    data: .sorted(["decision": .string("plan"), "option": .string("fly")]), line: 3
                )
                .get()
            })
        #expect(throws: TranscriptError.self) {
            try codec.decode(kind: "dance", role: nil, data: .object([]), line: 1).get()
        }
        #expect(throws: TranscriptError.self) {
            try codec.decode(kind: "choose", role: "a", data: .object([]), line: 1).get()
        }
        let message = TranscriptError.unknownID(line: 7, kind: "choice", id: "jump").message
        #expect(message == "Line 7 names the choice 'jump', which the exercise does not have.")
    }

    @Test func everyEventKindIsUsedByTheCodec() throws {
        // Write sessions of every bundled exercise and the mini one; every kind written must be a documented kind.
        var seen: Set<String> = []
        for scenario in [try compile(miniExercise), try compile(anonymousExercise), try bundled("flood-response.ttx")] {
            for seed in UInt64(1)...6 {
                let writer = try makeWriter(scenario, seed: seed)
                try playScripted(scenario: scenario, seed: seed, writer: writer)
                for line in try jsonLines(writer.path) where line["type"] == .string("event") {
                    seen.insert(line["kind"]?.stringValue ?? "")
                }
            }
        }
        #expect(seen.isSubset(of: Set(EventCodec.allKinds)))
        #expect(seen.count >= 20)
    }

    @Test func causesAndValuesUseIds() throws {
        let scenario = try compile(miniExercise)
        let codec = EventCodec(scenario: scenario)
        let go = try #require(scenario.options.firstIndex { $0.id == "go" })
        let measure = codec.encode(
            Event(clock: 5, kind: .measureChanged(measure: 0, role: 1, delta: 1.5, value: 2, cause: .option(go))))
        #expect(measure.kind == "measure_changed")
        #expect(measure.role == "b")
        #expect(
            measure.data.text
                == #"{"cause":{"decision":"plan","id":"go","kind":"option"},"delta":1.5,"measure":"sharing","value":2}"#
        )
        let variable = codec.encode(Event(clock: 0, kind: .variableChanged(variable: 0, value: .duration(90))))
        #expect(variable.data.text == #"{"type":"duration","value":90,"variable":"level"}"#)
        let facilitator = codec.encode(
            Event(clock: 0, kind: .pointsAwarded(role: 0, amount: 2, reason: "r", cause: .facilitator)))
        #expect(facilitator.data["cause"] == .sorted(["kind": .string("facilitator")]))
        // Positions come in the decision's role order (`by a, b`) and are written as an object keyed by role id.
        let stop = try #require(scenario.options.firstIndex { $0.id == "stop" })
        let revealed = codec.encode(Event(clock: 0, kind: .positionsRevealed(decision: 0, positions: [go, stop])))
        #expect(revealed.data.text == #"{"decision":"plan","positions":{"a":"go","b":"stop"}}"#)
    }

    @Test func theFormatDocumentNamesEveryKind() throws {
        let doc = try String(
            contentsOf: repositoryRoot.appendingPathComponent("docs/transcript-format.md"), encoding: .utf8)
        for kind in EventCodec.allKinds + InputCodec.allKinds + [
            InputCodec.startKind, InputCodec.anonymousPeerReviewKind,
        ] {
            #expect(doc.contains("`\(kind)`"), "docs/transcript-format.md does not describe `\(kind)`")
        }
    }
}

@Suite struct JSONTests {
    @Test func textRoundTrips() throws {
        let value = JSONValue.ordered([
            "s": .string("引号\" \\ /\n\t\u{01}\u{2028}😀"), "n": .int(-12), "d": .double(0.1), "big": .uint(UInt64.max),
            "a": .array([.null, .bool(true), .bool(false), .object([])]),
        ])
        let text = value.text
        #expect(text.contains(#"\u0001"#))
        #expect(text.contains(#"\u2028"#))
        #expect(!text.contains("\n"))
        #expect(try JSONValue.parse(Array(text.utf8)).get() == value)
        #expect(JSONValue.double(3).text == "3")
        #expect(JSONValue.double(-0.5).text == "-0.5")
        #expect(JSONValue.double(.nan) == .null)
        #expect(try JSONValue.parse(Array(#"{"a":"\ud83d\ude00\u00e9"}"#.utf8)).get()["a"] == .string("😀é"))
    }

    @Test(arguments: [
        "", "{", "{\"a\":1,}", "{\"a\":1}x", "[01]", "{\"a\":1,\"a\":2}", "\"\\ud800\"", "[1.]", "[-]", "{a:1}",
        "\"tab\there\"", "[1e]", "nul", "[\"\\x\"]",
    ])
    func invalidTextIsRejected(text: String) {
        #expect((try? JSONValue.parse(Array(text.utf8)).get()) == nil)
    }

    @Test func invalidUTF8IsRejected() {
        #expect((try? JSONValue.parse([0x22, 0xFF, 0x22]).get()) == nil)
        #expect((try? JSONValue.parse([0x22, 0xE4, 0xB8, 0x22]).get()) == nil)
    }

    @Test func canonicalSortsKeys() {
        let value = JSONValue.ordered(["b": .int(1), "a": .ordered(["d": .int(2), "c": .int(3)])])
        #expect(value.canonical.text == #"{"a":{"c":3,"d":2},"b":1}"#)
    }
}
