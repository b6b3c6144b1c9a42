/// A Lua table of functions and values built from one declaration (a module such as `dossier`):
/// every member is listed once, with its documentation, whether Swift or Lua implements it.
///
///     let module = LuaModule("dossier", summary: "dossier itself …", members: [
///         .value("version", "string", "dossier's version", .text("0.1.0")),
///         .function("clock", "Seconds on a monotonic clock.", returns: ["number"]) { _ in [.number(now())] },
///         .lua("plugins", in: "plugins.lua", "The plugins on the plugin path.", returns: ["List<PluginInfo>"]),
///     ])
///     try state.setGlobal("dossier", try module.build(in: state, luaMembers: pluginExports))
public struct LuaModule {
    /// The table's path as scripts write it (`dossier`).
    public let name: String
    /// What the table is, for people (lines separated by `\n`).
    public let summary: String
    public let members: [LuaModuleMember]

    public init(_ name: String, summary: String, members: [LuaModuleMember]) {
        self.name = name
        self.summary = summary
        self.members = members
    }

    /// The documentation of the table and its members.
    public var info: LuaTypeInfo {
        LuaTypeInfo(name: name, kind: .module, summary: summary, members: members.map(\.info))
    }

    /// Builds the table: Swift functions registered in `state`, values as given, and the members
    /// declared with `.lua(…)` taken from the Lua tables `luaMembers` (each table must define
    /// exactly the `.lua` members whose file it stands for, keyed by file name:
    /// `["plugins.lua": exports]`). Records the declaration in `state.declaredTypes`.
    ///
    /// - Throws: `LuaDeclarationError` when a name is declared twice, a `.lua` member is missing
    ///   from its table, or a table defines a name the declaration does not list.
    public func build(in state: LuaState, luaMembers: [String: LuaReference] = [:]) throws -> LuaValue {
        let infos = members.map(\.info)
        try LuaDeclarationError.checkUnique(infos, of: name)
        var defined: [String: LuaValue] = [:]
        for (file, table) in luaMembers.sorted(by: { $0.key < $1.key }) {
            let entries = try state.stringEntries(of: table)
            let declared = infos.filter { $0.luaSource == file }
            try LuaDeclarationError.checkLuaMembers(declared: declared, defined: entries.map(\.name), of: name)
            for entry in entries { defined[entry.name] = entry.value }
        }
        var table = LuaTable()
        for member in members {
            let key = member.info.name
            switch member.value {
            case .function(let body):
                table.set(key, .function(state.function(key, body)))
            case .value(let value):
                table.set(key, value)
            case .lua:
                guard let value = defined[key] else {
                    throw LuaDeclarationError("\(name).\(key) is declared as written in \(member.info.luaSource ?? "Lua"), which does not define it")
                }
                table.set(key, value)
            }
        }
        state.declaredTypes.append(info)
        return .table(table)
    }
}
