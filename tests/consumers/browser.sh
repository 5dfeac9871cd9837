#!/usr/bin/env bash
# Headless Chromium loads our SVGs in a page and reads what a reader gets: each node's link and
# tooltip. Xi Jinping links to his Wikidata page; an event's tooltip holds its date. In the
# full view a quote's tooltip holds its class, its words and its source; in the overview,
# where quotes are folded into their speaker, every statement is in its speaker's tooltip.
# Usage: browser.sh KGEXPORT
. "$(dirname "$0")/../lib.sh"
bin=$1
browser=$(first_command chromium chromium-browser) ||
  skip_or_fail "chromium is not installed (scripts/install-deps.sh test installs it)"
"$bin" -q -f svg -o "$tmp/overview.svg"
"$bin" -q -f svg --view full -o "$tmp/full.svg"
{
  echo '<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>'
  sed '1,/<svg/{/<svg/!d}' "$tmp/overview.svg" # the SVG elements themselves, inline
  sed '1,/<svg/{/<svg/!d}' "$tmp/full.svg"
  cat <<'HTML'
<pre id="out"></pre>
<script>
  const rows = [];
  document.querySelectorAll('svg').forEach((svg, view) => {
    for (const a of svg.querySelectorAll('a')) {
      const href = a.getAttribute('href') || a.getAttributeNS('http://www.w3.org/1999/xlink', 'href') || '';
      const title = a.getAttributeNS('http://www.w3.org/1999/xlink', 'title') || a.getAttribute('title') || '';
      rows.push({view: view ? 'full' : 'overview', href, title});
    }
  });
  document.getElementById('out').textContent = JSON.stringify(rows);
</script></body></html>
HTML
} >"$tmp/page.html"
timeout 60 "$browser" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --user-data-dir="$tmp/profile" --dump-dom "file://$tmp/page.html" >"$tmp/dom.html" 2>"$tmp/err" ||
  fail "chromium failed: $(tail -3 "$tmp/err")"
/usr/bin/python3 - "$tmp/dom.html" <<'PY'
import html, json, re, sys
dom = open(sys.argv[1], encoding="utf-8").read()
m = re.search(r'<pre id="out">(.*?)</pre>', dom, re.S)
if not m:
    sys.exit("FAIL: the page's script left no result")
rows = json.loads(html.unescape(m.group(1)))
def find(pred, what):
    hits = [r for r in rows if pred(r)]
    if not hits:
        sys.exit(f"FAIL: no link or tooltip {what}")
    return hits[0]
xi = find(lambda r: "/xi-jinping" in r["title"] and "kg:Person" in r["title"], "for Xi Jinping")
if xi["href"] != "https://www.wikidata.org/wiki/Q15031":
    sys.exit(f"FAIL: Xi Jinping links to {xi['href']!r}")
q = find(lambda r: r["view"] == "full" and "quote-wang-yi-red-line" in r["title"],
         "for the red-line quote in the full view")
for part in ("kg:Quote", "crossed a red line", "source: Trump and Xi discuss Taiwan"):
    if part not in q["title"]:
        sys.exit(f"FAIL: the quote's tooltip lacks {part!r}: {q['title']!r}")
call = find(lambda r: "/call-2025-11-24" in r["title"] and "kg:PhoneCall" in r["title"], "for the call")
if "2025-11-24" not in call["title"]:
    sys.exit(f"FAIL: the call's tooltip has no date: {call['title']!r}")
# the overview: no quote drawn, every statement in its speaker's tooltip
if any(r["view"] == "overview" and "kg:Quote" in r["title"].split(";")[0] for r in rows):
    sys.exit("FAIL: the overview draws a quote")
wang = find(lambda r: r["view"] == "overview" and "/wang-yi;" in r["title"], "for Wang Yi in the overview")
for part in ("crossed a red line", "resolutely respond"):
    if part not in wang["title"]:
        sys.exit(f"FAIL: Wang Yi's tooltip in the overview lacks his words {part!r}")
linked = sum(1 for r in rows if r["href"].startswith("https://www.wikidata.org/wiki/Q"))
print(f"browser: {len(rows)} links and tooltips read by Chromium, {linked} to Wikidata")
PY
