/// File names as the file system has them: bytes, usually but not always UTF-8.
///
/// Paths are kept as bytes to open the file, and shown (in ids, warnings, `doc.path`) as text
/// where every byte that is not UTF-8 is written `\xFF`, so a name is never lost or mistaken.
enum FileName {
    /// `bytes` as text: valid UTF-8 as is, each invalid byte as `\xHH`.
    static func display(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        if let valid = String(validating: bytes, as: UTF8.self) { return valid }
        var out = ""
        out.reserveCapacity(bytes.count + 16)
        var iterator = bytes.makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                out.unicodeScalars.append(Unicode.UTF8.decode(encoded))
                offset += encoded.count
            case .error(let length):
                for k in offset..<(offset + length) {
                    out += "\\x" + String(bytes[k], radix: 16, uppercase: true).leftPadded(to: 2)
                }
                offset += length
            case .emptyInput:
                return out
            }
        }
    }

    static func display(_ bytes: [UInt8]) -> String {
        bytes.withUnsafeBufferPointer { display($0) }
    }
}

private extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
