import Foundation
import Testing

@testable import Corpus

/// The JSONL fast path gives what JSONSerialization gives, and leaves every line it does not
/// take (malformed or unusual) to JSONSerialization.
@Suite struct JSONObjectScannerTests {
    func scan(_ line: String) -> [String: Any]? {
        var bytes = Array(line.utf8)
        return bytes.withUnsafeMutableBufferPointer { JSONObjectScanner.object(UnsafeBufferPointer($0)) }
    }

    func foundation(_ line: String) -> [String: Any]? {
        (try? JSONSerialization.jsonObject(with: Data(line.utf8), options: [.fragmentsAllowed])) as? [String: Any]
    }

    @Test func sameValuesAsJSONSerialization() throws {
        let lines = [
            #"{"id": "a1", "title": "Port strike ends", "text": "Dock workers voted.\nA second paragraph."}"#,
            #"{"text":"Quotes \"inside\", a back\\slash, a tab\t, a slash \/ and \u00e9t\u00E9","n":17,"x":-0.5e3}"#,
            #"  { "text" : "Emoji \ud83d\ude00 and CJK 中文" , "tags" : ["a", "b", 3, true, null], "ok": false, "none": null }  "#,
            #"{"authors": [{"name": "Jane Doe"}, {"name": "John Roe"}], "source": {"name": "Harbour Times", "id": 4}}"#,
            #"{}"#,
            #"{"small": 0, "neg": -12, "frac": 0.25, "exp": 1E-2}"#,
            #"{"nested": {"a": [[], {}, [1, [2, [3]]]]}, "text": ""}"#,
        ]
        for line in lines {
            let fast = try #require(scan(line), "\(line)")
            let slow = try #require(foundation(line), "\(line)")
            #expect(Set(fast.keys) == Set(slow.keys))
            for (key, value) in fast {
                #expect(JSONRecordFields.fieldValue(value) == slow[key].flatMap(JSONRecordFields.fieldValue), "\(key) in \(line)")
            }
        }
        let fields = try #require(scan(lines[1]))
        #expect(fields["text"] as? String == "Quotes \"inside\", a back\\slash, a tab\t, a slash / and été")
        let kinds = try #require(scan(lines[2]))
        #expect(kinds["text"] as? String == "Emoji 😀 and CJK 中文")
        #expect(JSONRecordFields.isBool(try #require(kinds["ok"] as? NSNumber)))
        #expect(!JSONRecordFields.isBool(try #require(scan(lines[1])?["n"] as? NSNumber)))
        #expect(kinds["none"] is NSNull)
    }

    @Test func leavesWhatItDoesNotTakeToJSONSerialization() {
        let refused = [
            #"{"text": "unterminated}"#,
            #"{"text": "a" "b"}"#,
            "{\"text\": \"raw\ttab\"}",
            #"{"text": "lone \udc00 surrogate"}"#,
            #"{"text": "bad \q escape"}"#,
            #"{"a": 01}"#,
            #"{"a": .5}"#,
            #"{"a": tru}"#,
            #"{"a": 1,}"#,
            #"{"a": 1} trailing"#,
            #"["not", "an", "object"]"#,
            #""a string""#,
            "",
            String(repeating: #"{"a":"#, count: 100) + "1" + String(repeating: "}", count: 100),
        ]
        for line in refused { #expect(scan(line) == nil, "\(line)") }
        // Invalid UTF-8 in a string.
        var bytes: [UInt8] = Array(#"{"text": "caf"#.utf8) + [0xE9] + Array(#""}"#.utf8)
        #expect(bytes.withUnsafeMutableBufferPointer { JSONObjectScanner.object(UnsafeBufferPointer($0)) } == nil)
    }
}
