import ArgumentParser
import Foundation
import Scripting

/// `dossier plugin list | info NAME | new NAME | test [NAME…]`: shared script libraries.
struct PluginCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plugin",
        abstract: "List, inspect, create and test plugins (shared script libraries).",
        discussion: """
        Plugins are folders with manifest.lua and init.lua, found in ./plugins,
        $XDG_CONFIG_HOME/dossier/plugins (default ~/.config/dossier/plugins), every folder of
        DOSSIER_PATH, and the bundled scripts/plugins. See docs/plugins.md.
        """,
        subcommands: [List.self, Info.self, New.self, Test.self]
    )

    /// `dossier plugin list`.
    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "List the plugins on the plugin path: name, version, where each comes from, shadowed ones.")

        /// Accepted like every command's (`plugin list --out X` works); the listing reads none.
        @OptionGroup var common: CommonOptions

        func run() throws {
            let catalog = PluginCatalog.discover(PluginSearchPath.standard())
            print(PluginListing.list(catalog, width: Terminal.width()))
            Terminal.flush()
        }
    }

    /// `dossier plugin info NAME`.
    struct Info: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show a plugin's manifest, path, dependencies, commands and files.",
            discussion: "The plugin is loaded (in the sandbox, over the corpus) to find what it adds; exits 1 when it cannot load.")

        @OptionGroup var common: CommonOptions

        @Argument(help: ArgumentHelp("The plugin's name.", valueName: "name"))
        var name: String

        func run() throws {
            let session = try common.openSession()
            ProgressBar.clear()
            let catalog = session.pluginCatalog
            guard let entry = catalog.plugin(named: name) else {
                Terminal.printError("dossier: no plugin '\(name)' on the plugin path (\(catalog.searchPath.summary))")
                throw ExitCode(1)
            }
            var loadError: String?
            var extensions: PluginExtensions?
            if catalog.problems(of: entry).isEmpty {
                let interrupts = InterruptForwarding(session: session)
                defer { interrupts.stop() }
                do {
                    try session.loadPlugin(name)
                    extensions = session.extensions(of: name)
                } catch {
                    loadError = error.description
                }
            }
            print(PluginListing.info(entry, catalog: catalog, extensions: extensions, loadError: loadError))
            Terminal.flush()
            if loadError != nil || !catalog.problems(of: entry).isEmpty { throw ExitCode(1) }
        }
    }

    /// `dossier plugin new NAME`.
    struct New: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Create a working plugin in ./plugins/NAME (manifest, init.lua, a passing test, README).")

        @Argument(help: ArgumentHelp("The new plugin's name (letters, digits, _ and -).", valueName: "name"))
        var name: String

        func run() throws {
            let parent = FileManager.default.currentDirectoryPath + "/plugins"
            do {
                let files = try PluginScaffold.create(name: name, in: parent, author: ProcessInfo.processInfo.environment["USER"])
                print("created plugins/\(name)/")
                for file in files { print("  " + String(file.dropFirst(parent.count + name.count + 2))) }
                print("next: dossier plugin test \(name)    (then edit plugins/\(name)/init.lua; docs/plugins.md explains)")
            } catch {
                Terminal.printError("dossier: \(error.message)")
                throw ExitCode(1)
            }
        }
    }

    /// `dossier plugin test [NAME…]`.
    struct Test: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Run plugins' tests (tests/*_spec.lua) over the corpus; all plugins when no name is given.",
            discussion: "Prints each test, the failures with file:line, and `N passed, N failed`; exits 1 on any failure or error.")

        @OptionGroup var common: CommonOptions

        @Argument(help: ArgumentHelp("Plugins to test (default: every plugin on the path).", valueName: "name"))
        var names: [String] = []

        func run() throws {
            let session = try common.openSession()
            ProgressBar.clear()
            let interrupts = InterruptForwarding(session: session)
            defer { interrupts.stop() }
            let summary = session.runPluginTests(names) { line in
                print(line)
                Terminal.flush()
            }
            if !summary.succeeded { throw ExitCode(1) }
        }
    }
}
