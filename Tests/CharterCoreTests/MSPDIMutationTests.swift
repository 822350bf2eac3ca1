import Foundation
import Testing
@testable import CharterCore

/// Random mutations of MSPDI files never crash `charter import mspdi`'s core: reading
/// (`XMLScanner`, `MSPDIReader`) and mapping (`MSPDIImport`). Every refusal points inside the
/// file. The seed is printed; `CHARTER_FUZZ_SEED` replays it, `CHARTER_FUZZ_ITERATIONS` runs
/// longer (default 1,500).
@Suite struct MSPDIMutationTests {
    static let fragments: [String] = [
        "<", ">", "&", ";", "/", "\"", "'", "=", "]]>", "<![CDATA[", "<!--", "-->", "--", "<?", "?>", "<?xml version=\"1.0\"?>",
        "<!DOCTYPE x [<!ENTITY a \"&a;&a;\">]>", "&a;", "&amp;", "&#0;", "&#x10FFFF;", "&#xD800;", "&#99999999999999999999;",
        "xmlns=\"\"", " xmlns:p=\"urn:p\"", "p:", ":", "<p:Task>", "</p:Task>", "<Task>", "</Task>", "<UID>", "</UID>",
        "<PredecessorLink><PredecessorUID>", "<Type>", "2", "-1", "99999999999999999999", "<OutlineLevel>0</OutlineLevel>",
        "<Summary>1</Summary>", "<Milestone>1</Milestone>", "\r", "\r\n", "\t", "\u{0}", "\u{1}", "é", "😀", "\u{FFFE}",
        String(repeating: "<a>", count: 50), "</Project>", "<Project>",
    ]

    static let seeds: [[UInt8]] = {
        let standard = Array(MSPDIImportTests.standard)
        let utf16: [UInt8] = [0xFF, 0xFE] + String(decoding: standard, as: UTF8.self).utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let withMark: [UInt8] = [0xEF, 0xBB, 0xBF] + standard
        return [standard, utf16, withMark]
    }()

    static func mutate(_ input: [UInt8], using random: inout SplitMix64) -> [UInt8] {
        var bytes = input
        for _ in 0..<Int.random(in: 1...4, using: &random) {
            let at = bytes.isEmpty ? 0 : Int.random(in: 0..<bytes.count, using: &random)
            switch Int.random(in: 0..<7, using: &random) {
            case 0: if !bytes.isEmpty { bytes[at] ^= UInt8(1 << Int.random(in: 0..<8, using: &random)) }
            case 1: if !bytes.isEmpty { bytes[at] = UInt8.random(in: 0...255, using: &random) }
            case 2: bytes.insert(contentsOf: Array(fragments.randomElement(using: &random)!.utf8), at: at)
            case 3: bytes.removeSubrange(at..<min(bytes.count, at + Int.random(in: 1...40, using: &random)))
            case 4: bytes = Array(bytes.prefix(at))
            case 5:
                let from = bytes.isEmpty ? 0 : Int.random(in: 0..<bytes.count, using: &random)
                bytes.insert(contentsOf: bytes[from..<min(bytes.count, from + Int.random(in: 1...200, using: &random))], at: at)
            default:
                // Swap an element name for another one the reader knows.
                let names = ["Task", "Tasks", "UID", "Name", "Resource", "Assignment", "ExtendedAttribute", "Value", "FieldID", "Project"]
                let text = String(decoding: bytes, as: UTF8.self)
                let from = names.randomElement(using: &random)!, to = names.randomElement(using: &random)!
                if let range = text.range(of: from) { bytes = Array(text.replacingCharacters(in: range, with: to).utf8) }
            }
        }
        return bytes
    }

    @Test func randomMutationsNeverCrashAndRefusalsPointIntoTheFile() throws {
        let environment = ProcessInfo.processInfo.environment
        let seed = environment["CHARTER_FUZZ_SEED"].flatMap(UInt64.init) ?? UInt64.random(in: 0...UInt64.max)
        let iterations = environment["CHARTER_FUZZ_ITERATIONS"].flatMap(Int.init) ?? 1_500
        print("MSPDI fuzzing: seed \(seed)")
        var random = SplitMix64(seed: seed)
        let workspace = MSPDIImportTests.workspace()
        var read = 0, refused = 0
        for _ in 0..<iterations {
            let input = Self.mutate(Self.seeds.randomElement(using: &random)!, using: &random)
            let lines = input.count { $0 == 0x0A || $0 == 0x0D } + 1
            do {
                let document = try MSPDIReader.read(Data(input))
                read += 1
                _ = try? MSPDIImport.plan(document, program: "pay", workspace: workspace, path: "plan.xml")
            } catch {
                refused += 1
                #expect(error.position.line >= 1 && error.position.line <= lines && error.position.column >= 1,
                        "seed \(seed): \(error.position) in \(String(decoding: input, as: UTF8.self).debugDescription)")
                #expect(!error.message.isEmpty)
            }
        }
        #expect(read > 0 && refused > 0, "seed \(seed): \(read) read, \(refused) refused")
    }
}
