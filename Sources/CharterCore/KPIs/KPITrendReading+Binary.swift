// A KPI reading's binary form (`BinaryCodable`), as `charter/kpis.idx` keeps the readings of each
// `kpis.yaml` blob: every field in declaration order, cheaper to read back than JSON. The file's
// version names the build that wrote it, so this order may change freely between builds.

extension KPITrend.Reading: BinaryCodable {
    public func write(to writer: inout BinaryWriter) {
        writer.write(id)
        writer.write(name)
        writer.write(unit)
        writer.write(baseline)
        writer.write(target)
        writer.write(direction?.rawValue)
        writer.write(current)
        writer.write(asOf?.dayNumber)
    }

    public init(from reader: inout BinaryReader) throws {
        id = try reader.read(String.self)
        name = try reader.read(String?.self)
        unit = try reader.read(String?.self)
        baseline = try reader.read(Double?.self)
        target = try reader.read(Double?.self)
        direction = try reader.read(String?.self).map { raw in
            guard let direction = KPI.Direction(rawValue: raw) else { throw BinaryReader.Malformed() }
            return direction
        }
        current = try reader.read(Double?.self)
        asOf = try reader.read(Int?.self).map(PlanDate.init(dayNumber:))
    }
}
