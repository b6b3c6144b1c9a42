// swift-tools-version: 6.0
// libFuzzer targets for dossier's readers and parsers of untrusted text. A separate package, so
// that the main `swift build` / `swift test` never compile them: scripts/fuzz builds and runs them
// (see docs/security.md, "Keeping it fixed"). Adding a target: Sources/Fuzz<Name>/main.swift + one line below.
import PackageDescription

let targets = [
    "FuzzQuery",   // the search query language
    "FuzzDecode",  // file bytes to text
    "FuzzClean",   // decoding and cleaning, as a load does
    "FuzzDates",   // the date scanner
    "FuzzText",    // tokens, paragraphs and sentences
    "FuzzHTML",    // web pages to main text and metadata (libxml2)
    "FuzzRecords", // JSON lines, JSON, CSV, TSV and headed text files through a whole load
    "FuzzGzip",    // the gzip decoder
    "FuzzWARC",    // WARC records and their HTTP payloads
    "FuzzArchive", // saved archives (dossier index) with damaged files
]

let package = Package(
    name: "dossier-fuzz",
    dependencies: [.package(name: "dossier", path: "..")],
    targets: [
        // Declares libFuzzer's LLVMFuzzerRunDriver (the runtime comes with -sanitize=fuzzer).
        .target(name: "CFuzzerDriver"),
        .target(name: "Harness", dependencies: ["CFuzzerDriver"]),
    ] + targets.map { name in
        .executableTarget(name: name, dependencies: ["Harness", .product(name: "Corpus", package: "dossier")])
    }
)
