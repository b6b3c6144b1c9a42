import Corpus
import Harness

// File bytes to text (Sources/Corpus/Loading/TextDecoding.swift): any bytes are text, empty or
// binary; text never keeps a carriage return (line ends become LF).
FuzzTarget.run { bytes in
    switch TextDecoding.decode(bytes) {
    case .text(let text, _):
        FuzzTarget.require(!text.utf8.contains(13), "a carriage return survived decoding")
    case .empty, .binary:
        break
    }
}
