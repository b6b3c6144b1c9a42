import Testing
@testable import Corpus

/// The store of analyses built on first use: a value built from others is dropped with them.
@Suite struct AnnotationCacheTests {
    final class Base {}
    final class Derived {}
    final class Unrelated {}

    @Test func aValueBuiltFromAnotherIsDroppedWithIt() {
        let cache = AnnotationCache()
        cache.set("base", Base())
        let first = cache.value(Derived.self, dependsOn: ["base"]) { Derived() }
        #expect(cache.value(Derived.self, dependsOn: ["base"]) { Derived() } === first)
        cache.set("other", Unrelated())
        #expect(cache.value(Derived.self) { Derived() } === first)
        cache.set("base", Optional<Base>.none)
        #expect(cache.value(Derived.self) { Derived() } !== first)
    }

    @Test func droppingFollowsChains() {
        final class Top {}
        let cache = AnnotationCache()
        let derived = cache.value(Derived.self, dependsOn: ["base"]) { Derived() }
        let top = cache.value(Top.self, dependsOn: [String(reflecting: Derived.self)]) { Top() }
        cache.set("base", Base())
        #expect(cache.peek(String(reflecting: Derived.self), as: Derived.self) == nil)
        #expect(cache.peek(String(reflecting: Top.self), as: Top.self) == nil)
        #expect(cache.value(Derived.self) { Derived() } !== derived)
        #expect(cache.value(Top.self) { Top() } !== top)
    }

    /// Entities do not know of quotations, yet a new gazetteer still gives new speakers.
    @Test func aNewGazetteerDropsTheQuoteIndex() throws {
        let corpus = try EntityFixtures.seeds()
        let before = corpus.quoteIndex
        #expect(corpus.quoteIndex === before)
        corpus.extendGazetteer { $0.addNonNames(["Blinken"]) }
        #expect(corpus.quoteIndex !== before)
    }
}
