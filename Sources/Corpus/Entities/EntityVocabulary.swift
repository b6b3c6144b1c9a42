/// Fixed English word lists the entity patterns rely on. They describe how news English names
/// things (which words end an organisation's name, which verbs introduce a speaker), not what
/// the names are, so they live in code; the names themselves are in the gazetteer files.
enum EntityVocabulary {
    /// Last words of organisation names: "Cornell University", "Stimson Centre", "German Marshall Fund".
    static let organizationHeads: Set<String> = Set([
        "university", "institute", "institution", "institutions", "fund", "centre", "center", "party",
        "department", "ministry", "council", "society", "group", "corporation", "corp", "corp.", "inc",
        "inc.", "ltd", "ltd.", "llc", "plc", "company", "co.", "bank", "agency", "association", "commission",
        "committee", "foundation", "organization", "organisation", "union", "bureau", "office", "army",
        "navy", "force", "forces", "guard", "court", "parliament", "congress", "senate", "assembly",
        "academy", "college", "school", "hospital", "times", "post", "news", "journal", "herald",
        "tribune", "gazette", "daily", "programme", "program", "forum", "alliance", "league",
        "federation", "authority", "service", "services", "network", "media", "press", "airlines",
        "airways", "motors", "technologies", "technology", "systems", "labs", "laboratory", "holdings",
        "partners", "reserve", "exchange", "board", "tribunal", "cabinet", "secretariat", "movement",
        "front", "coalition", "consortium", "trust", "club", "team", "studios", "broadcasting",
        "television", "radio", "channel", "magazine", "review", "endowment", "directorate", "command",
        "police", "embassy", "consulate", "mission", "delegation", "church", "chamber", "brigade",
        "regiment", "battalion", "division", "politburo", "institutes", "think-tank", "group's",
        "administration", "government", "ministries", "agencies", "enterprises", "industries",
        "pharmaceuticals", "energy", "airline", "bancorp", "capital", "ventures", "watch",
        "semiconductor", "semiconductors", "electronics", "instruments", "devices", "communications",
        "software", "solutions", "microsystems", "computing", "robotics", "pharma", "telecom", "networks",
        "aerospace", "dynamics", "petroleum", "oil", "gas", "mining", "steel", "insurance", "securities",
        "investments", "records", "entertainment", "studio", "publishing", "books", "brands", "foods",
        "brothers", "bros", "bros.", "markets", "works", "mills", "stores", "lines", "trading", "refining",
        "chemicals", "chemical", "motor", "electric", "manufacturing", "shipping", "resources", "exploration",
        "airlines", "financial", "bancorporation", "bancshares", "associates", "commerce", "ministries",
        "workers", "teamsters", "helicopters", "aviation",
    ]).union(companySuffixes)

    /// Articles that may open such a name at a sentence start ("La Fiscalía Anticorrupción").
    static let romanceArticles: Set<String> = ["la", "el", "le", "il", "los", "las", "les", "lo"]

    /// First words of organisation names in languages that put the head first ("Instituto Nóos",
    /// "Fiscalía Anticorrupción", "Audiencia de Palma", "Banque de France", "Partito Democratico").
    static let leadingOrganizationHeads: Set<String> = [
        "instituto", "institut", "istituto", "banco", "banque", "banca", "universidad", "universidade",
        "université", "università", "ministerio", "ministère", "ministero", "ministério", "fiscalía",
        "audiencia", "juzgado", "tribunal", "tribunale", "partido", "partito", "parti", "fundación",
        "fundação", "fondation", "fondazione", "asociación", "associação", "commissione", "comisión",
        "consejo", "conseil", "consiglio", "agencia", "agence", "agenzia", "compañía", "compagnie",
        "sociedad", "société", "società", "confederación", "confédération", "federación",
        "fédération", "sindicato", "syndicat", "grupo", "groupe", "gruppo", "empresa", "corte", "cour",
        "policía", "ejército", "armée", "caja", "caisse", "secretaría", "dirección", "servicio",
    ]

    /// Legal forms written after a company's name ("Pittston Co", "Hitachi Ltd", "Azotar SA",
    /// "Latham & Watkins LLP"). A name that ends in one is an organisation's whatever its other
    /// words look like ("Brandt Steel Co", "The Tillman Co"), and one ends the name: a capitalised
    /// word after it is not part of it ("Harlan Marine Corp. on Thursday"), unless it is another
    /// legal form ("Morgan Stanley and Co Inc").
    static let companySuffixes: Set<String> = [
        "co", "co.", "cos", "cos.", "corp", "corp.", "corporation", "inc", "inc.", "incorporated", "ltd", "ltd.",
        "limited", "plc", "llc", "llp", "lp", "ag", "sa", "s.a", "s.a.", "nv", "n.v", "n.v.", "bv", "gmbh",
        "spa", "s.p.a", "srl", "asa", "oyj", "a/s", "pty", "bhd", "berhad", "kk", "k.k", "tbk",
        "sarl",
    ]

    /// Organisation words of institutions that are often named after a person ("John F. Kennedy
    /// Center", "Bill Gates Foundation"): such a name does not make its first words a company.
    static let institutionHeads: Set<String> = [
        "foundation", "center", "centre", "institute", "institution", "university", "school", "college",
        "hospital", "library", "museum", "academy", "society", "trust", "fund", "endowment", "prize", "award",
        "stadium", "memorial", "program", "programme", "lecture", "chair", "clinic", "church", "theatre",
        "theater", "hall", "park", "airport", "bridge", "high", "laboratory", "labs", "scholarship",
    ]

    /// Nouns that, right after a one-word name or its possessive, show it is an organisation:
    /// "Qantas engineers", "Ansett's administrators", "Amtrak trains", "Traveland shares".
    static let organizationContextAfter: Set<String> = [
        "shares", "share", "stock", "stocks", "shareholders", "stockholders", "spokesman", "spokeswoman",
        "spokesperson", "spokespeople", "chairman", "chairwoman", "employees", "employee", "staff", "workers",
        "engineers", "pilots", "customers", "subscribers", "passengers", "management", "managers", "executives",
        "subsidiary", "subsidiaries", "division", "unit", "units", "plant", "plants", "factory", "factories",
        "stores", "outlets", "board", "directors", "administrators", "administrator", "collapse", "takeover",
        "bid", "offer", "merger", "profit", "profits", "earnings", "revenue", "revenues", "losses", "debt",
        "debts", "bonds", "flights", "fleet", "aircraft", "planes", "trains", "services", "brand", "brands",
        "headquarters", "offices", "branches", "creditors", "insolvency", "liquidator", "liquidators",
        "receivers", "agents", "products", "operations", "ceo", "chief", "executive", "president",
        // "Blue Tongue Helicopters owner", "Microsoft founder", "Citigroup analysts", "the Ifo
        // institute", "the Berenberg-Hanse bank" (lowercase: a capitalised one is part of the name).
        "owner", "owners", "founder", "founders", "boss", "analyst", "analysts", "economist", "economists",
        "strategist", "strategists", "institute", "bank", "federation",
    ]

    /// Nouns that, right before a one-word name, show it is an organisation: "shares of Amtrak",
    /// "rival Ansett", "the airline Qantas", "travel company Traveland".
    static let organizationContextBefore: Set<String> = [
        "airline", "carrier", "company", "firm", "group", "bank", "broker", "brokerage", "retailer", "insurer",
        "maker", "manufacturer", "operator", "conglomerate", "subsidiary", "rival", "competitor", "agency",
        "company's", "startup", "start-up", "supplier", "distributor", "chain", "network", "broadcaster",
        "newspaper", "publisher", "utility", "miner", "producer", "refiner", "developer", "lender", "union",
        "giant", "consultancy", "charity", "organisation", "organization",
        // The same nouns in Spanish, French, Italian and German ("la empresa Aizoon", "la
        // fédération SUD-Rail").
        "empresa", "sociedad", "compañía", "firma", "grupo", "aerolínea", "sindicato", "federación", "entreprise",
        "société", "groupe", "compagnie", "syndicat", "fédération", "azienda", "società", "gruppo", "sindacato",
        "unternehmen", "konzern", "gewerkschaft",
    ]

    /// Nouns before a name that make it a business's even when its words look like a person's
    /// ("retailer Harris Scarfe", "accountancy firm Ernst and Young"): a subset of
    /// `organizationContextBefore` without the nouns that are also occupations written before a
    /// person's name ("publisher", "producer", "developer", "rival").
    static let companyNounsBefore: Set<String> = [
        "airline", "carrier", "company", "firm", "bank", "broker", "brokerage", "retailer", "insurer",
        "manufacturer", "conglomerate", "subsidiary", "supplier", "distributor", "chain", "broadcaster",
        "newspaper", "utility", "miner", "refiner", "lender", "giant", "consultancy", "charity",
        "empresa", "sociedad", "compañía", "aerolínea", "entreprise", "société", "compagnie", "azienda",
        "società", "unternehmen", "konzern",
    ]

    /// Occupations before "at" or "with" and a name that make it the employer: "an analyst at Peel
    /// Hunt", "a legal researcher at Al-Haq", "an analyst with Hambrecht and Quist".
    static let occupationsAt: Set<String> = [
        "analyst", "analysts", "economist", "economists", "strategist", "strategists", "researcher",
        "researchers", "trader", "traders", "dealer", "dealers", "partner", "partners", "consultant",
        "consultants", "employee", "employees", "executive", "executives", "spokesman", "spokeswoman",
        "spokesperson", "banker", "bankers", "accountant", "accountants", "auditor", "auditors",
    ]

    /// Head nouns of an apposition that say the name before it is a business or a body: "McAfee.com,
    /// a leading anti-virus software company,", "Force-17, the armed group in charge of …".
    static let organizationAppositionHeads: Set<String> = [
        "company", "firm", "airline", "carrier", "bank", "group", "retailer", "insurer", "manufacturer",
        "maker", "broker", "brokerage", "conglomerate", "subsidiary", "chain", "broadcaster", "newspaper",
        "publisher", "agency", "organisation", "organization", "charity", "union", "party", "movement",
        "consultancy", "lender", "operator", "supplier", "distributor", "utility", "insurer", "startup",
        "start-up", "institute", "foundation", "association", "federation", "network", "miner", "refiner",
        "watchdog", "regulator", "body",
    ]

    /// Words before "of"/"in" that make the name after them an organisation: "shares of Amtrak",
    /// "a stake in Elbit", "a unit of Baltchem".
    static let organizationOfNouns: Set<String> = [
        "shares", "stake", "unit", "subsidiary", "division", "shareholders", "stockholders", "chairman",
        "employees", "owner", "acquisition", "takeover", "collapse", "administrators", "customers",
    ]

    /// Capitalised words of two to six letters that are abbreviations but name no organisation:
    /// an all-capitals word is otherwise taken for an organisation's acronym ("TSA", "HIH", "SNCF").
    static let nonOrganizationAcronyms: Set<String> = [
        "gdp", "gnp", "ceo", "cfo", "coo", "cto", "ipo", "ipos", "tv", "dna", "hiv", "aids", "sars", "covid",
        "ai", "pc", "ok", "usb", "gps", "cd", "cds", "dvd", "faq", "pm", "am", "fm", "rpm", "mph", "pdf", "html",
        "url", "vat", "gst", "cpi", "ppi", "eps", "nav", "ebit", "ebitda", "qc", "mp", "mps", "md", "phd", "ps",
        "ii", "iii", "iv", "vi", "vii", "viii", "ix", "xi", "xii", "usd", "eur", "gbp", "jpy", "dlrs", "mln",
        "bln", "pct", "ft", "km", "kg", "lb", "lbs", "oz", "cm", "mm", "tb", "gb", "mb", "hd", "suv", "suvs",
        "atm", "atms", "sms", "id", "iq", "ufo", "vip", "vips", "rip", "lng", "lpg", "co2", "ict", "it",
        "gmo", "gmos", "jr", "sr", "esq", "ad", "bc", "bce", "ce", "est", "edt", "gmt", "utc", "diy", "asap",
        // Computing: technology news writes them constantly, with the words around them ("CPU
        // units", "the USB network") that would otherwise cue a company.
        "cpu", "cpus", "gpu", "gpus", "api", "apis", "ram", "rom", "bios", "os", "io", "dma", "irq", "pci", "pcie",
        "scsi", "sata", "ssd", "ssds", "hdd", "lan", "wan", "vpn", "dns", "tcp", "udp", "http", "https", "ssh", "ssl",
        "tls", "xml", "json", "sql", "gui", "ui", "lcd", "led", "leds", "gpio", "null", "tx", "rx", "phy",
        "rcu", "i2c", "spi", "uart", "acpi", "smp", "mmu", "numa", "tlb", "nvme", "kvm", "vfs", "smbus", "soc",
        "pcm", "hw", "hz", "khz", "mhz", "ghz", "einval", "enomem", "ebusy", "eagain", "efault", "eio",
    ]

    /// Last words of place names: "South China Sea", "Tiananmen Square", "Diaoyutai Guesthouse".
    static let placeHeads: Set<String> = [
        "sea", "ocean", "river", "mountains", "mountain", "mount", "island", "islands", "isles",
        "strait", "straits", "province", "city", "county", "district", "region", "prefecture", "gulf",
        "bay", "valley", "lake", "peninsula", "square", "street", "avenue", "road", "airport", "port",
        "harbour", "harbor", "desert", "plateau", "basin", "canal", "coast", "park", "palace", "hall",
        "guesthouse", "stadium", "bridge", "heights", "hills", "reef", "shoal", "atoll", "archipelago",
        "territory", "territories", "oblast", "republic", "kingdom", "emirate", "village", "town",
        "township", "state", "states", "base", "garden", "gardens", "plaza", "tower", "building",
        "empire", "dynasty", "caliphate", "sultanate", "khanate",
    ]

    /// Last words of event names: "Cold War", "Munich Security Conference", "Winter Olympics".
    static let eventHeads: Set<String> = [
        "war", "wars", "summit", "conference", "games", "olympics", "cup", "championship",
        "championships", "festival", "election", "elections", "crisis", "revolution", "incident",
        "massacre", "uprising", "protests", "dialogue", "talks", "expo", "exhibition", "olympiad",
        "marathon", "pandemic", "earthquake", "hurricane", "typhoon", "storm", "attack", "attacks",
        "week", "day",
    ]

    /// Last words of named documents, laws and plans (kind `other`): "Paris Agreement", "Chips Act".
    static let otherHeads: Set<String> = [
        "agreement", "accord", "accords", "treaty", "act", "plan", "initiative", "doctrine", "strategy",
        "report", "declaration", "convention", "protocol", "charter", "bill", "communique", "law",
        "policy", "project", "prize", "award", "index",
    ]

    /// Words that join capitalised words into one organisation name ("Council on Foreign Relations").
    static let connectors: Set<String> = ["of", "for", "on", "and", "&"]

    /// Particles inside personal names ("Charles de Gaulle", "Ursula von der Leyen").
    static let particles: Set<String> = [
        "de", "da", "di", "du", "del", "della", "der", "den", "van", "von", "ter", "le", "la", "dos",
        "das", "bin", "ibn", "al", "el", "zu", "y",
    ]

    /// Courtesy titles written before a name; they mark a person and are kept in the mention.
    static let honorifics: Set<String> = [
        "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "miss", "mx", "mx.", "dr", "dr.", "sir", "dame",
        "lord", "madam", "mme", "mme.", "messrs", "messrs.",
    ]

    /// Verbs that, right after a name, show the name is a speaker (a person or, for a gazetteer
    /// organisation or place, a spokesbody).
    static let speechVerbsAfter: Set<String> = [
        "said", "says", "told", "added", "wrote", "stated", "noted", "explained", "argued", "warned",
        "insisted", "asked", "replied", "responded", "tweeted", "declared", "acknowledged", "admitted",
        "claimed", "commented", "confirmed", "emphasised", "emphasized", "stressed", "suggested", "urged",
        "recalled", "observed", "remarked", "predicted", "cautioned", "conceded", "countered", "concluded",
        "reiterated", "recounted", "testified", "lamented",
    ]

    /// Verbs that, right before a name that ends the clause, show a speaker ("…, said Mr. Russell,").
    static let speechVerbsBefore: Set<String> = ["said", "says", "added", "wrote", "asked", "told", "explained", "noted"]

    /// Words that can qualify a title ("former senior US official", "top diplomat").
    static let modifiers: Set<String> = [
        "senior", "former", "top", "deputy", "chief", "acting", "vice", "assistant", "associate",
        "then", "current", "outgoing", "incoming", "new", "longtime", "long-time", "veteran",
        "leading", "prominent", "special", "principal", "executive", "lead", "regional", "junior",
        "retired", "late", "interim", "first", "prime", "foreign", "defence", "defense", "state",
    ]

    /// Words after a name that turn it into the name of a government ("the Biden administration").
    static let administrationWords: Set<String> = ["administration", "government", "cabinet", "campaign", "camp", "presidency"]

    /// Titles of monarchs and popes: the name after them is a regnal (first) name, not a
    /// surname, so "King Charles" is not resolved to some "Charles Darwin".
    static let regnalTitles: Set<String> = [
        "king", "queen", "prince", "princess", "pope", "emperor", "empress", "emir", "sultan", "sheikh",
        "tsar", "czar", "tsarina", "duke", "duchess", "pharaoh", "shah", "caliph", "saint", "st.",
    ]

    /// First words of place names: "St. Petersburg", "San Diego", "Fort Worth", "Mount Everest".
    static let placePrefixes: Set<String> = [
        "st.", "st", "saint", "san", "santa", "santo", "são", "fort", "port", "mount", "mt.", "lake", "cape",
        "isla", "lago", "rio", "los", "las", "el", "la",
    ]

    /// Words that make a longer place name from a place: "New South Wales", "Southern California".
    static let placeModifiers: Set<String> = [
        "new", "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central",
        "greater", "upper", "lower", "inner", "outer", "old", "little", "great", "northeast", "northwest",
        "southeast", "southwest", "north-east", "north-west", "south-east", "south-west",
    ]

    /// British and American spellings that name the same organisation ("Stimson Centre"/"Center").
    static let spellingVariants: [String: String] = [
        "centre": "center", "centres": "centers", "organisation": "organization", "programme": "program",
        "defence": "defense", "labour": "labor", "theatre": "theater",
    ]

    /// Prepositions that put a one-word name in a place ("in Bonn"): a vote for `place` when
    /// nothing else says what the name is.
    static let locatives: Set<String> = ["in", "near", "outside", "across", "around", "throughout", "inside"]

    /// Nouns that make "<noun> of X" a place ("the city of Haifa", "the province of Aceh").
    static let placeNouns: Set<String> = [
        "city", "town", "village", "province", "region", "state", "capital", "suburb", "port", "island",
        "district", "county", "outskirts", "streets", "centre", "center", "republic", "kingdom", "territory",
    ]

    /// Articles allowed at the start of an apposition ("Andrew Small, a senior fellow …").
    static let articles: Set<String> = ["a", "an", "the"]

    /// Pronouns that refer back to the last person named (for `EntityIndex.resolve`).
    static let personPronouns: Set<String> = ["he", "she", "him", "her", "his", "hers", "they", "them"]

    /// Clitics of contractions; a capitalised word ending in one is not a name ("I’m", "There’s").
    static let contractionEndings: Set<String> = ["m", "ll", "re", "ve", "d", "t", "s"]
}
