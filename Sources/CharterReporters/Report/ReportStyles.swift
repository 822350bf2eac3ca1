/// The report's stylesheet: system fonts only (no network), colours with at least 4.5:1
/// contrast for text, charts that scale with the page, tables that scroll on a phone, and a
/// print layout with one program per page and no chart cut in half.
enum ReportStyles {
    static let css = """
    :root { --ink: #1f2937; --muted: #4b5563; --line: #d1d5db; --card: #ffffff; --page: #f3f4f6;
      --planned: #2563eb; --atrisk: #b45309; --done: #15803d; --missed: #b91c1c; --cancelled: #9ca3af; --crit: #7f1d1d; }
    * { box-sizing: border-box; }
    body { margin: 0; background: var(--page); color: var(--ink);
      font: 15px/1.45 -apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif; }
    header.report, main { max-width: 1200px; margin: 0 auto; padding: 0 20px; }
    header.report { padding-top: 24px; }
    h1 { font-size: 1.7rem; margin: 0 0 4px; }
    h2 { font-size: 1.35rem; margin: 0 0 4px; }
    h3 { font-size: 1.05rem; margin: 18px 0 8px; color: var(--ink); }
    .meta, .note { color: var(--muted); font-size: 0.9rem; }
    .note.warn { color: #7f1d1d; background: #fee2e2; padding: 6px 10px; border-radius: 6px; }
    .meta span + span::before { content: " · "; }
    code { font: 0.85em ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
    section.card { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 18px 20px; margin: 18px 0; }
    nav.toc ul { margin: 6px 0 0; padding-left: 20px; columns: 3 16em; }
    .tiles { display: flex; flex-wrap: wrap; gap: 10px; margin: 12px 0; }
    .tile { border: 1px solid var(--line); border-radius: 6px; padding: 6px 12px; min-width: 9em; }
    .tile b { display: block; font-size: 1.15rem; }
    .tile.bad b { color: var(--missed); }
    .tile.good b { color: var(--done); }
    svg { display: block; width: 100%; height: auto; font-family: inherit; }
    svg.heatmap { max-width: 560px; }
    svg.budget { max-width: 720px; }
    .charts { display: flex; flex-wrap: wrap; gap: 24px; }
    .charts > div { flex: 1 1 360px; min-width: 0; }
    .kpis { display: grid; grid-template-columns: repeat(auto-fill, minmax(300px, 1fr)); gap: 16px; }
    .kpis figure { margin: 0; }
    .kpis figcaption { font-size: 0.9rem; }
    .kpis figcaption .note { font-size: 0.85rem; }
    .scroll { overflow-x: auto; -webkit-overflow-scrolling: touch; }
    table { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
    th, td { text-align: left; vertical-align: top; padding: 5px 8px; border-bottom: 1px solid var(--line); }
    th { background: #f9fafb; font-weight: 600; white-space: nowrap; }
    td.num { text-align: right; white-space: nowrap; }
    td.nowrap { white-space: nowrap; }
    .badge { display: inline-block; padding: 0 7px; border-radius: 9px; font-size: 0.8rem; font-weight: 600; white-space: nowrap; }
    .badge.ok { background: #dcfce7; color: #14532d; }
    .badge.bad { background: #fee2e2; color: #7f1d1d; }
    .badge.neutral { background: #e5e7eb; color: #1f2937; }
    .legend { display: flex; flex-wrap: wrap; gap: 14px; font-size: 0.82rem; color: var(--muted); margin: 6px 0 0; padding: 0; list-style: none; }
    .legend i { display: inline-block; width: 14px; height: 10px; margin-right: 5px; vertical-align: middle; border-radius: 2px; }
    .empty-state { color: var(--muted); font-style: italic; }
    /* Gantt */
    .gantt .band { fill: #f9fafb; }
    .gantt .grid { stroke: #e5e7eb; stroke-width: 1; }
    .gantt .month { font-size: 12px; fill: var(--muted); }
    .gantt .label { font-size: 12.5px; fill: var(--ink); }
    .gantt .crit .label { font-weight: 700; fill: var(--crit); }
    .gantt .bar { fill: var(--planned); }
    .gantt .status-at-risk .bar { fill: var(--atrisk); }
    .gantt .status-done .bar { fill: var(--done); }
    .gantt .status-missed .bar, .gantt .overdue .bar { fill: var(--missed); }
    .gantt .status-cancelled .bar { fill: var(--cancelled); }
    .gantt .crit .bar { stroke: var(--crit); stroke-width: 2.5; }
    .gantt .ghost { fill: none; stroke: #6b7280; stroke-width: 1.2; stroke-dasharray: 3 2; }
    .gantt .today line { stroke: #dc2626; stroke-width: 2; }
    .gantt .today text { font-size: 11px; fill: #b91c1c; font-weight: 700; }
    .gantt .target line { stroke: #111827; stroke-width: 1.2; stroke-dasharray: 5 3; }
    .gantt .target text { font-size: 11px; fill: #111827; }
    .gantt .whisker line { stroke: #374151; stroke-width: 1.5; }
    .gantt .whisker.beyond .range { stroke-dasharray: 4 3; }
    .gantt .folded .label { fill: var(--muted); font-style: italic; }
    .legend .l-planned { background: var(--planned); } .legend .l-atrisk { background: var(--atrisk); }
    .legend .l-done { background: var(--done); } .legend .l-overdue { background: var(--missed); }
    .legend .l-crit { background: #fff; border: 2.5px solid var(--crit); }
    .legend .l-ghost { background: #fff; border: 1.2px dashed #6b7280; }
    .legend .l-forecast { background: #fff; height: 0; border-top: 2px solid #374151; }
    .legend .l-today { background: #dc2626; width: 3px; } .legend .l-target { background: #111827; width: 2px; }
    /* Heat map */
    .heatmap .cell rect { stroke: #fff; stroke-width: 2; }
    .heatmap .band-low rect { fill: #bbf7d0; } .heatmap .band-medium rect { fill: #fef08a; }
    .heatmap .band-high rect { fill: #fdba74; } .heatmap .band-critical rect { fill: #fca5a5; }
    .heatmap .empty rect { opacity: 0.45; }
    .heatmap .count { font-size: 20px; font-weight: 700; fill: #111827; }
    .heatmap .ids { font-size: 11px; fill: #1f2937; }
    .heatmap .axis { font-size: 12px; fill: var(--muted); }
    .heatmap .axis-title { font-size: 12px; fill: var(--ink); font-weight: 600; }
    .legend .l-low { background: #bbf7d0; } .legend .l-medium { background: #fef08a; }
    .legend .l-high { background: #fdba74; } .legend .l-critical { background: #fca5a5; }
    /* Budget */
    .budget .label, .budget .value { font-size: 13px; fill: var(--ink); }
    .budget .category rect { fill: #6366f1; }
    .budget .planned rect { fill: #0f766e; } .budget .over rect { fill: var(--missed); }
    .budget .total rect { fill: #9ca3af; }
    .budget .total-line { stroke: #111827; stroke-width: 1.5; stroke-dasharray: 4 3; }
    /* KPI */
    .kpi .plot { fill: #f9fafb; stroke: #e5e7eb; }
    .kpi .trend { fill: none; stroke: var(--planned); stroke-width: 2.5; }
    .kpi .point { fill: var(--planned); }
    .kpi .target { stroke: var(--done); stroke-width: 1.5; stroke-dasharray: 6 3; }
    .kpi .baseline { stroke: #6b7280; stroke-width: 1; stroke-dasharray: 2 3; }
    .kpi .target-label { font-size: 11px; fill: var(--done); } .kpi .baseline-label { font-size: 11px; fill: #4b5563; }
    .kpi .latest { font-size: 12px; font-weight: 600; fill: var(--planned); paint-order: stroke; stroke: #fff; stroke-width: 3px; }
    .kpi .axis, .kpi .empty { font-size: 11px; fill: var(--muted); }
    footer { max-width: 1200px; margin: 0 auto; padding: 8px 20px 40px; color: var(--muted); font-size: 0.85rem; }
    @media (max-width: 640px) {
      body { font-size: 14px; }
      header.report, main { padding: 0 10px; }
      section.card { padding: 12px; }
      .tile { min-width: 7em; }
      .scroll table { min-width: 600px; }
      .changes .scroll table { min-width: 820px; }
      .gantt-wrap { overflow-x: auto; }
      .gantt-wrap svg.gantt { min-width: 640px; }
    }
    @media print {
      body { background: #fff; font-size: 11pt; }
      section.card { border: none; padding: 0; margin: 0 0 12pt; }
      section.program { break-before: page; }
      svg, figure, .tiles, tr { break-inside: avoid; }
      .kpis { grid-template-columns: repeat(3, minmax(0, 1fr)); }
      h2, h3 { break-after: avoid; }
      nav.toc { display: none; }
      .scroll, .gantt-wrap { overflow: visible; }
      .scroll table { min-width: 0; }
      .gantt-wrap svg.gantt { min-width: 0; }
      a { color: inherit; text-decoration: none; }
      /* The footer is one line: never a page of its own. It stays with what ends the report, and
         the last section's bottom margin and the footer's screen padding take no room. */
      main > section:last-child { margin-bottom: 0; }
      footer { break-before: avoid; padding: 4pt 0 0; }
    }
    """
}
