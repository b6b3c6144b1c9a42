import Foundation

/// Which input fields (JSON keys, CSV columns, header-block keys) hold a record's text and
/// metadata. Names match case-insensitively; the first name of a role that a record has wins.
///
/// The defaults are the names news APIs, Media Cloud and scrapers write; `dossier.open(path,
/// {fields = {text = "article_body"}})` puts a name of the analyst's first.
public struct FieldNames: Sendable, Equatable {
    /// The roles a field can have.
    public enum Role: String, Sendable, CaseIterable {
        case id, title, text, date, source, url, authors, language
    }

    /// The names of each role, in the order they are tried (lowercase).
    public private(set) var names: [Role: [String]]

    /// The standard names.
    public static let standard = FieldNames(names: [
        .id: ["id"],
        .title: ["title", "headline"],
        .text: ["text", "body", "content", "article", "maintext"],
        .date: ["date", "published", "publish_date", "published_at", "publication_date", "pub_date", "datetime"],
        .source: ["source", "outlet", "site_name", "publisher", "media_name"],
        .url: ["url", "link", "canonical_url"],
        .authors: ["authors", "author", "byline"],
        .language: ["language", "lang"],
    ])

    /// The standard names with `name` tried first for `role`.
    public func with(_ role: Role, named name: String) -> FieldNames {
        var copy = self
        let lower = name.lowercased()
        copy.names[role] = [lower] + (names[role] ?? []).filter { $0 != lower }
        return copy
    }

    /// The role of field `name` (any case), or nil for another field.
    func role(of name: String) -> Role? {
        let lower = name.lowercased()
        for role in Role.allCases where names[role]?.contains(lower) == true { return role }
        return nil
    }

    /// The role of each field of a header row (CSV), with the field's rank among its role's names.
    func roles(ofColumns columns: [String]) -> [(role: Role, rank: Int)?] {
        columns.map { column in
            let lower = column.trimmingCharacters(in: .whitespaces).lowercased()
            for role in Role.allCases {
                if let rank = names[role]?.firstIndex(of: lower) { return (role, rank) }
            }
            return nil
        }
    }
}

extension FieldNames {
    /// Why an option naming formats or fields was refused.
    public struct OptionError: Error, CustomStringConvertible, Sendable {
        public let description: String
    }

    /// The standard names with the analyst's put first: `[("text", "article_body"), ("date", "pub")]`.
    /// Throws for a role dossier does not know, or an empty name.
    public static func mapping(_ pairs: [(role: String, name: String)]) throws(OptionError) -> FieldNames {
        var names = FieldNames.standard
        for (role, name) in pairs {
            guard let known = Role(rawValue: role.lowercased()) else {
                throw OptionError(description: "unknown field '\(role)' (use \(Role.allCases.map(\.rawValue).joined(separator: ", ")))")
            }
            guard !name.isEmpty else { throw OptionError(description: "field '\(role)' needs a column or key name") }
            names = names.with(known, named: name)
        }
        return names
    }

    /// `text=article_body,date=pub` (the command line's `--fields`).
    public static func mapping(_ spec: String) throws(OptionError) -> FieldNames {
        var pairs: [(role: String, name: String)] = []
        for part in spec.split(separator: ",") {
            let sides = part.split(separator: "=", maxSplits: 1)
            guard sides.count == 2 else {
                throw OptionError(description: "'\(part)' is not ROLE=NAME (e.g. text=article_body,date=pub)")
            }
            pairs.append((String(sides[0]).trimmingCharacters(in: .whitespaces), String(sides[1]).trimmingCharacters(in: .whitespaces)))
        }
        return try mapping(pairs)
    }
}

extension DocumentFormat {
    /// The format named `name` ("jsonl", "csv"…; "ndjson" is JSON Lines), or an error listing them.
    public static func named(_ name: String) throws(FieldNames.OptionError) -> DocumentFormat {
        let lower = name.lowercased()
        if lower == "ndjson" { return .jsonl }
        guard let format = DocumentFormat(rawValue: lower) else {
            throw FieldNames.OptionError(description: "unknown format '\(name)' (use \(allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        return format
    }
}
