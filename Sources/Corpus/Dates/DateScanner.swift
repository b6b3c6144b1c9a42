/// Finds date expressions in one tokenised stretch of text.
///
/// The scanner walks the tokens once. Only three kinds of token can start an expression, and
/// each is recognised by a cheap check before any pattern is tried: a number; a capitalised
/// word that is a month or weekday name (dictionary lookup on a packed key); or one of a few
/// keywords ("last", "next", "this", "today", "later", "a", "two", "end", …). Each matcher then
/// reads a short, fixed pattern of following tokens and looks back at most four tokens for
/// modifiers ("last", "mid-", "since at least") and context ("in", "on").
struct DateScanner {
    /// One expression: tokens `start..<end` and what they say.
    struct Match {
        var start: Int
        var end: Int
        var expression: DateExpression
    }

    let bytes: UnsafeBufferPointer<UInt8>
    let tokens: [DateToken]
    private let tense: DateTenseDetector
    /// Lookbacks never reach into the previous match.
    private var floor = 0

    /// Words looked at around a bare weekday / month to decide its tense. Weekdays in news copy
    /// nearly always name the past week, so only a close marker flips them; months are judged
    /// over the whole clause.
    static let weekdayWindow = (back: 8, ahead: 6)
    static let monthWindow = (back: 40, ahead: 15)
    /// A year-less day ("April 20") is judged by the words next to it, in its own clause: a reporting verb
    /// further back ("declared a stock split payable April 20") says nothing about the day itself.
    static let dayWindow = (back: 6, ahead: 4)

    init(bytes: UnsafeBufferPointer<UInt8>, tokens: [DateToken]) {
        self.bytes = bytes
        self.tokens = tokens
        self.tense = DateTenseDetector(bytes: bytes, tokens: tokens)
    }

    /// All expressions, in text order, not overlapping.
    mutating func scan() -> [Match] {
        var matches: [Match] = []
        var index = 0
        while index < tokens.count {
            let token = tokens[index]
            var found: Match?
            switch token.kind {
            case .number:
                found = matchNumber(at: index)
            case .word:
                let flags = token.word.flags
                if flags.isDisjoint(with: DateWord.Flags.starters) && token.word.keyword == .none { break }
                if token.isCapitalized || token.isUpper {
                    if !flags.isDisjoint(with: [.month, .monthAbbreviation]) {
                        found = matchMonth(at: index)
                    } else if token.isCapitalized, flags.contains(.weekday) {
                        found = matchWeekday(at: index, weekday: Int(token.word.value))
                    }
                }
                if found == nil, token.isPlainCase {
                    found = matchKeyword(at: index)
                }
            case .punct:
                break
            }
            if let found, found.end > index {
                matches.append(found)
                floor = found.end
                index = found.end
            } else {
                index += 1
            }
        }
        return matches
    }

    // MARK: - Token helpers

    private func token(_ index: Int) -> DateToken? {
        index >= 0 && index < tokens.count ? tokens[index] : nil
    }

    /// The keyword of a capitalised or lowercase word at `index`, or `.none`.
    private func keyword(_ index: Int) -> DateWord.Keyword {
        token(index)?.keyword ?? .none
    }

    /// What the lexicon knows about a capitalised or lowercase word at `index` (nothing for other
    /// tokens, or before the lookback floor when `looksBack`).
    private func plainWord(_ index: Int, looksBack: Bool = false) -> DateWord {
        guard !looksBack || index >= floor, let token = token(index), token.kind == .word, token.isPlainCase else {
            return DateWord()
        }
        return token.word
    }

    /// The keyword of the word at `index` when it lies at or after the lookback floor.
    private func lookbackKeyword(_ index: Int) -> DateWord.Keyword {
        plainWord(index, looksBack: true).keyword
    }

    private func isAdjacent(_ index: Int) -> Bool {
        guard let token = token(index) else { return false }
        return !token.spaceBefore
    }

    /// A dash, hyphen or "to"/"through"/"until" joining the two ends of a range.
    private func isRangeConnector(_ index: Int) -> Bool {
        guard let token = token(index) else { return false }
        if token.isDashLike { return true }
        guard token.kind == .word, token.isLower else { return false }
        switch token.word.keyword {
        case .to, .through, .until, .till: return true
        default: return false
        }
    }

    /// True when a number starting at `index` stands on its own: nothing glued before it except
    /// an opening bracket or quote, or a hyphen after a word ("mid-2019").
    private func isStandaloneNumberStart(_ index: Int) -> Bool {
        guard index > 0, !tokens[index].spaceBefore else { return true }
        let previous = tokens[index - 1]
        switch previous.kind {
        case .word, .number:
            return false
        case .punct:
            switch previous.mark {
            case .open, .quote: return true
            case .hyphen, .dash: return index >= 2 && tokens[index - 2].kind == .word && !previous.spaceBefore
            default: return false
            }
        }
    }

    /// True when nothing glued after a number ending before `index` makes it part of something
    /// else: letters ("18km"), a decimal or thousands part ("39.4", "2,019"), a time ("18:30"),
    /// a fraction ("1/2"), a percent sign. A hyphen may follow: "18-19 June" is a range.
    private func endsCleanly(_ index: Int) -> Bool {
        guard let next = token(index), !next.spaceBefore else { return true }
        switch next.kind {
        case .word, .number:
            return false
        case .punct:
            switch next.mark {
            case .percent: return false
            case .dot, .comma, .colon, .slash:
                if let after = token(index + 1), after.kind == .number, !after.spaceBefore { return false }
                return true
            default:
                return true
            }
        }
    }

    /// A day of the month at `index` (1...31, one or two digits, optional "th"/"st"/…), and the
    /// index after it.
    private func dayNumber(at index: Int) -> (day: Int, end: Int)? {
        guard let token = token(index), token.kind == .number, token.digits <= 2,
              (1...31).contains(token.number) else { return nil }
        var end = index + 1
        if let suffix = self.token(end), suffix.kind == .word, !suffix.spaceBefore,
           suffix.word.flags.contains(.ordinalSuffix) {
            end += 1
        }
        guard endsCleanly(end) else { return nil }
        return (token.number, end)
    }

    /// Years a bare four-digit number may stand for ("in 2019").
    static let bareYears = 1900...2099
    /// Years a four-digit number may stand for after a month or day ("29 October 1787").
    static let attachedYears = 1000...2999

    /// A four-digit year at `index` within `years`, and the index after it.
    private func yearNumber(at index: Int, in years: ClosedRange<Int> = DateScanner.bareYears) -> (year: Int, end: Int)? {
        guard let token = token(index), token.kind == .number, token.digits == 4,
              years.contains(token.number), endsCleanly(index + 1) else { return nil }
        return (token.number, index + 1)
    }

    /// A month name at `index`: full ("June") or abbreviated ("Jun", "Sept."), capitalised or all
    /// capitals. Returns the month, whether it can stand alone (full, not all capitals), and the
    /// index after it (after the abbreviation's full stop).
    private func monthName(at index: Int) -> (month: Int, canStandAlone: Bool, end: Int)? {
        guard let token = token(index), token.kind == .word, token.isCapitalized || token.isUpper else { return nil }
        let flags = token.word.flags
        if flags.contains(.month) {
            return (Int(token.word.value), token.isCapitalized, index + 1)
        }
        if flags.contains(.monthAbbreviation) {
            var end = index + 1
            if let dot = self.token(end), dot.mark == .dot, !dot.spaceBefore { end += 1 }
            return (Int(token.word.value), false, end)
        }
        return nil
    }

    // MARK: - Prefixes

    /// Modifier words before an expression, as found by looking back from it.
    private struct Prefix {
        /// Where the mention's text starts (the first included modifier, or the expression).
        var start: Int
        /// "last", "next" or "this".
        var shift: DateShift?
        /// "mid-", "early" or "late" was written.
        var qualified = false
        /// "since", "until", "till", "by", "before" or "after", if written.
        var preposition: DateWord?
        /// The word just before the included modifiers ("in", "on", …); nothing known when none.
        var context = DateWord()
    }

    /// Looks back from `index` for, in this order going left: a qualifier ("mid-", "early",
    /// "late"), a shift ("last", "next", "this", unless "the" precedes it: "the last week" is a
    /// duration), "at least" after a meaning preposition, a meaning preposition ("since").
    private func prefix(before index: Int, allowShift: Bool) -> Prefix {
        var result = Prefix(start: index)
        var cursor = index - 1
        if cursor - 1 >= floor, let dash = token(cursor), dash.isDashLike, !dash.spaceBefore, isAdjacent(index),
           lookbackKeyword(cursor - 1) == .mid {
            result.qualified = true
            result.start = cursor - 1
            cursor -= 2
        } else {
            switch lookbackKeyword(cursor) {
            case .mid, .early, .late:
                result.qualified = true
                result.start = cursor
                cursor -= 1
            default:
                break
            }
        }
        if allowShift {
            let keyword = lookbackKeyword(cursor)
            if keyword == .last || keyword == .next || keyword == .this, lookbackKeyword(cursor - 1) != .the {
                result.shift = keyword == .last ? .last : keyword == .next ? .next : .this
                result.start = cursor
                cursor -= 1
            }
        }
        if lookbackKeyword(cursor) == .least, lookbackKeyword(cursor - 1) == .at,
           plainWord(cursor - 2, looksBack: true).flags.contains(.meaningPreposition) {
            result.preposition = plainWord(cursor - 2, looksBack: true)
            result.start = cursor - 2
            cursor -= 3
        } else if plainWord(cursor, looksBack: true).flags.contains(.meaningPreposition) {
            result.preposition = plainWord(cursor, looksBack: true)
            result.start = cursor
            cursor -= 1
        }
        result.context = plainWord(cursor, looksBack: true)
        return result
    }

    /// The tense of a bare weekday or month, with the preposition's say: "since February" is
    /// past; "until Monday", "by Friday" are future unless the clause is marked past. A year-less
    /// day is judged in its own clause (`clause`), where a month is judged over the sentence.
    private func bareTense(start: Int, end: Int, preposition: DateWord?, window: (back: Int, ahead: Int),
                           clause: Bool = false) -> DateTense {
        let keyword = preposition?.keyword ?? .none
        if keyword == .since { return .past }
        let found = tense.tense(start: start, end: end, back: window.back, ahead: window.ahead, clause: clause)
        if keyword == .until || keyword == .till || keyword == .by {
            return found == .past ? .past : .future
        }
        return found
    }

    // MARK: - Numbers

    private func matchNumber(at index: Int) -> Match? {
        guard isStandaloneNumberStart(index), let token = token(index) else { return nil }
        if let numeric = matchNumericDate(at: index) { return numeric }
        if isNumericDateShape(at: index) { return nil }
        if token.digits <= 2, let dayFirst = matchDayFirst(at: index) {
            return completed(dayFirst, prefix: prefix(before: index, allowShift: false))
        }
        if token.digits == 4 {
            return matchYear(at: index)
        }
        return matchCountAgo(at: index, count: token.number)
    }

    /// "18-6-2023", "18/6/2023", "18.6.2023" (day first; month first when the second number
    /// cannot be a month: "6/18/2023"), "2023-06-18", "2023/06/18".
    private func matchNumericDate(at index: Int) -> Match? {
        guard let first = token(index), let separator = token(index + 1), isAdjacent(index + 1),
              let second = token(index + 2), second.kind == .number, isAdjacent(index + 2),
              let separator2 = token(index + 3), separator2.mark == separator.mark, isAdjacent(index + 3),
              let third = token(index + 4), third.kind == .number, isAdjacent(index + 4),
              second.digits <= 2 else { return nil }
        let isISO = first.digits == 4 && third.digits <= 2
            && (separator.mark == .hyphen || separator.mark == .slash)
        let isDayFirst = first.digits <= 2 && third.digits == 4
            && (separator.mark == .hyphen || separator.mark == .slash || separator.mark == .dot)
        guard isISO || isDayFirst else { return nil }
        let end = index + 5
        // An ISO date may run on into a time: "2023-06-18T10:00".
        let runsIntoTime = isISO && token(end)?.word.keyword == .t && isAdjacent(end)
            && token(end + 1)?.kind == .number && isAdjacent(end + 1)
        guard runsIntoTime || endsCleanly(end) else { return nil }
        let point: DateValue.Point?
        if isISO {
            point = DateValue.Point(year: first.number, month: second.number, day: third.number)
        } else {
            guard Self.attachedYears.contains(third.number) else { return nil }
            let monthFirst = second.number > 12 && first.number <= 12
            point = DateValue.Point(year: third.number, month: monthFirst ? first.number : second.number,
                                    day: monthFirst ? second.number : first.number)
        }
        guard let point else { return nil }
        return Match(start: index, end: end, expression: .absolute(DateValue(point)))
    }

    /// Three numbers glued by one separator: a numeric date that failed validation, or a
    /// version number, phone number or score — never read as anything else.
    private func isNumericDateShape(at index: Int) -> Bool {
        guard let separator = token(index + 1), isAdjacent(index + 1), separator.kind == .punct,
              separator.mark == .hyphen || separator.mark == .slash || separator.mark == .dot,
              let second = token(index + 2), second.kind == .number, isAdjacent(index + 2),
              let separator2 = token(index + 3), separator2.mark == separator.mark, isAdjacent(index + 3),
              let third = token(index + 4), third.kind == .number, isAdjacent(index + 4) else { return false }
        return true
    }

    /// "18 June", "18th of June", "18-19 June", "18 to 19 June", "30 June–2 July", each with an
    /// optional year ("18 June 2023", "18 June, 2023").
    private func matchDayFirst(at index: Int) -> Match? {
        guard let (day, afterDay) = dayNumber(at: index) else { return nil }
        var cursor = afterDay
        var endDay: Int?
        var endMonth: Int?
        let month: Int
        if isRangeConnector(cursor), let (secondDay, afterSecond) = dayNumber(at: cursor + 1), secondDay > day {
            cursor = afterSecond
            if keyword(cursor) == .of { cursor += 1 }
            guard let (name, _, afterName) = monthName(at: cursor) else { return nil }
            month = name
            endDay = secondDay
            cursor = afterName
        } else {
            if keyword(cursor) == .of { cursor += 1 }
            guard let (name, _, afterName) = monthName(at: cursor) else { return nil }
            // "16 Jun 19 22:22": the month belongs to the day after it.
            if let next = token(afterName), next.spaceBefore, yearNumber(at: afterName, in: Self.attachedYears) == nil,
               dayNumber(at: afterName) != nil {
                return nil
            }
            month = name
            cursor = afterName
            if isRangeConnector(cursor), let (secondDay, afterSecond) = dayNumber(at: cursor + 1),
               let (secondMonth, _, afterSecondMonth) = monthName(at: afterSecond), secondMonth != month {
                endDay = secondDay
                endMonth = secondMonth
                cursor = afterSecondMonth
            }
        }
        return finishDay(start: index, cursor: cursor, month: month, day: day, endMonth: endMonth, endDay: endDay)
    }

    /// Adds an optional year (", 2023" or " 2023") to a day or day range and validates it.
    private func finishDay(start: Int, cursor: Int, month: Int, day: Int, endMonth: Int?, endDay: Int?) -> Match? {
        let yearless = YearlessDay(month: month, day: day, endMonth: endMonth, endDay: endDay)
        var yearIndex = cursor
        if let comma = token(yearIndex), comma.mark == .comma { yearIndex += 1 }
        if let (year, afterYear) = yearNumber(at: yearIndex, in: Self.attachedYears), token(yearIndex)?.spaceBefore ?? false {
            guard let value = yearless.value(inYear: year) else { return nil }
            return Match(start: start, end: afterYear, expression: .absolute(value))
        }
        // Validate against a leap year so that "February 29" survives until a year is chosen.
        guard yearless.value(inYear: 2000) != nil else { return nil }
        // "February 24 this year", "18 June last year".
        let shift = keyword(cursor)
        let yearWord = plainWord(cursor + 1)
        if shift == .last || shift == .this || shift == .next, yearWord.flags.contains(.unit), yearWord.unit == .year,
           isSingularUnit(cursor + 1) {
            var inYear = yearless
            inYear.yearOffset = shift == .last ? -1 : shift == .next ? 1 : 0
            return Match(start: start, end: cursor + 2, expression: .monthDay(inYear))
        }
        return Match(start: start, end: cursor, expression: .monthDay(yearless))
    }

    /// A dated match completed with its modifiers: starts at the prefix, and a year-less day
    /// learns its clause's tense (and the weekday written before it, if any).
    private func completed(_ match: Match, prefix: Prefix, weekday: Int? = nil) -> Match {
        var result = match
        result.start = prefix.start
        if case .monthDay(var yearless) = match.expression {
            yearless.tense = bareTense(start: prefix.start, end: match.end, preposition: prefix.preposition,
                                       window: Self.dayWindow, clause: true)
            yearless.weekday = weekday
            result.expression = .monthDay(yearless)
        }
        return result
    }

    /// A four-digit number read as a year only in context: "in 2019", "since at least 2019",
    /// "by 2030", "mid-2019", "between 2019 and 2021", "2019 to 2021", "the 2016 election", and
    /// decades ("1990s").
    private func matchYear(at index: Int) -> Match? {
        guard let token = token(index), token.digits == 4, Self.bareYears.contains(token.number) else { return nil }
        // Decades: "1990s", "the 2020s".
        if token.number % 10 == 0, let suffix = self.token(index + 1), suffix.kind == .word, !suffix.spaceBefore,
           suffix.word.keyword == .s, suffix.isLower, endsCleanly(index + 2),
           let first = DateValue.Point(year: token.number), let last = DateValue.Point(year: token.number + 9),
           let decade = DateValue(start: first, end: last) {
            let prefix = prefix(before: index, allowShift: false)
            return Match(start: prefix.start, end: index + 2, expression: .absolute(decade))
        }
        guard let (year, afterYear) = yearNumber(at: index) else { return nil }
        let prefix = prefix(before: index, allowShift: false)
        let joiner = prefix.context.keyword
        let isJoiner = joiner == .and || joiner == .or || joiner == .to
        let chained = isJoiner && prefix.start - 1 == floor && floor > 0
        // "the 2016 election", "the 2020 census": a year used as a modifier.
        let modifiesNoun = joiner == .the && self.token(afterYear)?.kind == .word && (self.token(afterYear)?.spaceBefore ?? false)
        let hasContext = prefix.qualified || prefix.preposition != nil
            || (prefix.context.flags.contains(.yearContext) && !isJoiner)
            || chained || modifiesNoun
        guard hasContext, let point = DateValue.Point(year: year) else { return nil }
        // A range: "2019–2021", "2019 to 2021", "between 2019 and 2021".
        let connector = afterYear
        let joins = isRangeConnector(connector)
            || (joiner == .between && keyword(connector) == .and)
        if joins, let (endYear, afterEnd) = yearNumber(at: connector + 1), endYear > year,
           let endPoint = DateValue.Point(year: endYear), let range = DateValue(start: point, end: endPoint) {
            return Match(start: prefix.start, end: afterEnd, expression: .absolute(range))
        }
        return Match(start: prefix.start, end: afterYear, expression: .absolute(DateValue(point)))
    }

    /// "3 days ago", "two weeks ago", "a year ago".
    private func matchCountAgo(at index: Int, count: Int) -> Match? {
        let unitWord = plainWord(index + 1)
        guard count >= 1, count <= 999, unitWord.flags.contains(.unit), unitWord.unit != .weekend,
              keyword(index + 2) == .ago else { return nil }
        let unit = unitWord.unit
        return Match(start: index, end: index + 3, expression: .unit(unit, offset: -count))
    }

    // MARK: - Months

    /// "June 18", "June 18, 2023", "June 18–19", "June 30–July 2", "January 2021",
    /// "mid-June 2023", and bare months ("in February", "last November", "mid-June").
    private func matchMonth(at index: Int) -> Match? {
        guard let (month, canStandAlone, afterName) = monthName(at: index) else { return nil }
        if let dated = matchMonthFirstDay(at: index) {
            return completed(dated, prefix: prefix(before: index, allowShift: false))
        }
        // "January 2021", "June of 2023".
        var yearIndex = afterName
        if keyword(yearIndex) == .of { yearIndex += 1 }
        if token(yearIndex)?.spaceBefore ?? false, let (year, afterYear) = yearNumber(at: yearIndex, in: Self.attachedYears),
           let value = DateValue(year: year, month: month) {
            let prefix = prefix(before: index, allowShift: false)
            return Match(start: prefix.start, end: afterYear, expression: .absolute(value))
        }
        // "April to November 1982", "June–August 2023".
        if isRangeConnector(afterName), let (endMonth, _, afterEnd) = monthName(at: afterName + 1), endMonth != month,
           token(afterEnd)?.spaceBefore ?? false, let (year, afterYear) = yearNumber(at: afterEnd, in: Self.attachedYears),
           let first = DateValue.Point(year: endMonth < month ? year - 1 : year, month: month),
           let last = DateValue.Point(year: year, month: endMonth), let range = DateValue(start: first, end: last) {
            let prefix = prefix(before: index, allowShift: false)
            return Match(start: prefix.start, end: afterYear, expression: .absolute(range))
        }
        guard canStandAlone else { return nil }
        let prefix = prefix(before: index, allowShift: true)
        // "February last year", "June this year", "in May next year".
        let yearShift = keyword(afterName)
        let yearWord = plainWord(afterName + 1)
        let inNamedYear = prefix.shift == nil && (yearShift == .last || yearShift == .this || yearShift == .next)
            && yearWord.flags.contains(.unit) && yearWord.unit == .year && isSingularUnit(afterName + 1)
        let accepted: Bool
        if prefix.shift != nil || prefix.qualified || prefix.preposition != nil {
            accepted = true
        } else if DateLexicon.ambiguousMonths.contains(month) {
            accepted = prefix.context.flags.contains(.strictMonthContext)
        } else if prefix.context.flags.contains(.monthContext) || inNamedYear {
            accepted = true
        } else {
            // Unambiguous names stand alone unless a capitalised word follows ("November Project").
            if let next = token(afterName), next.kind == .word, !next.lineBefore, next.isCapitalized || next.isUpper,
               next.word.flags.isDisjoint(with: [.month, .weekday]) {
                accepted = false
            } else {
                accepted = true
            }
        }
        guard accepted, prefix.start != index || !isInsideName(index, end: afterName) else { return nil }
        if inNamedYear {
            let offset = yearShift == .last ? -1 : yearShift == .next ? 1 : 0
            return Match(start: prefix.start, end: afterName + 2, expression: .monthInYear(month: month, yearOffset: offset))
        }
        let shift = prefix.shift ?? .bare(bareTense(start: prefix.start, end: afterName,
                                                    preposition: prefix.preposition, window: Self.monthWindow))
        return Match(start: prefix.start, end: afterName, expression: .month(month, shift))
    }

    /// A month name followed by a day: "June 18", "June 18th, 2023", "June 18–19", "June 18 to
    /// 19", "June 30–July 2".
    private func matchMonthFirstDay(at index: Int) -> Match? {
        guard let (month, _, afterName) = monthName(at: index), let dayToken = token(afterName),
              dayToken.kind == .number, dayToken.spaceBefore || tokens[afterName - 1].mark == .dot,
              let (day, afterDay) = dayNumber(at: afterName) else { return nil }
        var cursor = afterDay
        var endDay: Int?
        var endMonth: Int?
        if isRangeConnector(cursor) {
            if let (secondDay, afterSecond) = dayNumber(at: cursor + 1), secondDay > day {
                endDay = secondDay
                cursor = afterSecond
            } else if let (secondMonth, _, afterSecondMonth) = monthName(at: cursor + 1), secondMonth != month,
                      let (secondDay, afterSecond) = dayNumber(at: afterSecondMonth) {
                endMonth = secondMonth
                endDay = secondDay
                cursor = afterSecond
            }
        }
        return finishDay(start: index, cursor: cursor, month: month, day: day, endMonth: endMonth, endDay: endDay)
    }

    // MARK: - Weekdays

    /// "on Wednesday", "last Friday", "until Monday", and weekday-led dates ("Sunday, June 18",
    /// "Sunday 18 June 2023"), which take the date's value.
    private func matchWeekday(at index: Int, weekday: Int) -> Match? {
        var next = index + 1
        if let comma = token(next), comma.mark == .comma { next += 1 }
        if let dated = matchMonthFirstDay(at: next) ?? (token(next)?.kind == .number ? matchDayFirst(at: next) : nil) {
            return completed(dated, prefix: prefix(before: index, allowShift: false), weekday: weekday)
        }
        let prefix = prefix(before: index, allowShift: true)
        if prefix.start == index, isInsideName(index, end: index + 1) { return nil }
        let shift = prefix.shift ?? .bare(bareTense(start: prefix.start, end: index + 1,
                                                    preposition: prefix.preposition, window: Self.weekdayWindow))
        return Match(start: prefix.start, end: index + 1, expression: .weekday(weekday, shift))
    }

    /// True when a bare weekday or month name at `index` (ending before `end`) is part of a name:
    /// after a capitalised name modifier ("Good Friday", "Shrove Sunday", "Black September"), or
    /// between "the" and a capitalised word ("The Sunday Times", "the October Revolution").
    /// Other capitalised words before it are kept: "told CNN Sunday" is a date.
    private func isInsideName(_ index: Int, end: Int) -> Bool {
        guard index > 0, let current = token(index) else { return false }
        let previous = tokens[index - 1]
        if !current.lineBefore, previous.kind == .word, previous.isCapitalized,
           previous.word.flags.contains(.nameModifier) {
            return true
        }
        if previous.word.keyword == .the, let next = token(end), next.kind == .word, !next.lineBefore,
           next.isCapitalized || next.isUpper, next.word.flags.isDisjoint(with: [.month, .weekday]) {
            return true
        }
        return false
    }

    // MARK: - Keywords

    private func matchKeyword(at index: Int) -> Match? {
        let word = plainWord(index)
        let flags = word.flags
        if flags.contains(.dayWord) {
            // "USA Today", "China Today": a title, not a day.
            if let token = token(index), token.isCapitalized, index > floor, let previous = self.token(index - 1),
               previous.kind == .word, previous.isCapitalized || previous.isUpper, !token.lineBefore {
                return nil
            }
            return Match(start: index, end: index + 1, expression: .unit(.day, offset: Int(word.value)))
        }
        switch word.keyword {
        case .last, .next, .this:
            return matchShiftedUnit(at: index, start: index)
        case .earlier, .later:
            // "later this year", "earlier this month".
            if keyword(index + 1) == .this, let match = matchShiftedUnit(at: index + 1, start: index) {
                return match
            }
            // "later in the year", "earlier in the week".
            let unitWord = plainWord(index + 3)
            if keyword(index + 1) == .in, keyword(index + 2) == .the, unitWord.flags.contains(.unit),
               unitWord.unit != .day, isSingularUnit(index + 3) {
                return Match(start: index, end: index + 4, expression: .unit(unitWord.unit, offset: 0))
            }
            return nil
        default:
            break
        }
        if flags.contains(.partOfPeriod) {
            // "start of the year", "end of this month".
            let unitWord = plainWord(index + 3)
            guard keyword(index + 1) == .of, keyword(index + 2) == .the || keyword(index + 2) == .this,
                  unitWord.flags.contains(.unit), [.year, .month, .week].contains(unitWord.unit),
                  isSingularUnit(index + 3) else { return nil }
            return Match(start: index, end: index + 4, expression: .unit(unitWord.unit, offset: 0))
        }
        if flags.contains(.numberWord) {
            return matchCountAgo(at: index, count: Int(word.value))
        }
        return nil
    }

    /// "last week", "this weekend", "next month", "next year" (not "the last week", "the next
    /// year", which are durations).
    private func matchShiftedUnit(at index: Int, start: Int) -> Match? {
        let shift = keyword(index)
        let unitWord = plainWord(index + 1)
        guard unitWord.flags.contains(.unit), unitWord.unit != .day, isSingularUnit(index + 1),
              !(index > floor && keyword(index - 1) == .the) else { return nil }
        let offset = shift == .last ? -1 : shift == .next ? 1 : 0
        return Match(start: start, end: index + 2, expression: .unit(unitWord.unit, offset: offset))
    }

    private func isSingularUnit(_ index: Int) -> Bool {
        guard let token = token(index) else { return false }
        return bytes[token.end - 1] != UInt8(ascii: "s")
    }
}
