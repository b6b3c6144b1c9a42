import Foundation
import LuaBridge
import Testing
@testable import Scripting

/// A query is read the same way wherever it is given: `corpus:search(q)`, `corpus:kwic(q)` and
/// `corpus:filter{contains = q}` accept the same strings (any bytes; numbers as text).
@Suite struct QueryArgumentTests {
    @Test func filterContainsAcceptsWhatSearchAccepts() throws {
        let session = try makeSession()
        for query in ["\"chin\\xffa\"", "'china'", "2023", "'\\xff\\xfe'"] {
            let r = try session.values("""
                local q = \(query)
                local hits = corpus:search(q, {limit = 100})
                local sub = corpus:filter{contains = q}
                return #hits, #sub
                """)
            #expect(r[0].intValue == r[1].intValue, "query \(query): search \(r[0]), filter \(r[1])")
        }
        #expect((try session.value("return #corpus:filter{contains = 'china'}").intValue ?? 0) > 0)
    }

    @Test func filterContainsStillRefusesWhatIsNotAQuery() throws {
        let session = try makeSession()
        for value in ["{}", "true", "print"] {
            let message = errorMessage { try session.values("return corpus:filter{contains = \(value)}") }
            #expect(message?.contains("bad argument #1 to 'filter' ('contains' must be a query string") == true, "\(value): \(message ?? "no error")")
        }
    }
}
