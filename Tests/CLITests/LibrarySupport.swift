import Foundation

/// Runs the bundled library (scripts/*.lua, scripts/plugins/newsroom and codebook) the way an
/// analyst would: from the project folder, on the seeds, with an output folder of its own and
/// no personal plugins or config in the way.
final class LibraryRun {
    /// The output folder (`--out`) of this run, removed afterwards.
    let out: URL
    /// A config home with no plugins, so ~/.config/dossier/plugins cannot shadow the bundled ones.
    let config: URL

    init() throws {
        let base = FileManager.default.temporaryDirectory.resolvingSymlinksInPath()
            .appendingPathComponent("dossier-library-\(UUID().uuidString)")
        out = base.appendingPathComponent("out")
        config = base.appendingPathComponent("config")
        try FileManager.default.createDirectory(at: config, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: out.deletingLastPathComponent()) }

    /// `dossier SUBCOMMAND --out OUT ARGS…` with a clean plugin environment (`plugin new` takes
    /// no `--out`).
    @discardableResult
    func dossier(_ subcommand: [String], _ arguments: [String] = [], input: String? = nil,
                 in directory: URL? = nil) throws -> CLI.Output {
        let takesOut = !(subcommand.first == "plugin" && subcommand.dropFirst().first == "new")
        return try CLI.run(subcommand + (takesOut ? ["--out", out.path] : []) + arguments, input: input, in: directory, environment: [
            "XDG_CONFIG_HOME": config.path,
            "DOSSIER_PATH": "",
            "DOSSIER_PLUGINS": "",
        ])
    }

    /// `dossier run scripts/NAME.lua ARGS…`.
    @discardableResult
    func script(_ name: String, _ arguments: [String] = []) throws -> CLI.Output {
        try dossier(["run"], ["scripts/\(name).lua"] + arguments)
    }

    /// The text of a file written under the output folder, or nil.
    func written(_ name: String) -> String? {
        guard let data = FileManager.default.contents(atPath: out.appendingPathComponent(name).path) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }
}
