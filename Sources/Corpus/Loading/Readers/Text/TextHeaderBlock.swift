import Foundation

/// The metadata block a plain-text article may open with, taken out of its body:
///
/// ```
/// Title: Flood waters recede in the south     ---
/// Date: 2023-06-18                            title: Flood waters recede
/// Source: Reuters                             date: 2023-06-18
///                                             authors:
/// Body text…                                    - Jane Doe
///                                             ---
/// ```
///
/// A `Key: value` block is only at the very top: it opens with a key dossier knows (`Title`,
/// `Date`, `Source`, `URL`, `Author`, `Language`, `ID` and the other names of `FieldNames`, any
/// case), goes on while lines are `Key: value`, and ends at a blank line (a single line, or a
/// block that runs into the body, counts only when it is a title, date or URL line, or two
/// lines or more). A date must read as a date and a URL as an address, so a first sentence
/// with a colon ("Source: a senior official said…", "Warning: …") or a wire dateline stays
/// body. A front-matter block is `---` on the first line, `key: value` lines (and `- item`
/// lines for a list), and `---` or `...` to close it within 60 lines; its other keys are kept.
enum TextHeaderBlock {
    /// The fields of the header block and the body after it; nil when the text opens with none.
    static func split(_ text: String, names: FieldNames) -> (fields: RecordFields, body: Substring)? {
        // Most texts open with no block: the first line has no colon and is not "---".
        let opening = text.utf8.prefix(while: { $0 != 10 })
        guard opening.contains(UInt8(ascii: ":")) || opening.starts(with: "---".utf8) else { return nil }
        let lines = text.split(separator: "\n", maxSplits: 64, omittingEmptySubsequences: false)
        guard let first = lines.first else { return nil }
        if first.trimmingTrailingSpaces() == "---" { return frontMatter(lines, text: text, names: names) }
        return keyValueBlock(lines, text: text, names: names)
    }

    private static func keyValueBlock(_ lines: [Substring], text: String, names: FieldNames)
        -> (fields: RecordFields, body: Substring)? {
        var fields = RecordFields()
        var count = 0
        var structured = false
        var end = text.startIndex
        for line in lines.prefix(24) {
            guard let (key, value) = keyValue(line), let role = names.role(of: key), role != .text else { break }
            guard put(value, role: role, into: &fields) else { break }
            if role == .title || role == .date || role == .url { structured = true }
            count += 1
            end = line.endIndex
        }
        guard count > 0 else { return nil }
        let rest = text[end...].dropFirst()  // the line end of the last header line
        let blankAfter = rest.prefix(while: { $0 != "\n" }).allSatisfy { $0 == " " || $0 == "\t" }
        guard blankAfter || count >= 2 || structured else { return nil }
        return (fields, rest)
    }

    private static func frontMatter(_ lines: [Substring], text: String, names: FieldNames)
        -> (fields: RecordFields, body: Substring)? {
        var fields = RecordFields()
        var listKey: String?
        var list: [String] = []
        func flushList() {
            guard let key = listKey else { return }
            if let role = names.role(of: key), role == .authors {
                fields.authors = list
            } else if names.role(of: key) == nil {
                fields.other.append((key, .list(list.map { .text($0) })))
            }
            listKey = nil
            list = []
        }
        for line in lines.dropFirst().prefix(60) {
            let trimmed = line.trimmingTrailingSpaces()
            if trimmed == "---" || trimmed == "..." {
                flushList()
                let rest = text[line.endIndex...].dropFirst()
                return (fields, rest)
            }
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let stripped = trimmed.drop(while: { $0 == " " })
            if listKey != nil, stripped.hasPrefix("- ") {
                list.append(unquote(stripped.dropFirst(2)))
                continue
            }
            flushList()
            guard let (key, value) = keyValue(line, anyKey: true) else { return nil }
            if value.isEmpty {
                listKey = key
                continue
            }
            if let role = names.role(of: key), role != .text {
                _ = put(value, role: role, into: &fields, strict: false)
            } else {
                fields.other.append((key, .text(value)))
            }
        }
        return nil
    }

    /// `Key: value` with a key of letters, digits, `_` or `-` (a known one unless `anyKey`).
    private static func keyValue(_ line: Substring, anyKey: Bool = false) -> (String, String)? {
        guard let colon = line.firstIndex(of: ":") else { return nil }
        let key = line[..<colon]
        guard !key.isEmpty, key.count <= 24,
              key.unicodeScalars.allSatisfy({ ($0.properties.isAlphabetic || $0 == "_" || $0 == "-" || ("0"..."9").contains($0)) }),
              key.first?.isLetter == true
        else { return nil }
        let value = unquote(line[line.index(after: colon)...])
        return (String(key), value)
    }

    /// Puts a header value in its role; false when it does not read as one (a date that is not
    /// a date, a URL that is not an address, a source or author as long as a sentence).
    private static func put(_ value: String, role: FieldNames.Role, into fields: inout RecordFields,
                            strict: Bool = true) -> Bool {
        guard !value.isEmpty else { return !strict }
        switch role {
        case .title: fields.title = value
        case .date:
            guard !strict || FieldDate.iso(value) != nil else { return false }
            fields.date = value
        case .url:
            guard !strict || value.contains("://") || value.hasPrefix("www.") else { return false }
            fields.url = value
        case .source:
            guard !strict || (value.count <= 80 && !value.hasSuffix(".")) else { return false }
            fields.source = value
        case .authors:
            guard !strict || value.count <= 120 else { return false }
            fields.authors = AuthorList.split(value)
        case .id: fields.id = value
        case .language:
            guard !strict || value.count <= 20 else { return false }
            fields.language = value
        case .text: return false
        }
        return true
    }

    private static func unquote(_ s: Substring) -> String {
        var t = s.trimmingCharacters(in: .whitespaces)
        if t.count >= 2, let f = t.first, f == "\"" || f == "'", t.last == f {
            t = String(t.dropFirst().dropLast())
        }
        return t
    }
}

private extension Substring {
    func trimmingTrailingSpaces() -> Substring {
        var s = self
        while let last = s.last, last == " " || last == "\t" || last == "\r" { s = s.dropLast() }
        return s
    }
}
