import Foundation

/// Results computed from a whole corpus on first use (dates, entities, quotations, claims),
/// kept by the loaded corpus and shared with its sub-corpora.
///
/// Each kind of result is stored under its type; building happens once, under a lock, so two
/// threads asking at once do not build twice.
public final class AnnotationCache: @unchecked Sendable {
    private let lock = NSRecursiveLock()
    private var values: [ObjectIdentifier: Any] = [:]

    public init() {}

    /// The stored value of type `T`, built with `make` the first time.
    public func value<T>(_ type: T.Type = T.self, make: () -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        if let existing = values[ObjectIdentifier(type)] as? T { return existing }
        let made = make()
        values[ObjectIdentifier(type)] = made
        return made
    }

    /// Forgets a stored value (for example after a plugin extended a gazetteer).
    public func reset<T>(_ type: T.Type) {
        lock.lock()
        defer { lock.unlock() }
        values[ObjectIdentifier(type)] = nil
    }
}
