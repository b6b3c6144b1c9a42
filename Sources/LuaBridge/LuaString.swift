/// A Lua string: a byte sequence that may hold NULs and invalid UTF-8.
///
/// Text made in Swift stays a `String` until it is pushed; bytes read from Lua stay bytes, so
/// nothing is lost on a round trip.
public struct LuaString: Hashable, Sendable, CustomStringConvertible, ExpressibleByStringLiteral {
    enum Storage: Hashable, Sendable {
        case text(String)
        case bytes([UInt8])
    }

    let storage: Storage

    public init(_ text: String) { storage = .text(text) }
    public init(bytes: [UInt8]) { storage = .bytes(bytes) }
    public init(stringLiteral value: String) { storage = .text(value) }

    /// The exact bytes.
    public var bytes: [UInt8] {
        switch storage {
        case .text(let s): return Array(s.utf8)
        case .bytes(let b): return b
        }
    }

    /// The text when the bytes are valid UTF-8, else nil.
    public var text: String? {
        switch storage {
        case .text(let s): return s
        case .bytes(let b): return String(validating: b, as: UTF8.self)
        }
    }

    /// Whether this is `text` (`self.text == text`), without making a `String` of bytes read
    /// from Lua when both sides are ASCII (where equal text means equal bytes): options and
    /// record fields are looked up by name on every call.
    public func equals(_ text: String) -> Bool {
        switch storage {
        case .text(let s):
            return s == text
        case .bytes(let b):
            if b.allSatisfy({ $0 < 0x80 }) && text.utf8.allSatisfy({ $0 < 0x80 }) { return b.elementsEqual(text.utf8) }
            return self.text == text
        }
    }

    /// The text with invalid bytes replaced by U+FFFD.
    public var description: String {
        switch storage {
        case .text(let s): return s
        case .bytes(let b): return String(decoding: b, as: UTF8.self)
        }
    }

    public static func == (a: LuaString, b: LuaString) -> Bool { a.bytes == b.bytes }
    public func hash(into hasher: inout Hasher) { hasher.combine(bytes) }
}
