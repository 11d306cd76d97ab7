import Localization
import Testing

@testable import Console

@Suite struct ConsoleCatalogTests {
    @Test func catalogueIsSound() {
        #expect(Catalog.console.problems == [])
        #expect(ConsoleCatalog.en.count > 100)
    }

    @Test func commandsCatalogueIsSound() {
        // Same keys and placeholders in Chinese and English, plural forms included, and no clash with the console's.
        #expect(Catalog.commands.problems == [])
        #expect(CommandCatalog.en.count > 100)
        let zh = Strings(.commands, language: .zh)
        let en = Strings(.commands, language: .en)
        #expect(en.plural("simulate.playthroughs", count: 1) == "1 playthrough")
        #expect(en.plural("simulate.playthroughs", count: 20) == "20 playthroughs")
        #expect(zh.plural("simulate.playthroughs", count: 20) == "通关 20 次")
        #expect(
            zh("resume.cannot", "t/x.jsonl", zh["command.notATranscript"]) == "无法继续「t/x.jsonl」：文件不存在，或不是 Sandtable 记录")
        // The console's strings are reachable through the commands' catalogue.
        #expect(zh("play.cannotStart", "x.ttx") == Strings(.console, language: .zh)("play.cannotStart", "x.ttx"))
    }

    @Test func formatting() {
        let zh = Strings(.console, language: .zh)
        let en = Strings(.console, language: .en)
        let unknown = zh("error.unknownCommand", "stauts") + zh("error.didYouMean", "status")
        #expect(unknown == "未知命令「stauts」（您是不是想输入「status」？）")
        #expect(en("error.unknownCommand", "stauts") == "Unknown command 'stauts'")
        #expect(en("error.choiceOutOfRange", "1", "3") == "Choose a number from 1 to 3, or a choice id")
        #expect(zh("error.choiceOutOfRange", "1", "3") == "请输入 1 到 3 之间的编号，或选项标识")
        #expect(zh["error.lineTooLong"] == "输入过长（上限为 {0} 字节）")
        #expect(en("notice.blankLineIgnored") == "Blank line ignored")
        #expect(zh("sensitivity.secret") == "涉密")
    }
}
