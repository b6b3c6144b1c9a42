/// The function-word profiles `LanguageDetector` scores text against: for each language of a
/// script that several languages share, the short words that make up much of any running text
/// of it (articles, prepositions, conjunctions, pronouns, auxiliaries, "said"). Written by hand
/// from knowledge of the languages, not learnt from a corpus; a word may belong to several
/// languages (Spanish and Portuguese "que"), and then counts for each, so what decides between
/// close languages is the words they do not share (Danish "af", "efter", "blev" against Norwegian
/// "av", "etter", "ble").
///
/// The table maps a word's hash (its scalars lower-cased by `lower`, mixed by `mix`) to a bit
/// mask of the languages that use it: open addressing, no allocation to look up.
enum LanguageProfiles {
    struct Language {
        let tag: String
        let script: Script
        let words: String
    }

    /// At most 64 (one bit each in the table's masks).
    static let languages: [Language] = [
        Language(tag: "en", script: .latin, words: """
            the of and to in a is that for it was on with he as by at from his be have has are this which said were \
            an but not they their will been had who would its after also she her or more than we about there when \
            says could into over
            """),
        Language(tag: "de", script: .latin, words: """
            der die und in den von zu das mit sich des auf für ist im dem nicht ein eine als auch es an er hat aus bei \
            sie nach wird einer um am sind noch wie einem über einen so zum war haben nur oder aber vor zur bis mehr \
            durch man dass sagte werden wurde seine ihre wenn schon
            """),
        Language(tag: "fr", script: .latin, words: """
            de la le et les des en du un une est que pour qui dans à au il sur pas par plus ne se ce avec sont elle \
            aux ont son sa ses mais été nous vous leur comme ou cette être lui fait où après selon aussi d l qu \
            entre sans tout très déjà ils
            """),
        Language(tag: "es", script: .latin, words: """
            de la que el en y a los se del las un por con no una su para es al lo como más pero sus le ya o fue este \
            ha sí porque esta son entre cuando muy sin sobre también me hasta hay donde desde todo nos durante según \
            dijo han está ser tiene
            """),
        Language(tag: "pt", script: .latin, words: """
            de a o que e do da em um para é com não uma os no se na por mais as dos como mas foi ao ele das tem à seu \
            sua ou ser quando muito há nos já está também só pelo pela até isso ela entre era depois sem mesmo aos \
            ter seus quem nas disse são segundo foram
            """),
        Language(tag: "it", script: .latin, words: """
            di e il la che in a per un è del non una i con si da le della al sono ha gli nel alla anche più dei ma \
            come lo delle questo ad se nella dal stato hanno era tra dopo loro essere cui ci ancora quando degli \
            negli sul sulla l
            """),
        Language(tag: "ca", script: .latin, words: """
            i de la el que a en els les per amb del un una es no al com més però també són ha va dels seu seva \
            aquest aquesta quan perquè fins molt entre ja han ser sobre hi ho li l d
            """),
        Language(tag: "nl", script: .latin, words: """
            de van een het en in is dat op te zijn voor met die niet aan er om ook als bij of door maar naar uit dan \
            nog wordt werd hij zij heeft hebben deze was worden tot over al wel kan zo geen meer tegen na haar we ze \
            zei volgens
            """),
        Language(tag: "sv", script: .latin, words: """
            och i att det som en på är av för med till den har de inte om ett han men var jag sig från vi så kan \
            man när år säger också efter eller nu sin där vid mot ska skulle kommer hade blev bara hon än sedan \
            andra mycket finns dem vara inom enligt detta över under några
            """),
        Language(tag: "da", script: .latin, words: """
            og i at det er en til på af den for med de som har ikke et var han om der jeg men fra vi så kan sig \
            blev efter eller nu hun også skal ved mod end da over havde meget hvor man mig selv hvad dem nogle \
            sagde siger mellem gennem være her denne dette får ud når bliver bare
            """),
        Language(tag: "no", script: .latin, words: """
            og i at det er en til på av den for med de som har ikke et var han om der jeg men fra vi så kan seg \
            ble etter eller nå hun også skal ved mot enn da over hadde mye hvor man meg selv hva dem noen sa \
            sier mellom gjennom være her denne dette får ut når blir bare å
            """),
        Language(tag: "pl", script: .latin, words: """
            w i na z się do nie że to jest o a od po przez jak dla co ale tak za jego już są był była było może \
            oraz tym ten także który która które przy czy tylko jednak bardzo pod go ich jej lub jako ma będzie \
            według roku powiedział mówi
            """),
        Language(tag: "cs", script: .latin, words: """
            a v se na je že to s z do o k i jako pro ale by jsou který která které také už podle při když jeho \
            než tak jsem bylo byl byla jak za po od jen ve ze až však nebo jejich aby má mezi tento této řekl
            """),
        Language(tag: "sk", script: .latin, words: """
            a v sa na je že to s z do o k i ako pre ale by sú ktorý ktorá ktoré tiež už podľa pri keď jeho než \
            tak som bolo bol bola za po od len vo zo až však alebo ich aby má medzi tento tejto povedal aj
            """),
        Language(tag: "sl", script: .latin, words: """
            in je v na da se za so z pa ki tudi bo ne po pri kot le še ali bi s od do ga ter jih lahko bil bila \
            že ima kar smo sem
            """),
        Language(tag: "hr", script: .latin, words: """
            i je u da se na za su od o a s iz koji koja koje što kao to ali će bi nije bio bila bilo samo još \
            kako nakon prema godine ili te ima li jer do po gdje prije poslije uvijek tijekom također tko
            """),
        Language(tag: "sr-Latn", script: .latin, words: """
            i je u da se na za su od o a sa iz koji koja koje što kao to ali će bi nije bio bila bilo samo još \
            kako nakon prema godine ili te ima li jer do po gde pre posle uvek tokom takođe ko šta
            """),
        Language(tag: "ro", script: .latin, words: """
            de și în a la cu să pe din care o un nu mai pentru este se că au fost ce sunt sau al lui ca dar iar fi \
            după prin acest această între cel cea către despre el ea ei dacă până spus
            """),
        Language(tag: "hu", script: .latin, words: """
            a az és hogy nem is egy meg már még csak volt van ez azt mint ki el be pedig vagy kell lesz után \
            szerint között mert amely aki amikor ha nagyon most majd fel sem így azonban miatt által mondta ezt \
            lehet lett
            """),
        Language(tag: "fi", script: .latin, words: """
            ja on ei se että oli hän ovat mutta kun myös joka jo tai sen ole mukaan vain kuin olisi nyt niin sitä \
            jotka voi vielä sekä mitä kanssa jälkeen hänen sanoo olla eikä koska noin vuonna yli kaikki tämä \
            tässä nämä siitä
            """),
        Language(tag: "et", script: .latin, words: """
            ja on ei et see oli ka kui mis aga ta nad oma nii siis veel ning või pärast üle kuid tema seda mida \
            ütles ütleb ole olid juba seal
            """),
        Language(tag: "lv", script: .latin, words: """
            un ir ar par no uz kas lai ka arī bet to tas vai gada tā nav bija pēc kā jau tikai vēl kur viņš \
            viņa savu līdz starp šo šī tiek var būs pie sacīja
            """),
        Language(tag: "lt", script: .latin, words: """
            ir kad yra su į iš tai o bet per kaip buvo jau dar jis ji nuo apie už tik taip bus metų kuris kurie \
            kuri tačiau ar po dėl jų savo prie sakė
            """),
        Language(tag: "tr", script: .latin, words: """
            ve bir bu da de için ile olarak çok daha o ne gibi en kadar sonra olan ama ancak her değil var yok \
            diye ya ki mi şu olduğu tarafından göre ise veya yılında dedi içinde üzere sadece şey bunu bunun \
            onun büyük ilk yeni
            """),
        Language(tag: "id", script: .latin, words: """
            yang dan di ini itu dengan untuk dari dalam tidak akan pada juga ke ada karena oleh atau sudah bisa \
            mereka kami kita saya telah lebih menjadi tersebut namun hanya seperti para bahwa masih dapat \
            setelah antara kata ujar tahun harus belum sebagai secara sangat
            """),
        Language(tag: "vi", script: .latin, words: """
            của và là các những được có trong cho người không một với đã này đến khi để từ theo về cũng như \
            nhiều đó ở ra sẽ tại nhưng năm thì bị vào lại nhà nói sau nước họ
            """),
        Language(tag: "ru", script: .cyrillic, words: """
            и в не на что с по он как это к из за от а но его о для то так же было был она они также бы мы \
            который которые при уже только или ещё еще после во до сказал года может их ее её
            """),
        Language(tag: "uk", script: .cyrillic, words: """
            і в у не на що з до та як це за від а але його про для й він вона вони також був була було які \
            який яка вже лише або ще після із зі року заявив ми бути може їх її
            """),
        Language(tag: "bg", script: .cyrillic, words: """
            и в на да за се от е с не че по са това като но до ще той тя те към който която които след при \
            още може има беше бе според пред или година каза му ги го вече
            """),
        Language(tag: "sr", script: .cyrillic, words: """
            и у је да се на за су од о са из који која које што као то али ће би није био била било само још \
            како након према године или те има ли до по сам рекао
            """),
        Language(tag: "mk", script: .cyrillic, words: """
            и на во да се за од е со не што ќе го ја тоа кој која кои како но по до беше биле има според или \
            уште година рече кон меѓу
            """),
        Language(tag: "be", script: .cyrillic, words: """
            і у ў не на што з да як гэта за ад а але яго пра для ён яна яны таксама быў была было якія які ужо \
            толькі ці яшчэ пасля года
            """),
        Language(tag: "kk", script: .cyrillic, words: """
            және мен бұл деп бен үшін да де осы бір оның болып туралы тиіс қатысты жылы сондай ал бойынша \
            болды еді бар жоқ
            """),
        Language(tag: "ar", script: .arabic, words: """
            في من على إلى أن عن التي الذي مع هذا هذه كان ما لا أو قال إن بعد كما بين حيث ذلك وقد الى ان قد لم \
            عام خلال وفي التى الذين منذ عند
            """),
        Language(tag: "fa", script: .arabic, words: """
            و در به از که این را با است برای آن یک شد می هم تا بر کرد ها شده پس خود نیز اما باید گفت \
            کند شود بود دارد وی
            """),
        Language(tag: "ur", script: .arabic, words: """
            کے میں کی ہے اور سے کو کا نے پر یہ کہ بھی تھا ہیں گیا لیے ایک تھی کر وہ جو ہو گا تک
            """),
        Language(tag: "hi", script: .devanagari, words: """
            है के में की और से को का ने पर यह कि भी था हैं किया लिए एक इस नहीं तो थे रहा गया कहा हो जो वह
            """),
        Language(tag: "ne", script: .devanagari, words: """
            छ को मा र पनि गरेको हो गर्न भएको छन् लागि थियो भने यो तथा गरे भन्ने उनले गरी रहेको छैन हुने
            """),
        Language(tag: "mr", script: .devanagari, words: """
            आहे आणि या व हे की होते त्यांनी करण्यात आहेत असे हा ही तर मात्र केली त्या होता नाही म्हणाले
            """),
    ]

    static let hashSeed: UInt64 = 0xCBF2_9CE4_8422_2325

    /// One scalar into a word's hash (FNV-1a over the scalar's value).
    @inline(__always)
    static func mix(_ hash: UInt64, _ scalar: UInt32) -> UInt64 {
        (hash ^ UInt64(scalar)) &* 0x0000_0100_0000_01B3
    }

    /// A scalar in lower case for the letters function words are written in (ASCII, Latin-1,
    /// Latin Extended-A, Vietnamese, Greek, Cyrillic), with Romanian's cedilla letters read as
    /// its comma-below ones; other scalars as they are.
    @inline(__always)
    static func lower(_ c: UInt32) -> UInt32 {
        if c < 0x80 { return c &- 0x41 < 26 ? c | 0x20 : c }
        switch c {
        case 0xC0...0xDE: return c == 0xD7 ? c : c + 0x20
        case 0x15E, 0x15F: return 0x219
        case 0x162, 0x163: return 0x21B
        case 0x130: return 0x69
        case 0x178: return 0xFF
        case 0x100...0x137, 0x14A...0x177: return c | 1
        case 0x139...0x148, 0x179...0x17E: return c & 1 == 1 ? c + 1 : c
        case 0x218, 0x21A: return c + 1
        case 0x391...0x3A9: return c + 0x20
        case 0x400...0x40F: return c + 0x50
        case 0x410...0x42F: return c + 0x20
        case 0x1E00...0x1EFF: return c | 1
        default: return c
        }
    }

    /// Words (by hash) to the mask of the languages whose profile has them.
    static let table: HashTable = {
        var table = HashTable(capacity: 4096)
        for (bit, language) in languages.enumerated() {
            for word in language.words.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
                var hash = hashSeed
                for scalar in word.unicodeScalars { hash = mix(hash, lower(scalar.value)) }
                table.insert(hash, bit: bit)
            }
        }
        return table
    }()

    /// Open addressing over word hashes (a zero key is an empty slot).
    struct HashTable: Sendable {
        private var keys: [UInt64]
        private var masks: [UInt64]
        private let shift: UInt64

        init(capacity: Int) {
            keys = Array(repeating: 0, count: capacity)
            masks = Array(repeating: 0, count: capacity)
            shift = UInt64(64 - capacity.trailingZeroBitCount)
        }

        mutating func insert(_ hash: UInt64, bit: Int) {
            let key = hash | 1
            var slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
            while keys[slot] != 0 && keys[slot] != key { slot = (slot + 1) & (keys.count - 1) }
            keys[slot] = key
            masks[slot] |= 1 << UInt64(bit)
        }

        @inline(__always)
        func lookup(_ hash: UInt64) -> UInt64 {
            let key = hash | 1
            var slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) >> shift)
            return keys.withUnsafeBufferPointer { k in
                while true {
                    let found = k[slot]
                    if found == key { return masks[slot] }
                    if found == 0 { return 0 }
                    slot = (slot + 1) & (k.count - 1)
                }
            }
        }
    }
}
