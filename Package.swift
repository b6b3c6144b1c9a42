// swift-tools-version: 6.0
// dossier — a workbench for news analysts: a Swift corpus core scripted through embedded Lua 5.4.
//
// Modules depend one way only (an arrow: "is used by"):
//   CLua -> CLuaShim -> LuaBridge ─────────────────────────────┐
//   NewsText -> Corpus (+ CMemoryHints, CZlib, CLibXML2 -> CHTMLParser) ─┼─> Scripting -> dossier (+ CEditLine -> CLineEditing, ArgumentParser)
//   Report ────────────────────────────────────────────────────┘
//   (NewsText -> LuaBridge and Report too, for the one way of writing byte counts and counts for
//   people: `ByteSize`, `CountText`.)
// LuaBridge knows nothing of the corpus. NewsText (tokens, paragraphs, sentences, stopwords, the
// cleaner, cancellation and limits) knows nothing else of dossier; Corpus (Swift, plus one C header
// of memory hints, zlib, and the glue to libxml2's HTML parser) builds on it and knows nothing of Lua;
// Report (Foundation and NewsText's `CountText`: tables, charts, HTML, atomic files) knows none of
// the others. Scripting is
// where they meet: it binds Corpus and Report into Lua.
import PackageDescription

let package = Package(
    name: "dossier",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "dossier", targets: ["dossier"]),
        .library(name: "LuaBridge", targets: ["LuaBridge"]),
        .library(name: "NewsText", targets: ["NewsText"]),
        .library(name: "Corpus", targets: ["Corpus"]),
        .library(name: "Report", targets: ["Report"]),
        .library(name: "Scripting", targets: ["Scripting"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // Debian's liblua5.4-dev, found through pkg-config.
        .systemLibrary(
            name: "CLua",
            pkgConfig: "lua5.4",
            providers: [.apt(["liblua5.4-dev"])]
        ),
        // The C side of the Lua boundary: macros Swift cannot import, the error trampoline,
        // the capped allocator, the limit hook and the value pusher. Only C code raises Lua errors.
        .target(name: "CLuaShim", dependencies: ["CLua"]),
        // Debian's libedit-dev, for the REPL's line editing and history.
        .systemLibrary(
            name: "CEditLine",
            pkgConfig: "libedit",
            providers: [.apt(["libedit-dev"])]
        ),
        // Signal-aware line reading and completion glue around libedit's readline API.
        .target(name: "CLineEditing", dependencies: ["CEditLine"]),
        .target(name: "LuaBridge", dependencies: ["CLua", "CLuaShim", "NewsText"]),
        // A prefetch hint for Corpus's hash tables (Swift has no way to spell one).
        .target(name: "CMemoryHints"),
        // Debian's libxml2-dev, for the HTML reader's parser.
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        // Runs libxml2's HTML parser with fixed options and forwards its events to Swift.
        .target(name: "CHTMLParser", dependencies: ["CLibXML2"]),
        // Debian's zlib1g-dev, for gzip-compressed inputs (.jsonl.gz, .warc.gz, …).
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"])]
        ),
        // The text layer: tokens, paragraphs, sentences, stopwords, the cleaner, and the support
        // every stage shares (cancellation, limits, byte order). Depends on nothing in Corpus.
        .target(name: "NewsText", resources: [.copy("Resources")]),
        .target(name: "Corpus", dependencies: ["NewsText", "CMemoryHints", "CHTMLParser", "CZlib"],
                resources: [.copy("Resources")]),
        // Tables (terminal, Markdown, CSV, JSON), SVG charts, HTML reports, atomic files: Foundation,
        // and NewsText only for writing counts as the rest of dossier does (`CountText`).
        .target(name: "Report", dependencies: ["NewsText"]),
        .target(name: "Scripting", dependencies: ["LuaBridge", "NewsText", "Corpus", "Report"], resources: [.copy("Lua")]),
        .executableTarget(
            name: "dossier",
            dependencies: [
                "Scripting", "Corpus", "Report", "CLineEditing",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // What several test targets share: waiting for work a limit must stop, reading API annotations.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "LuaBridgeTests", dependencies: ["LuaBridge", "TestSupport"]),
        .testTarget(name: "CorpusTests", dependencies: ["Corpus", "NewsText"]),
        .testTarget(name: "ReportTests", dependencies: ["Report"]),
        .testTarget(name: "ScriptingTests", dependencies: ["Scripting", "Report", "TestSupport"]),
        // Runs the built `dossier` executable as a user would.
        .testTarget(name: "CLITests", dependencies: ["dossier", "TestSupport"]),
    ]
)
