import CZlib

/// Decodes gzip data (RFC 1952) through zlib, handing the output on in chunks as it is
/// decoded, so a caller that consumes it as it comes (the WARC reader) never holds more than
/// a chunk and its own record.
///
/// - Multi-member streams, as `cat a.gz b.gz` and WARC.gz files (one member per record) write
///   them, decode as one stream; `event(.member(offset:))` marks where each member starts.
/// - NUL padding after the last member is skipped; other trailing bytes are reported.
/// - The output is bounded: decoding stops with `.tooLarge` before more than `limit` bytes
///   have been handed on, so a gzip bomb (a few KB that inflate to gigabytes) costs one chunk
///   of memory and a bounded amount of time.
/// - A truncated stream or corrupt data ends the decoding with a `GzipProblem` naming the byte
///   offset; everything decoded before it has been handed on. With `resynchronize`, decoding
///   goes on at the next member header after corrupt data (each WARC record is its own member,
///   so one damaged record does not lose the rest of the file).
/// - The cancellation token is checked after every chunk: a time limit or an interrupt stops
///   the decoding with `WorkLimit`.
///
///     let problems = try GzipDecoder(limit: 256 << 20).decode(bytes) { event in … }
public struct GzipDecoder: Sendable {
    /// What the decoder hands on, in stream order.
    public enum Event {
        /// A member starts at this byte offset of the compressed input.
        case member(offset: Int)
        /// Decoded bytes (valid only during the call).
        case bytes(UnsafeRawBufferPointer)
        /// The decoding of the current member failed; what came before is kept. Followed by a
        /// `.member` event when the decoder resynchronizes.
        case problem(GzipProblem)
    }

    /// The most decoded bytes handed on in all.
    public let limit: Int
    public let cancellation: Cancellation
    /// Whether to go on at the next member header after corrupt data.
    public let resynchronize: Bool
    /// The size of the output chunks.
    static let chunkSize = 1 << 16

    public init(limit: Int, cancellation: Cancellation = .none, resynchronize: Bool = false) {
        self.limit = max(0, limit)
        self.cancellation = cancellation
        self.resynchronize = resynchronize
    }

    /// Whether `bytes` start with the gzip magic number (1F 8B) and the deflate method.
    public static func isGzip(_ bytes: UnsafeRawBufferPointer) -> Bool {
        bytes.count >= 3 && bytes[0] == 0x1F && bytes[1] == 0x8B && bytes[2] == 8
    }

    public static func isGzip(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { isGzip($0) }
    }

    /// Decodes `input`, calling `event` with each member start, each chunk of output and each
    /// problem. Returns the problems (empty: the whole input decoded cleanly).
    @discardableResult
    public func decode(_ input: UnsafeRawBufferPointer,
                       _ event: (Event) throws(WorkLimit) -> Void) throws(WorkLimit) -> [GzipProblem] {
        guard let base = input.baseAddress?.assumingMemoryBound(to: UInt8.self), input.count > 0 else { return [] }
        let stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        let output = UnsafeMutablePointer<UInt8>.allocate(capacity: Self.chunkSize)
        defer {
            inflateEnd(stream)
            stream.deinitialize(count: 1)
            stream.deallocate()
            output.deallocate()
        }
        // 15 + 16: a gzip wrapper (not zlib or raw deflate) around a window of up to 32 KB.
        guard inflateInit2_(stream, 15 + 16, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            return [GzipProblem(kind: .corrupt(reason: "zlib could not start"), offset: 0, memberOffset: 0, decoded: 0)]
        }
        var problems: [GzipProblem] = []
        var position = 0
        var produced = 0
        let count = input.count

        memberLoop: while position < count {
            // Between members: NUL padding is skipped; anything but a member header ends the stream.
            if input[position] == 0 {
                while position < count && input[position] == 0 { position += 1 }
                continue
            }
            guard position + 1 < count ? (input[position] == 0x1F && input[position + 1] == 0x8B) : input[position] == 0x1F else {
                problems.append(GzipProblem(kind: .trailingGarbage, offset: position, memberOffset: position, decoded: produced))
                break
            }
            let memberStart = position
            inflateReset(stream)
            try event(.member(offset: memberStart))
            stream.pointee.next_in = UnsafeMutablePointer(mutating: base + position)
            stream.pointee.avail_in = UInt32(clamping: count - position)
            while true {
                stream.pointee.next_out = output
                stream.pointee.avail_out = UInt32(Self.chunkSize)
                let before = stream.pointee.avail_in
                let status = inflate(stream, Z_NO_FLUSH)
                let used = Int(before - stream.pointee.avail_in)
                position += used
                let got = Self.chunkSize - Int(stream.pointee.avail_out)
                if got > 0 {
                    if produced + got > limit {
                        let allowed = limit - produced
                        if allowed > 0 { try event(.bytes(UnsafeRawBufferPointer(start: output, count: allowed))) }
                        produced += allowed
                        problems.append(GzipProblem(kind: .tooLarge(limit: limit), offset: position,
                                                    memberOffset: memberStart, decoded: produced))
                        try event(.problem(problems[problems.count - 1]))
                        break memberLoop
                    }
                    try event(.bytes(UnsafeRawBufferPointer(start: output, count: got)))
                    produced += got
                    try cancellation.check()
                }
                // Refill the 32-bit avail_in for inputs over 4 GB.
                if stream.pointee.avail_in == 0 && position < count {
                    stream.pointee.next_in = UnsafeMutablePointer(mutating: base + position)
                    stream.pointee.avail_in = UInt32(clamping: count - position)
                }
                switch status {
                case Z_STREAM_END:
                    continue memberLoop
                case Z_OK:
                    continue
                case Z_BUF_ERROR where position >= count:
                    // No more input inside a member.
                    let problem = GzipProblem(kind: .truncated, offset: count, memberOffset: memberStart, decoded: produced)
                    problems.append(problem)
                    try event(.problem(problem))
                    break memberLoop
                case Z_BUF_ERROR:
                    continue
                default:
                    let reason = stream.pointee.msg.map { String(cString: $0) } ?? "zlib error \(status)"
                    let problem = GzipProblem(kind: .corrupt(reason: reason), offset: position,
                                              memberOffset: memberStart, decoded: produced)
                    problems.append(problem)
                    try event(.problem(problem))
                    guard resynchronize, let next = Self.nextMember(in: input, after: memberStart) else { break memberLoop }
                    position = next
                    continue memberLoop
                }
            }
        }
        return problems
    }

    /// Decodes all of `input` into one array (at most `limit` bytes), with the first problem
    /// met, if any: what was decoded before a truncation or corrupt data is kept.
    public func decompress(_ input: UnsafeRawBufferPointer) throws(WorkLimit) -> (bytes: [UInt8], problem: GzipProblem?) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(min(limit, max(input.count * 4, 1 << 12)))
        let problems = try decode(input) { event in
            if case .bytes(let chunk) = event { bytes.append(contentsOf: chunk.bindMemory(to: UInt8.self)) }
        }
        return (bytes, problems.first)
    }

    public func decompress(_ input: [UInt8]) throws(WorkLimit) -> (bytes: [UInt8], problem: GzipProblem?) {
        let result: Result<(bytes: [UInt8], problem: GzipProblem?), WorkLimit> = input.withUnsafeBytes { raw in
            Result { () throws(WorkLimit) in try decompress(raw) }
        }
        return try result.get()
    }

    /// The offset of the next member header (1F 8B 08) after `start`, if any.
    static func nextMember(in input: UnsafeRawBufferPointer, after start: Int) -> Int? {
        var i = start + 1
        while i + 2 < input.count {
            if input[i] == 0x1F && input[i + 1] == 0x8B && input[i + 2] == 8 { return i }
            i += 1
        }
        return nil
    }
}
