import CharterCore
import Testing
@testable import CharterReporters

@Suite struct ValidationReportersTests {
    @Test func oneReporterPerFormatInOrder() {
        #expect(ValidationReporters.all.map { $0.format } == ValidationFormat.allCases)
        #expect(ValidationFormat.allCases.map(\.rawValue) == ["text", "json", "sarif", "github", "codequality"])
    }

    @Test(arguments: ValidationFormat.allCases)
    func renderUsesTheFormatsReporter(format: ValidationFormat) {
        let reporter = ValidationReporters.reporter(for: format)
        #expect(reporter.format == format)
        let viaRegistry = ValidationReporters.render(Samples.report, as: format, context: Samples.context)
        #expect(viaRegistry == reporter.render(Samples.report, context: Samples.context))
        #expect(viaRegistry.hasSuffix("\n"))
        // Pure: the same input gives the same text.
        #expect(viaRegistry == ValidationReporters.render(Samples.report, as: format, context: Samples.context))
    }

    @Test func formatsParseFromTheirNames() {
        #expect(ValidationFormat(rawValue: "sarif") == .sarif)
        #expect(ValidationFormat(rawValue: "markdown") == nil)
    }
}
