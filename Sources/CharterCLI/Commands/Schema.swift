import ArgumentParser
import CharterCore

struct Schema: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the JSON Schema (draft-07) of the plan files, for editors.",
        discussion: """
        With a KIND, prints that file's schema; without, one document with every kind under definitions. \
        'charter schema jsonl' prints the schema of every line of 'charter export --format jsonl'. \
        --output DIR writes one <kind>.schema.json per kind. See docs/format.md for editor set-up.
        """
    )

    @Argument(help: ArgumentHelp("One of: \(PlanFileKind.allCases.map(\.rawValue).joined(separator: ", ")); or \(Self.jsonLines) for the export's lines.", valueName: "kind"))
    var kind: String?

    @Option(help: ArgumentHelp("Write one schema file per kind into this folder.", valueName: "dir"))
    var output: String?

    @Flag(help: "Print the field reference as markdown (the tables in docs/format.md) instead of JSON Schema.")
    var markdown = false

    func validate() throws {
        if let kind, kind != Self.jsonLines, PlanFileKind(rawValue: kind) == nil {
            let names = PlanFileKind.allCases.map(\.rawValue)
            throw ValidationError("no file kind '\(kind)'\(Suggestion.didYouMean(kind, in: names)); kinds: \(names.joined(separator: ", "))")
        }
    }

    /// Not a plan file: the lines of `charter export --format jsonl`.
    static let jsonLines = "jsonl"

    func run() throws {
        if kind == Self.jsonLines {
            guard output == nil, !markdown else { throw ValidationError("'charter schema jsonl' prints one schema; it takes no --output or --markdown") }
            Terminal.write(PortfolioSchema.schema().rendered())
            return
        }
        if markdown {
            Terminal.write(FormatReference.markdown())
            return
        }
        if let output {
            do {
                for kind in PlanFileKind.allCases {
                    let path = output + "/" + JSONSchemaGenerator.fileName(for: kind)
                    try FileSystem.writeAtomically(JSONSchemaGenerator.schema(for: kind).rendered() + "\n", to: path)
                    Terminal.write("wrote \(path)")
                }
            } catch {
                Terminal.error("cannot write schemas to \(output): \(FileSystem.describe(error))")
                throw ExitCode(2)
            }
            return
        }
        let document = kind.flatMap(PlanFileKind.init(rawValue:)).map(JSONSchemaGenerator.schema(for:)) ?? JSONSchemaGenerator.bundle()
        Terminal.write(document.rendered())
    }
}
