import ArgumentParser
import Foundation
import LuaBridge
import Scripting

/// `dossier api` (hidden, for contributors): the Lua API as the bindings declare it, and the
/// generated regions of the annotation file brought up to date from those declarations.
///
///     dossier api                                                 # every class and dossier member
///     dossier api --annotations docs/api/dossier.lua --write      # regenerate the regions in place
struct APICommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "api",
        abstract: "Show the declared Lua API, or regenerate the API annotations from it.",
        discussion: """
        Without options, lists every declared class and table with its members. With
        --annotations FILE, prints FILE with each region between '-- begin generated NAME' and
        '-- end generated NAME' rewritten from the declaration of NAME (--write: rewrites FILE).
        """,
        shouldDisplay: false
    )

    @OptionGroup var common: CommonOptions

    @Option(name: .long, help: ArgumentHelp("An annotation file with generated regions (docs/api/dossier.lua).", valueName: "file"))
    var annotations: String?

    @Option(name: .long, help: ArgumentHelp("A Markdown file with a generated options region (docs/api.md).", valueName: "file"))
    var reference: String?

    @Flag(name: .long, help: "With --annotations or --reference: rewrite the file instead of printing it.")
    var write = false

    func validate() throws {
        if write && annotations == nil && reference == nil { throw ValidationError("--write needs --annotations FILE or --reference FILE") }
        if annotations != nil && reference != nil { throw ValidationError("give --annotations or --reference, not both") }
    }

    func run() throws {
        let session = try common.openSession()
        ProgressBar.clear()
        let types = session.declaredAPI
        if let reference {
            try rewrite(reference) { LuaOptionReference.update($0, with: session.declaredOptions) }
            return
        }
        guard let annotations else {
            print(APIListing.text(types))
            return
        }
        let text: String
        do {
            text = try String(contentsOfFile: annotations, encoding: .utf8)
        } catch {
            Terminal.printError("dossier: cannot read \(annotations): \(error.localizedDescription)")
            throw ExitCode(1)
        }
        let updated = LuaAnnotations.update(text, with: types + session.declaredOptions.map(\.typeInfo))
        for problem in updated.problems { Terminal.printError("\(annotations): \(problem)") }
        guard updated.problems.isEmpty else { throw ExitCode(1) }
        if write {
            do {
                try Data(updated.text.utf8).write(to: URL(fileURLWithPath: annotations), options: .atomic)
            } catch {
                Terminal.printError("dossier: cannot write \(annotations): \(error.localizedDescription)")
                throw ExitCode(1)
            }
        } else {
            print(updated.text, terminator: "")
        }
    }

    /// Prints `path` as `update` rewrites it (or, with --write, rewrites it in place).
    private func rewrite(_ path: String, _ update: (String) -> (text: String, problems: [String])) throws {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            Terminal.printError("dossier: cannot read \(path): \(error.localizedDescription)")
            throw ExitCode(1)
        }
        let updated = update(text)
        for problem in updated.problems { Terminal.printError("\(path): \(problem)") }
        guard updated.problems.isEmpty else { throw ExitCode(1) }
        guard write else {
            print(updated.text, terminator: "")
            return
        }
        do {
            try Data(updated.text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            Terminal.printError("dossier: cannot write \(path): \(error.localizedDescription)")
            throw ExitCode(1)
        }
    }
}
