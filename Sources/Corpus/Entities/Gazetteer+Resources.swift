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

    /// The text of a bundled data file, or nil when the resource bundle or file is missing.
    ///
    /// `Bundle.module` stops the program when its bundle is missing, so the bundle is looked for
    /// first, next to the main bundle and next to the executable.
    static func resourceText(_ name: String) -> String? {
        #if os(Linux) || os(Windows)
        let bundleName = "dossier_Corpus.resources"
        #else
        let bundleName = "dossier_Corpus.bundle"
        #endif
        let fileManager = FileManager.default
        var url: URL?
        let mainCandidate = Bundle.main.bundleURL.appendingPathComponent(bundleName)
        if fileManager.fileExists(atPath: mainCandidate.path) {
            url = Bundle.module.url(forResource: name, withExtension: "txt", subdirectory: "Resources")
        } else {
            var others: [URL] = []
            if let resources = Bundle.main.resourceURL { others.append(resources.appendingPathComponent(bundleName)) }
            if let executable = Bundle.main.executableURL {
                others.append(executable.deletingLastPathComponent().appendingPathComponent(bundleName))
            }
            for candidate in others {
                let file = candidate.appendingPathComponent("Resources/\(name).txt")
                if fileManager.fileExists(atPath: file.path) { url = file; break }
            }
        }
        guard let url, let data = fileManager.contents(atPath: url.path) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }
}
