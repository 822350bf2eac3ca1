import Foundation

/// Reads the bytes of an MSPDI file into an `MSPDIDocument` with charter's own XML reader
/// (`XMLScanner`): no file system, no libxml2, no regular expressions. Malformed XML is
/// refused with the line and column of the first error; a well-formed file whose root is not
/// `<Project>` is refused too. A DOCTYPE is refused, so no entity is ever expanded.
public enum MSPDIReader {
    public static func read(_ data: Data) throws(MSPDIError) -> MSPDIDocument {
        var scanner = XMLScanner(data)
        var collector = MSPDICollector()
        do {
            while let event = try scanner.next() { try collector.take(event) }
        } catch let error as XMLError {
            throw MSPDIError(position: error.position, message: error.reason.isEncoding ? "\(error.reason)" : "malformed XML: \(error.reason)")
        } catch let error as MSPDIError {
            throw error
        } catch {
            throw MSPDIError(position: .start, message: "\(error)")
        }
        return collector.document
    }
}

/// Why an MSPDI file cannot be read or imported, and where it says so (1-based line and
/// column of the element): malformed XML, a link charter cannot express, a cycle.
public struct MSPDIError: Error, Hashable, Sendable, CustomStringConvertible {
    public var position: TextPosition
    public var message: String

    public init(position: TextPosition, message: String) {
        self.position = position
        self.message = message
    }

    public var description: String { message }
}
