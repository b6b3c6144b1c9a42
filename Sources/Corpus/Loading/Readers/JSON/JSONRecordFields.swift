import Foundation

/// Turns one parsed JSON article object into the record's text and fields: the first field of
/// each role (`FieldNames`) that holds a value wins; every other field is kept as it is
/// (`Document.meta`, sorted by name: a JSON object has no order).
enum JSONRecordFields {
    /// The text (nil when no text field holds a string) and the fields of `object`.
    static func read(_ object: [String: Any], names: FieldNames) -> (text: String?, fields: RecordFields) {
        var fields = RecordFields()
        var text: String?
        // Each role's field: the best-ranked name whose value fits the role.
        var best: [FieldNames.Role: (rank: Int, key: String)] = [:]
        var scratch = RecordFields()
        var scratchText: String?
        for (key, value) in object {
            let lower = key.lowercased()
            guard let role = names.role(of: lower), let rank = names.names[role]?.firstIndex(of: lower),
                  best[role].map({ rank < $0.rank }) ?? true, take(role, value, into: &scratch, text: &scratchText) != nil
            else { continue }
            best[role] = (rank, key)
        }
        var other: [(name: String, value: FieldValue)] = []
        for (key, value) in object {
            if let role = names.role(of: key.lowercased()), best[role]?.key == key {
                _ = take(role, value, into: &fields, text: &text)
            } else if let kept = fieldValue(value) {
                // Other fields, and a role's losing fields (a "body" besides the "text").
                other.append((key, kept))
            }
        }
        other.sort { $0.name < $1.name }
        fields.other = other
        return (text, fields)
    }

    /// Puts `value` in its role; nil when the value does not fit the role (kept as another field).
    private static func take(_ role: FieldNames.Role, _ value: Any, into fields: inout RecordFields,
                             text: inout String?) -> Bool? {
        switch role {
        case .text:
            guard let s = value as? String else { return nil }
            text = s
        case .title:
            guard let s = string(value) else { return nil }
            fields.title = s
        case .id:
            guard let s = string(value) else { return nil }
            fields.id = s
        case .date:
            guard let s = string(value) else { return nil }
            fields.date = s
        case .source:
            guard let s = string(value) ?? (value as? [String: Any]).flatMap({ string($0["name"] as Any) }) else { return nil }
            fields.source = s
        case .url:
            guard let s = string(value) else { return nil }
            fields.url = s
        case .language:
            guard let s = string(value) else { return nil }
            fields.language = s
        case .authors:
            let names = authors(value)
            guard !names.isEmpty else { return nil }
            fields.authors = names
        }
        return true
    }

    /// A non-empty string, trimmed; a number as its digits.
    static func string(_ value: Any) -> String? {
        if let s = value as? String {
            let trimmed = s.trimmingCharacters(in: .whitespacesAndNewlines)
            return trimmed.isEmpty ? nil : trimmed
        }
        if let n = value as? NSNumber, !isBool(n) { return FieldValue.number(n.doubleValue).text }
        return nil
    }

    /// Author names from a string ("A; B"), a list of strings, or objects with a `name`.
    static func authors(_ value: Any) -> [String] {
        if let s = string(value) { return AuthorList.split(s) }
        if let list = value as? [Any] {
            return list.compactMap { item in string(item) ?? (item as? [String: Any]).flatMap { string($0["name"] as Any) } }
        }
        if let object = value as? [String: Any], let name = string(object["name"] as Any) { return [name] }
        return []
    }

    /// A kept field's value; nil for JSON null.
    static func fieldValue(_ value: Any) -> FieldValue? {
        if value is NSNull { return nil }
        if let s = value as? String { return .text(s) }
        if let n = value as? NSNumber { return isBool(n) ? .bool(n.boolValue) : .number(n.doubleValue) }
        if let list = value as? [Any] { return .list(list.compactMap(fieldValue)) }
        if JSONSerialization.isValidJSONObject(value),
           let data = try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys]) {
            return .text(String(decoding: data, as: UTF8.self))
        }
        return nil
    }

    /// Whether a number JSONSerialization gave was `true` or `false`.
    static func isBool(_ n: NSNumber) -> Bool {
        String(cString: n.objCType) == "c"
    }
}

/// Splits an author string into names: on ";", "|" or " and " / " & " ("Jane Doe and John Roe").
enum AuthorList {
    static func split(_ s: String) -> [String] {
        var parts = [s]
        for separator in [";", "|", " and ", " & "] {
            parts = parts.flatMap { $0.components(separatedBy: separator) }
        }
        return parts.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
