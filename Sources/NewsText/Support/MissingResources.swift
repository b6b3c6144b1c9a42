import Foundation

/// The data files dossier looked for and did not find, so that a broken installation never
/// degrades silently: a missing gazetteer list finds fewer entities, a missing outlet list fewer
/// sources, and the user must be told which file is missing, where it was looked for, and what
/// it costs.
///
/// The first report of a file writes one warning to standard error
/// (`dossier: warning: dossier's data file outlets.txt is missing: looked in …; …`); every
/// report is kept in `warnings`, in order, for a host that shows them its own way.
public enum MissingResources {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var reported: [String] = []
    nonisolated(unsafe) private static var files: Set<String> = []

    /// Reports that `missing` was not found; `consequence` says what dossier does without it
    /// ("places are found from patterns alone").
    package static func report(_ missing: MissingResource, consequence: String) {
        let line = "\(missing.description); without it \(consequence)"
        lock.lock()
        let first = files.insert(missing.file).inserted
        if first { reported.append(line) }
        lock.unlock()
        if first { FileHandle.standardError.write(Data("dossier: warning: \(line)\n".utf8)) }
    }

    /// The warnings reported so far, one per missing file, in order.
    public static var warnings: [String] {
        lock.lock()
        defer { lock.unlock() }
        return reported
    }
}
