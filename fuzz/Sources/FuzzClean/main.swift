import Corpus
import Harness

// The cleaning stage as a load runs it (Sources/Corpus/Cleaning): file bytes decoded, then
// cleaned into a body, a title, boilerplate lines, a dateline, a source and a date.
FuzzTarget.run { bytes in
    guard case .text(let raw, _) = TextDecoding.decode(bytes) else { return }
    let cleaned = Cleaner.clean(raw)
    let lineCount = raw.utf8.count { $0 == 10 } + 1
    for line in cleaned.boilerplate {
        FuzzTarget.require(line.lineNumber >= 1 && line.lineNumber <= lineCount,
                           "boilerplate line number \(line.lineNumber) outside 1...\(lineCount)")
    }
}
