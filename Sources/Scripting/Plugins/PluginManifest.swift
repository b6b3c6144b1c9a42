import Foundation
import LuaBridge

/// A plugin's dependency on another plugin: `"other >=1.2"` or `other = ">=1.2"`.
public struct PluginRequirement: Sendable {
    public let name: String
    public let constraint: VersionConstraint

    /// `other`, `other >=1.2`, `other >= 1.2, <2`.
    public init(parsing text: String) throws(PluginError) {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        let nameEnd = trimmed.firstIndex(where: { !PluginManifest.isNameCharacter($0) }) ?? trimmed.endIndex
        let name = String(trimmed[..<nameEnd])
        guard PluginManifest.isValidName(name) else {
            throw PluginError("requirement '\(text)' does not start with a plugin name (example: \"other >=1.2\")")
        }
        try self.init(name: name, constraint: String(trimmed[nameEnd...]))
    }

    /// A requirement on plugin `name` with a constraint such as `>=1.2` (empty: any version).
    public init(name: String, constraint: String) throws(PluginError) {
        self.name = name
        self.constraint = try VersionConstraint(parsing: constraint)
    }

    /// `other >=1.2`, or just `other`.
    public var description: String { constraint.isAny ? name : "\(name) \(constraint.text)" }
}

/// What `manifest.lua` declares about a plugin, validated.
public struct PluginManifest: Sendable {
    public let name: String
    public let version: SemanticVersion
    public let description: String?
    public let author: String?
    public let license: String?
    /// The dossier versions the plugin works with (`dossier = ">=0.1"`); nil: any.
    public let dossier: VersionConstraint?
    /// Plugins that must load first, in the order the manifest lists them (named ones sorted).
    public let requires: [PluginRequirement]
    /// Things worth fixing that do not stop the plugin (a missing description).
    public let warnings: [String]

    /// Letters, digits, `_` and `-`, starting with a letter or `_`: what `require` can name
    /// without dots (a dot separates a plugin from its sub-modules).
    public static func isValidName(_ name: String) -> Bool {
        guard let first = name.first, first.isASCII, first.isLetter || first == "_" else { return false }
        return name.allSatisfy(isNameCharacter)
    }

    static func isNameCharacter(_ c: Character) -> Bool {
        c.isASCII && (c.isLetter || c.isNumber || c == "_" || c == "-")
    }

    /// Validates the table a manifest returned. Every problem found is reported at once,
    /// each after the file's name: `plugins/foo/manifest.lua: missing field 'version'`.
    public init(table: LuaTable, file: String) throws(PluginError) {
        var problems: [String] = []
        var warnings: [String] = []

        func string(_ key: String, required: Bool) -> String? {
            guard let value = table[key], value.type != .nil else {
                if required { problems.append("missing field '\(key)'") }
                return nil
            }
            guard case .string(let s) = value, let text = s.text else {
                problems.append("field '\(key)' must be a string (got \(value.type))")
                return nil
            }
            return text
        }

        let name = string("name", required: true)
        if let name, !Self.isValidName(name) {
            problems.append("name '\(name)' is not a plugin name (letters, digits, _ and -, starting with a letter)")
        }
        let versionText = string("version", required: true)
        var version: SemanticVersion?
        if let versionText {
            version = SemanticVersion(parsing: versionText)
            if version == nil { problems.append("version '\(versionText)' is not MAJOR.MINOR.PATCH (for example 1.0.0)") }
        }
        let description = string("description", required: false)
        if description?.trimmingCharacters(in: .whitespaces).isEmpty ?? true {
            warnings.append("\(file): no 'description' (recommended: one line saying what the plugin does)")
        }
        let author = string("author", required: false)
        let license = string("license", required: false)
        var dossier: VersionConstraint?
        if let text = string("dossier", required: false) {
            do {
                dossier = try VersionConstraint(parsing: text)
            } catch {
                problems.append("field 'dossier': \(error.message)")
            }
        }
        var requires: [PluginRequirement] = []
        if let value = table["requires"], value.type != .nil {
            if let list = value.tableValue {
                for item in list.array {
                    guard case .string(let s) = item, let text = s.text else {
                        problems.append("each entry of 'requires' must be a string like \"other >=1.2\" (got \(item.type))")
                        continue
                    }
                    do { requires.append(try PluginRequirement(parsing: text)) } catch { problems.append(error.message) }
                }
                let named = list.fields.sorted { ($0.key.stringValue ?? "") < ($1.key.stringValue ?? "") }
                for (key, item) in named {
                    guard case .string(let k) = key, let depName = k.text, Self.isValidName(depName) else {
                        problems.append("'requires' keys must be plugin names (got \(key.stringValue ?? key.type.description))")
                        continue
                    }
                    guard let constraint = item.stringValue ?? (item.isTruthy && item.type == .boolean ? "*" : nil) else {
                        problems.append("requires.\(depName) must be a version constraint like \">=1.2\" (got \(item.type))")
                        continue
                    }
                    do { requires.append(try PluginRequirement(name: depName, constraint: constraint)) } catch {
                        problems.append("requires.\(depName): \(error.message)")
                    }
                }
            } else {
                problems.append("field 'requires' must be a table (got \(value.type))")
            }
        }
        guard problems.isEmpty, let name, let version else {
            throw PluginError("\(file): " + problems.joined(separator: "; "))
        }
        self.name = name
        self.version = version
        self.description = description
        self.author = author
        self.license = license
        self.dossier = dossier
        self.requires = requires
        self.warnings = warnings
    }
}
