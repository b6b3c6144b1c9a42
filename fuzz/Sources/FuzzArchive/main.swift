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
let folder = NSTemporaryDirectory() + "dossier-fuzz-archive-\(getpid())/fuzz.dossier"
let parts = ["text", "docs", "terms", "lexicon", "postings", "deletions"]
let texts = (0..<150).map { i in
    (id: "doc\(i)", text: "Headline number \(i)\n\nThe minister said on Tuesday that talks with \(["Anna Berg", "Tom Ode", "Li Wei"][i % 3]) "
        + "would go on. \"We are close,\" she said. Water levels rose \(i % 7) metres near the river Zed\(i % 5).\n\n"
        + "A second paragraph mentions item\(i) and the word government.")
}
let template = CorpusLoader.corpus(texts: texts, location: "fuzz")
do {
    try DossierArchive.write(template, to: folder, sources: ["fuzz"])
    try DossierArchive.remove(["doc7", "doc64", "doc149"], from: folder)
} catch {
    FuzzTarget.require(false, "cannot write the template archive: \(error)")
}
let fileNames: [String: String] = {
    let manifest = try! JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: folder + "/MANIFEST"))) as! [String: Any]
    var names = (manifest["batches"] as! [[String: Any]])[0]["files"] as! [String: String]
    names["lexicon"] = (manifest["lexicon"] as! String)
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
        _ = d.text.utf8.count
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
    _ = corpus.index.lexicon.ids(withPrefix: "i")
}
