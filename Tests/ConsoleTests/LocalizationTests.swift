import Localization
import Testing

@testable import Console

@Suite struct ConsoleCatalogTests {
    @Test func catalogueIsSound() {
        #expect(Catalog.console.problems == [])
        #expect(ConsoleCatalog.en.count > 100)
    }

    @Test func formatting() {
        let zh = Strings(.console, language: .zh)
        let en = Strings(.console, language: .en)
        let unknown = zh("error.unknownCommand", "stauts") + zh("error.didYouMean", "status")
        #expect(unknown == "未知命令「stauts」（您是不是想输入「status」？）")
        #expect(en("error.unknownCommand", "stauts") == "unknown command 'stauts'")
        #expect(en("error.choiceOutOfRange", "1", "3") == "choose a number from 1 to 3, or a choice id")
        #expect(zh("error.choiceOutOfRange", "1", "3") == "请输入 1 到 3 之间的编号，或选项标识")
        #expect(zh["error.lineTooLong"] == "输入过长（上限为 {0} 字节）")
        #expect(en("notice.blankLineIgnored") == "blank line ignored")
        #expect(zh("sensitivity.secret") == "涉密")
    }
}
