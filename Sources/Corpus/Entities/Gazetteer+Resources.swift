import Foundation

extension Gazetteer {
    /// The lists shipped with dossier: `Resources/gazetteer-places.txt`, `-organizations.txt`,
    /// `-events.txt`, `-other.txt`, `-roles.txt`, `-names.txt` and `-nonnames.txt`. A missing file leaves its
    /// list empty (recognition still works from patterns alone); it never stops the program.
    public static let standard: Gazetteer = {
        var g = Gazetteer()
        if let text = resourceText("gazetteer-places") { g.addEntries(kind: .place, fileText: text) }
        if let text = resourceText("gazetteer-organizations") { g.addEntries(kind: .organization, fileText: text) }
        if let text = resourceText("gazetteer-events") { g.addEntries(kind: .event, fileText: text) }
        if let text = resourceText("gazetteer-other") { g.addEntries(kind: .other, fileText: text) }
        if let text = resourceText("gazetteer-roles") { g.addRoles(fileText: text) }
        if let text = resourceText("gazetteer-names") { g.addNameWords(fileText: text) }
        if let text = resourceText("gazetteer-nonnames") { g.addNonNames(fileText: text) }
        return g
    }()

    /// Where the lists are: Corpus's resource bundle, or `share/dossier/Resources` (`BundledResource`).
    static let resources = BundledResource(target: "Corpus", folder: "Resources")

    /// The text of a bundled data file, or nil when it is missing (`BundledResource` says where
    /// it looked).
    static func resourceText(_ name: String) -> String? {
        try? resources.text(name, ext: "txt")
    }
}
