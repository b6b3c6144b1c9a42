/// Word lists the attribution stage reads speaker phrases with (all lowercase).
///
/// Internal: they describe English news syntax ("the official", "a senior State Department
/// official", "UN spokesman Stephane Dujarric", "he"), not a vocabulary users extend.
enum AttributionWords {
    /// Pronouns that can be the subject of an attribution.
    static let pronouns: Set<String> = ["he", "she", "they", "we", "i"]

    /// Singular personal pronouns, resolved to a person from the context.
    static let personalPronouns: Set<String> = ["he", "she"]

    /// Words that start a noun phrase.
    static let determiners: Set<String> = [
        "the", "a", "an", "one", "two", "three", "four", "several", "some", "many", "his", "her", "their",
        "its", "this", "these", "those", "another", "both", "our", "other", "few", "most", "all",
    ]

    /// Determiners that introduce someone new (`a senior official`): such a speaker has no name.
    static let indefinite: Set<String> = [
        "a", "an", "one", "two", "three", "four", "several", "some", "many", "another", "few", "most", "all", "other",
    ]

    /// Words between a subject and its verb that do not break the attribution (`Qin also said`,
    /// `X later told reporters`, `he has said`).
    static let auxiliaries: Set<String> = [
        "also", "later", "then", "has", "had", "have", "was", "were", "is", "are", "be", "been",
        "previously", "again", "further", "recently", "once", "earlier", "reportedly", "repeatedly",
        "publicly", "separately", "subsequently", "additionally", "would", "will", "could", "did",
        "does", "do", "just", "simply", "quickly", "himself", "herself", "privately", "bluntly",
        "often", "frequently", "last", "week", "month", "year", "on", "friday", "monday", "tuesday",
        "wednesday", "thursday", "saturday", "sunday", "yesterday", "today", "flatly", "firmly", "even",
    ]

    /// Auxiliaries that make a following verb passive (`was asked`), which is no attribution.
    static let passive: Set<String> = ["was", "were", "is", "are", "be", "been", "being"]

    /// Nouns for people that head a speaker phrase (`the official`, `analysts`).
    static let personNouns: Set<String> = [
        "official", "officials", "spokesman", "spokeswoman", "spokesperson", "spokespeople", "spokesmen",
        "minister", "ministers", "president", "secretary", "diplomat", "diplomats", "analyst", "analysts",
        "expert", "experts", "commentator", "commentators", "blogger", "bloggers", "source", "sources",
        "aide", "aides", "adviser", "advisers", "advisor", "advisors", "lawmaker", "lawmakers", "senator",
        "senators", "governor", "mayor", "ambassador", "envoy", "leader", "leaders", "chief", "director",
        "professor", "author", "researcher", "researchers", "scholar", "scholars", "economist", "economists",
        "fellow", "officer", "officers", "representative", "representatives", "negotiator", "negotiators",
        "premier", "chancellor", "king", "queen", "prince", "general", "commander", "colonel", "admiral",
        "judge", "lawyer", "lawyers", "attorney", "prosecutor", "prosecutors", "chairman", "chairwoman",
        "chair", "ceo", "executive", "executives", "founder", "manager", "head", "member", "members",
        "activist", "activists", "resident", "residents", "witness", "witnesses", "student", "students",
        "worker", "workers", "voter", "voters", "citizen", "citizens", "man", "woman", "men", "women",
        "people", "person", "doctor", "doctors", "nurse", "scientist", "scientists", "journalist",
        "reporter", "editor", "columnist", "writer", "critic", "critics", "observer", "observers",
        "insider", "insiders", "candidate", "campaigner", "campaigners", "protester", "protesters",
        "farmer", "owner", "teacher", "counterpart", "deputy", "correspondent", "investor", "investors",
        "trader", "traders", "strategist", "strategists", "chairperson", "pilot", "soldier", "soldiers",
        "victim", "mother", "father", "son", "daughter", "wife", "husband", "friend", "neighbour", "neighbor",
        "coach", "player", "captain", "pope", "bishop", "priest", "cleric", "host", "anchor", "presenter",
        "undersecretary", "delegate", "delegates", "legislator", "legislators", "congressman",
        "congresswoman", "mp", "mps", "veteran", "specialist", "specialists", "consultant", "partner",
    ]

    /// Nouns for institutions that speak (`the ministry said`): a speaker, but never a person.
    static let groupNouns: Set<String> = [
        "government", "ministry", "department", "agency", "company", "office", "embassy", "administration",
        "committee", "council", "commission", "court", "military", "army", "police", "statement", "report",
        "broadcaster", "newspaper", "media", "outlet", "network", "group", "organisation", "organization",
        "union", "party", "team", "campaign", "firm", "bank", "board", "authorities", "authority", "regime",
        "cabinet", "parliament", "congress", "senate", "white", "house", "kremlin", "pentagon", "xinhua",
        "reuters", "side", "delegation", "state",
    ]

    /// Lowercase words allowed inside a speaker phrase before its head (`a senior State
    /// Department official`, `China’s foreign minister`).
    static let modifiers: Set<String> = [
        "senior", "former", "top", "chief", "deputy", "foreign", "local", "state", "government",
        "administration", "unnamed", "anonymous", "other", "military", "defence", "defense", "economic",
        "trade", "security", "national", "regional", "federal", "provincial", "party", "company", "vice",
        "assistant", "associate", "acting", "current", "outgoing", "incoming", "new", "longtime",
        "veteran", "prominent", "leading", "independent", "political", "legal", "health", "retired",
        "ex", "white", "house", "ministry", "department", "foreign-policy", "policy", "affairs", "police",
        "finance", "treasury", "commerce", "justice", "interior", "education", "energy", "climate",
        "environment", "environmental", "intelligence", "defence-ministry", "press", "communications",
        "campaign", "research", "executive", "general", "managing", "elder", "junior", "young", "old",
        "china", "us", "official", "spokesman", "spokeswoman", "spokesperson", "ministry's", "broadcaster",
        "opposition", "ruling", "union", "industry", "market", "senior-level", "high-ranking", "well-known",
        "chinese", "american", "western", "european", "asian", "russian", "japanese", "indian", "british",
    ]

    /// Prepositions that may join a speaker phrase to its complement (`a senior fellow with the
    /// German Marshall Fund`, `one commentator for the state broadcaster CCTV`).
    static let phrasePrepositions: Set<String> = ["of", "for", "at", "with", "from", "in", "to"]

    /// Words that end a speaker phrase read forwards (`stated a senior official during a stop`).
    static let phraseEnders: Set<String> = [
        "during", "in", "on", "at", "after", "before", "when", "while", "as", "to", "from", "with",
        "who", "which", "that", "last", "this", "yesterday", "today", "told", "said", "and", "but",
        "because", "since", "ahead", "following", "according", "via", "by", "earlier", "later",
    ]

    /// Words that open an adverbial at the start of a clause (`On Wednesday, …`, `Prior to …,`).
    static let adverbialStarters: Set<String> = [
        "on", "in", "at", "during", "after", "before", "prior", "last", "this", "earlier", "later",
        "meanwhile", "however", "speaking", "also", "and", "but", "so", "yet", "still", "then", "now",
        "today", "yesterday", "with", "without", "for", "since", "while", "when", "as", "although",
        "though", "despite", "following", "asked", "writing", "separately", "instead", "indeed", "thus",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "under",
        "over", "from", "by", "amid", "lastly", "finally", "moreover", "furthermore",
    ]

    /// Conjunctions a sentence may open with before its subject (`But Smith said …`).
    static let openingConjunctions: Set<String> = ["and", "but", "so", "yet", "still", "then", "now", "meanwhile", "however"]
}
