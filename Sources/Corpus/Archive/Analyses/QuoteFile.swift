/// The `quot` analysis file: every document's quotations with their speakers. Speakers are
/// resolved through the whole archive's entity index (their ids are its entity ids), so the file
/// is written for the archive with the entities, not per batch. Sections:
///
/// 0–1 strings (`StringTable`); 2 scalars (u64: quotes, documents); 3 each document's first
/// quote (u32, documents + 1); 4 the quotes, eight u32 each: sentence, first byte, end byte,
/// text (string id), speaker phrase, speaker name, verb (string ids, `StringTable.none` for
/// none), paragraphs; 5 per quote a byte: kind (bits 0–1, `QuoteKind.allCases` order), partial
/// (bit 2), speaker kind + 1 (bits 3–5, 0 for none); 6 per quote the speaker's id (i64).
enum QuoteFile {
    static let kind = "quot"
    static let fields = 8

    static func write(_ quotes: [[Quote]]) -> StorageFileWriter {
        var strings = StringTable()
        var start: [UInt32] = [0]
        var columns: [UInt32] = []
        var flags: [UInt8] = []
        var speakers: [Int64] = []
        for list in quotes {
            for q in list {
                columns += [UInt32(q.sentence), UInt32(q.range.lowerBound), UInt32(q.range.upperBound), strings.id(q.text),
                            strings.optional(q.speakerText), strings.optional(q.speaker?.name), strings.optional(q.verb),
                            UInt32(q.paragraphs)]
                let kind = UInt8(QuoteKind.allCases.firstIndex(of: q.kind) ?? 0)
                let speakerKind = q.speakerKind.map { UInt8((SpeakerKind.allCases.firstIndex(of: $0) ?? 0) + 1) } ?? 0
                flags.append(kind | (q.partial ? 4 : 0) | speakerKind << 3)
                speakers.append(Int64(q.speaker?.id ?? 0))
            }
            start.append(UInt32(flags.count))
        }
        var w = StorageFileWriter(kind: kind)
        strings.add(to: &w)
        w.add([UInt64(flags.count), UInt64(quotes.count)])
        w.add(start)
        w.add(columns)
        w.add(flags)
        w.add(speakers)
        return w
    }

    /// Every document's quotes (by corpus index), checked against `documents`.
    static func read(_ file: StorageFileReader, documents: [Document]) throws(ArchiveError) -> [Int: [Quote]] {
        var strings = try StringColumn(file)
        let scalars = try file.analysisScalars(count: 2, documentsAt: 1, documents: documents.count, counts: [0])
        let n = Int(scalars[0])
        let start = try file.column(3, of: UInt32.self)
        let columns = try file.column(4, of: UInt32.self)
        let flags = try file.column(5, of: UInt8.self)
        let speakers = try file.column(6, of: Int64.self)
        guard start.count == documents.count + 1, Lists.ascending(start, upTo: n), columns.count == fields * n,
              flags.count == n, speakers.count == n else {
            throw file.corrupted("its quotation columns do not fit together")
        }
        let bad = file.corrupted("a quotation names a string, kind or place that does not exist")
        var out: [Int: [Quote]] = [:]
        out.reserveCapacity(documents.count)
        for (d, document) in documents.enumerated() {
            let range = Int(start[d])..<Int(start[d + 1])
            var list: [Quote] = []
            list.reserveCapacity(range.count)
            for i in range {
                let b = fields * i
                let lower = Int(columns[b + 1]), upper = Int(columns[b + 2])
                let flag = flags[i]
                let kindIndex = Int(flag & 3), speakerKindIndex = Int(flag >> 3)
                var ok = lower <= upper && upper <= document.textByteCount && kindIndex < QuoteKind.allCases.count
                    && speakerKindIndex <= SpeakerKind.allCases.count
                guard ok, let text = strings.string(columns[b + 3]) else { throw bad }
                let speakerText = strings.optional(columns[b + 4], ok: &ok)
                let speakerName = strings.optional(columns[b + 5], ok: &ok)
                let verb = strings.optional(columns[b + 6], ok: &ok)
                guard ok, let speakerID = Int(exactly: speakers[i]) else { throw bad }
                var quote = Quote(document: document.index, sentence: Int(columns[b]), range: lower..<upper, text: text,
                                  speakerText: speakerText,
                                  speaker: speakerName.map { ResolvedSpeaker(id: speakerID, name: $0) }, verb: verb,
                                  kind: QuoteKind.allCases[kindIndex], paragraphs: Int(columns[b + 7]))
                quote.partial = flag & 4 != 0
                quote.speakerKind = speakerKindIndex == 0 ? nil : SpeakerKind.allCases[speakerKindIndex - 1]
                list.append(quote)
            }
            out[document.index] = list
        }
        return out
    }
}
