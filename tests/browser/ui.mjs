// Drives dossier's web UI in headless Chromium. Usage: node ui.mjs BASE_URL
// The server must hold the NATO example and a hostile article (see cli.rs).
// Exits non-zero with a message on the first failed check.
import { chromium } from "playwright-core";

const base = process.argv[2];
const executablePath = process.env.CHROMIUM || "/usr/bin/chromium";
const browser = await chromium.launch({ executablePath, args: ["--no-sandbox"] });
const page = await browser.newPage();
const outside = [];
page.on("request", r => { if (!r.url().startsWith(base) && !r.url().startsWith("blob:") && !r.url().startsWith("data:")) outside.push(r.url()); });
const errors = [];
page.on("pageerror", e => errors.push(String(e)));
page.on("dialog", d => { errors.push("a dialog opened: " + d.message()); d.dismiss(); });

function check(ok, what) {
  if (!ok) { console.error("FAILED: " + what); process.exitCode = 1; throw new Error(what); }
  console.log("ok: " + what);
}
// Each page is a fresh load (a new query string), so a selector never
// matches what the previous page left behind.
let loads = 0;
async function open(hash, waitFor) {
  await page.goto(base + "/?load=" + (loads++) + hash);
  await page.waitForSelector(waitFor, { timeout: 10000 });
}

try {
  await open("#/?q=Patriot", ".hit");
  check((await page.locator(".hit").count()) >= 1, "search finds the example");

  await open("#/commitments", "table.data tbody tr");
  const rows = await page.locator("table.data tbody tr").allInnerTexts();
  check(rows.some(r => r.includes("Italy") && r.includes("Ukraine") && r.includes("SAMP-T")), "commitments list Italy's SAMP-T for Ukraine");
  await page.fill("input[aria-label='filter rows']", "SAMP-T");
  check((await page.locator("table.data tbody tr").count()) === 1, "the commitments table filters");
  await page.fill("input[aria-label='filter rows']", "");
  await page.locator("th", { hasText: "Donor" }).click();
  const first = await page.locator("table.data tbody tr td").first().innerText();
  check(first.startsWith("Canada"), "the commitments table sorts by donor (first: " + first + ")");

  await open("#/quotes?by=Joe%20Biden", "table.data tbody tr");
  const quotes = await page.locator("table.data tbody tr").allInnerTexts();
  check(quotes.some(q => q.includes("Our allies are looking") && q.includes("Joe Biden")), "a quote shows its speaker, Joe Biden");

  await open("#/conflicts", "table.data tbody tr");
  check((await page.locator("table.data tbody").innerText()).includes("$700 million"), "the conflicting figures are listed");

  await open("#/entity/Jens%20Stoltenberg", "svg.timeline");
  check((await page.locator("h1").innerText()) === "Jens Stoltenberg", "the entity page opens with its timeline");

  const docs = (await (await fetch(base + "/api/search?q=alert")).json()).rows;
  check(docs.length === 1, "the hostile article is stored");
  await open("#/doc/" + docs[0].document, ".doc");
  const text = await page.locator(".doc").innerText();
  check(text.includes("<script>alert('x')</script>"), "markup in an article shows as text");
  check((await page.locator("main script").count()) === 0, "no script element comes from the article");
  const hovered = await page.locator(".doc .quote").first().getAttribute("title");
  check(hovered !== null && hovered.includes("said by"), "a quote names its speaker on hover (" + hovered + ")");

  await open("#/doc/" + (await (await fetch(base + "/api/search?q=Patriot")).json()).rows[0].document, ".doc");
  check((await page.locator(".doc .ent").count()) > 20, "the document page highlights entities");

  check(errors.length === 0, "no script errors or dialogs: " + errors.join("; "));
  check(outside.length === 0, "no request leaves the server: " + outside.join(", "));
} catch (e) {
  if (!process.exitCode) { console.error(e); process.exitCode = 1; }
} finally {
  await browser.close();
}
