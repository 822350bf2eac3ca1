/// The one text table: cells padded to their column's display width (see `displayWidth`),
/// left or right aligned, optionally cut to a maximum width with an ellipsis. The last column
/// is not padded and a row never ends in spaces. Every tabular text output uses it.
public struct TextTable {
    public enum Alignment: Sendable {
        case left
        case right
    }

    public struct Column: Sendable {
        public var alignment: Alignment
        /// Cells wider than this are cut, ending in `…`.
        public var maxWidth: Int?

        public init(_ alignment: Alignment = .left, maxWidth: Int? = nil) {
            self.alignment = alignment
            self.maxWidth = maxWidth
        }
    }

    public var columns: [Column]
    /// Before every row (`"  "` to indent the table).
    public var indent: String
    public var separator: String

    /// `columns` may be shorter than a row: the rest are left aligned and never cut.
    public init(columns: [Column] = [], indent: String = "", separator: String = "  ") {
        self.columns = columns
        self.indent = indent
        self.separator = separator
    }

    /// One line per row. `decorate(row, column, paddedCell)` may wrap a padded cell (in ANSI
    /// colour, say) after the widths are measured.
    public func render(_ rows: [[String]], decorate: ((Int, Int, String) -> String)? = nil) -> [String] {
        let cells = rows.map { row in
            row.enumerated().map { column, cell in
                column < columns.count ? columns[column].maxWidth.map { cell.truncated(toDisplayWidth: $0) } ?? cell : cell
            }
        }
        let count = cells.map(\.count).max() ?? 0
        let widths = (0..<count).map { column in cells.map { column < $0.count ? $0[column].displayWidth : 0 }.max() ?? 0 }
        return cells.enumerated().map { index, row in
            let padded = row.enumerated().map { column, cell -> String in
                let alignment = column < columns.count ? columns[column].alignment : .left
                let text = column == row.count - 1 && alignment == .left ? cell : cell.padded(toDisplayWidth: widths[column], alignment: alignment)
                return decorate?(index, column, text) ?? text
            }
            return (indent + padded.joined(separator: separator)).trimmingTrailingSpaces
        }
    }
}
