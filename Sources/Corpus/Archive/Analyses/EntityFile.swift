/// The `ents` analysis file: the entity index of the whole archive (entities are numbered by
/// mentions across all documents, and aliases are resolved across them, so it is one file for
/// the archive, not one per batch). Sections:
///
/// 0–1 strings (`StringTable`); 2 scalars (u64: entities, mentions, documents);
/// 3 each entity's name (u32 string id); 4 its kind (u8, `EntityKind.allCases` order);
/// 5–6 aliases: start per entity (u32, entities + 1) and string ids (u32); 7–8 roles, and
/// 9–10 lookup keys (the folded names the index finds it by), laid out the same way;
/// 11 each entity's first mention (u32, entities + 1); 12 the mentions, five u32 each:
/// document, sentence, first byte, end byte, text (string id).
enum EntityFile {
    static let kind = "ents"

    static func write(_ index: EntityIndex, documents: Int) -> StorageFileWriter {
        var strings = StringTable()
        var names: [UInt32] = []
        var kinds: [UInt8] = []
        var aliasStart: [UInt32] = [0], aliases: [UInt32] = []
        var roleStart: [UInt32] = [0], roles: [UInt32] = []
        var keyStart: [UInt32] = [0], keys: [UInt32] = []
        var mentionStart: [UInt32] = [0], mentions: [UInt32] = []
        let keysOf = index.lookupKeys()
        for e in index.entities {
            names.append(strings.id(e.name))
            kinds.append(UInt8(EntityKind.allCases.firstIndex(of: e.kind) ?? 0))
            aliases += e.aliases.map { strings.id($0) }
            aliasStart.append(UInt32(aliases.count))
            roles += e.roles.map { strings.id($0) }
            roleStart.append(UInt32(roles.count))
            keys += (keysOf[e.id] ?? []).map { strings.id($0) }
            keyStart.append(UInt32(keys.count))
            for m in e.mentions {
                mentions += [UInt32(m.document), UInt32(m.sentence), UInt32(m.range.lowerBound), UInt32(m.range.upperBound),
                             strings.id(m.text)]
            }
            mentionStart.append(UInt32(mentions.count / 5))
        }
        var w = StorageFileWriter(kind: kind)
        strings.add(to: &w)
        w.add([UInt64(index.entities.count), UInt64(mentions.count / 5), UInt64(documents)])
        w.add(names)
        w.add(kinds)
        w.add(aliasStart)
        w.add(aliases)
        w.add(roleStart)
        w.add(roles)
        w.add(keyStart)
        w.add(keys)
        w.add(mentionStart)
        w.add(mentions)
        return w
    }

    /// The entity index stored in `file`, for `documents` (the archive's, in corpus order).
    static func read(_ file: StorageFileReader, documents: [Document], gazetteer: Gazetteer) throws(ArchiveError) -> EntityIndex {
        var strings = try StringColumn(file)
        let scalars = try file.analysisScalars(count: 3, documentsAt: 2, documents: documents.count, counts: [0, 1])
        let n = Int(scalars[0])
        let names = try file.column(3, of: UInt32.self)
        let kinds = try file.column(4, of: UInt8.self)
        let aliases = try Lists(file, start: 5, items: 6, count: n)
        let roles = try Lists(file, start: 7, items: 8, count: n)
        let keys = try Lists(file, start: 9, items: 10, count: n)
        let mentionStart = try file.column(11, of: UInt32.self)
        let mentions = try file.column(12, of: UInt32.self)
        guard names.count == n, kinds.count == n, mentionStart.count == n + 1, mentions.count == 5 * Int(scalars[1]),
              Lists.ascending(mentionStart, upTo: mentions.count / 5) else {
            throw file.corrupted("its entity columns do not fit together")
        }
        let bad = file.corrupted("an entity names a string, kind or document that does not exist")
        let table = DocumentTable(documents)
        var entities: [Entity] = []
        entities.reserveCapacity(n)
        var byDocument: [Int: [EntityIndex.Placed]] = [:]
        var keyLists: [[String]] = []
        keyLists.reserveCapacity(n)
        for id in 0..<n {
            guard let name = strings.string(names[id]), Int(kinds[id]) < EntityKind.allCases.count else { throw bad }
            var ok = true
            func texts(_ list: Lists) -> [String] {
                list.items(id).map { s in
                    guard let text = strings.string(s) else {
                        ok = false
                        return ""
                    }
                    return text
                }
            }
            let aliasTexts = texts(aliases), roleTexts = texts(roles)
            keyLists.append(texts(keys))
            var list: [EntityMention] = []
            let range = Int(mentionStart[id])..<Int(mentionStart[id + 1])
            list.reserveCapacity(range.count)
            for m in range {
                let b = 5 * m
                let doc = Int(mentions[b]), lower = Int(mentions[b + 2]), upper = Int(mentions[b + 3])
                guard doc < documents.count, lower <= upper, upper <= documents[doc].textByteCount,
                      let text = strings.string(mentions[b + 4]) else {
                    ok = false
                    break
                }
                let mention = EntityMention(document: doc, sentence: Int(mentions[b + 1]), range: lower..<upper, text: text)
                list.append(mention)
                byDocument[doc, default: []].append(EntityIndex.Placed(entity: id, slot: list.count - 1, lower: lower))
            }
            guard ok else { throw bad }
            entities.append(Entity(id: id, name: name, kind: EntityKind.allCases[Int(kinds[id])], aliases: aliasTexts,
                                   roles: roleTexts, mentions: list, source: table))
        }
        for key in byDocument.keys {
            byDocument[key]?.sort { $0.lower < $1.lower }
        }
        return EntityIndex.assembled(entities: entities, keys: keyLists, gazetteer: gazetteer, source: table,
                                     byDocument: byDocument)
    }
}

/// Lists of u32 stored as a start column (count + 1) and the items, checked when read.
struct Lists {
    let start: Column<UInt32>
    let items: Column<UInt32>

    init(_ file: StorageFileReader, start: Int, items: Int, count: Int) throws(ArchiveError) {
        self.start = try file.column(start)
        self.items = try file.column(items)
        guard self.start.count == count + 1, Self.ascending(self.start, upTo: self.items.count) else {
            throw file.corrupted("the lists in sections \(start) and \(items) are out of order or out of range")
        }
    }

    /// List `i`'s items.
    func items(_ i: Int) -> Column<UInt32> { items.slice(Int(start[i])..<Int(start[i + 1])) }

    /// Whether `values` start at 0, never go down and end at `limit`.
    static func ascending(_ values: Column<UInt32>, upTo limit: Int) -> Bool {
        values.withUnsafeBufferPointer { v in
            guard let first = v.first, let last = v.last, first == 0, Int(last) == limit else { return false }
            for i in 1..<v.count where v[i] < v[i - 1] { return false }
            return true
        }
    }
}
