import Foundation

/// Results computed from a corpus on first use and kept with it (dates, the entity index, a
/// sub-corpus's view of it, quotations, claims), each under a key: a string, or a type.
///
/// Thread-safe: the first caller of a key builds its value while later callers of the same
/// key wait; different keys build independently (so one annotation may ask for another while
/// it builds). A value can be replaced or dropped, e.g. when the gazetteer changes; a value built
/// from others names them (`dependsOn`), and is dropped with them, so an analysis that replaces
/// its result need not know who used it.
public final class AnnotationCache: @unchecked Sendable {
    /// One key's value and the lock that guards its building.
    private final class Slot: @unchecked Sendable {
        let lock = NSLock()
        var value: Any?
    }

    private let lock = NSLock()
    private var slots: [String: Slot] = [:]
    /// For each key, the keys of the values built from it (dropped when it is replaced).
    private var dependents: [String: Set<String>] = [:]

    /// An empty cache.
    public init() {}

    private func slot(_ key: String) -> Slot {
        lock.lock()
        defer { lock.unlock() }
        if let s = slots[key] { return s }
        let s = Slot()
        slots[key] = s
        return s
    }

    /// The value under `key`, built by `build` the first time (or when the stored value has
    /// another type). When `build` throws (its work was stopped), nothing is stored: the next
    /// call builds again, so a stopped build never leaves a half-made value behind.
    public func value<T, E: Error>(_ key: String, build: () throws(E) -> T) throws(E) -> T {
        let s = slot(key)
        s.lock.lock()
        defer { s.lock.unlock() }
        if let v = s.value as? T { return v }
        let v = try build()
        s.value = v
        // An analysis frees its scratch when it is done, much of it in the worker threads'
        // heaps, where the next analysis (run from another thread) does not reuse it: hand it
        // back to the system so it does not stay under every later peak.
        MemoryRelease.trim()
        return v
    }

    /// The value stored under its own type, built by `build` the first time.
    public func value<T, E: Error>(_ type: T.Type, build: () throws(E) -> T) throws(E) -> T {
        try value(String(reflecting: type), build: build)
    }

    /// The value stored under its own type, built by `build` from the values under `keys`: when
    /// one of those is replaced or dropped (`set`), this one is dropped too.
    public func value<T, E: Error>(_ type: T.Type, dependsOn keys: [String],
                                   build: () throws(E) -> T) throws(E) -> T {
        let key = String(reflecting: type)
        lock.lock()
        for k in keys { dependents[k, default: []].insert(key) }
        lock.unlock()
        return try value(key, build: build)
    }

    /// Drops the value stored under a type, so the next use builds it again.
    public func reset<T>(_ type: T.Type) {
        set(String(reflecting: type), Optional<T>.none)
    }

    /// The value under `key` if it has been built.
    public func peek<T>(_ key: String, as type: T.Type = T.self) -> T? {
        let s = slot(key)
        s.lock.lock()
        defer { s.lock.unlock() }
        return s.value as? T
    }

    /// Stores (or, with nil, drops) the value under `key`, and drops every value built from it.
    public func set<T>(_ key: String, _ value: T?) {
        let s = slot(key)
        s.lock.lock()
        s.value = value
        s.lock.unlock()
        lock.lock()
        let built = dependents[key] ?? []
        lock.unlock()
        for k in built.sorted() { set(k, Optional<Any>.none) }
    }
}
