"""Accessibility checks in the browser: axe-core run inside the page.

The tests fail on any violation of impact "serious" or "critical" against the
WCAG 2.0/2.1 A and AA rules.
"""

from __future__ import annotations

from pathlib import Path

AXE_JS = (Path(__file__).resolve().parent / "vendor" / "axe-core" / "axe.min.js").read_text(encoding="utf-8")
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def axe_violations(dash_duo, impacts=("serious", "critical"), context: str = "document") -> list[dict]:
    driver = dash_duo.driver
    if not driver.execute_script("return typeof window.axe !== 'undefined'"):
        driver.execute_script(AXE_JS)
    result = driver.execute_async_script(
        """
        var done = arguments[arguments.length - 1];
        axe.run(%s, {runOnly: {type: 'tag', values: %s}, resultTypes: ['violations']})
           .then(function (r) { done(r.violations.map(function (v) {
               return {id: v.id, impact: v.impact, help: v.help,
                       nodes: v.nodes.slice(0, 5).map(function (n) { return n.target.join(' ') + ' :: ' + n.failureSummary; })};
           })); })
           .catch(function (e) { done([{id: 'axe-error', impact: 'critical', help: String(e), nodes: []}]); });
        """
        % (context, TAGS)
    )
    return [v for v in result if v["impact"] in impacts]


def describe(violations: list[dict]) -> str:
    return "\n".join(f"{v['impact']}: {v['id']} — {v['help']}\n    " + "\n    ".join(v["nodes"]) for v in violations)
