/// Renders a `ReportTable` in the formats analysts hand on: an aligned terminal table, a GitHub
/// markdown table, RFC 4180 CSV and JSON. Every renderer is deterministic: the same table always
/// gives the same text.
public enum TableFormat {}
