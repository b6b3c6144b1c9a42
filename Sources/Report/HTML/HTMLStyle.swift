/// The report's stylesheet, inlined in every HTML report so the file stands alone: system fonts,
/// a readable measure, subtle table striping, and print rules that drop backgrounds and keep
/// tables and charts on one page where possible. Contains no `<` or `&`, so the page stays
/// well-formed XML.
enum HTMLStyle {
    static let css = """
    :root { color-scheme: light; }
    * { box-sizing: border-box; }
    html { -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }
    body { margin: 0; background: #ffffff; color: #1f2328; font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif; font-size: 16px; line-height: 1.55; }
    main { max-width: 960px; margin: 0 auto; padding: 48px 32px 64px; }
    .report-header { border-bottom: 1px solid #d0d7de; padding-bottom: 20px; margin-bottom: 28px; }
    h1 { font-size: 2rem; line-height: 1.2; margin: 0 0 8px; letter-spacing: -0.01em; font-weight: 650; }
    .subtitle { margin: 0; color: #57606a; font-size: 1.1rem; }
    h2 { font-size: 1.4rem; line-height: 1.3; margin: 0 0 16px; padding-bottom: 6px; border-bottom: 1px solid #d8dee4; font-weight: 600; }
    section { margin: 44px 0 0; }
    p { max-width: 72ch; margin: 0 0 16px; }
    a { color: #0a58a8; text-decoration: none; }
    a:hover, a:focus { text-decoration: underline; }
    .toc { background: #f6f8fa; border: 1px solid #d8dee4; border-radius: 8px; padding: 16px 24px 18px; margin: 0 0 8px; }
    .toc h2 { font-size: 0.8rem; text-transform: uppercase; letter-spacing: 0.08em; color: #57606a; border: 0; margin: 0 0 6px; padding: 0; }
    .toc ol { margin: 0; padding-left: 1.5em; }
    .toc li { margin: 3px 0; }
    .table-wrap { overflow-x: auto; margin: 0 0 24px; border: 1px solid #d8dee4; border-radius: 8px; }
    table { border-collapse: collapse; width: 100%; font-size: 0.875rem; line-height: 1.45; font-variant-numeric: tabular-nums; }
    th, td { padding: 7px 12px; text-align: left; vertical-align: top; border-bottom: 1px solid #eaeef2; }
    th { background: #f6f8fa; font-weight: 600; border-bottom: 1px solid #d0d7de; white-space: nowrap; }
    tbody tr:nth-child(even) { background: #f9fafb; }
    tbody tr:last-child td { border-bottom: 0; }
    .num { text-align: right; white-space: nowrap; }
    td.no-rows { color: #57606a; font-style: italic; text-align: center; }
    .table-note { color: #57606a; font-size: 0.85rem; margin: -16px 0 24px; }
    th button.sort { all: inherit; padding: 0; border: 0; background: none; cursor: pointer; }
    th button.sort::after { content: " \\2195"; color: #8c959f; font-weight: 400; }
    th[aria-sort=ascending] button.sort::after { content: " \\2191"; color: #1f2328; }
    th[aria-sort=descending] button.sort::after { content: " \\2193"; color: #1f2328; }
    .table-filter { display: flex; gap: 12px; align-items: center; margin: 0 0 8px; }
    .table-filter input { font: inherit; font-size: 0.875rem; padding: 4px 8px; border: 1px solid #d0d7de; border-radius: 6px; min-width: 16em; }
    .filter-count { color: #57606a; font-size: 0.85rem; }
    figure.chart { margin: 0 0 24px; padding: 12px; border: 1px solid #d8dee4; border-radius: 8px; background: #ffffff; }
    figure.chart svg { display: block; max-width: 100%; height: auto; margin: 0 auto; }
    .report-footer { margin-top: 56px; padding-top: 16px; border-top: 1px solid #d8dee4; color: #57606a; font-size: 0.85rem; }
    @media (max-width: 640px) { main { padding: 24px 16px 40px; } h1 { font-size: 1.6rem; } th, td { padding: 6px 8px; } }
    @page { margin: 16mm; }
    @media print {
      body { font-size: 10.5pt; color: #000000; background: none; }
      main { max-width: none; padding: 0; }
      a { color: inherit; }
      .toc, th, tbody tr:nth-child(even), figure.chart { background: none; }
      .table-filter, th button.sort::after { display: none; content: none; }
      .table-wrap { overflow: visible; }
      table, figure, .table-wrap, tr { break-inside: avoid; page-break-inside: avoid; }
      thead { display: table-header-group; }
      h1, h2 { break-after: avoid; page-break-after: avoid; }
    }
    """
}
