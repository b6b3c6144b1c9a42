/// Reads the date an input field gives as a calendar day (ISO `YYYY-MM-DD`): ISO 8601 with any
/// time and zone, `YYYY/MM/DD`, `YYYYMMDD`, Unix time, and written dates in the languages the
/// page date parser knows (`June 18, 2023`, `18 juin 2023`).
enum FieldDate {
    static func iso(_ written: String) -> String? {
        HTMLDateParser.parseValue(written) ?? HTMLDateParser.parseText(written, minYear: 1800)
    }
}
