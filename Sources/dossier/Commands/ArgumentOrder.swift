/// Options anywhere on the command line (issue 16): `dossier --corpus X eval CODE` means
/// `dossier eval --corpus X CODE`. swift-argument-parser reads a subcommand's options only after
/// its name, so the options every command takes (`CommonOptions`) written before the subcommand
/// are moved after it (after `plugin list`, `plugin info`, … for the plugin commands).
enum ArgumentOrder {
    /// Common options that take a value (`--corpus X` or `--corpus=X`).
    static let valued: Set<String> = ["--corpus", "--out", "--timeout", "--max-memory", "--plugin"]
    /// Common options that are flags.
    static let flags: Set<String> = ["--trusted", "--quiet"]
    /// The subcommands, and those that hold subcommands of their own.
    /// (`extract-html` and `plugin new` take none of them: those are left to fail as before.)
    static let commands: Set<String> = ["repl", "run", "eval", "plugin", "api", "map", "reduce"]
    static let groups: [String: Set<String>] = ["plugin": ["list", "info", "test"]]

    /// `arguments` (without the program name) with leading common options moved after the
    /// subcommand they precede; unchanged when no subcommand follows them (the REPL's form
    /// `dossier --corpus X`) or nothing needs moving.
    static func subcommandFirst(_ arguments: [String]) -> [String] {
        var leading: [String] = []
        var i = 0
        while i < arguments.count {
            let token = arguments[i]
            let name = token.split(separator: "=", maxSplits: 1).first.map(String.init) ?? token
            if flags.contains(token) {
                leading.append(token)
                i += 1
            } else if valued.contains(name) {
                leading.append(token)
                if !token.contains("="), i + 1 < arguments.count {
                    leading.append(arguments[i + 1])
                    i += 1
                }
                i += 1
            } else {
                break
            }
        }
        guard !leading.isEmpty, i < arguments.count, commands.contains(arguments[i]) else { return arguments }
        var path = [arguments[i]]
        i += 1
        if let subcommands = groups[path[0]] {
            guard i < arguments.count, subcommands.contains(arguments[i]) else { return arguments }
            path.append(arguments[i])
            i += 1
        }
        return path + leading + arguments[i...]
    }
}
