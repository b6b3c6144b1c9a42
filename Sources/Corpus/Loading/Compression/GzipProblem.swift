/// What went wrong while decoding a gzip stream, and where (a byte offset in the compressed
/// input). The bytes decoded before the problem are kept by the decoder's caller.
public struct GzipProblem: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// The input ends inside a member (a download or copy cut short).
        case truncated
        /// The bytes are not valid deflate data or a member's checksum or length is wrong;
        /// `reason` is zlib's message.
        case corrupt(reason: String)
        /// Bytes after the last member that are neither padding (NUL bytes) nor a gzip member.
        case trailingGarbage
        /// The decoded output would exceed `limit` bytes (a gzip bomb, or a file larger than
        /// the load's largest file).
        case tooLarge(limit: Int)
    }

    public let kind: Kind
    /// The byte offset in the compressed input where the problem was found.
    public let offset: Int
    /// The byte offset where the member that holds the problem starts.
    public let memberOffset: Int
    /// How many decoded bytes came before the problem (and are kept).
    public let decoded: Int

    public init(kind: Kind, offset: Int, memberOffset: Int, decoded: Int) {
        self.kind = kind
        self.offset = offset
        self.memberOffset = memberOffset
        self.decoded = decoded
    }

    /// One line for a load warning: what, where, and what was kept.
    public var description: String {
        let kept = decoded == 0 ? "nothing decoded before it" : "the \(decoded) bytes decoded before it are kept"
        switch kind {
        case .truncated:
            return "gzip stream truncated at byte \(offset) (inside the member starting at byte \(memberOffset)); \(kept)"
        case .corrupt(let reason):
            return "corrupt gzip data at byte \(offset) (member starting at byte \(memberOffset)): \(reason); \(kept)"
        case .trailingGarbage:
            return "bytes after the last gzip member at byte \(offset) are not gzip data; ignored"
        case .tooLarge(let limit):
            return "decompresses to more than \(limit) bytes (the largest file read); stopped at byte \(offset)"
        }
    }
}
