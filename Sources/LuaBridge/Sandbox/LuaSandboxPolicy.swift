/// What a sandboxed state may touch: which folders it may read, which it may write, and which
/// native (C) modules it may load from where. The host (Scripting) fills this in; LuaBridge
/// enforces it (see `LuaSandbox`).
public struct LuaSandboxPolicy: Sendable {
    /// Folders (or single files) whose contents `io.open`, `io.lines`, `dofile`, `loadfile` and
    /// `require` may read. Writable folders are readable too.
    public var readableFolders: [String]
    /// Folders under which files may be created, changed, renamed or removed.
    public var writableFolders: [String]
    /// How refusals name the readable places ("the corpus, the script's folder, …").
    public var readableDescription: String
    /// How refusals name the writable places ("the output folder ./out").
    public var writableDescription: String
    /// C modules `require` may still load: pure computation, no files or processes.
    public var allowedCModules: [String]
    /// The only folders C modules load from, by absolute path. Nil (the default): the absolute
    /// folders of Lua's own `package.cpath` when the sandbox is installed (on Debian
    /// /usr/local/lib/lua/5.4, /usr/lib/x86_64-linux-gnu/lua/5.4 and /usr/lib/lua/5.4). A folder
    /// inside a writable one is never used.
    public var cModuleFolders: [String]?
    /// Folders of Lua modules `require` may load besides the readable folders (only through
    /// `require` and `package.searchpath`, not `io.open`). Nil (the default): the absolute
    /// folders of Lua's own `package.path` when the sandbox is installed (on Debian
    /// /usr/local/share/lua/5.4, /usr/local/lib/lua/5.4 and /usr/share/lua/5.4).
    public var luaModuleFolders: [String]?
    /// What lifts the sandbox, appended to every refusal ("run with --trusted to allow it").
    public var liftHint: String
    /// Creates a writable folder the first time something is written under it.
    public var createsWritableFolders: Bool

    /// A policy; by default nothing may be read or written and only the pure C modules load,
    /// from the system's Lua folders.
    public init(readableFolders: [String] = [], writableFolders: [String] = [],
                readableDescription: String = "the allowed folders",
                writableDescription: String = "the output folder",
                allowedCModules: [String] = LuaSandboxPolicy.pureCModules,
                cModuleFolders: [String]? = nil,
                luaModuleFolders: [String]? = nil,
                liftHint: String = "lift the sandbox to allow it",
                createsWritableFolders: Bool = true) {
        self.readableFolders = readableFolders
        self.writableFolders = writableFolders
        self.readableDescription = readableDescription
        self.writableDescription = writableDescription
        self.allowedCModules = allowedCModules
        self.cModuleFolders = cModuleFolders
        self.luaModuleFolders = luaModuleFolders
        self.liftHint = liftHint
        self.createsWritableFolders = createsWritableFolders
    }

    /// Debian's C modules that only compute (parsing, JSON): safe to allow in a sandbox.
    public static let pureCModules = ["lpeg", "cjson", "cjson.safe"]
}

/// Why the sandbox refused a file operation, worded for the user.
public struct LuaSandboxRefusal: Error, CustomStringConvertible, Sendable {
    /// The refusal as the Lua error shows it.
    public let message: String
    public var description: String { message }
}
