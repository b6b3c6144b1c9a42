import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Lists a folder tree with readdir, which is much faster than FileManager's enumerator on
/// folders of many thousands of files.
enum DirectoryWalk {
    /// Appends the paths (relative to `root`) of the `.txt` files under it, skipping hidden
    /// entries. Returns false when `root` cannot be opened.
    static func textFiles(under root: String, into out: inout [String]) -> Bool {
        guard let dir = opendir(root) else { return false }
        defer { closedir(dir) }
        walk(dir, root: root, prefix: "", into: &out, depth: 0)
        return true
    }

    /// True for names ending in ".txt", in any case.
    static func hasTextSuffix(_ name: String) -> Bool {
        let utf8 = name.utf8
        guard utf8.count >= 4 else { return false }
        let tail = utf8.suffix(4)
        var i = tail.startIndex
        let expected: [UInt8] = [UInt8(ascii: "."), UInt8(ascii: "t"), UInt8(ascii: "x"), UInt8(ascii: "t")]
        for e in expected {
            if tail[i] | 0x20 != e | 0x20 { return false }
            i = tail.index(after: i)
        }
        return true
    }

    private static func walk(_ dir: OpaquePointer, root: String, prefix: String, into out: inout [String], depth: Int) {
        while let entry = readdir(dir) {
            // Look at the name's bytes first: most entries of a big folder are text files, but
            // hidden entries and other files need no String at all.
            let type = entry.pointee.d_type
            let candidate = withUnsafeBytes(of: entry.pointee.d_name) { raw -> String? in
                let bytes = raw.bindMemory(to: UInt8.self)
                let length = bytes.firstIndex(of: 0) ?? bytes.count
                guard length > 0, bytes[0] != UInt8(ascii: ".") else { return nil }
                let name = UnsafeBufferPointer(rebasing: bytes[0..<length])
                let mightBeFolder = type == UInt8(DT_DIR) || type == UInt8(DT_UNKNOWN) || type == UInt8(DT_LNK)
                guard mightBeFolder || hasTextSuffix(name) else { return nil }
                return String(decoding: name, as: UTF8.self)
            }
            guard let name = candidate else { continue }
            let relative = prefix.isEmpty ? name : prefix + "/" + name
            var isDirectory = type == UInt8(DT_DIR)
            if type == UInt8(DT_UNKNOWN) || type == UInt8(DT_LNK) {
                var info = stat()
                if stat(root + "/" + relative, &info) == 0 { isDirectory = (info.st_mode & S_IFMT) == S_IFDIR }
            }
            if isDirectory {
                guard depth < 32, let sub = opendir(root + "/" + relative) else { continue }
                walk(sub, root: root, prefix: relative, into: &out, depth: depth + 1)
                closedir(sub)
            } else if hasTextSuffix(name) {
                out.append(relative)
            }
        }
    }

    /// True for names (as bytes) ending in ".txt", in any case.
    static func hasTextSuffix(_ name: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = name.count
        guard n >= 4 else { return false }
        return name[n - 4] == UInt8(ascii: ".") && name[n - 3] | 0x20 == UInt8(ascii: "t")
            && name[n - 2] | 0x20 == UInt8(ascii: "x") && name[n - 1] | 0x20 == UInt8(ascii: "t")
    }
}
