import CharterCore
import Foundation
import Testing
@testable import CharterReporters

/// Validates charter's SARIF against the official OASIS SARIF 2.1.0 JSON schema (errata 01),
/// kept in `Fixtures/`, with Python's `jsonschema`.
@Suite struct SARIFSchemaTests {
    static let schemaPath = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()
        .appendingPathComponent("Fixtures/sarif-schema-2.1.0.json")
        .path

    /// `python3` with `jsonschema` is on this machine.
    static let validatorAvailable: Bool = (try? python(["-c", "import jsonschema"]))?.status == 0

    /// Validates the file named by argv[2] against the schema at argv[1], with `uri` and
    /// `uri-reference` checked by RFC 3986's grammar (jsonschema checks them only with extra packages).
    static let script = #"""
        import json, re, sys, jsonschema
        checker = jsonschema.FormatChecker()
        char = r"(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9A-Fa-f]{2})"
        def uri_reference(value):
            return not isinstance(value, str) or re.fullmatch(char + "*(?:#" + char + "*)?", value) is not None
        def uri(value):
            return not isinstance(value, str) or (re.match(r"[A-Za-z][A-Za-z0-9+.\-]*:", value) is not None and uri_reference(value))
        checker.checks("uri-reference")(uri_reference)
        checker.checks("uri")(uri)
        with open(sys.argv[1]) as f: schema = json.load(f)
        with open(sys.argv[2]) as f: document = json.load(f)
        jsonschema.Draft4Validator.check_schema(schema)
        errors = list(jsonschema.Draft4Validator(schema, format_checker=checker).iter_errors(document))
        for error in errors:
            print("/".join(str(p) for p in error.absolute_path) + ": " + error.message)
        print("valid" if not errors else "invalid")
        sys.exit(1 if errors else 0)
        """#

    struct Outcome {
        var status: Int32
        var output: String
    }

    static func python(_ arguments: [String]) throws -> Outcome {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3"] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(status: process.terminationStatus, output: String(decoding: data, as: UTF8.self))
    }

    static func validate(_ sarif: String) throws -> Outcome {
        let file = FileManager.default.temporaryDirectory
            .appendingPathComponent("charter-\(UUID().uuidString).sarif")
        try Data(sarif.utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        return try python(["-c", script, schemaPath, file.path])
    }

    @Test func schemaFixtureIsTheOASISSchema() throws {
        let schema = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: Self.schemaPath))) as? [String: Any])
        #expect(schema["$schema"] as? String == "http://json-schema.org/draft-04/schema#")
        #expect(schema["id"] as? String == "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json")
        #expect((schema["definitions"] as? [String: Any])?.count == 52)
    }

    @Test(.enabled(if: validatorAvailable, "needs python3 with jsonschema"))
    func sampleReportIsValidSARIF() throws {
        var context = Samples.context
        context.pathPrefix = "plans/acme, q3: #1"   // characters a URI must encode
        let outcome = try Self.validate(Samples.render(.sarif, context: context))
        #expect(outcome.status == 0, "\(outcome.output)")
        #expect(outcome.output.hasSuffix("valid\n"))
    }

    @Test(.enabled(if: validatorAvailable, "needs python3 with jsonschema"))
    func emptyReportAndBareContextAreValidSARIF() throws {
        let outcome = try Self.validate(Samples.render(.sarif, Samples.empty, context: ReportContext()))
        #expect(outcome.status == 0, "\(outcome.output)")
        let unknownRule = ValidationReport(diagnostics: [
            Diagnostic(ruleID: "brand-new-rule", severity: .warning,
                       location: SourceLocation(path: "a b/people.yaml", line: 1, column: 1), message: "new",
                       notes: [Diagnostic.Note("x", at: SourceLocation(path: "a b/people.yaml")),
                               Diagnostic.Note("x", at: SourceLocation(path: "a b/people.yaml"))]),
        ])
        let second = try Self.validate(Samples.render(.sarif, unknownRule, context: ReportContext()))
        #expect(second.status == 0, "\(second.output)")
    }

    /// The harness itself must be able to say no.
    @Test(.enabled(if: validatorAvailable, "needs python3 with jsonschema"))
    func validatorRejectsBrokenSARIF() throws {
        let valid = Samples.render(.sarif)
        let broken = [
            valid.replacingOccurrences(of: "\"startLine\" : 12", with: "\"startLine\" : 0")
                .replacingOccurrences(of: "\"startLine\": 12", with: "\"startLine\": 0"),
            valid.replacingOccurrences(of: "acme%20pay", with: "acme pay"),
            valid.replacingOccurrences(of: "\"level\" : \"warning\"", with: "\"level\" : \"minor\"")
                .replacingOccurrences(of: "\"level\": \"warning\"", with: "\"level\": \"minor\""),
            valid.replacingOccurrences(of: "\"version\" : \"2.1.0\"", with: "\"version\" : \"2.0.0\"")
                .replacingOccurrences(of: "\"version\": \"2.1.0\"", with: "\"version\": \"2.0.0\""),
        ]
        for document in broken {
            #expect(document != valid)
            let outcome = try Self.validate(document)
            #expect(outcome.status != 0, "\(outcome.output)")
        }
    }
}
