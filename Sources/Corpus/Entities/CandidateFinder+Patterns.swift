/// Stage 3 of entity recognition, inside the first pass: the patterns around a capitalised run
/// that say it is a person (and which titles go with it), an organisation, a place or an event.
///
/// - A title before the name: "US Secretary of State Antony Blinken", "UN spokesman Stephane
///   Dujarric", "China’s top diplomat Wang Yi", "the US secretary of state, Antony Blinken,".
/// - An apposition after it: "Yun Sun, director of the China Programme …", "Andrew Small, a
///   senior fellow with …", "Qin Gang, China’s foreign minister, …".
/// - A courtesy title ("Mr. Blinken"), a speech verb ("Sun said", "said Mr. Russell,").
/// - The name's last word: "Cornell University", "Stimson Centre", "Cold War", "South China Sea".
/// - "the Biden administration" is the name of a government; "(APEC)" after a name is its acronym.
extension DocumentScan {
    /// A title found before or after a name.
    struct RoleMatch {
        /// As written, with its qualifiers ("China’s top diplomat", "US Secretary of State").
        var written: String
        /// The title as the gazetteer lists it ("Diplomat", "Secretary of State").
        var title: String
        /// Written lowercase with nothing qualifying it ("official", "writer"): weak evidence.
        var bare = false
        /// A monarch's or pope's title.
        var regnal = false

        /// The roles to record: the written form, and the bare title when it differs.
        var roles: [String] {
            if written.lowercased() == title.lowercased() { return [title] }
            return [written, title]
        }
    }

    /// Words that end the "of …" complement of a title in an apposition.
    static let complementStops: Set<String> = [
        "at", "in", "with", "who", "which", "that", "since", "when", "where", "from", "to", "on", "for",
        "during", "after", "before", "was", "is", "has", "had", "will", "would", "whose", "by", "as", "but",
        "said", "says", "told",
    ]

    /// Emits the candidates of the current sentence's units. Units before `weakBefore` are in a
    /// heading or before a label colon: their names are only accepted when known.
    mutating func emitCandidates(sentence s: Int, weakBefore: Int) {
        let firstFound = found.count
        defer { dropPlacesInsideOrganizations(from: firstFound) }
        let runs = findRuns()
        var consumed = [Bool](repeating: false, count: runs.count)
        var rolesBefore: [RoleMatch?] = []
        rolesBefore.reserveCapacity(runs.count)
        for run in runs {
            let start = units[run.lowerBound].kind == .honorific ? run.lowerBound + 1 : run.lowerBound
            guard let (r, walk) = roleBefore(nameStart: start, run: run) else {
                rolesBefore.append(nil)
                continue
            }
            rolesBefore.append(RoleMatch(written: text(units[walk].bytes.lowerBound..<units[r].bytes.upperBound),
                                         title: roleTitle(units[r]),
                                         bare: walk == r && !bytes.isUppercase(at: units[r].bytes.lowerBound),
                                         regnal: table.flags(units[r].term).contains(.regnal)))
            for (j, other) in runs.enumerated() where other.lowerBound >= walk && other.upperBound <= r {
                consumed[j] = true
            }
        }
        // "New South Wales", "Southern California": direction words right before a place make a
        // longer place name (when the gazetteer does not list it).
        var placeRuns: [Int: Int] = [:]  // run index → entry unit index
        for (j, run) in runs.enumerated() where rolesBefore[j] == nil && run.upperBound < units.count {
            let next = units[run.upperBound]
            guard next.kind == .entry, isPlace(next), next.term != .max,
                  gap(units[run.upperBound - 1].bytes, next.bytes) == .space,
                  run.allSatisfy({ units[$0].kind == .cap && table.flags(units[$0].term).contains(.placeModifier) }) else { continue }
            placeRuns[j] = run.upperBound
        }
        let absorbed = Set(placeRuns.values)
        for (k, u) in units.enumerated() where u.kind == .entry && !absorbed.contains(k) {
            found.append(Candidate(sentence: s, parts: [part(u)], honorific: nil, hint: .gazetteer(u.target),
                                   context: .strong, personCue: false))
        }
        for (j, run) in runs.enumerated() {
            if let entry = placeRuns[j] {
                let parts = Array(run).map { part(units[$0]) } + [part(units[entry])]
                var place = Candidate(sentence: s, parts: parts, honorific: nil, hint: .place, context: .strong, personCue: false)
                if run.lowerBound < weakBefore { place.context = .weak }
                found.append(place)
                continue
            }
            emitRun(run, sentence: s, role: rolesBefore[j], consumed: consumed[j], weakBefore: weakBefore)
        }
    }

    /// A place named inside an organisation's name is part of that name, not a mention of the
    /// place ("Bank of Canada", "New York Stock Exchange").
    private mutating func dropPlacesInsideOrganizations(from first: Int) {
        guard found[first...].contains(where: { $0.hint == .organization && $0.parts.count >= 2 }) else { return }
        let organizations = found[first...].filter { $0.hint == .organization && $0.parts.count >= 2 }.map(\.bytes)
        var k = first
        while k < found.count {
            if case .gazetteer(let e) = found[k].hint, e >= 0, e < table.gazetteer.entries.count,
               table.gazetteer.entries[e].kind == .place,
               organizations.contains(where: { $0.contains(found[k].bytes.lowerBound) && $0.upperBound >= found[k].bytes.upperBound }) {
                found.remove(at: k)
            } else {
                k += 1
            }
        }
    }

    /// Runs of capitalised units (with connectors and name particles between them, and an
    /// optional courtesy title first) joined by single spaces on one line.
    func findRuns() -> [Range<Int>] {
        var runs: [Range<Int>] = []
        var k = 0
        while k < units.count {
            guard units[k].isNameStart else { k += 1; continue }
            var lastCap = units[k].kind == .cap ? k : -1
            var end = k + 1
            while end < units.count {
                let kind = units[end].kind
                let between = gap(units[end - 1].bytes, units[end].bytes)
                if kind == .possessive, between == .touch, lastCap == end - 1, possessiveInsideCompanyName(at: end) {
                    // "Moody's Investors Service Inc", "Standard and Poor's Corp".
                    end += 1
                    continue
                }
                guard between == .space else { break }
                if kind == .cap {
                    let flags = table.flags(units[end].term)
                    // "Harlan Marine Corp. on Thursday": a legal form ends the name (another may
                    // follow, "Co Inc"), and a date word after a connector is not part of one.
                    if lastCap >= 0, table.flags(units[lastCap].term).contains(.companySuffix),
                       !flags.contains(.companySuffix) || end != lastCap + 1 && !isAndConnector(end - 1) { break }
                    if flags.contains(.nonName) && units[end - 1].kind == .connector { break }
                    lastCap = end
                    end += 1
                } else if (kind == .connector || kind == .particle) && lastCap >= 0 {
                    // "Salomon Brothers and Merrill Lynch": "and" after a complete organisation
                    // name starts another one (but "Kidder, Peabody and Co" is one).
                    if lastCap == end - 1, isAndConnector(end), table.flags(units[lastCap].term).contains(.organizationHead),
                       end + 1 < units.count, !table.flags(units[end + 1].term).contains(.companySuffix) { break }
                    end += 1
                } else if kind == .entry, isPlace(units[end]), lastCap >= 0, lastCap == end - 2,
                          units[end - 1].kind == .connector, isWord(units[end - 1], table.words.ofForIn),
                          table.flags(units[lastCap].term).contains(.organizationHead) {
                    // "Bank of Canada", "Department of Transportation", "University of Colorado".
                    lastCap = end
                    end += 1
                } else {
                    break
                }
            }
            if lastCap >= 0 {
                var start = k
                // "Hatcher, Dunne and Co", "Morgan, Olmstead, Kennedy and Gardner Inc": partners'
                // names listed with commas before "and" and a legal form belong to the name.
                if table.flags(units[lastCap].term).contains(.companySuffix),
                   (k..<lastCap).contains(where: { isAndConnector($0) }) {
                    while let previous = runs.last, previous.upperBound + 1 == start,
                          units[previous.upperBound].kind == .comma,
                          gap(units[previous.upperBound - 1].bytes, units[previous.upperBound].bytes) == .touch,
                          gap(units[previous.upperBound].bytes, units[start].bytes) == .space {
                        if previous.count <= 2, previous.allSatisfy({ units[$0].kind == .cap }) {
                            start = previous.lowerBound
                            runs.removeLast()
                            continue
                        }
                        // "said Phyllis Grundy of Keefe, Bruyette and Woods Inc": the first
                        // partner ends a run that names someone "of" the firm.
                        guard let of = previous.last(where: { units[$0].kind == .connector && isWord(units[$0], table.words.of) }),
                              of > previous.lowerBound, previous.upperBound - of - 1 <= 2,
                              (of + 1..<previous.upperBound).allSatisfy({ units[$0].kind == .cap }) else { break }
                        runs[runs.count - 1] = previous.lowerBound..<of
                        start = of + 1
                        break
                    }
                }
                runs.append(start..<(lastCap + 1))
                k = lastCap + 1
            } else {
                k = end
            }
        }
        return runs
    }

    /// Whether the possessive unit `k` is inside a company's name: capitalised words follow it on
    /// the same line and end in a legal form ("Moody's Investors Service Inc", "Standard and
    /// Poor's Corp"): a possessive between a name and a company's full name is part of it.
    func possessiveInsideCompanyName(at k: Int) -> Bool {
        var j = k + 1
        guard j < units.count, gap(units[k].bytes, units[j].bytes) == .space else { return false }
        var lastCap = -1
        while j < units.count, j <= k + 5 {
            if j > k + 1, gap(units[j - 1].bytes, units[j].bytes) != .space { break }
            guard units[j].kind == .cap else { break }
            lastCap = j
            j += 1
        }
        return lastCap >= 0 && table.flags(units[lastCap].term).contains(.companySuffix)
    }

    /// Whether the words around the run `start..<end` make it an organisation: a noun after it
    /// or its possessive ("Qantas engineers", "Ansett's administrators"), one before it ("rival
    /// Ansett", "the airline Qantas"), or "shares of"/"a stake in" before it.
    func hasOrganizationContext(start: Int, end: Int) -> Bool {
        var k = end
        if k < units.count, units[k].kind == .possessive || units[k].kind == .closeQuote && units[k].bytes.count <= 3,
           gap(units[k - 1].bytes, units[k].bytes) == .touch {
            k += 1
        }
        // A listed title after the name counts too ("Velcorp founder Ann Rudd": the name qualifies
        // the title), but only lowercase ("Patrol Chief James Hall" is a title).
        if k < units.count, units[k].kind == .word || units[k].kind == .modifier || units[k].kind == .role,
           gap(units[k - 1].bytes, units[k].bytes) != .broken,
           table.flags(units[k].term).contains(.organizationAfter), !bytes.isUppercase(at: units[k].bytes.lowerBound) {
            return true
        }
        guard start > 0, gap(units[start - 1].bytes, units[start].bytes) == .space else { return false }
        let before = units[start - 1]
        if before.kind == .word || before.kind == .modifier, table.flags(before.term).contains(.organizationBefore),
           !bytes.isUppercase(at: before.bytes.lowerBound) {
            return true
        }
        if start > 1, before.kind == .connector || before.kind == .word, units[start - 2].kind == .word,
           table.flags(units[start - 2].term).contains(.organizationOf), isWord(before, table.words.ofIn) {
            return true
        }
        return false
    }

    /// Whether stronger words around the run `start..<end` make it a business or a body, even
    /// when its words look like a person's name: a business noun right before it ("retailer
    /// Harris Scarfe", "accountancy firm Ernst and Young", "la empresa Aizoon"), an occupation
    /// "at"/"with" it ("analysts at Peel Hunt", "an analyst with Hambrecht and Quist"), an
    /// apposition headed by a business or body noun ("McAfee.com, a leading anti-virus software
    /// company,", "Force-17, the armed group in charge of …"), or its possessive before a
    /// person's name ("Westpac's Bill Evans").
    func hasCompanyContext(start: Int, end: Int) -> Bool {
        if start > 0, gap(units[start - 1].bytes, units[start].bytes) == .space {
            let before = units[start - 1]
            if before.kind == .word || before.kind == .modifier, table.flags(before.term).contains(.companyBefore),
               !bytes.isUppercase(at: before.bytes.lowerBound) {
                return true
            }
            // The occupation may be a listed title ("economist", "chief economist": its last word).
            let occupation = start > 1 ? units[start - 2] : before
            if start > 1, before.kind == .word, isWord(before, table.words.atWith),
               [.word, .role, .modifier].contains(occupation.kind) || occupation.kind == .cap && occupation.initial,
               gap(occupation.bytes, before.bytes) == .space,
               table.flags(terms[occupation.tokenEnd - 1]).contains(.occupationAt) {
                return true
            }
        }
        guard end < units.count else { return false }
        if end + 2 < units.count, units[end].kind == .comma, units[end + 1].kind == .article {
            // The apposition's head is its last lowercase word before punctuation or a word that
            // continues the description ("that", "based", "in", "of" …).
            var k = end + 2
            while k < units.count, k <= end + 8, units[k].kind == .word || units[k].kind == .modifier,
                  !bytes.isUppercase(at: units[k].bytes.lowerBound) {
                if table.flags(units[k].term).contains(.organizationApposition) {
                    let next = k + 1
                    if next == units.count || [.comma, .stop].contains(units[next].kind)
                        || units[next].kind == .connector && isWord(units[next], table.words.ofForOn)
                        || units[next].kind == .word && Self.appositionContinuations.contains(norm(units[next])) {
                        return true
                    }
                }
                k += 1
            }
        }
        if units[end].kind == .possessive, gap(units[end - 1].bytes, units[end].bytes) == .touch,
           end + 2 < units.count, units[end + 1].kind == .cap, units[end + 2].kind == .cap,
           table.flags(units[end + 1].term).contains(.givenName),
           gap(units[end].bytes, units[end + 1].bytes) == .space, gap(units[end + 1].bytes, units[end + 2].bytes) == .space {
            return true
        }
        return false
    }

    /// Words after the head noun of an apposition that go on describing it ("a company that
    /// …", "a group based in …", "the armed group in charge of …").
    static let appositionContinuations: Set<String> = [
        "that", "which", "whose", "based", "owned", "controlled", "run", "listed", "headquartered",
        "founded", "in", "with", "from", "at",
    ]

    /// Whether a unit is the one-byte punctuation `byte` ("<", ">").
    func isByte(_ unit: Unit, _ byte: UInt8) -> Bool {
        unit.bytes.count == 1 && buffer[unit.bytes.lowerBound] == byte
    }

    /// Whether unit `k` is "and" or "&".
    func isAndConnector(_ k: Int) -> Bool {
        guard units[k].kind == .connector else { return false }
        return isWord(units[k], table.words.and)
    }

    /// The title right before a name ("Foreign Minister Qin Gang", or "the US secretary of state,
    /// Antony Blinken,"): the title's unit index and where its qualifiers start.
    func roleBefore(nameStart a: Int, run: Range<Int>) -> (Int, Int)? {
        guard a > 0, a < run.upperBound else { return nil }
        let p = a - 1
        if units[p].kind == .role && gap(units[p].bytes, units[a].bytes) == .space {
            return (p, walkBack(from: p))
        }
        if units[p].kind == .comma, p > 0, units[p - 1].kind == .role,
           gap(units[p - 1].bytes, units[p].bytes) == .touch,
           run.filter({ units[$0].kind == .cap }).count >= 2 {
            let after = run.upperBound
            if after == units.count || [.comma, .stop, .closeParen, .closeQuote].contains(units[after].kind) {
                return (p - 1, walkBack(from: p - 1))
            }
        }
        return nil
    }

    /// Where the qualifiers of the title at `r` start: places, demonyms, organisations,
    /// capitalised words, possessives and words like "former", "senior", "top".
    func walkBack(from r: Int) -> Int {
        var start = r
        var k = r - 1
        loop: while k >= 0 {
            let sameWord = units[k].token == units[k + 1].token
            let g = sameWord ? .space : gap(units[k].bytes, units[k + 1].bytes)
            if g == .broken { break }
            switch units[k].kind {
            case .entry, .demonym, .cap, .modifier:
                if g == .touch && units[k + 1].kind != .possessive { break loop }
                start = k
            case .word:
                if units[k].term != .max { break loop }  // only the rest of a split word ("CCTV-affiliated")
                start = k
            case .possessive:
                if g != .space { break loop }
                start = k
            default:
                break loop
            }
            k -= 1
        }
        // Not "The Attorney-General": an article or a possessive does not start a title.
        while start < r && (units[start].kind == .possessive
                            || units[start].kind == .cap && table.flags(units[start].term).contains(.stopword)) {
            start += 1
        }
        return start
    }

    /// Whether two neighbouring units are on one line with only spaces (or a hyphen inside one
    /// word, "CCTV-affiliated") between them.
    func joinable(_ x: Int, _ y: Int) -> Bool {
        units[x].token == units[y].token || gap(units[x].bytes, units[y].bytes) != .broken
    }

    /// A title is free when no name follows it (so it can describe the name before it).
    func isFreeRole(_ r: Int) -> Bool {
        guard r + 1 < units.count else { return true }
        return !(units[r + 1].isNameStart && gap(units[r].bytes, units[r + 1].bytes) == .space)
    }

    /// The title in an apposition after the run ("…, a senior fellow with …", "…, director of
    /// the China Programme at …"), with an "of …" complement when there is one.
    func appositionRole(after run: Range<Int>) -> RoleMatch? {
        var j = run.upperBound
        guard j < units.count, units[j].kind == .comma else { return nil }
        j += 1
        if j < units.count && units[j].kind == .article { j += 1 }
        let first = j
        var steps = 0
        while j < units.count && steps < 9 {
            let u = units[j]
            if j > first && !joinable(j - 1, j) { return nil }
            switch u.kind {
            case .role:
                guard isFreeRole(j) else { return nil }
                var end = u.bytes.upperBound
                if j + 1 < units.count, units[j + 1].kind == .connector, isWord(units[j + 1], table.words.of) {
                    var k = j + 2
                    var taken = 0
                    complement: while k < units.count && taken < 8 {
                        let v = units[k]
                        if !joinable(k - 1, k) { break }
                        switch v.kind {
                        case .comma, .stop, .colon, .openParen, .closeParen, .openQuote, .closeQuote, .role, .other:
                            break complement
                        case .word, .connector:
                            let n = norm(v)
                            if Self.complementStops.contains(n) || table.flags(v.term).contains(.speechAfter) { break complement }
                        default:
                            break
                        }
                        end = v.bytes.upperBound
                        k += 1
                        taken += 1
                    }
                }
                return RoleMatch(written: text(units[first].bytes.lowerBound..<end), title: roleTitle(u))
            case .entry, .demonym, .cap, .possessive, .modifier, .number:
                break
            case .word:
                let f = table.flags(u.term)
                if u.term == .max { break }
                if f.contains(.stopword) || f.contains(.speechAfter) { return nil }
            default:
                return nil
            }
            j += 1
            steps += 1
        }
        return nil
    }

    /// Whether the capitals of `acronym` spell the name in `name`: same first letter, and the
    /// rest found in order among the name's capitals ("APEC" for "Asia-Pacific Economic Cooperation").
    func abbreviates(_ acronym: Range<Int>, _ name: Range<Int>) -> Bool {
        let letters = buffer[acronym].filter { $0 >= 0x41 && $0 <= 0x5A }
        var capitals = buffer[name].filter { $0 >= 0x41 && $0 <= 0x5A }
        // "The Northern Grain Exporters Federation (NGEF)": the article is not spelled.
        if name.count > 4, capitals.first == 0x54, letters.first != 0x54,
           buffer[name.lowerBound..<(name.lowerBound + 4)].elementsEqual("The ".utf8) {
            capitals.removeFirst()
        }
        guard letters.count >= 2, let f = letters.first, f == capitals.first else { return false }
        var i = capitals.startIndex
        for l in letters {
            guard let found = capitals[i...].firstIndex(of: l) else { return false }
            i = capitals.index(after: found)
        }
        return true
    }

    /// Whether an entry unit names a place.
    func isPlace(_ unit: Unit) -> Bool {
        unit.target >= 0 && unit.target < table.gazetteer.entries.count && table.gazetteer.entries[unit.target].kind == .place
    }

    /// Whether a gazetteer unit is an organisation ("Senate", "Pentagon").
    func isOrganization(_ unit: Unit) -> Bool {
        unit.target >= 0 && unit.target < table.gazetteer.entries.count && table.gazetteer.entries[unit.target].kind == .organization
    }

    /// The gazetteer's form of a title unit.
    func roleTitle(_ unit: Unit) -> String {
        let roles = table.gazetteer.roles
        guard unit.target >= 0, unit.target < roles.count else { return text(unit.bytes) }
        return roles[unit.target].title
    }

    /// A candidate part for a unit.
    func part(_ unit: Unit) -> Candidate.Part {
        let single = unit.term != .max && unit.tokenEnd - unit.token == 1 && spans[unit.token].range == unit.bytes
        return Candidate.Part(bytes: unit.bytes, term: single ? unit.term : nil, norm: norm(unit), shape: shape(unit.bytes))
    }

    /// How the word in `range` is written.
    func shape(_ range: Range<Int>) -> Candidate.Shape {
        if NameParticles.isParticleName(bytes.base, start: range.lowerBound, end: range.upperBound),
           let hyphen = buffer[range].firstIndex(of: 0x2D) {
            return shape((hyphen + 1)..<range.upperBound)  // "al-Sabah" is written like "Sabah"
        }
        var upper = 0, lower = 0, letters = 0, innerUpper = 0
        var digit = false
        var firstUpper = false
        var i = range.lowerBound
        var romanOnly = true
        var periodAtEnd = false
        while i < range.upperBound {
            let b = buffer[i]
            var length = 1
            var isUpper = false, isLower = false
            if b < 0x80 {
                if b >= 0x41 && b <= 0x5A { isUpper = true }
                if b >= 0x61 && b <= 0x7A { isLower = true }
                if b >= 0x30 && b <= 0x39 { digit = true }
                if isUpper && !"IVXLCDM".utf8.contains(b) { romanOnly = false }
                if !isUpper { romanOnly = false }
                periodAtEnd = b == 0x2E && i == range.upperBound - 1
            } else {
                let (value, l) = bytes.decodeMultiByte(at: i, lead: b)
                length = l
                romanOnly = false
                if let scalar = Unicode.Scalar(value) {
                    if scalar.properties.isUppercase { isUpper = true }
                    if scalar.properties.isLowercase { isLower = true }
                    if scalar.properties.numericType != nil && !scalar.properties.isAlphabetic { digit = true }
                }
            }
            if isUpper || isLower {
                letters += 1
                if letters == 1 { firstUpper = isUpper }
                if isUpper {
                    upper += 1
                    if letters > 1 { innerUpper += 1 }
                } else {
                    lower += 1
                }
            }
            i += length
        }
        var shape: Candidate.Shape = []
        if digit { shape.insert(.digit) }
        if firstUpper && lower > 0 && innerUpper <= 1 { shape.insert(.titleCase) }
        if letters >= 2 && lower == 0 { shape.insert(.allCapitals) }
        if letters == 1 && firstUpper && (range.count == 1 || periodAtEnd && range.count == 2) { shape.insert(.initial) }
        if letters >= 1 && lower == 0 && romanOnly && !periodAtEnd { shape.insert(.roman) }
        return shape
    }

    /// What the units around a run say about it, and the segments it splits into (`runPlan`).
    struct RunPlan {
        var honorific: Range<Int>?
        var speaker: Bool
        var locative: Bool
        var companyCue: Bool
        var organizationCue: Bool
        var apposition: RoleMatch?
        var administration: Int?
        var abbreviation: String?
        var segments: [[Int]]
    }

    /// Emits the candidates of one run (several when connectors split it: "Biden and Xi").
    ///
    /// The reading is done by non-mutating methods (`runPlan`, `segmentCandidate`): called from a
    /// mutating method, each of the scan's methods was handed a copy of the whole scan (a retain
    /// and a release of each of its arrays), many times a run.
    mutating func emitRun(_ run: Range<Int>, sentence s: Int, role: RoleMatch?, consumed: Bool, weakBefore: Int) {
        guard let plan = runPlan(run, role: role) else { return }
        let segments = plan.segments
        for (n, segment) in segments.enumerated() {
            let first = n == 0
            let last = n == segments.count - 1
            var roles: [String] = []
            if first, let role { roles += role.roles }
            if last, let apposition = plan.apposition { roles += apposition.roles }
            let weakRole = first && (role?.bare ?? false) && plan.honorific == nil && !(last && plan.apposition != nil)
            // Organisation context around the run goes to its one segment.
            let cued = segments.count == 1 && plan.organizationCue && plan.honorific == nil && role == nil && plan.apposition == nil
            let candidate = segmentCandidate(segment, sentence: s, honorific: first ? plan.honorific : nil, roles: roles,
                                             weakRole: weakRole, regnal: first && (role?.regnal ?? false),
                                             locative: first && plan.locative && role == nil,
                                             speaker: last && plan.speaker, consumed: consumed,
                                             administration: last ? plan.administration : nil,
                                             abbreviation: last ? plan.abbreviation : nil, weakBefore: weakBefore,
                                             organizationCue: cued, companyCue: cued && plan.companyCue)
            if let candidate { found.append(candidate) }
        }
    }

    /// The cues around run `run` and its segments (see `emitRun`); nil for a run of only a
    /// courtesy title.
    private func runPlan(_ run: Range<Int>, role: RoleMatch?) -> RunPlan? {
        var a = run.lowerBound
        var honorific: Range<Int>?
        if units[a].kind == .honorific {
            honorific = units[a].bytes
            a += 1
        }
        let b = run.upperBound
        guard a < b else { return nil }

        // Cues around the run.
        var speaker = false
        if b < units.count, units[b].kind == .word, gap(units[b - 1].bytes, units[b].bytes) == .space,
           table.flags(units[b].term).contains(.speechAfter) {
            speaker = true
        }
        let start = run.lowerBound
        if start > 0, units[start - 1].kind == .word, gap(units[start - 1].bytes, units[start].bytes) == .space,
           table.flags(units[start - 1].term).contains(.speechBefore),
           b == units.count || [.comma, .stop, .closeQuote].contains(units[b].kind) {
            speaker = true
        }
        if start > 1, units[start - 1].kind == .word, units[start - 2].kind == .word,
           isWord(units[start - 1], table.words.to), isWord(units[start - 2], table.words.according) {
            speaker = true
        }
        var locative = start > 0 && units[start - 1].kind == .word && honorific == nil
            && gap(units[start - 1].bytes, units[start].bytes) == .space
            && isWord(units[start - 1], table.words.locatives)
        if start > 1, honorific == nil, units[start - 1].kind == .connector, gap(units[start - 1].bytes, units[start].bytes) == .space {
            let before = units[start - 2]
            let joiner = units[start - 1]
            if isWord(joiner, table.words.of) && before.kind == .word && isWord(before, table.words.placeNouns) {
                locative = true  // "the city of Haifa"
            } else if isWord(joiner, table.words.andOr) && before.kind == .entry && isPlace(before) {
                locative = true  // "Jerusalem and Haifa"
            }
        }
        if b + 1 < units.count, units[b].kind == .comma, units[b + 1].kind == .word, isWord(units[b + 1], table.words.who) {
            speaker = true  // "Elon Musk, who …"
        }
        if start > 0, b - a >= 2, units[start - 1].kind == .word, isWord(units[start - 1], table.words.by),
           gap(units[start - 1].bytes, units[start].bytes) == .space {
            speaker = true  // "written by Linus Torvalds": an author
        }
        let companyCue = hasCompanyContext(start: start, end: b)
        let organizationCue = companyCue || hasOrganizationContext(start: start, end: b)
        let apposition = appositionRole(after: run)
        var administration: Int?
        if b < units.count, units[b].kind == .word, gap(units[b - 1].bytes, units[b].bytes) == .space,
           table.flags(units[b].term).contains(.administration), role == nil, honorific == nil {
            administration = b
        }
        var abbreviation: String?
        if b + 2 < units.count, isByte(units[b], 0x3C), isByte(units[b + 2], 0x3E),
           units[b + 1].kind == .cap || units[b + 1].kind == .entry,
           units[b + 1].tokenEnd - units[b + 1].token == 1, isAllCapitals(spans[units[b + 1].token]) {
            abbreviation = norm(units[b + 1])  // a ticker: "Harlan Marine Corp <HMC>"
        } else if b + 2 < units.count, units[b].kind == .openParen, units[b + 2].kind == .closeParen,
           units[b + 1].kind == .cap || units[b + 1].kind == .entry,
           units[b + 1].tokenEnd - units[b + 1].token == 1, isAllCapitals(spans[units[b + 1].token]),
           abbreviates(units[b + 1].bytes, units[a].bytes.lowerBound..<units[b - 1].bytes.upperBound) {
            abbreviation = norm(units[b + 1])
        }

        // Split at connectors unless the first part is an organisation, place or event name
        // ("Council on Foreign Relations" stays whole, "Biden and Xi" splits).
        var segments: [[Int]] = [[]]
        let connectorsAt = (a..<b).filter { units[$0].kind == .connector }
        var splitAt = Set<Int>()
        if !connectorsAt.isEmpty && abbreviation == nil {
            let heads: EntityLexicon.Flags = [.organizationHead, .placeHead, .eventHead, .otherHead]
            func capBefore(_ c: Int) -> Int? { (a..<c).last { units[$0].kind == .cap } }
            if table.flags(units[b - 1].term).contains(.organizationHead) {
                // An organisation's name ends the run ("Monopolies and Mergers Commission",
                // "Halden and Pryce Plc"): whole, unless an "and" follows another complete
                // organisation name ("Hitachi Ltd and Toshiba Corp", "Chemical Bank and …").
                for c in connectorsAt where isAndConnector(c) {
                    if let before = capBefore(c), table.flags(units[before].term).contains(.organizationHead),
                       c + 1 < b, !table.flags(units[c + 1].term).contains(.companySuffix) {
                        splitAt.insert(c)
                    }
                }
            } else {
                var whole = false
                if let before = capBefore(connectorsAt[0]), !table.flags(units[before].term).intersection(heads).isEmpty { whole = true }
                if connectorsAt.contains(where: { isWord(units[$0], table.words.ampersand) }) { whole = true }
                // "accountancy firm Ernst and Young", "an analyst with Hambrecht and Quist": a
                // business named after its partners.
                if companyCue && connectorsAt.allSatisfy({ isAndConnector($0) }) { whole = true }
                if !whole { splitAt = Set(connectorsAt) }
            }
        }
        for k in a..<b {
            if splitAt.contains(k) {
                if !(segments.last?.isEmpty ?? true) { segments.append([]) }
                continue
            }
            if units[k].kind == .comma { continue }  // "Kidder, Peabody and Co"
            segments[segments.count - 1].append(k)
        }
        segments.removeAll { $0.isEmpty }
        return RunPlan(honorific: honorific, speaker: speaker, locative: locative, companyCue: companyCue,
                       organizationCue: organizationCue, apposition: apposition, administration: administration,
                       abbreviation: abbreviation, segments: segments)
    }

    /// A short month that is also a given name, followed by a capitalised word that may be a
    /// name: "Jan Dahl", "Jun Wang" are people, where a month written short stands before a
    /// day or a year ("Jan 5", "Jan. 2024"), never before a name.
    private func isGivenNameBeforeName(_ indices: [Int]) -> Bool {
        guard indices.count >= 2 else { return false }
        let first = units[indices[0]], next = units[indices[1]]
        let flags = table.flags(first.term)
        guard flags.contains(.givenName), flags.contains(.monthAbbreviation),
              first.tokenEnd - first.token == 1, next.kind == .cap else { return false }
        return table.flags(next.term).intersection([.nonName, .stopword]).isEmpty
    }

    /// The candidate of a segment of a run, after dropping sentence-initial function
    /// words and never-a-name words in front ("Despite China" → "China", "On Wednesday Qin Gang"
    /// → "Qin Gang").
    private func segmentCandidate(_ segment: [Int], sentence s: Int, honorific: Range<Int>?, roles: [String], weakRole: Bool,
                                  regnal: Bool, locative: Bool,
                                  speaker: Bool, consumed: Bool, administration: Int?, abbreviation: String?,
                                  weakBefore: Int, organizationCue: Bool, companyCue: Bool) -> Candidate? {
        var indices = segment
        var initial = units[indices[0]].initial && honorific == nil
        var honorific = honorific
        while let f = indices.first {
            let flags = table.flags(units[f].term)
            if units[f].kind != .cap {
                indices.removeFirst()
                continue
            }
            if flags.contains(.nonName) && !isGivenNameBeforeName(indices) || (initial && flags.contains(.stopword) && !flags.contains(.nameWord)) {
                indices.removeFirst()
                initial = false
                honorific = nil
                continue
            }
            break
        }
        guard let firstIndex = indices.first, let lastIndex = indices.last else { return nil }
        var isWork = !initial && isWord(units[firstIndex], table.words.the)
        let nameCount = indices.count - (isWork ? 1 : 0)
        if nameCount == 0 { return nil }
        if indices.count == 1 && table.flags(units[firstIndex].term).contains(.stopword) { return nil }

        var hint: Candidate.Hint = .unknown
        var lastFlags = table.flags(units[lastIndex].term)
        if !lastFlags.contains(.organizationHead),
           let connector = indices.firstIndex(where: { units[$0].kind == .connector }), connector > 0 {
            // "Institute for Energy Security": the word before the first connector names the kind.
            lastFlags = table.flags(units[indices[connector - 1]].term)
        }
        if nameCount >= 2 || (isWork && nameCount >= 1) {
            if lastFlags.contains(.organizationHead) {
                hint = .organization
            } else if lastFlags.contains(.placeHead) {
                hint = .place
            } else if lastFlags.contains(.eventHead) {
                hint = .event
            } else if lastFlags.contains(.otherHead) {
                hint = .other
            }
        }
        if hint == .unknown && nameCount >= 2 {
            // "Instituto Nóos", "La Fiscalía Anticorrupción": the head first (after an article).
            let head = EntityVocabulary.romanceArticles.contains(norm(units[firstIndex])) && indices.count > 2
                ? indices[1] : firstIndex
            if EntityVocabulary.leadingOrganizationHeads.contains(norm(units[head])) { hint = .organization }
        }
        if hint == .unknown && nameCount >= 2 && table.flags(units[firstIndex].term).contains(.placePrefix) {
            hint = .place  // "St. Petersburg", "Fort Worth", "Lake Placid"
        }
        if hint != .unknown && isWork {
            indices.removeFirst()
            isWork = false
        } else if isWork {
            hint = .other
        }
        if indices.count == 1 && hint != .unknown && !lastFlags.intersection([.organizationHead, .placeHead, .eventHead, .otherHead]).isEmpty {
            return nil  // "the Foundation": a head word alone names nothing
        }
        // A name qualifying a title is kept when the title says it is an organisation's.
        if consumed && hint == .unknown && !organizationCue { return nil }
        var parts = indices.map { part(units[$0]) }
        var leadPart: Candidate.Part?
        // "Chinese Foreign Ministry", "Asian Society Policy Institute", "China Programme": a
        // demonym (or, before a lone organisation word, a place) belongs to the name.
        if let first = indices.first, first > 0, gap(units[first - 1].bytes, units[first].bytes) == .space {
            let before = units[first - 1]
            let lone = indices.count == 1 && lastFlags.contains(.organizationHead)
            // "Senate Commerce Committee": a known organisation before a committee or office of it.
            if (hint == .organization || lone) && before.kind == .demonym
                || (lone || hint == .organization) && before.kind == .entry && isPlace(before)
                || hint == .organization && before.kind == .entry && isOrganization(before) {
                parts.insert(part(before), at: 0)
                hint = .organization
                // "East India Company": capitalised words right before the place belong too.
                var k = first - 2
                while lone, k >= 0, units[k].kind == .cap, !units[k].initial, gap(units[k].bytes, units[k + 1].bytes) == .space {
                    parts.insert(part(units[k]), at: 0)
                    k -= 1
                }
            } else if honorific == nil && roles.isEmpty && (before.kind == .demonym || before.kind == .entry && isPlace(before)) {
                leadPart = part(before)
            }
        }
        let personCue = honorific != nil || !roles.isEmpty
        if hint == .unknown && personCue { hint = .person }
        var candidate = Candidate(sentence: s, parts: parts, honorific: honorific, hint: hint, context: .strong,
                                  personCue: personCue, speaker: speaker, roles: roles, abbreviation: abbreviation)
        candidate.weakRole = weakRole
        candidate.regnal = regnal
        candidate.organizationCue = organizationCue
        candidate.companyCue = companyCue
        candidate.lead = leadPart
        candidate.locative = locative && indices.first == segment.first
        if let honorific {
            let title = Tokenizer.norm(text(honorific))
            candidate.firstNameHonorific = title == "sir" || title == "dame"
        }
        if let administration, hint == .unknown || hint == .person {
            candidate.parts.append(part(units[administration]))
            candidate.hint = .organization
            candidate.personCue = false
            candidate.roles = []
        }
        if indices.contains(where: { $0 < weakBefore }) {
            candidate.context = .weak
        } else if initial {
            candidate.context = .initial
        }
        return candidate
    }
}
