import Foundation
import Testing

@testable import Corpus
@testable import NewsText

/// `LanguageDetector` on news-like paragraphs written for these tests (not taken from any
/// corpus the word lists were written against), on mixed and short texts where it must not
/// guess, and the loader's use of it (`doc.language_from`).
@Suite struct TextLanguageTests {
    static let paragraphs: [(String, String)] = [
        ("en", """
            The city council voted on Tuesday to delay the new budget after residents complained that the plan \
            would cut funding for libraries and parks. The mayor said she was disappointed but that the council \
            would meet again next week to look for a compromise with the unions.
            """),
        ("de", """
            Der Stadtrat hat am Dienstag beschlossen, den neuen Haushalt zu verschieben, nachdem sich Anwohner \
            über Kürzungen bei Bibliotheken und Parks beschwert hatten. Die Bürgermeisterin sagte, sie sei \
            enttäuscht, aber der Rat werde sich nächste Woche wieder treffen, um mit den Gewerkschaften einen \
            Kompromiss zu suchen.
            """),
        ("fr", """
            Le conseil municipal a voté mardi pour reporter le nouveau budget, après que des habitants se sont \
            plaints des coupes dans les bibliothèques et les parcs. La maire a déclaré qu'elle était déçue, mais \
            que le conseil se réunirait de nouveau la semaine prochaine pour chercher un compromis avec les syndicats.
            """),
        ("es", """
            El ayuntamiento votó el martes para aplazar el nuevo presupuesto, después de que los vecinos se \
            quejaran de los recortes en las bibliotecas y los parques. La alcaldesa dijo que estaba decepcionada, \
            pero que el consejo se reunirá de nuevo la próxima semana para buscar un acuerdo con los sindicatos.
            """),
        ("it", """
            Il consiglio comunale ha votato martedì per rinviare il nuovo bilancio, dopo che i residenti si sono \
            lamentati dei tagli alle biblioteche e ai parchi. La sindaca ha detto di essere delusa, ma che il \
            consiglio si riunirà di nuovo la prossima settimana per cercare un compromesso con i sindacati.
            """),
        ("pt", """
            A câmara municipal votou na terça-feira para adiar o novo orçamento, depois que os moradores \
            reclamaram dos cortes nas bibliotecas e nos parques. A prefeita disse que estava decepcionada, mas \
            que o conselho vai se reunir de novo na próxima semana para buscar um acordo com os sindicatos.
            """),
        ("nl", """
            De gemeenteraad heeft dinsdag besloten de nieuwe begroting uit te stellen, nadat inwoners hadden \
            geklaagd over bezuinigingen op bibliotheken en parken. De burgemeester zei dat ze teleurgesteld was, \
            maar dat de raad volgende week opnieuw bijeenkomt om met de vakbonden een compromis te zoeken.
            """),
        ("sv", """
            Kommunfullmäktige röstade på tisdagen för att skjuta upp den nya budgeten, efter att invånare hade \
            klagat på nedskärningar i bibliotek och parker. Borgmästaren sade att hon var besviken, men att \
            fullmäktige skulle träffas igen nästa vecka för att söka en kompromiss med facket.
            """),
        ("da", """
            Byrådet stemte tirsdag for at udskyde det nye budget, efter at borgerne havde klaget over \
            nedskæringer på biblioteker og parker. Borgmesteren sagde, at hun var skuffet, men at byrådet ville \
            mødes igen i næste uge for at finde et kompromis med fagforeningerne, og at det ikke blev sidste gang.
            """),
        ("no", """
            Bystyret stemte tirsdag for å utsette det nye budsjettet, etter at innbyggerne hadde klaget på kutt \
            i biblioteker og parker. Ordføreren sa at hun var skuffet, men at bystyret ville møtes igjen neste \
            uke for å finne et kompromiss med fagforeningene, og at det ikke ble siste gang.
            """),
        ("pl", """
            Rada miasta zagłosowała we wtorek za przesunięciem nowego budżetu, po tym jak mieszkańcy skarżyli się \
            na cięcia w bibliotekach i parkach. Burmistrz powiedziała, że jest rozczarowana, ale rada spotka się \
            ponownie w przyszłym tygodniu, by szukać kompromisu ze związkami zawodowymi.
            """),
        ("tr", """
            Belediye meclisi salı günü yeni bütçeyi ertelemek için oy kullandı, çünkü mahalle sakinleri \
            kütüphane ve parklar için yapılan kesintilerden şikayet etti. Belediye başkanı hayal kırıklığına \
            uğradığını ancak meclisin gelecek hafta sendikalarla bir uzlaşma aramak için yeniden toplanacağını \
            söyledi. Bu karar, şehirde çok tartışılan bir konu olarak gündemde kalacak ve daha sonra yeni bir \
            oylama yapılacak.
            """),
        ("id", """
            Dewan kota pada hari Selasa memutuskan untuk menunda anggaran baru setelah warga mengeluhkan \
            pemotongan dana untuk perpustakaan dan taman. Wali kota mengatakan bahwa ia kecewa, namun dewan akan \
            bertemu lagi pada minggu depan untuk mencari kompromi dengan serikat pekerja yang menolak rencana itu.
            """),
        ("ru", """
            Городской совет во вторник проголосовал за то, чтобы отложить новый бюджет, после того как жители \
            пожаловались на сокращения расходов на библиотеки и парки. Мэр сказала, что она разочарована, но \
            совет снова соберётся на следующей неделе, чтобы найти компромисс с профсоюзами.
            """),
        ("uk", """
            Міська рада у вівторок проголосувала за те, щоб відкласти новий бюджет, після того як мешканці \
            поскаржилися на скорочення видатків на бібліотеки та парки. Мерка сказала, що вона розчарована, але \
            рада знову збереться наступного тижня, щоб знайти компроміс із профспілками.
            """),
        ("el", """
            Το δημοτικό συμβούλιο ψήφισε την Τρίτη να αναβάλει τον νέο προϋπολογισμό, αφού οι κάτοικοι \
            διαμαρτυρήθηκαν για τις περικοπές στις βιβλιοθήκες και τα πάρκα.
            """),
        ("ja", "市議会は火曜日、図書館や公園の予算削減に住民が反発したことを受けて、新しい予算案の採決を延期した。市長は失望したと述べた。"),
        ("zh", "市议会星期二投票决定推迟新的预算案，因为居民抱怨图书馆和公园的经费被削减。市长表示她感到失望，但议会下周将再次开会。"),
        ("ko", "시의회는 화요일 도서관과 공원 예산 삭감에 주민들이 반발하자 새 예산안 처리를 연기했다. 시장은 실망했다고 말했다."),
        ("ar", """
            صوت مجلس المدينة يوم الثلاثاء على تأجيل الميزانية الجديدة بعد أن اشتكى السكان من التخفيضات في \
            المكتبات والحدائق. وقالت رئيسة البلدية إنها تشعر بخيبة أمل، لكن المجلس سيجتمع مرة أخرى في الأسبوع \
            المقبل للبحث عن حل مع النقابات التي رفضت الخطة.
            """),
        ("hi", """
            नगर परिषद ने मंगलवार को नया बजट टालने के लिए मतदान किया, क्योंकि निवासियों ने पुस्तकालयों और \
            पार्कों में कटौती की शिकायत की थी। महापौर ने कहा कि वह निराश हैं, लेकिन परिषद अगले सप्ताह फिर से बैठक \
            करेगी और यह मामला फिर से उठाया जाएगा।
            """),
        ("th", "สภาเมืองลงมติเมื่อวันอังคารให้เลื่อนงบประมาณใหม่ออกไป หลังจากชาวบ้านร้องเรียนเรื่องการตัดงบห้องสมุดและสวนสาธารณะ"),
    ]

    @Test func eachLanguageOfItsParagraph() {
        for (language, text) in Self.paragraphs {
            #expect(LanguageDetector.detect(text) == language, "\(language): \(text.prefix(40))")
        }
    }

    @Test func unsureGivesNil() {
        // Too short to say.
        #expect(LanguageDetector.detect("Markets rose on Monday.") == nil)
        #expect(LanguageDetector.detect("") == nil)
        // Half English, half French, word for word as much of each.
        let en = Self.paragraphs[0].1, fr = Self.paragraphs[2].1
        #expect(LanguageDetector.detect(en + " " + fr) == nil)
        // Numbers and symbols, no words.
        #expect(LanguageDetector.detect(String(repeating: "12.5% +3,4 — 2024/06/18 | ", count: 40)) == nil)
        // Half Latin letters, half Cyrillic: no main script.
        #expect(LanguageDetector.detect(en + " " + Self.paragraphs[13].1) == nil)
    }

    @Test func aLongTextIsJudgedOnItsOpening() {
        // Only the first few KB are read: a German article with an English appendix past them is German.
        let german = String(repeating: Self.paragraphs[1].1 + " ", count: 12)
        #expect(german.utf8.count > LanguageDetector.sampleBytes)
        #expect(LanguageDetector.detect(german + String(repeating: Self.paragraphs[0].1, count: 20)) == "de")
    }

    @Test func capitalsAndTypographyDoNotHide() {
        let upper = Self.paragraphs[2].1.uppercased()
        #expect(LanguageDetector.detect(upper) == "fr")
        let curly = Self.paragraphs[0].1.replacingOccurrences(of: "'", with: "\u{2019}")
        #expect(LanguageDetector.detect("\u{201C}" + curly + "\u{201D}") == "en")
    }

    @Test func loadedDocumentsRecordWhereTheLanguageCameFrom() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("lang-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let lines = [
            ["id": "given", "text": Self.paragraphs[0].1, "language": "en-GB"],
            ["id": "german", "text": Self.paragraphs[1].1],
            ["id": "short", "text": "Markets rose on Monday."],
        ]
        let jsonl = try lines.map { String(decoding: try JSONSerialization.data(withJSONObject: $0), as: UTF8.self) }
            .joined(separator: "\n")
        try jsonl.write(to: dir.appendingPathComponent("a.jsonl"), atomically: true, encoding: .utf8)
        try Self.paragraphs[2].1.write(to: dir.appendingPathComponent("b.txt"), atomically: true, encoding: .utf8)
        let corpus = try CorpusLoader.load(path: dir.path)
        let byID = Dictionary(uniqueKeysWithValues: corpus.documents.map { ($0.id, $0) })
        #expect(byID["given"]?.language == "en-GB")
        #expect(byID["given"]?.languageFrom == "field")
        #expect(byID["german"]?.language == "de")
        #expect(byID["german"]?.languageFrom == "detected")
        #expect(byID["short"]?.language == nil)
        #expect(byID["short"]?.languageFrom == nil)
        #expect(byID["b"]?.language == "fr")
        #expect(byID["b"]?.languageFrom == "detected")
    }
}
