import Dispatch

extension WorkspaceLoader {
    /// What the loading of one unit reads through: its folder's listing and its files' bytes.
    struct UnitAccess {
        let list: (String) throws -> [SourceEntry]?
        let read: (String) -> ReadResult
    }

    /// Lists and reads the units being loaded on several threads: through a reader per thread
    /// when the source can make them (`ConcurrentPlanSource`), else one thread at a time.
    final class UnitReader: @unchecked Sendable {
        /// Below this many units the loader's work is small, and opening a reader per thread (a
        /// repository handle, for git) would cost more than taking turns.
        static let concurrentUnitCount = 64

        private let serial: UnitAccess
        private let makeReader: (() throws -> any PlanFileReader)?
        /// Guards `idle` and `makeReaderFailed`.
        private let lock = DispatchSemaphore(value: 1)
        /// Readers no thread is using: a thread takes one for a unit and puts it back after, so
        /// there are never more readers than threads reading at once. They are freed with this
        /// object, when loading ends: a git reader's handle holds the trees it listed.
        private var idle: [any PlanFileReader] = []
        private var makeReaderFailed = false

        init(_ source: some PlanSource, unitCount: Int) {
            // Serialises the source's use in the serial mode.
            let turn = DispatchSemaphore(value: 1)
            serial = UnitAccess(
                list: { directory in
                    turn.wait()
                    defer { turn.signal() }
                    return try source.entries(in: directory)
                },
                read: { path in
                    turn.wait()
                    defer { turn.signal() }
                    return WorkspaceLoader.read(path, source: source)
                })
            if unitCount >= Self.concurrentUnitCount, let concurrent = source as? any ConcurrentPlanSource {
                makeReader = { try concurrent.makeFileReader() }
            } else {
                makeReader = nil
            }
        }

        /// Runs `body` (the loading of one unit) with the access it reads through.
        func reading<T>(_ body: (UnitAccess) -> T) -> T {
            guard let reader = takeReader() else { return body(serial) }
            defer { putBack(reader) }
            return body(UnitAccess(
                list: { try reader.entries(in: $0) },
                read: { path in WorkspaceLoader.read(path) { try reader.contents(of: $0) } }))
        }

        /// An idle reader, a new one, or `nil` when this source is read one thread at a time
        /// (also when a reader could not be made: the serial path then says what is wrong).
        private func takeReader() -> (any PlanFileReader)? {
            guard let makeReader else { return nil }
            lock.wait()
            if let reader = idle.popLast() { lock.signal(); return reader }
            let failed = makeReaderFailed
            lock.signal()
            if failed { return nil }
            do {
                return try makeReader()
            } catch {
                lock.wait()
                makeReaderFailed = true
                lock.signal()
                return nil
            }
        }

        private func putBack(_ reader: any PlanFileReader) {
            lock.wait()
            idle.append(reader)
            lock.signal()
        }
    }
}
