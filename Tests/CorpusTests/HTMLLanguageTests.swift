import Foundation
import Testing

@testable import Corpus

/// Pages in scripts without spaces, right-to-left pages, and real pages in Chinese, Arabic,
/// Burmese and Thai from ../shared/devdata/news-html (skipped when that folder is absent).
@Suite struct HTMLLanguageTests {
    typealias P = HTMLTestPages

    @Test(.enabled(if: P.devdataAvailable, P.skipMessage))
    func chinesePage() throws {
        let a = HTMLExtractor.extract(try P.devdataPage("chinese_article"))
        #expect(a.title == "港特首梁振英就住宅违建事件道歉")
        #expect(a.date == "2012-12-10")
        #expect(a.language == "zh-Hans")
        #expect(a.text.contains("香港行政长官梁振英在各方压力下就其大宅的违章建筑（僭建）问题到立法会接受质询"))
        #expect(a.text.contains("民主党此前计划在星期三（11日）对梁振英提出不信任动议。"))
        // Related stories, the most-read list, the footer.
        #expect(!a.text.contains("梁振英定下出席违建事件质询日期"))
        #expect(!a.text.contains("罗德曼就涉及裴埈皓的采访言论道歉"))
        #expect(!a.text.contains("非本网站内容BBC概不负责"))
        #expect(a.blocks.contains { $0.kind == .heading && $0.text.contains("郑重道歉") })
    }

    @Test(.enabled(if: P.devdataAvailable, P.skipMessage))
    func arabicPage() throws {
        let a = HTMLExtractor.extract(try P.devdataPage("arabic_article"))
        #expect(a.title == "معارضون يسيطرون على مخازن للصواريخ بريف دمشق")
        #expect(a.siteName == "CNNArabic")
        #expect(a.language == "ar")
        // "Wednesday, 28 August 2013" in Arabic under the headline.
        #expect(a.date == "2013-08-28")
        #expect(a.text.contains("وقال المرصد السوري لحقوق الإنسان، وهو هيئة معارضة مقرها لندن"))
        #expect(!a.text.contains("القبض على شاب تحرش بطفلة في السعودية"))
        #expect(!a.text.contains("خدمة آخر خبر للرسائل النصية"))
    }

    @Test(.enabled(if: P.devdataAvailable, P.skipMessage))
    func burmeseAndThaiPages() throws {
        let burmese = HTMLExtractor.extract(try P.devdataPage("burmese_article"))
        #expect(burmese.text.contains("မီဒီယာကောင်စီကတော့ လက်ရှိ တာမွေတရားရုံးမှာ"))
        #expect(!burmese.text.contains("ထိပ်တန်း သတင်းများ"))
        #expect(burmese.date == "2018-10-26")
        let thai = HTMLExtractor.extract(try P.devdataPage("thai_article"))
        #expect(thai.text.contains("ปรานี ด่านวัฒนานุสรณ์ ภรรยาของสุรชัยกล่าวว่า"))
        #expect(!thai.text.contains("Tweets by prachatai"))
        #expect(thai.date == "2019-01-21")
    }

    @Test func persianRightToLeftPage() throws {
        let a = HTMLExtractor.extract(try P.fixture("rtl_persian.html"))
        #expect(a.title == "بازگشایی کتابخانه ملی پس از دو سال مرمت")
        #expect(a.language == "fa")
        #expect(a.date == "2021-10-24")
        #expect(a.text.contains("مدیر کتابخانه در مراسم بازگشایی گفت"))
        // The zero-width non-joiner, part of Persian spelling, survives.
        #expect(a.text.contains("مراجعه\u{200C}کنندگان"))
        for out in ["نظرات کاربران", "خبر بسیار خوبی است", "افزایش قیمت بلیت قطار", "اشتراک‌گذاری", "ورود"] {
            #expect(!a.text.contains(out), "\(out)")
        }
    }

    @Test func undeclaredLanguageFromTheText() throws {
        // Italian in a 2008 table layout that declares nothing: its function words say it.
        let italian = HTMLExtractor.extract(try P.fixture("table_latin1.html"))
        #expect(italian.language == "it")
        #expect(italian.sources.language == "text")
        // Persian and Arabic share a script; the letters each uses alone tell them apart.
        let persian = "<p>" + String(repeating: "کتابخانه ملی پس از دو سال تعطیلی برای مرمت و بازسازی، از امروز دوباره به روی مراجعه‌کنندگان باز شد. ", count: 3) + "</p>"
        #expect(HTMLExtractor.extract(html: persian).language == "fa")
        let arabic = "<p>" + String(repeating: "وقال المرصد السوري لحقوق الإنسان، وهو هيئة معارضة مقرها لندن، إن مقاتلين سيطروا على مستودعات للذخيرة في المنطقة الجبلية. ", count: 3) + "</p>"
        #expect(HTMLExtractor.extract(html: arabic).language == "ar")
        // Too little or too mixed text: no guess.
        #expect(HTMLExtractor.extract(html: "<p>Hola, hello, bonjour, hallo and ciao to all of you.</p>").language == nil)
    }

    @Test func shortCJKParagraphsMeasureLikeLongLatinOnes() {
        // Three 60-character Chinese paragraphs are as much text as three 180-character English ones.
        let p = "<p>记者从国家卫生健康委获悉，近阶段相关部门持续依托短缺药品供应保障工作会商联动机制，深入优化短缺药品实时监测预警与分级应对体系。</p>"
        let a = HTMLExtractor.extract(html: "<body><ul><li><a href=\"/\">首页</a></li><li><a href=\"/a\">新闻</a></li></ul>"
            + "<div>" + String(repeating: p, count: 3) + "</div></body>")
        #expect(a.blocks.count == 3)
        #expect(!a.text.contains("首页"))
    }
}
