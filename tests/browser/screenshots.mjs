// Screenshots of every page of the web UI at 1400 and 380 px wide, into
// docs/screenshots/. Usage: node screenshots.mjs BASE_URL OUT_DIR
// (scripts/screenshots builds the demo store and runs the server).
import { chromium } from "playwright-core";

const [base, out] = process.argv.slice(2);
const executablePath = process.env.CHROMIUM || "/usr/bin/chromium";
const browser = await chromium.launch({ executablePath, args: ["--no-sandbox"] });
const search = await (await fetch(base + "/api/search?q=Stinger&limit=1")).json();
const doc = search.rows[0].document;
const story = (await (await fetch(base + "/api/stories?limit=1")).json()).stories[0].id;
const pages = [
  ["dashboard", "#/", ".chart"],
  ["search", "#/search?q=%22air%20defence%22%20OR%20Patriot", ".hit"],
  ["events", "#/events?limit=12", "table.data tbody tr"],
  ["entities", "#/entities?limit=15", "table.data tbody tr"],
  ["entity", "#/entity/Ukraine", "svg.timeline"],
  ["stories", "#/stories", ".stories .hit"],
  ["story", "#/story/" + story, "table.data tbody tr"],
  ["quotes", "#/quotes?limit=12", "table.data tbody tr"],
  ["commitments", "#/commitments", "svg.bars"],
  ["conflicts", "#/conflicts", ".conflict"],
  ["document", "#/doc/" + doc, ".doc"],
];
let failed = false;
for (const width of [1400, 380]) {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  for (const [name, hash, ready] of pages) {
    await page.goto(base + "/?shot=" + name + hash);
    try { await page.waitForSelector(ready, { timeout: 10000 }); } catch (e) { console.error(name + ": " + ready + " never appeared"); failed = true; }
    await page.screenshot({ path: `${out}/${name}-${width}.png`, fullPage: true });
    console.log(`${out}/${name}-${width}.png`);
  }
  await page.close();
}
await browser.close();
process.exitCode = failed ? 1 : 0;
