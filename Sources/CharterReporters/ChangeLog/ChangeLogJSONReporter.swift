import CharterCore
import Foundation

/// `charter changes --format json`: an array of records in the brief's shape, plus more keys
/// (`ChangeLogDocument`), written straight from the records (`ChangeLogJSONWriter`).
public enum ChangeLogJSONReporter: ChangeLogReporter {
    public static let format = ChangeLogFormat.json

    public static func render(_ records: [ChangeRequest], context: ChangeLogContext) -> String {
        String(decoding: renderUTF8(records, context: context), as: UTF8.self)
    }

    public static func renderUTF8(_ records: [ChangeRequest], context: ChangeLogContext) -> [UInt8] {
        var bytes = ChangeLogJSONWriter.document(records, context: context)
        bytes.append(10)
        return bytes
    }
}

/// `charter changes --format yaml`, and the record files `--write` keeps in changes/.
public enum ChangeLogYAMLReporter: ChangeLogReporter {
    public static let format = ChangeLogFormat.yaml

    public static func render(_ records: [ChangeRequest], context: ChangeLogContext) -> String {
        JSONValue.array(records.map { record in
            identifiedFirst(tree(ChangeLogDocument.record(record, lessons: context.lessons.map { _ in context.lessons(for: record) },
                                                          notify: context.notify[record.id])))
        }).yaml()
    }

    /// One record as a YAML file of its own.
    public static func recordFile(_ record: ChangeRequest, notify: NotifyList? = nil) -> String {
        "# Change request \(record.id), written by `charter changes --write` from commit \(record.commit).\n"
            + "# Regenerated from git history: edit the commit's notes (charter approve), not this file.\n"
            + identifiedFirst(tree(ChangeLogDocument.record(record, notify: notify))).yaml()
    }

    /// The record as JSON reports show it (sorted keys, explicit nulls), as a tree.
    private static func tree(_ record: ChangeLogDocument.Record) -> JSONValue {
        do {
            return try JSONValueEncoder().encode(record)
        } catch {
            // Records hold only strings, numbers and flags; encoding them cannot fail.
            preconditionFailure("encoding a change request failed: \(error)")
        }
    }

    /// A reader looks for which CR and commit first: those keys lead, the rest stay sorted.
    static func identifiedFirst(_ record: JSONValue) -> JSONValue {
        guard case .object(let pairs) = record else { return record }
        let leading = ["id", "commit", "title", "date"]
        let first = leading.compactMap { key in pairs.first { $0.0 == key } }
        return .object(first + pairs.filter { !leading.contains($0.0) })
    }
}
