import Foundation
import NewsText

extension Gazetteer {
    /// The lists shipped with dossier: `Resources/gazetteer-places.txt`, `-organizations.txt`,
    /// `-events.txt`, `-other.txt`, `-roles.txt`, `-names.txt` and `-nonnames.txt`. A missing file
    /// leaves its list empty (recognition still works from patterns alone) and never stops the
    /// program, but it is never silent either: `MissingResources` warns once per file, naming it,
    /// where it was looked for and what is lost.
    public static let standard: Gazetteer = {
        let (gazetteer, missing) = load(from: resources)
        for file in missing { MissingResources.report(file, consequence: consequence(of: file.file)) }
        return gazetteer
    }()

    /// Where the lists are: Corpus's resource bundle, or `share/dossier/Resources` (`BundledResource`).
    static let resources = BundledResource(target: "Corpus", folder: "Resources")

    /// The lists, each read into the gazetteer by its own rule.
    private static let lists: [(name: String, add: @Sendable (inout Gazetteer, String) -> Void)] = [
        ("gazetteer-places", { $0.addEntries(kind: .place, fileText: $1) }),
        ("gazetteer-organizations", { $0.addEntries(kind: .organization, fileText: $1) }),
        ("gazetteer-events", { $0.addEntries(kind: .event, fileText: $1) }),
        ("gazetteer-other", { $0.addEntries(kind: .other, fileText: $1) }),
        ("gazetteer-roles", { $0.addRoles(fileText: $1) }),
        ("gazetteer-names", { $0.addNameWords(fileText: $1) }),
        ("gazetteer-nonnames", { $0.addNonNames(fileText: $1) }),
    ]

    /// The gazetteer of the lists found in `resources`, and the lists that were not there.
    static func load(from resources: BundledResource) -> (gazetteer: Gazetteer, missing: [MissingResource]) {
        var g = Gazetteer()
        var missing: [MissingResource] = []
        for list in lists {
            do {
                list.add(&g, try resources.text(list.name, ext: "txt"))
            } catch {
                missing.append(error)
            }
        }
        return (g, missing)
    }

    /// What a missing list costs, for the warning.
    static func consequence(of file: String) -> String {
        switch file {
        case "gazetteer-roles.txt": return "titles and roles before names (\"Prime Minister\", \"CEO\") are not known, so fewer people are found"
        case "gazetteer-names.txt": return "first names are not known, so fewer people are found"
        case "gazetteer-nonnames.txt": return "capitalised words that are not names may be taken for entities"
        default:
            let kind = file.replacingOccurrences(of: "gazetteer-", with: "").replacingOccurrences(of: ".txt", with: "")
            return "no \(kind) is known by name: they are found from patterns alone, so fewer are found"
        }
    }
}
