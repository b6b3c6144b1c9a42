import Corpus
import Harness

// The gzip decoder (Sources/Corpus/Loading/Compression/GzipDecoder.swift) on any bytes: it never
// hands on more than its limit, member offsets rise and lie inside the input, a problem's offsets
// lie inside the input, and decompress() agrees with the streaming events.
FuzzTarget.run { bytes in
    let raw = UnsafeRawBufferPointer(bytes)
    let limit = 1 << 20
    for resynchronize in [false, true] {
        var total = 0
        var members: [Int] = []
        var problems: [GzipProblem] = []
        do {
            let returned = try GzipDecoder(limit: limit, resynchronize: resynchronize).decode(raw) { event in
                switch event {
                case .member(let offset): members.append(offset)
                case .bytes(let chunk): total += chunk.count
                case .problem(let problem): problems.append(problem)
                }
            }
            FuzzTarget.require(returned.count >= problems.count, "a problem handed on was not returned")
            for problem in returned {
                FuzzTarget.require(problem.offset >= 0 && problem.offset <= bytes.count, "problem offset outside the input")
                FuzzTarget.require(problem.memberOffset <= problem.offset, "member after its problem")
                FuzzTarget.require(problem.decoded <= total, "more decoded than handed on")
            }
        } catch {
            FuzzTarget.require(false, "no token to stop it, yet it stopped: \(error)")
        }
        FuzzTarget.require(total <= limit, "handed on \(total) bytes over the limit \(limit)")
        FuzzTarget.require(members == members.sorted() && Set(members).count == members.count, "member offsets do not rise")
        FuzzTarget.require(members.allSatisfy { $0 >= 0 && $0 < bytes.count }, "member offset outside the input")
        if !resynchronize, let whole = try? GzipDecoder(limit: limit).decompress(raw) {
            FuzzTarget.require(whole.bytes.count == total, "decompress() and decode() disagree")
        }
    }
}
