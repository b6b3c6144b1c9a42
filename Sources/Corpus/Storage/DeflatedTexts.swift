import CZlib
import Foundation
import NewsText

/// Documents' texts stored deflated one by one (zlib streams, RFC 1950, sharing one preset
/// dictionary), so that any text is decoded on its own when first asked for, as tantivy's doc
/// store compresses its stored fields. Clean news text deflates to about 0.37 of its size this
/// way (0.40 without the dictionary): the largest part of an archive is cut by more than half.
///
/// Four sections of a `text` file: 0 the streams back to back, 1 where each starts (u64,
/// count + 1), 2 where each text starts in the texts laid end to end (u64, count + 1: a text's
/// byte count without decoding it), 3 the dictionary (at most 32 KB). zlib checks each
/// stream's Adler-32, so a damaged text is found when it is decoded.
struct DeflatedTexts: @unchecked Sendable {
    let streams: TextStore
    let textOffsets: Column<UInt64>
    let dictionary: Column<UInt8>
    /// The file, named in the warning about a damaged text.
    let path: String

    /// The most dictionary bytes zlib uses (its window).
    static let dictionarySize = 32 * 1024
    static let level: Int32 = 6

    /// Number of texts.
    var count: Int { streams.count }

    /// Reads sections `first ..< first + 4` of `file`, checked: the stream offsets as any
    /// `TextStore`'s, the text offsets from 0 and never going down.
    init(_ file: StorageFileReader, first: Int = 0, expectedCount: Int) throws(ArchiveError) {
        streams = try TextStore(file, blob: first, offsets: first + 1, expectedCount: expectedCount)
        textOffsets = try file.column(first + 2)
        dictionary = try file.column(first + 3)
        path = file.path
        guard textOffsets.count == expectedCount + 1, dictionary.count <= Self.dictionarySize else {
            throw file.corrupted("section \(first + 2) or \(first + 3) does not fit the texts")
        }
        let ascending = textOffsets.withUnsafeBufferPointer { o -> Bool in
            guard o[0] == 0 else { return false }
            for i in 1..<o.count where o[i] < o[i - 1] || o[i] - o[i - 1] > UInt64(UInt32.max) { return false }
            return true
        }
        guard ascending else { throw file.corrupted("the text offsets in section \(first + 2) are out of order") }
    }

    /// Bytes of text `i` (UTF-8), without decoding it.
    func byteCount(_ i: Int) -> Int { Int(textOffsets[i + 1] - textOffsets[i]) }

    /// Text `i`, inflated. A stream that does not decode to its recorded length (a damaged
    /// file: `dossier archive verify` finds it) gives what decoded, padded with spaces to that
    /// length so that offsets into the text stay in range, and a warning naming the file.
    func text(_ i: Int) -> String {
        let length = byteCount(i)
        guard length > 0 else { return "" }
        var intact = true
        let text = String(unsafeUninitializedCapacity: length) { out in
            let (written, ok) = streams.withBytes(i) { input in
                dictionary.withUnsafeBufferPointer { Self.inflate(input, into: out, dictionary: $0) }
            }
            if !ok {
                intact = false
                for k in written..<length { out[k] = 0x20 }
            }
            return length
        }
        if !intact {
            FileHandle.standardError.write(Data("dossier: warning: archive file \(path) is corrupted: text \(i) does not decode (rebuild it with dossier index)\n".utf8))
        }
        return text
    }

    /// Inflates one zlib stream into `out`: the bytes written, and whether the stream was
    /// whole and ended exactly at `out`'s end (its checksum matching).
    private static func inflate(_ input: UnsafeBufferPointer<UInt8>, into out: UnsafeMutableBufferPointer<UInt8>,
                                dictionary: UnsafeBufferPointer<UInt8>) -> (written: Int, ok: Bool) {
        var stream = z_stream()
        guard inflateInit_(&stream, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return (0, false) }
        defer { inflateEnd(&stream) }
        stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
        stream.avail_in = uInt(input.count)
        stream.next_out = out.baseAddress
        stream.avail_out = uInt(out.count)
        var status = CZlib.inflate(&stream, Z_FINISH)
        if status == Z_NEED_DICT, let base = dictionary.baseAddress,
           inflateSetDictionary(&stream, base, uInt(dictionary.count)) == Z_OK {
            status = CZlib.inflate(&stream, Z_FINISH)
        }
        let written = out.count - Int(stream.avail_out)
        return (written, status == Z_STREAM_END && written == out.count)
    }

    /// The four sections for `texts`: each deflated with a dictionary made of the texts
    /// themselves (evenly spaced pieces of them, up to 32 KB), on every core.
    static func encode(_ texts: [String]) -> (streams: TextStore, textOffsets: [UInt64], dictionary: [UInt8]) {
        let dictionary = makeDictionary(texts)
        let chunk = 64
        let chunks = Parallel.map((texts.count + chunk - 1) / chunk, chunk: 1) { c -> [[UInt8]] in
            let range = (c * chunk)..<min(texts.count, (c + 1) * chunk)
            return Self.deflate(texts[range], dictionary: dictionary)
        }
        var textOffsets: [UInt64] = [0]
        textOffsets.reserveCapacity(texts.count + 1)
        for t in texts { textOffsets.append(textOffsets[textOffsets.count - 1] + UInt64(t.utf8.count)) }
        return (TextStore(records: chunks.joined()), textOffsets, dictionary)
    }

    /// Deflates each of `texts` as a zlib stream of its own with `dictionary` preset.
    private static func deflate(_ texts: ArraySlice<String>, dictionary: [UInt8]) -> [[UInt8]] {
        var stream = z_stream()
        guard deflateInit2_(&stream, level, Z_DEFLATED, 15, 8, Z_DEFAULT_STRATEGY, zlibVersion(),
                            Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            preconditionFailure("zlib could not set up a deflate stream (out of memory)")
        }
        defer { deflateEnd(&stream) }
        var out: [[UInt8]] = []
        out.reserveCapacity(texts.count)
        for text in texts {
            var t = text
            let bytes = t.withUTF8 { input -> [UInt8] in
                guard input.count > 0 else { return [] }
                deflateReset(&stream)
                if !dictionary.isEmpty {
                    dictionary.withUnsafeBufferPointer { _ = deflateSetDictionary(&stream, $0.baseAddress, uInt($0.count)) }
                }
                let bound = Int(deflateBound(&stream, uLong(input.count)))
                return [UInt8](unsafeUninitializedCapacity: bound) { buffer, written in
                    stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
                    stream.avail_in = uInt(input.count)
                    stream.next_out = buffer.baseAddress
                    stream.avail_out = uInt(bound)
                    let status = CZlib.deflate(&stream, Z_FINISH)
                    precondition(status == Z_STREAM_END, "deflate into a buffer of deflateBound's size did not finish")
                    written = bound - Int(stream.avail_out)
                }
            }
            out.append(bytes)
        }
        return out
    }

    /// A preset dictionary from the texts: 64 pieces of 512 bytes taken from evenly spaced texts
    /// (what recurs in news across documents, boilerplate, frequent words and phrases, is what a
    /// sample holds), cut at UTF-8 character starts.
    static func makeDictionary(_ texts: [String]) -> [UInt8] {
        guard !texts.isEmpty else { return [] }
        let pieces = 64
        let pieceSize = dictionarySize / pieces
        var dictionary: [UInt8] = []
        dictionary.reserveCapacity(dictionarySize)
        let step = max(1, texts.count / pieces)
        var i = 0
        while i < texts.count, dictionary.count + pieceSize <= dictionarySize {
            var piece = Array(texts[i].utf8.prefix(pieceSize))
            while let last = piece.last, last & 0xC0 == 0x80 || last >= 0xC0 { piece.removeLast() }
            dictionary += piece
            i += step
        }
        return dictionary
    }
}
