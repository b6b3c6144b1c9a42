import Foundation

/// Values a corpus computes once and keeps: one per type, made on first use (for example the
/// `QuoteIndex`). A loaded corpus holds one cache; sub-corpora use their root's (`Corpus.root`)
/// so filtering never recomputes anything.
public final class AnnotationCache: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [ObjectIdentifier: AnyObject] = [:]

    /// An empty cache.
    public init() {}

    /// The cached value of type `T`, made by `make` the first time it is asked for.
    public func value<T: AnyObject>(_ type: T.Type = T.self, make: () -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        if let value = values[ObjectIdentifier(type)] as? T { return value }
        let value = make()
        values[ObjectIdentifier(type)] = value
        return value
    }
}
