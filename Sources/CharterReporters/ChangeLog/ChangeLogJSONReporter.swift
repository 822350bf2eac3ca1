import CharterCore
import Foundation

/// `charter changes --format json`: an array of records in the brief's shape, plus more keys.
public enum ChangeLogJSONReporter: ChangeLogReporter {
    public static let format = ChangeLogFormat.json

    public static func render(_ records: [ChangeRequest], context: ChangeLogContext) -> String {
        encode(records.map(ChangeLogDocument.record))
    }

    static func encode(_ value: some Encodable) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .withoutEscapingSlashes, .sortedKeys]
        // Every value is a string, number, bool or null: encoding cannot fail.
        let data = (try? encoder.encode(value)) ?? Data("[]".utf8)
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}

/// `charter changes --format yaml`, and the record files `--write` keeps in changes/.
public enum ChangeLogYAMLReporter: ChangeLogReporter {
    public static let format = ChangeLogFormat.yaml

    public static func render(_ records: [ChangeRequest], context: ChangeLogContext) -> String {
        let json = ChangeLogJSONReporter.encode(records.map(ChangeLogDocument.record))
        return (JSONValue(parsing: json) ?? .array([])).yaml()
    }

    /// One record as a YAML file of its own.
    public static func recordFile(_ record: ChangeRequest) -> String {
        let json = ChangeLogJSONReporter.encode(ChangeLogDocument.record(record))
        return "# Change request \(record.id), written by `charter changes --write` from commit \(record.commit).\n"
            + "# Regenerated from git history: edit the commit's notes (charter approve), not this file.\n"
            + (JSONValue(parsing: json) ?? .object([])).yaml()
    }
}
