/// Writes imported milestones into a program's `milestones.yaml`, changing only what changed.
///
/// An entry whose milestone is unchanged keeps its text byte for byte (flow or block style,
/// comments, quoting); a changed one is rewritten in block style with the schema's key order; a
/// removed one goes; a new one is placed after the milestone it follows in the import. Comment
/// and blank lines between entries, and everything before and after the list, stay. A file this
/// cannot edit entry by entry (none yet, a flow-style list, entries not one per `- ` line) is
/// written whole, in the same canonical form.
public enum MilestonesFileEditor {
    public static func render(original: String?, program: Program, imported: MSPDIImport) -> String {
        let before = Dictionary(program.milestones.map { ($0.id.value, $0) }, uniquingKeysWith: { first, _ in first })
        if let original, let layout = EntryLayout(original), !layout.entries.isEmpty {
            return edit(layout, before: before, folder: program.folder, imported: imported)
        }
        return "milestones:\n" + imported.milestones.map { entry($0, folder: program.folder, indent: 1) }.joined()
    }

    private static func edit(_ layout: EntryLayout, before: [String: Milestone], folder: String, imported: MSPDIImport) -> String {
        let replacement = Dictionary(zip(imported.matched, imported.milestones).compactMap { id, milestone in id.map { ($0, milestone) } },
                                     uniquingKeysWith: { first, _ in first })
        // What each existing entry becomes, in file order; new entries are slotted in after.
        var slots: [(id: String?, body: String, trailer: String)] = []
        var written: Set<String> = []
        for entry in layout.entries {
            guard let id = entry.id, written.insert(id).inserted, let milestone = replacement[id] else {
                slots.append((nil, entry.id == nil ? entry.body : "", entry.trailer))
                continue
            }
            let unchanged = before[id].map { sameContent($0, milestone, folder: folder) } ?? false
            slots.append((milestone.id.value, unchanged ? entry.body : self.entry(milestone, folder: folder, indent: layout.indent), entry.trailer))
        }
        var previousSlot: Int? = nil
        for (offset, milestone) in imported.milestones.enumerated() {
            if let id = imported.matched[offset], let slot = slots.firstIndex(where: { $0.id == id }) {
                previousSlot = slot
                continue
            }
            let text = entry(milestone, folder: folder, indent: layout.indent)
            let at = previousSlot.map { $0 + 1 } ?? 0
            slots.insert((milestone.id.value, text, ""), at: at)
            previousSlot = at
        }
        return layout.head + slots.map { $0.body + $0.trailer }.joined() + layout.tail
    }

    /// The fields a milestone carries, compared by value (not by where they were written).
    static func sameContent(_ a: Milestone, _ b: Milestone, folder: String) -> Bool {
        func references(_ milestone: Milestone) -> [QualifiedID] {
            milestone.dependsOn.map { MilestoneNetwork.key($0.value, from: folder) }
        }
        return a.id.value == b.id.value && a.name == b.name && a.workstream?.value == b.workstream?.value
            && a.owner?.value == b.owner?.value && a.start?.value == b.start?.value && a.date?.value == b.date?.value
            && a.status.value == b.status.value && a.doneOn?.value == b.doneOn?.value
            && (a.description ?? "") == (b.description ?? "") && a.deliverables == b.deliverables
            && references(a) == references(b)
    }

    /// One list entry in block style, keys in the schema's order (`status` left out when planned,
    /// its default), indented `indent` levels of two spaces.
    static func entry(_ milestone: Milestone, folder: String, indent: Int) -> String {
        var pairs: [(String, JSONValue)] = [("id", .string(milestone.id.value))]
        if let name = milestone.name { pairs.append(("name", .string(name))) }
        if let workstream = milestone.workstream { pairs.append(("workstream", .string(workstream.value))) }
        if let owner = milestone.owner { pairs.append(("owner", .string(owner.value))) }
        if let start = milestone.start { pairs.append(("start", .string(start.value.description))) }
        if let date = milestone.date { pairs.append(("date", .string(date.value.description))) }
        if milestone.status.value != .planned { pairs.append(("status", .string(milestone.status.value.rawValue))) }
        if let doneOn = milestone.doneOn { pairs.append(("done_on", .string(doneOn.value.description))) }
        if let description = milestone.description, !description.isEmpty { pairs.append(("description", .string(description))) }
        if !milestone.deliverables.isEmpty { pairs.append(("deliverables", .array(milestone.deliverables.map(JSONValue.string)))) }
        if !milestone.dependsOn.isEmpty {
            pairs.append(("depends_on", .array(milestone.dependsOn.map { .string($0.value.description) })))
        }
        return JSONValue.array([.object(pairs)]).yaml(indent: indent)
            // Dates are plain in plan files (the emitter quotes what looks like a date, to keep it text).
            .replacingDateQuotes()
    }
}

private extension String {
    /// `date: "2026-05-01"` → `date: 2026-05-01`, for the date keys only.
    func replacingDateQuotes() -> String {
        split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
            var content = line.drop { $0 == " " }
            if content.hasPrefix("- ") { content = content.dropFirst(2) }
            let lead = line[..<content.startIndex]
            for key in ["start: ", "date: ", "done_on: "] where content.hasPrefix(key + "\"") && content.hasSuffix("\"") {
                let value = content.dropFirst(key.count + 1).dropLast()
                if PlanDate(String(value)) != nil { return lead + key + value }
            }
            return String(line)
        }.joined(separator: "\n")
    }
}

/// Where each entry of the `milestones:` list is in the text, split into lines: the text before
/// the first entry, each entry's lines (with the comment and blank lines after it apart), and
/// the text after the list.
private struct EntryLayout {
    struct Entry {
        var id: String?
        var body: String
        var trailer: String
    }

    var head: String
    var entries: [Entry]
    var tail: String
    /// The entries' indentation in two-space levels (`- ` at column 1 is 0).
    var indent: Int

    init?(_ text: String) {
        guard let root = try? YAMLLoader.load(Array(text.utf8)), let pairs = root.pairs,
              let index = pairs.firstIndex(where: { $0.key.scalarText == "milestones" }),
              let items = pairs[index].value.items, !items.isEmpty else { return nil }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { String($0) + "\n" }
        if text.hasSuffix("\n") { lines.removeLast() } else { lines[lines.count - 1].removeLast() }
        let starts = items.map { $0.position.line - 1 }
        // Each entry starts a line with `- `, all at one indentation, one entry per line.
        guard let dash = lines[starts[0]].firstIndex(where: { $0 != " " }), lines[starts[0]][dash] == "-" else { return nil }
        let column = lines[starts[0]].distance(from: lines[starts[0]].startIndex, to: dash)
        guard column % 2 == 0, zip(starts, starts.dropFirst()).allSatisfy({ $0 < $1 }) else { return nil }
        for start in starts {
            let line = lines[start]
            guard line.count > column + 1, line.prefix(column).allSatisfy({ $0 == " " }),
                  line.dropFirst(column).hasPrefix("- ") || line.dropFirst(column).hasPrefix("-\n") else { return nil }
        }
        var end = lines.count
        if index + 1 < pairs.count {
            end = pairs[index + 1].key.position.line - 1
            // Comments and blank lines before the next key belong to it, not to the last entry.
            while end > starts.last! + 1, Self.isTrailer(lines[end - 1]) { end -= 1 }
        }
        head = lines[..<starts[0]].joined()
        tail = lines[end...].joined()
        indent = column / 2
        entries = []
        for (offset, start) in starts.enumerated() {
            let stop = offset + 1 < starts.count ? starts[offset + 1] : end
            var bodyEnd = stop
            while bodyEnd > start + 1, Self.isTrailer(lines[bodyEnd - 1]) { bodyEnd -= 1 }
            entries.append(Entry(id: items[offset]["id"]?.scalarText, body: lines[start..<bodyEnd].joined(),
                                 trailer: lines[bodyEnd..<stop].joined()))
        }
    }

    private static func isTrailer(_ line: String) -> Bool {
        let content = line.drop { $0 == " " }
        return content.isEmpty || content == "\n" || content.hasPrefix("#")
    }
}
