// Drives dossier's web UI in headless Chromium. Usage: node ui.mjs BASE_URL
// The server must hold the NATO example, tests/browser/corpus/corpus.jsonl
// and a hostile article (see crates/cli/tests/cli/main.rs). Exits non-zero
// with a message on the first failed check, on any console error, and on
// any request that leaves the server.
import { chromium } from "playwright-core";

const base = process.argv[2];
const executablePath = process.env.CHROMIUM || "/usr/bin/chromium";
const browser = await chromium.launch({ executablePath, args: ["--no-sandbox"] });
const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
const outside = [];
page.on("request", r => { if (!r.url().startsWith(base) && !r.url().startsWith("blob:") && !r.url().startsWith("data:")) outside.push(r.url()); });
const errors = [];
page.on("pageerror", e => errors.push(String(e)));
// Chromium logs an API's expected 400 (a malformed search) or 404 (an
// endpoint this server lacks) as a failed load; every other error counts.
page.on("console", m => { if (m.type() === "error" && !/^Failed to load resource: the server responded with a status of 40[04]/.test(m.text())) errors.push("console: " + m.text()); });
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
const texts = sel => page.locator(sel).allInnerTexts();
const json = async path => (await fetch(base + path)).json();
// Waits until the hash route has drawn something new.
async function navigated(action, waitFor) {
  // The page drawn before carries a mark; the next one is drawn afresh.
  await page.evaluate(() => { document.getElementById("main").firstElementChild.dataset.old = "1"; });
  await action();
  await page.waitForFunction(() => { const f = document.getElementById("main").firstElementChild; return f && !f.dataset.old; }, null, { timeout: 10000 });
  if (waitFor) await page.waitForSelector(waitFor, { timeout: 10000 });
}

try {
  // Dashboard: counts, most-mentioned entities, events by month, conflicts.
  await open("#/", "svg.months");
  check((await page.locator(".card").count()) === 4, "the dashboard shows four counts");
  check((await page.locator("svg.bars rect.bar").count()) >= 5, "the dashboard charts the most-mentioned entities");
  check((await page.locator("svg.months text.tick").allTextContents()).some(t => /^2024-0[3-8]$/.test(t)), "events by month have month labels");
  check((await page.locator("svg.months text.tick").allTextContents()).includes("2024-05"), "a month without events still has its place on the axis");
  check((await page.locator(".conflict").count()) >= 1, "the dashboard lists the newest conflict");
  await navigated(() => page.locator("svg.bars a").first().click(), "svg.timeline");
  check(page.url().includes("#/entity/"), "a bar opens its entity");

  // Search: syntax, highlights, paging, filters, back button.
  await open("#/search?q=%22air%20defence%22%20OR%20Patriot&limit=2", ".hit");
  check((await page.locator(".hit").count()) === 2, "search shows a page of two");
  const searchTotal = await page.locator(".pager .total").first().innerText();
  check(/^rows 1–2 of \d+$/.test(searchTotal), "search shows its true total (" + searchTotal + ")");
  check((await page.locator(".hit mark").count()) >= 2 && !(await texts(".hit p")).some(t => t.includes("[")), "matches are highlighted, not bracketed");
  const firstHit = await page.locator(".hit a").first().innerText();
  await navigated(() => page.locator(".pager a.next").first().click(), ".hit");
  check(page.url().includes("offset=2") && (await page.locator(".pager .total").first().innerText()).startsWith("rows 3–"), "next goes to the second page");
  await navigated(() => page.goBack(), ".hit");
  check((await page.locator(".hit a").first().innerText()) === firstHit, "the back button returns to the first page");
  await open("#/search?q=Ukraine&since=2024-08-01", ".pager");
  check((await texts(".hit .muted")).every(t => t.startsWith("2024-08")), "search filters by date");
  await page.fill("input[name=q]", "Stoltenberg");
  await page.fill("input[name=since]", "");
  await navigated(() => page.click("form.filters button"), ".hit");
  check(page.url().includes("q=Stoltenberg") && !page.url().includes("since="), "a new search replaces the query");
  await open("#/search?q=OR", "p.error");
  check((await page.locator("p.error").innerText()).includes("needs a word"), "a malformed search says why");

  // Events: filters by type and status, paging, sorting, back button.
  await open("#/events?limit=5", "table.data tbody tr");
  const eventsTotal = await page.locator(".pager .total").first().innerText();
  check(/^rows 1–5 of \d+$/.test(eventsTotal), "events page and show their total (" + eventsTotal + ")");
  await page.selectOption("select[name=type]", "AID");
  await navigated(() => page.click("form.filters button"), "table.data tbody tr");
  check(page.url().includes("type=AID"), "the type filter is in the address");
  check((await texts("table.data tbody td[data-label=Type]")).every(t => t === "AID"), "the type filter keeps AID events only");
  await page.selectOption("select[name=status]", "pledged");
  await navigated(() => page.click("form.filters button"), "table.data tbody tr");
  check((await texts("table.data tbody td[data-label=Status]")).every(t => t === "pledged"), "the status filter keeps pledged events");
  await navigated(() => page.goBack(), "table.data tbody tr");
  check(!page.url().includes("status=") && page.url().includes("type=AID"), "the back button undoes the last filter");
  await open("#/events?limit=5", "table.data tbody tr");
  const newest = (await texts("table.data tbody td[data-label=Date]"))[0];
  await navigated(() => page.locator("a.button", { hasText: "Newest first" }).click(), "table.data tbody tr");
  const oldest = (await texts("table.data tbody td[data-label=Date]"))[0];
  check(oldest < newest, "events sort oldest first (" + oldest + " < " + newest + ")");
  await open("#/events?source=Russia", "table.data tbody tr");
  check((await texts("table.data tbody td[data-label=Source]")).every(t => t.includes("Russia")), "the actor filter keeps Russia's events");

  // Entities: the browser (when the server lists entities) and a profile.
  const entityList = await fetch(base + "/api/entities?limit=3");
  await open("#/entities?limit=3", "main h1");
  if (entityList.status === 200) {
    await page.waitForSelector("table.data tbody tr");
    check((await page.locator("table.data tbody tr").count()) === 3, "the entity browser pages");
    check(/of \d+/.test(await page.locator(".pager .total").first().innerText()), "the entity browser shows its total");
  } else {
    check((await page.locator("main p.muted").innerText()).includes("no entity list"), "without /api/entities the browser says so");
  }
  await open("#/entity/Ukraine", "svg.timeline");
  check((await page.locator("h1").innerText()) === "Ukraine", "the entity profile opens");
  const ticks = await page.locator("svg.timeline text.tick").allTextContents();
  check(ticks.includes("2024-04") && ticks.includes("2024-08"), "the timeline's axis spans the whole range (" + ticks.join(" ") + ")");
  check((await page.locator("svg.timeline rect.bar").count()) >= 5, "the timeline has a bar per day");
  check((await page.locator("main").innerText()).includes("Also called: Kyiv"), "the profile lists aliases");
  check((await page.locator("h2", { hasText: "as source" }).count()) === 1 && (await page.locator("h2", { hasText: "as target" }).count()) === 1, "events as source and as target");
  check((await page.locator("h2", { hasText: "Quotes about" }).count()) === 1, "quotes about the entity");
  const targets = page.locator("section", { has: page.locator("h2", { hasText: "as target" }) });
  check(/^rows 1–10 of \d+$/.test(await targets.locator(".pager .total").innerText()), "the profile's lists page with their totals");
  await navigated(() => targets.locator("a.next").click(), "svg.timeline");
  check(page.url().includes("etoffset=10") && (await page.locator("section", { has: page.locator("h2", { hasText: "as target" }) }).locator(".pager .total").innerText()).startsWith("rows 11–"), "one list of the profile goes to its next page");
  await navigated(() => page.goBack(), "svg.timeline");
  check(!page.url().includes("etoffset"), "the back button returns to the first page of the list");
  await open("#/entity/Jens%20Stoltenberg", "svg.timeline");
  check((await texts("td[data-label=Quote]")).some(q => q.includes("There is no way")), "quotes by a person");

  // Stories (when the server groups them).
  await open("#/stories", "main h1");
  const stories = await fetch(base + "/api/stories");
  if (stories.status === 200) {
    await page.waitForSelector(".stories .hit");
    check((await page.locator(".stories .hit").count()) >= 1, "stories are listed");
    check(/\d/.test(await page.locator(".pager .total").first().innerText()), "the story list shows its total");
    await navigated(() => page.locator(".stories .hit a").first().click(), "table.data tbody tr");
    check(page.url().includes("#/story/") && (await page.locator("table.data tbody tr").count()) >= 1, "a story lists its documents");
    await navigated(() => page.goBack(), ".stories .hit");
    check(page.url().endsWith("#/stories"), "the back button returns to the stories");
  } else check((await page.locator("main").innerText()).includes("no stories"), "without /api/stories the page says so");

  // Quotes.
  await open("#/quotes?by=Joe%20Biden", "table.data tbody tr");
  check((await texts("table.data tbody tr")).some(q => q.includes("Our allies are looking") && q.includes("Joe Biden")), "a quote shows its speaker, Joe Biden");

  // Commitments: totals per currency, a chart, filters, sorting.
  await open("#/commitments", "svg.bars");
  check((await page.locator("h2", { hasText: "in USD" }).count()) === 1, "the chart compares donors in one currency");
  check((await texts("table.data tbody tr")).some(r => r.includes("Japan") && r.includes("4,500,000,000") && r.includes("USD")), "totals by donor in each currency");
  const rows = await texts("table.data tbody tr");
  check(rows.some(r => r.includes("Italy") && r.includes("Ukraine") && r.includes("SAMP-T")), "commitments list Italy's SAMP-T for Ukraine");
  const all = page.locator("section", { hasText: "Every commitment" });
  await all.locator("input[aria-label='filter rows']").fill("SAMP-T");
  check((await all.locator("table.data tbody tr").count()) === 2, "the commitments table filters");
  await all.locator("input[aria-label='filter rows']").fill("");
  await all.locator("th", { hasText: "Donor" }).click();
  check((await all.locator("table.data tbody td").first().innerText()).startsWith("Canada"), "the commitments table sorts by donor");
  await open("#/commitments?donor=Japan", "table.data tbody tr");
  check((await all.locator("td[data-label=Donor]").allInnerTexts()).every(d => d.includes("Japan")), "the donor filter keeps Japan's commitments");

  // Conflicts: both sides, each with its text and document.
  await open("#/conflicts", ".conflict");
  check((await page.locator(".conflict").first().innerText()).includes("$700 million"), "the conflicting figures are listed");
  check((await page.locator(".conflict").first().locator(".side").count()) >= 2, "a conflict shows both sides");
  check((await page.locator(".conflict .side blockquote").first().innerText()).includes("$700 million"), "each side shows its text");

  // Documents: colours per entity type with a legend, speakers and event types in view, facts.
  const nato = (await json("/api/search?q=Stinger%20Zelenskyy&limit=1")).rows[0].document;
  await open("#/doc/" + nato, ".doc");
  check((await page.locator(".doc .ent").count()) > 20, "the document page highlights entities");
  const legend = await page.locator(".legend .key").allInnerTexts();
  check(["PERSON", "ORG", "GPE"].every(t => legend.some(k => k.startsWith(t))), "the legend names the entity types (" + legend.join(", ") + ")");
  const colours = await page.evaluate(() => [".t-PERSON", ".t-ORG", ".t-GPE"].map(s => getComputedStyle(document.querySelector(".doc " + s)).backgroundColor));
  check(new Set(colours).size === 3, "entity types have distinct colours");
  check(await page.locator(".doc .badge.speaker").first().isVisible(), "speakers are visible, not only on hover");
  check(await page.locator(".doc .badge[class*=ev-]").first().isVisible(), "event types are visible in the text");
  check((await page.locator("aside.facts").innerText()).includes("Events ("), "the side panel lists the facts found");

  // A hostile document stays text.
  const docs = (await json("/api/search?q=alert")).rows;
  check(docs.length === 1, "the hostile article is stored");
  await open("#/doc/" + docs[0].document, ".doc");
  check((await page.locator(".doc").innerText()).includes("<script>alert('x')</script>"), "markup in an article shows as text");
  check((await page.locator("main script").count()) === 0, "no script element comes from the article");
  const hovered = await page.locator(".doc .quote").first().getAttribute("title");
  check(hovered !== null && hovered.includes("said by"), "a quote names its speaker on hover (" + hovered + ")");

  // Phone width: no page scrolls sideways.
  await page.setViewportSize({ width: 380, height: 800 });
  for (const [hash, ready] of [["#/", "svg.months"], ["#/events", "table.data"], ["#/commitments", "svg.bars"], ["#/conflicts", ".conflict"], ["#/entity/Ukraine", "svg.timeline"], ["#/doc/" + nato, ".doc"], ["#/quotes", "table.data"]]) {
    await open(hash, ready);
    const wide = await page.evaluate(() => document.documentElement.scrollWidth);
    check(wide <= 381, hash + " fits 380 px (" + wide + ")");
  }

  check(errors.length === 0, "no script or console errors, no dialogs: " + errors.join("; "));
  check(outside.length === 0, "no request leaves the server: " + outside.join(", "));
} catch (e) {
  if (!process.exitCode) { console.error(e); process.exitCode = 1; }
} finally {
  await browser.close();
}
