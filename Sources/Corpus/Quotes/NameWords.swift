/// Word lists for telling person names from other capitalised words (all lowercase).
///
/// Internal, and deliberately modest: `NameHeuristicResolver` is a fallback until an entity
/// stage resolves speakers; it only needs to find the people an article quotes.
enum NameWords {
    /// Titles and honorifics: stripped from a name, and a sign that a person follows.
    static let titles: Set<String> = [
        "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "prof", "prof.", "sir", "dame", "lord", "lady",
        "president", "vice", "prime", "minister", "secretary", "deputy", "assistant", "undersecretary",
        "chancellor", "premier", "king", "queen", "prince", "princess", "pope", "general", "gen.", "admiral",
        "colonel", "col.", "captain", "capt.", "lieutenant", "lt.", "sergeant", "sgt.", "senator", "sen.",
        "representative", "rep.", "governor", "gov.", "mayor", "judge", "justice", "ambassador", "envoy",
        "chairman", "chairwoman", "chair", "chief", "executive", "director", "spokesman", "spokeswoman",
        "spokesperson", "commissioner", "speaker", "leader", "senior", "former", "acting", "advisor",
        "adviser", "councillor", "councilor", "rev.", "father", "sheikh", "crown", "emir", "sultan",
        "director-general", "secretary-general", "professor", "author", "analyst", "commentator",
        "ceo", "founder", "official", "diplomat", "counterpart", "foreign", "defence", "defense",
        "treasury", "commerce", "trade", "state", "national", "security", "finance", "interior", "home",
        "reverend", "rev", "administrator", "brigadier", "major", "inspector", "superintendent", "detective",
        "constable", "treasurer", "attorney", "shadow", "coach", "skipper", "bishop", "archbishop",
        "cardinal", "rabbi", "imam", "ayatollah", "doctor", "coroner", "magistrate", "alderman", "mp",
        "marshal", "corporal", "private", "officer", "baroness", "baron", "earl", "duke",
        "duchess", "count", "countess", "emperor", "empress", "tsar", "czar", "pastor", "sister", "brother",
        "madam", "miss", "mx", "hon", "hon.", "honourable", "honorable", "his", "her", "majesty",
        "highness", "excellency", "comrade", "chairperson", "governor-general", "member", "delegate",
        "critic", "historian", "philosopher", "mathematician", "politician", "musician", "writer", "poet",
        "playwright", "composer", "painter", "actor", "actress", "singer", "producer", "novelist",
        "columnist", "reporter", "editor", "economist", "scientist", "journalist",
    ]

    /// Whether a lowercased word is a title, also a hyphenated one ("lieutenant-general").
    static func isTitle(_ w: String) -> Bool {
        if titles.contains(w) || AttributionWords.personNouns.contains(w) || occupations.contains(w) { return true }
        // Occupations ending in -ist ("Anthropologist Robin Fox", "Ecologist Robert J. Goodland").
        if w.utf8.count >= 7 && w.hasSuffix("ist") { return true }
        guard w.utf8.contains(0x2D) else { return false }
        let parts = w.split(separator: "-")
        return parts.count > 1 && parts.allSatisfy { titles.contains(String($0)) }
    }

    /// More occupations written before a name ("Firefighter Robert Savarese", "Leg-spinner Stuart MacGill").
    static let occupations: Set<String> = [
        "firefighter", "businessman", "businessmen", "businesswoman", "leg-spinner", "spinner", "bowler",
        "batsman", "paceman", "striker", "midfielder", "defender", "goalkeeper", "driver", "rider",
        "surgeon", "entrepreneur", "billionaire", "tycoon", "lawmaker", "mp", "cleric", "monk", "nun",
        "singer-songwriter", "rapper", "comedian", "filmmaker", "designer", "architect", "engineer",
        "chef", "athlete", "swimmer", "sprinter", "boxer", "golfer", "cyclist", "skier", "climber",
    ]

    /// Countries and nationalities, which often stand before a name ("Pakistan Abdul Salam Zaeef").
    static let places: Set<String> = [
        "afghanistan", "afghan", "albania", "algeria", "angola", "argentina", "argentine", "armenia", "austria",
        "austrian", "azerbaijan", "bahrain", "bangladesh", "belarus", "belgium", "belgian", "bolivia",
        "bosnia", "brazilian", "bulgaria", "burma", "cambodia", "cameroon", "chile", "chilean", "colombia",
        "colombian", "congo", "croatia", "cyprus", "czech", "denmark", "danish", "ecuador", "egypt",
        "egyptian", "england", "english", "eritrea", "estonia", "ethiopia", "ethiopian", "fiji", "finland",
        "finnish", "georgian", "ghana", "greece", "greek", "guatemala", "haiti", "honduras",
        "hungary", "hungarian", "iceland", "indonesian", "iraqi", "ireland", "irish", "italy", "italian",
        "jamaica", "jordanian", "kazakhstan", "kenya", "kenyan", "kosovo", "kuwait", "kyrgyzstan",
        "laos", "latvia", "lebanon", "lebanese", "libya", "libyan", "lithuania", "malaysia", "malaysian",
        "mali", "malta", "mexican", "moldova", "mongolia", "morocco", "moroccan", "mozambique", "myanmar",
        "namibia", "nepal", "netherlands", "dutch", "zealand", "nicaragua", "niger", "nigeria", "nigerian",
        "norway", "norwegian", "oman", "pakistan", "pakistani", "palestine", "palestinian", "panama",
        "paraguay", "peru", "peruvian", "poland", "polish", "portugal", "portuguese", "qatar", "romania",
        "romanian", "rwanda", "scotland", "scottish", "senegal", "serbia", "serbian", "slovakia", "slovenia",
        "somalia", "somali", "spain", "spanish", "sudan", "sudanese", "sweden", "swedish", "switzerland",
        "swiss", "syrian", "tajikistan", "tanzania", "thailand", "thai", "tibet", "tibetan", "tunisia",
        "turkmenistan", "uganda", "uruguay", "uzbekistan", "venezuela", "venezuelan", "vietnamese", "wales",
        "welsh", "yemen", "yemeni", "zambia", "zimbabwe", "kashmir", "kashmiri", "gaza", "kabul", "kandahar",
        "tehran", "baghdad", "jerusalem", "cairo", "sydney", "melbourne", "canberra", "perth", "brisbane",
        "adelaide", "toronto", "ottawa", "chicago", "boston", "texas", "california", "florida", "brussels",
        "geneva", "vienna", "rome", "madrid", "lisbon", "athens", "istanbul", "ankara", "seoul", "pyongyang",
        "taipei", "shanghai", "manila", "jakarta", "bangkok", "hanoi", "mumbai", "kolkata", "islamabad",
        "karachi", "lahore", "dhaka", "kiev", "kyiv", "warsaw", "prague", "budapest", "stockholm", "oslo",
        "copenhagen", "helsinki", "dublin", "edinburgh", "amsterdam", "nairobi", "lagos", "johannesburg",
        "australia's", "taliban", "qaeda", "hamas", "hezbollah", "nato", "opec", "asean", "apec",
    ]

    /// Prepositions and adverbs that can open a capitalised run at a sentence start.
    static let prepositions: Set<String> = [
        "with", "in", "on", "at", "after", "before", "during", "since", "for", "from", "to", "by",
        "under", "over", "prior", "according", "despite", "following", "among", "between", "unlike",
        "like", "as", "while", "when", "speaking", "amid", "about", "against", "into", "across",
    ]

    /// Prepositions after which a capitalised run is a place, not a person ("in San Francisco").
    static let placePrepositions: Set<String> = ["in", "at", "into", "near", "across", "towards", "toward", "outside", "inside", "around"]

    /// Lowercase particles inside names ("von der Leyen", "bin Salman").
    static let particles: Set<String> = ["von", "van", "der", "den", "de", "da", "del", "di", "du", "bin", "ibn", "al", "la", "le"]

    /// Capitalised words that are not parts of person names: function words at a sentence start,
    /// dates, and common place, nationality and institution words.
    static let nonName: Set<String> = prepositions.union(places).union([
        "the", "a", "an", "and", "but", "or", "nor", "so", "yet", "if", "because", "although", "though",
        "also", "however", "meanwhile", "still", "thus", "then", "now", "today", "yesterday", "tomorrow",
        "this", "that", "these", "those", "it", "he", "she", "they", "we", "i", "you", "his", "her",
        "their", "our", "its", "my", "your", "there", "here", "what", "which", "who", "whom", "whose",
        "why", "how", "where", "both", "each", "every", "all", "some", "many", "most", "several", "no",
        "not", "nothing", "one", "two", "three", "four", "five", "first", "second", "third", "last",
        "next", "another", "other", "such", "even", "only", "just", "lastly", "firstly", "secondly",
        "thirdly", "finally", "additionally", "moreover", "furthermore", "instead", "indeed", "question",
        "answer", "read", "more", "related", "news", "source", "image", "credit", "photo", "video",
        "watch", "share", "post", "comment", "comments", "leave", "reply", "see", "join", "click",
        "subscribe", "advertisement", "updated", "published", "breaking", "live", "opinion", "analysis",
        "editorial", "exclusive", "said", "says", "told", "added", "will", "would", "can", "could",
        "may", "might", "must", "should", "is", "are", "was", "were", "be", "been", "has", "have", "had",
        "do", "does", "did", "let", "yes", "please", "thank", "thanks", "dear", "hello", "oh", "mid",
        "january", "february", "march", "april", "june", "july", "august", "september", "october",
        "november", "december", "jan.", "feb.", "mar.", "apr.", "jun.", "jul.", "aug.", "sep.", "sept.",
        "oct.", "nov.", "dec.", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "united", "states", "kingdom", "nations", "union", "china", "chinese", "america", "american",
        "americans", "russia", "russian", "japan", "japanese", "india", "indian", "korea", "korean",
        "north", "south", "east", "west", "eastern", "western", "northern", "southern", "middle", "asia",
        "asian", "pacific", "atlantic", "europe", "european", "africa", "african", "taiwan", "taiwanese",
        "beijing", "washington", "london", "moscow", "tokyo", "paris", "berlin", "ukraine", "ukrainian",
        "germany", "german", "france", "french", "britain", "british", "saudi", "arabia", "arab", "israel",
        "israeli", "iran", "iranian", "iraq", "syria", "turkey", "turkish", "canada", "canadian",
        "australia", "australian", "singapore", "indonesia", "philippines", "vietnam", "cuba", "mexico",
        "brazil", "new", "york", "san", "francisco", "los", "angeles", "hong", "kong", "delhi", "bali",
        "sino", "white", "house", "congress", "senate", "parliament", "department", "ministry", "office",
        "council", "committee", "commission", "agency", "bureau", "institute", "institution", "university",
        "college", "school", "centre", "center", "foundation", "fund", "bank", "group", "company",
        "corporation", "corp", "inc", "ltd", "party", "government", "administration", "army", "navy",
        "force", "forces", "police", "court", "times", "journal", "daily", "herald", "organization",
        "organisation", "association", "society", "program", "programme", "project", "summit",
        "conference", "forum", "cooperation", "economic", "communist", "democratic", "republican",
        "republic", "liberation", "war", "cold", "world", "global", "international", "affairs",
        "relations", "policy", "strategy", "province", "city", "county", "district", "island", "islands",
        "sea", "ocean", "river", "street", "road", "square", "airport", "station", "hall", "palace",
        "guesthouse", "gardens", "garden", "park", "museum", "church", "temple", "mosque", "covid",
        "covid-19", "coronavirus", "internet", "twitter", "facebook", "google", "weibo", "whatsapp",
        "al-jazeera", "reuters", "xinhua", "bloomberg", "guardian", "decade", "century", "day", "week",
        "month", "year", "time", "people", "people's", "state", "incident", "balloon", "federal", "labor",
        "labour", "liberal", "conservative", "green", "greens", "service", "services", "cup", "open", "dome",
        "stadium", "arena", "highway", "mountains", "mountain", "valley", "coast", "bay", "harbour", "harbor",
        "beach", "lake", "creek", "hospital", "health", "area", "region", "airlines", "airways", "alliance",
        "coalition", "opposition", "test", "series", "championship", "league", "club", "games",
        "christmas", "easter", "eve", "year's", "day's",
        "objectives", "perspective", "engagement", "efforts", "expectations", "challenge", "visit",
        "trip", "talks", "crisis", "deal", "plan", "act", "law", "report", "review", "study",
    ])
}
