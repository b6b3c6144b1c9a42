import Foundation
import Testing
@testable import Corpus
#if canImport(Glibc)
import Glibc
#endif

/// What the loader does with folders and files that are not plain articles: pipes, devices,
/// link loops, deep trees, unreadable entries, odd names and encodings. Nothing may hang,
/// crash or be dropped without a warning.
@Suite struct LoadingRobustnessTests {
    static let article = "Headline\n\nA sentence about Beijing and Washington.\n"

    func load(_ fixture: LoadFixture, options: CorpusLoader.Options = .init()) throws -> Corpus {
        let path = fixture.path
        guard let result = finishing(within: 30, "the load", { try CorpusLoader.load(path: path, options: options) }) else {
            throw CorpusError.empty(path: "(timed out)")
        }
        return try result.get()
    }

    func warning(_ corpus: Corpus, about name: String) -> String? {
        corpus.warnings.first { $0.path.hasSuffix("/" + name) }?.message
    }

    // MARK: - Many files, deep trees

    @Test func everyFileOfABigFolderLoads() throws {
        // Folder records are as long as their names, not the 256 bytes d_name is declared with
        // (AddressSanitizer reported reading past them).
        let fixture = try LoadFixture()
        for i in 0..<10_000 { try fixture.write(String(format: "n%05d.txt", i), "T\(i)\n\nBody \(i).\n") }
        let corpus = try load(fixture)
        #expect(corpus.count == 10_000)
        #expect(corpus.warnings.isEmpty)
        #expect(try corpus.document("n09999").text == "Body 9999.")
    }

    @Test func filesDeeperThan32FoldersLoad() throws {
        let fixture = try LoadFixture()
        let deep = (0..<40).map { "d\($0)" }.joined(separator: "/")
        try fixture.write(deep + "/bottom.txt", Self.article)
        try fixture.write("top.txt", Self.article)
        let corpus = try load(fixture)
        #expect(corpus.documents.map(\.id).sorted() == ["bottom", "top"])
        #expect(corpus.warnings.isEmpty)
    }

    // MARK: - Things that are not regular files

    @Test func namedPipesAndDevicesAreSkippedWithAWarning() throws {
        let fixture = try LoadFixture()
        try fixture.write("good.txt", Self.article)
        try fixture.link("zero.txt", to: "/dev/zero")
        try fixture.fifo("pipe.txt")
        try fixture.fifo("not-text")  // not a .txt: not a corpus file at all
        let corpus = try load(fixture)
        #expect(corpus.documents.map(\.id) == ["good"])
        #expect(warning(corpus, about: "zero.txt")?.contains("not a regular file (a character device)") == true)
        #expect(warning(corpus, about: "pipe.txt")?.contains("not a regular file (a named pipe)") == true)
        #expect(warning(corpus, about: "not-text") == nil)
        #expect(corpus.warnings.count == 2)
    }

    @Test func aCorpusPathThatIsAPipeIsAnErrorNotAHang() throws {
        let fixture = try LoadFixture()
        try fixture.fifo("pipe")
        let path = fixture.path + "/pipe"
        let result = finishing(within: 30, "loading a named pipe") { try CorpusLoader.load(path: path) }
        guard case .failure(let error)? = result else {
            Issue.record("expected an error, got \(String(describing: result))")
            return
        }
        #expect(String(describing: error).contains("named pipe"))
        #expect(String(describing: error).contains(path))
    }

    @Test func aFileOverTheSizeLimitIsSkippedWithAWarning() throws {
        let fixture = try LoadFixture()
        try fixture.write("small.txt", Self.article)
        try fixture.write("big.txt", "Big\n\n" + String(repeating: "word ", count: 2_000))
        let corpus = try load(fixture, options: .init(maxFileBytes: 1_000))
        #expect(corpus.documents.map(\.id) == ["small"])
        let message = try #require(warning(corpus, about: "big.txt"))
        #expect(message.contains("9.8 KB, over the limit of 1000 bytes"), "\(message)")
    }

    // MARK: - Links

    @Test func aLinkToItsOwnFolderLoadsEachFileOnce() throws {
        let fixture = try LoadFixture()
        try fixture.write("a.txt", Self.article)
        try fixture.write("sub/b.txt", Self.article)
        try fixture.link("self", to: ".")
        let corpus = try load(fixture)
        #expect(corpus.documents.map(\.id) == ["a", "b"])
        #expect(corpus.documents.map(\.path) == [fixture.path + "/a.txt", fixture.path + "/sub/b.txt"])
        #expect(warning(corpus, about: "self")?.contains("read already") == true)
    }

    @Test func twoLinksToTheRootFinish() throws {
        let fixture = try LoadFixture()
        try fixture.write("a.txt", Self.article)
        try fixture.write("x/y/b.txt", Self.article)
        try fixture.link("a-link", to: ".")
        try fixture.link("b-link", to: ".")
        try fixture.link("x/y/up", to: "../..")
        let corpus = try load(fixture)
        #expect(corpus.documents.map(\.id) == ["a", "b"])
        #expect(corpus.warnings.count == 3)
    }

    @Test func aFileReachedTwiceThroughLinksLoadsOnce() throws {
        let fixture = try LoadFixture()
        try fixture.write("real/a.txt", Self.article)
        try fixture.link("also-a.txt", to: "real/a.txt")
        try fixture.link("mirror", to: "real")
        let corpus = try load(fixture)
        #expect(corpus.documents.map(\.path) == [fixture.path + "/real/a.txt"])
        #expect(warning(corpus, about: "also-a.txt")?.contains("the same file as \(fixture.path)/real/a.txt") == true)
        #expect(warning(corpus, about: "mirror")?.contains("read already") == true)
    }

    @Test func linksOutOfTheFolderAreFollowedWithoutAFilter() throws {
        let outside = try LoadFixture()
        try outside.write("elsewhere.txt", Self.article)
        try outside.write("folder/inner.txt", Self.article)
        let fixture = try LoadFixture()
        try fixture.write("own.txt", Self.article)
        try fixture.link("far.txt", to: outside.path + "/elsewhere.txt")
        try fixture.link("far", to: outside.path + "/folder")
        let corpus = try load(fixture)
        #expect(corpus.documents.map(\.id) == ["far", "inner", "own"])
        #expect(corpus.warnings.isEmpty)
    }

    @Test func theAcceptsFilterSeesResolvedPathsAndRefusesLinksOut() throws {
        let outside = try LoadFixture()
        try outside.write("secret.txt", "Secret\n\nDo not read.\n")
        try outside.write("folder/inner.txt", "Inner\n\nDo not read either.\n")
        let fixture = try LoadFixture()
        try fixture.write("own.txt", Self.article)
        try fixture.write("sub/kept.txt", Self.article)
        try fixture.link("passwd.txt", to: outside.path + "/secret.txt")
        try fixture.link("linked", to: outside.path + "/folder")
        let root = try #require(DirectoryWalk.realPath(Array(fixture.path.utf8)))
        let seen = SeenPaths()
        let options = CorpusLoader.Options(acceptsPath: { path in
            seen.lock.lock()
            seen.paths.append(path)
            seen.lock.unlock()
            return path == root || path.hasPrefix(root + "/")
        })
        let corpus = try load(fixture, options: options)
        #expect(corpus.documents.map(\.id) == ["own", "kept"])
        #expect(!corpus.documents.contains { $0.text.contains("Do not read") })
        #expect(warning(corpus, about: "passwd.txt")?.contains("a link out of the folders this session may read") == true)
        #expect(warning(corpus, about: "linked")?.contains("a link out of the folders this session may read") == true)
        // Every path the filter saw is absolute and resolved (the link's target, not the link).
        let outsideRoot = try #require(DirectoryWalk.realPath(Array(outside.path.utf8)))
        #expect(seen.paths.contains(outsideRoot + "/secret.txt"))
        // The warning says where the link leads.
        #expect(warning(corpus, about: "passwd.txt")?.contains("(it leads to '\(outsideRoot)/secret.txt')") == true)
        #expect(warning(corpus, about: "linked")?.contains("(it leads to '\(outsideRoot)/folder')") == true)
        #expect(seen.paths.contains(outsideRoot + "/folder"))
        #expect(seen.paths.contains(root + "/sub/kept.txt"))
        // The corpus path itself, refused, is an error naming it.
        #expect(throws: CorpusError.self) {
            try CorpusLoader.load(path: fixture.path, options: .init(acceptsPath: { _ in false }))
        }
    }

    @Test func aFileReplacedAfterTheLoadIsNotReadAsItsRaw() throws {
        let other = try LoadFixture()
        try other.write("other.txt", "Other\n\nSomething else entirely.\n")
        let fixture = try LoadFixture()
        try fixture.write("a.txt", Self.article)
        let corpus = try load(fixture)
        let doc = try corpus.document("a")
        #expect(doc.raw == Self.article)
        try FileManager.default.removeItem(atPath: fixture.path + "/a.txt")
        try fixture.link("a.txt", to: other.path + "/other.txt")
        #expect(!doc.raw.contains("Something else"))
    }

    // MARK: - Unreadable entries

    @Test func aBrokenLinkWarnsWithTheReason() throws {
        let fixture = try LoadFixture()
        try fixture.write("good.txt", Self.article)
        try fixture.link("gone.txt", to: fixture.path + "/missing.txt")
        let corpus = try load(fixture)
        #expect(corpus.count == 1)
        #expect(warning(corpus, about: "gone.txt")?.contains("No such file or directory") == true)
    }

    @Test(.enabled(if: !ignoresPermissions, "running as root: chmod 000 does not stop root from reading"))
    func anUnreadableFolderWarns() throws {
        let fixture = try LoadFixture()
        try fixture.write("good.txt", Self.article)
        try fixture.write("locked/hidden.txt", Self.article)
        chmod(fixture.path + "/locked", 0)
        let corpus = try load(fixture)
        #expect(corpus.documents.map(\.id) == ["good"])
        #expect(warning(corpus, about: "locked")?.contains("Permission denied") == true)
    }

    @Test(.enabled(if: !ignoresPermissions, "running as root: chmod 000 does not stop root from reading"))
    func anUnreadableFileWarnsWithTheReason() throws {
        let fixture = try LoadFixture()
        try fixture.write("good.txt", Self.article)
        try fixture.write("locked.txt", Self.article)
        chmod(fixture.path + "/locked.txt", 0)
        let corpus = try load(fixture)
        #expect(corpus.documents.map(\.id) == ["good"])
        #expect(warning(corpus, about: "locked.txt") == "cannot be read (Permission denied), skipped")
    }

    // MARK: - Names and encodings

    @Test func aNameThatIsNotUTF8LoadsAndShowsItsBytes() throws {
        let fixture = try LoadFixture()
        try fixture.write(name: Array("caf".utf8) + [0xFF, 0xFE] + Array(".txt".utf8), Self.article)
        try fixture.write("plain.txt", Self.article)
        let corpus = try load(fixture)
        #expect(corpus.warnings.isEmpty)
        #expect(corpus.documents.map(\.id) == ["caf\\xFF\\xFE", "plain"])
        let odd = try corpus.document("caf\\xFF\\xFE")
        #expect(odd.path == fixture.path + "/caf\\xFF\\xFE.txt")
        #expect(odd.raw == Self.article)
    }

    @Test func utf16FilesWithAByteOrderMarkAreDecoded() throws {
        let fixture = try LoadFixture()
        let text = "Überschrift\n\nZürich and 北京 met 😀 today.\n"
        let units = Array(text.utf16)
        try fixture.write("le.txt", bytes: [0xFF, 0xFE] + units.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        try fixture.write("be.txt", bytes: [0xFE, 0xFF] + units.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] })
        try fixture.write("bom8.txt", bytes: [0xEF, 0xBB, 0xBF] + Array(text.utf8))
        let corpus = try load(fixture)
        #expect(corpus.warnings.isEmpty, "\(corpus.warnings)")
        for id in ["le", "be", "bom8"] {
            let doc = try corpus.document(id)
            #expect(doc.title == "Überschrift", "\(id)")
            #expect(doc.text == "Zürich and 北京 met 😀 today.", "\(id)")
            #expect(doc.raw == text, "\(id)")
        }
    }

    @Test func brokenUTF16IsReadWithAWarning() {
        // A lone high surrogate (D800) in the middle, little-endian.
        let bytes: [UInt8] = [0xFF, 0xFE, 0x41, 0x00, 0x00, 0xD8, 0x42, 0x00, 0x0A, 0x00]
        guard case .text(let text, let warning) = TextDecoding.decode(bytes) else {
            Issue.record("not read as text")
            return
        }
        #expect(text == "A\u{FFFD}B\n")
        #expect(warning == "read as UTF-16LE (byte-order mark); not valid UTF-16 at byte 4, replaced with U+FFFD")
        // A UTF-16 file of NUL characters is still binary.
        #expect(TextDecoding.decode([0xFF, 0xFE, 0x00, 0x00, 0x41, 0x00]) == .binary(reason: "binary file (NUL byte at offset 0), skipped"))
    }

    @Test func fileNamesShowInvalidBytesEscaped() {
        #expect(FileName.display(Array("plain/ü.txt".utf8)) == "plain/ü.txt")
        #expect(FileName.display([0x61, 0xFF, 0x62, 0xC3]) == "a\\xFFb\\xC3")
        #expect(FileName.display([0xE2, 0x82, 0x41]) == "\\xE2\\x82A")
    }

    // MARK: - Stopping

    @Test func aCancelledLoadStopsWithTheReason() throws {
        let fixture = try LoadFixture()
        for i in 0..<200 { try fixture.write("f\(i).txt", Self.article) }
        let token = Cancellation()
        token.interrupt()
        #expect(throws: CorpusError.stopped(.interrupted)) {
            try CorpusLoader.load(path: fixture.path, options: .init(cancellation: token))
        }
        let expired = Cancellation(timeout: 0)
        #expect(throws: CorpusError.stopped(.timeLimit(seconds: 0))) {
            try CorpusLoader.load(path: fixture.path, options: .init(cancellation: expired))
        }
    }
}

/// The paths a filter was asked about.
final class SeenPaths: @unchecked Sendable {
    var paths: [String] = []
    let lock = NSLock()
}
