import Corpus
import Foundation
import Harness

// The archive reader (Sources/Corpus/Archive, Sources/Corpus/Storage) on damaged archives: a
// valid archive of 150 small documents, three of them removed (so it has a deletion bitmap,
// and opening re-encodes the segment without them), is written once; each input is a list of edits to its
// files (5 bytes each: which file, a 3-byte offset, a byte to XOR there; an edit whose file byte
// has the high bit set cuts that file at the offset instead). Opening must either throw an
// ArchiveError or give a corpus whose every document, search, KWIC and frequency list can be
// read without a crash; verify must catch any changed data byte.
//
// The text file's deflated streams (each inflated when its document's text is first read) and
// the lexicon's sorted term dictionary (prefix lookups bisect it) are among the bytes edited.
//
// The archive is annotated (`DossierArchive.annotate`), so its five analysis files (entities,
// quotes, dates, claims, near-duplicates) are fuzzed too, and every analysis is asked for. An input whose first
// byte is odd has its changed analysis files' checksums recomputed after the edits: forged
// contents then reach the decoders themselves, which must reject them (the analysis is then
// computed) or read them without a crash.
let folder = NSTemporaryDirectory() + "dossier-fuzz-archive-\(getpid())/fuzz.dossier"
let parts = ["text", "docs", "terms", "lexicon", "postings", "deletions", "entities", "quotes", "dates", "claims", "duplicates"]
let analysisParts: Set = ["entities", "quotes", "dates", "claims", "duplicates"]
let texts = (0..<150).map { i in
    (id: "doc\(i)", text: "Headline number \(i)\n\nThe minister said on Tuesday that talks with \(["Anna Berg", "Tom Ode", "Li Wei"][i % 3]) "
        + "would go on. \"We are close,\" she said. Water levels rose \(i % 7) metres near the river Zed\(i % 5).\n\n"
        + "A second paragraph mentions item\(i) and the word government.")
}
let template = CorpusLoader.corpus(texts: texts, location: "fuzz")
do {
    try DossierArchive.write(template, to: folder, sources: ["fuzz"])
    try DossierArchive.remove(["doc7", "doc64", "doc149"], from: folder)
    try DossierArchive.annotate(folder)
} catch {
    FuzzTarget.require(false, "cannot write the template archive: \(error)")
}
let fileNames: [String: String] = {
    let manifest = try! JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder + "/MANIFEST"))) as! [String: Any]
    var names = (manifest["batches"] as! [[String: Any]])[0]["files"] as! [String: String]
    names["lexicon"] = (manifest["lexicon"] as! String)
    names.merge((manifest["analyses"] as! [String: Any])["files"] as! [String: String]) { a, _ in a }
    return names
}()
let originals = parts.map { [UInt8](try! Data(contentsOf: URL(fileURLWithPath: folder + "/" + fileNames[$0]!))) }

FuzzTarget.run { input in
    var files = originals
    var changed = false
    var i = 0
    while i + 5 <= input.count {
        let which = Int(input[i] & 0x7F) % parts.count
        let offset = Int(input[i + 1]) | Int(input[i + 2]) << 8 | Int(input[i + 3]) << 16
        if input[i] & 0x80 != 0 {
            if offset < files[which].count {
                files[which].removeLast(files[which].count - offset)
                changed = true
            }
        } else if files[which].count > 0 {
            let at = offset % files[which].count
            files[which][at] ^= input[i + 4]
            changed = changed || input[i + 4] != 0
        }
        i += 5
    }
    // Forged files: the checksums (the header's, over bytes 0..<20 and the directory, and the
    // footer's, over everything before it) made to match the edited bytes.
    if input.first.map({ $0 & 1 == 1 }) == true {
        for (p, part) in parts.enumerated() where analysisParts.contains(part) && files[p] != originals[p] {
            fixChecksums(&files[p])
        }
        changed = zip(files, originals).enumerated().contains { p, pair in !analysisParts.contains(parts[p]) && pair.0 != pair.1 }
    }
    for (p, bytes) in files.enumerated() {
        try! Data(bytes).write(to: URL(fileURLWithPath: folder + "/" + fileNames[parts[p]]!))
    }
    do {
        try DossierArchive.verify(folder)
        FuzzTarget.require(!changed, "verify accepted a changed archive")
    } catch {}
    let corpus: Corpus
    do {
        corpus = try DossierArchive.open(folder)
    } catch {
        FuzzTarget.require(error is ArchiveError && !"\(error)".isEmpty, "not an ArchiveError with a message: \(error)")
        return
    }
    // Everything a user can reach must be readable (garbage is allowed, a crash is not).
    for d in corpus.documents {
        _ = (d.text.utf8.count, d.textByteCount)
        _ = (d.title, d.source, d.dateline, d.meta.count, d.origin?.byteRange, d.raw.count)
        _ = d.terms.array
        _ = (d.sentenceCount, d.paragraphCount, d.tokenSpans().count)
        for t in 0..<min(d.tokenCount, 50) { _ = d.norm(ofToken: t) }
    }
    for q in ["minister", "said", "\"talks with\"", "gov*", "water AND river", "item1 OR item2"] {
        _ = try? Search.search(corpus, q, limit: 5)
        _ = try? Search.kwic(corpus, q, limit: 20)
    }
    _ = corpus.frequencies(top: 20)
    // The analyses, stored (possibly damaged or forged) or computed when rejected.
    for e in corpus.entities().prefix(20) { _ = (e.name, e.aliases, e.mentions.map(\.text), corpus.entity(named: e.name)?.id) }
    for q in corpus.quotes() { _ = (q.text, q.who, q.range, corpus.documents[q.document].text.utf8.count) }
    for (d, m) in corpus.dates.timeline(corpus) { _ = (d.id, m.text, m.value?.iso, m.resolved(against: nil).value) }
    for d in corpus.documents { _ = (corpus.dates.documentDate(of: d), corpus.dates.mentions(of: d).map(\.range)) }
    for p in DuplicateFinder.duplicates(in: corpus) { _ = (p.a.id, p.b.id, p.contained?.id, p.passages) }
    for c in ClaimFinder.claims(in: corpus) { _ = (c.text, c.sources, c.sentences.map(\.text)) }
    for c in ConflictFinder.conflicts(in: corpus) { _ = (c.reason, c.values, c.claim.text, c.sentences.map(\.text)) }
    // The sorted term dictionary (bisection over a possibly forged order) and the packed slots.
    for p in ["i", "item1", "gov", "zz", "\"", "é"] { _ = corpus.index.lexicon.ids(withPrefix: p) }
    for t in ["minister", "government", "zed3", "nothere"] { _ = corpus.index.lexicon.id(of: t) }
}

/// CRC-32 (zlib's) of some bytes.
func crc32(_ bytes: ArraySlice<UInt8>) -> UInt32 {
    var c = ~UInt32(0)
    for b in bytes {
        c ^= UInt32(b)
        for _ in 0..<8 { c = c & 1 != 0 ? (c >> 1) ^ 0xEDB8_8320 : c >> 1 }
    }
    return ~c
}

/// Rewrites an archive file's header and footer checksums to match its bytes (when the file
/// is long enough to have them and its section count is sane).
func fixChecksums(_ file: inout [UInt8]) {
    guard file.count >= 48 else { return }
    func put(_ v: UInt32, at i: Int) { for k in 0..<4 { file[i + k] = UInt8(truncatingIfNeeded: v >> (8 * UInt32(k))) } }
    let sections = Int(file[16]) | Int(file[17]) << 8 | Int(file[18]) << 16 | Int(file[19]) << 24
    let directoryEnd = 32 + 16 * sections
    if sections < 1 << 16, directoryEnd <= file.count {
        put(crc32(file[0..<20] + file[32..<directoryEnd]), at: 20)
    }
    put(crc32(file[0..<(file.count - 16)]), at: file.count - 16)
}
