/// The verbs that attribute a quotation to a speaker (`"…," X said`, `X added: "…"`), as a value
/// a caller can extend: a plugin that needs "quipped" or "posted" passes
/// `AttributionVerbs.english.adding(["quipped", "posted"])` to the extractor.
///
/// Forms are matched as written, lowercased, so list each form you want ("quip", "quips",
/// "quipped"). Forms ending in "-ing" ("saying", "adding") are participles: their subject is the
/// subject of the sentence (`officials downplayed it, stating that…`). "according to" and
/// "quoted … as saying" are recognised on their own and need no entry.
public struct AttributionVerbs: Sendable, Hashable {
    /// The lowercased verb forms.
    public private(set) var forms: Set<String>

    /// A table of exactly these forms.
    public init(_ forms: some Sequence<String>) {
        self.forms = Set(forms.map { $0.lowercased() })
    }

    /// This table with more forms.
    public func adding(_ more: some Sequence<String>) -> AttributionVerbs {
        var copy = self
        copy.forms.formUnion(more.map { $0.lowercased() })
        return copy
    }

    /// This table without some forms.
    public func removing(_ fewer: some Sequence<String>) -> AttributionVerbs {
        var copy = self
        copy.forms.subtract(fewer.map { $0.lowercased() })
        return copy
    }

    /// Whether a lowercased word is one of the forms.
    public func contains(_ word: String) -> Bool { forms.contains(word) }

    /// The forms that report speech whatever follows them; the others attribute a fragment later
    /// in the sentence only when "that" follows them (`warned that …`), since they also take
    /// plain objects (`announced sanctions`, `urged restraint`).
    static let speechForms: Set<String> = [
        "said", "says", "say", "saying", "told", "tells", "tell", "telling", "wrote", "writes", "writing",
        "added", "adds", "adding", "stated", "stating", "quoted as saying", "according to",
        "déclaré", "dit", "affirmé", "indiqué", "expliqué", "ajouté", "précisé", "déclare", "affirme",
        "indique", "explique", "ajoute", "précise",
    ]

    /// Verbs of naming or characterising: their subject is the speaker of a fragment they quote
    /// (`he labeled the agreement "a fraud"`, `the IMF has described conditions as "reasonably
    /// robust"`), as with the speech forms.
    static let namingForms: Set<String> = [
        "called", "calls", "labeled", "labelled", "labels", "dubbed", "dubs", "described", "describes",
        "termed", "branded", "jugé", "qualifié", "juge", "qualifie",
    ]

    /// Whether a form is a participle ("saying"), whose subject is the sentence's subject.
    static func isParticiple(_ word: String) -> Bool { word.hasSuffix("ing") }

    /// The verbs of English news attribution, in their usual forms. Present forms that are
    /// also common nouns ("states", "claims", "notes", "posts") are left out: a noun after a
    /// name ("member states") must not attribute a quote.
    public static let english = AttributionVerbs([
        // say, tell, write and the everyday ones
        "said", "says", "say", "saying", "told", "tells", "tell", "telling", "wrote", "writes", "writing",
        "added", "adds", "adding", "asked", "asks", "asking", "stated", "stating",
        "noted", "noting", "explained", "explains", "explaining",
        "warned", "warns", "warning", "insisted", "insists", "insisting", "argued", "argues", "arguing",
        "claimed", "claiming", "declared", "declares", "declaring",
        "replied", "replying", "responded", "responding", "remarked", "recalled", "recalls", "recalling",
        "continued", "concluded", "emphasized", "emphasised", "emphasizes", "emphasises", "emphasizing",
        "emphasising", "stressed", "stresses", "stressing", "acknowledged", "acknowledges", "acknowledging",
        "admitted", "admits", "admitting", "announced", "announcing", "commented", "observed",
        "posted", "tweeted", "cautioned", "predicted", "predicting", "suggested", "suggests", "suggesting",
        "urged", "urges", "urging", "conceded", "concedes", "conceding", "confirmed", "confirming",
        "countered", "contended", "contends", "reiterated", "reiterating",
        "wondered", "shouted", "quipped", "joked", "vowed", "vowing", "pledged", "assured", "complained",
        "complaining", "lamented", "recounted", "testified", "affirmed", "asserted", "asserts", "alleged",
        "retorted", "exclaimed", "boasted", "reckoned", "reckons", "agreed",
        // naming and characterising (`namingForms`)
        "called", "calls", "labeled", "labelled", "labels", "dubbed", "dubs", "described", "describes",
        "termed", "branded",
    ])

    /// Spanish attribution verbs as agency copy writes them (`«…», dijo Castro`, `sostenía Horrach`):
    /// third-person preterite and imperfect forms.
    public static let spanish = AttributionVerbs([
        "dijo", "decía", "afirmó", "afirmaba", "aseguró", "aseguraba", "explicó", "añadió", "agregó", "señaló",
        "indicó", "declaró", "manifestó", "sostuvo", "sostenía", "subrayó", "advirtió", "precisó", "comentó",
        "apuntó", "reconoció", "insistió", "admitió", "destacó", "concluyó",
    ])

    /// French attribution verbs as agency copy writes them (`« … », a déclaré à l'AFP Sophie
    /// Marchal`, `Patrice Vergnaud a jugé ce mouvement « incompréhensible »`): past participles,
    /// read after their auxiliary (`a`, `ont`, `avait`), and third-person presents.
    public static let french = AttributionVerbs([
        "déclaré", "dit", "affirmé", "indiqué", "expliqué", "ajouté", "précisé", "souligné", "estimé",
        "assuré", "confié", "prévenu", "rappelé", "répondu", "reconnu", "insisté", "martelé", "commenté",
        "jugé", "qualifié", "dénoncé", "déclare", "affirme", "indique", "explique", "ajoute", "précise",
        "souligne", "estime", "assure", "confie", "rappelle", "répond", "juge", "qualifie", "dénonce",
    ])

    /// French auxiliaries before a participle of `french` (`a déclaré`, `ont indiqué`).
    static let frenchAuxiliaries: Set<String> = ["a", "ont", "avait", "avaient", "aurait"]

    /// The default table: `english`, `spanish` and `french`.
    public static let news = english.adding(spanish.forms).adding(french.forms)
}
