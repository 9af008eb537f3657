// isnad serve: live reload and the build error overlay. Injected by the
// preview server only; never part of a built site.
(() => {
	"use strict";
	const me = document.currentScript;
	const base = me.dataset.base;     // "/" or "/repo/"
	const page = me.dataset.page;     // "2024/x/index.html": this page in the build
	const hash = me.dataset.hash;     // its hash when served, "" if not in the build
	const scrollKey = "isnad-scroll:" + location.pathname;

	const titles = {
		ar: ["تعذّر بناء الموقع", "ما زالت آخر نسخة سليمة من الموقع معروضة تحت هذه الرسالة، وستختفي الرسالة وحدها بعد الإصلاح.", "إغلاق"],
		en: ["The site failed to build", "The last good build is still served underneath; this goes away by itself once the problem is fixed.", "Close"],
	};
	// For a page made on first use (an outlet page) whose template failed
	// once the build was over: the build is good, this page is not.
	const pageTitles = {
		ar: ["تعذّر إنشاء هذه الصفحة", "فشل قالبها حين طُلبت، وسيبلّغ أمر البناء عن المشكلة نفسها. ستختفي الرسالة وحدها بعد الإصلاح.", "إغلاق"],
		en: ["This page failed to build", "Its template failed when the page was asked for; a build reports the same problem. This goes away by itself once it is fixed.", "Close"],
	};
	const rtl = new Set(["ar", "fa", "ur", "he", "ps", "ckb", "yi", "dv", "sd", "ug"]);

	// Come back to where the reader was before a reload.
	const saved = sessionStorage.getItem(scrollKey);
	if (saved) {
		sessionStorage.removeItem(scrollKey);
		const [x, y] = JSON.parse(saved);
		const go = () => window.scrollTo(x, y);
		if (document.readyState === "complete") go(); else addEventListener("load", go, { once: true });
	}

	function reload() {
		sessionStorage.setItem(scrollKey, JSON.stringify([window.scrollX, window.scrollY]));
		location.reload();
	}

	// A site file path ("assets/isnad.css") for a URL, or null.
	function siteName(url) {
		const u = new URL(url, location.href);
		if (u.origin !== location.origin || !u.pathname.startsWith(base)) return null;
		let p = decodeURIComponent(u.pathname.slice(base.length));
		if (p === "" || p.endsWith("/")) p += "index.html";
		return p;
	}

	// Swap the stylesheets among changed for fresh copies, without a reload:
	// the new one is loaded beside the old, which goes when it is ready.
	function swapCSS(changed) {
		for (const link of document.querySelectorAll('link[rel~="stylesheet"]')) {
			const n = siteName(link.href);
			if (!n || !touches(changed, n)) continue;
			const fresh = link.cloneNode();
			const u = new URL(link.href);
			u.searchParams.set("isnad", Date.now());
			fresh.href = u.href;
			fresh.addEventListener("load", () => link.remove(), { once: true });
			fresh.addEventListener("error", () => link.remove(), { once: true });
			link.after(fresh);
		}
	}

	// touches reports whether name is among changed, where a name ending
	// in "/" stands for every file under that folder.
	function touches(changed, name) {
		if (changed.has(name)) return true;
		for (const c of changed) if (c.endsWith("/") && name.startsWith(c)) return true;
		return false;
	}

	// usesFile reports whether this page loaded a site file (a script, an
	// image, a font): when it changes, the page is reloaded.
	function usesFile(changed) {
		for (const e of performance.getEntriesByType("resource")) {
			const n = siteName(e.name);
			if (n && touches(changed, n) && !n.endsWith(".css")) return true;
		}
		return false;
	}

	function hideOverlay() {
		document.getElementById("isnad-overlay")?.remove();
	}

	function showOverlay(problems, ofPage) {
		hideOverlay();
		const root = document.documentElement;
		const lang = (root.lang || "en").toLowerCase().split("-")[0];
		const dir = root.dir === "rtl" || root.dir === "ltr" ? root.dir : (rtl.has(lang) ? "rtl" : "ltr");
		const set = ofPage ? pageTitles : titles;
		const [title, hint, close] = set[lang] || set.en;
		const el = (tag, props, ...kids) => {
			const e = Object.assign(document.createElement(tag), props);
			e.append(...kids);
			return e;
		};
		const box = el("div", { id: "isnad-overlay", lang, dir, role: "alert" });
		box.setAttribute("style", "position:fixed;inset:0;z-index:2147483647;overflow:auto;" +
			"background:rgba(24,24,27,.94);color:#fafafa;font:15px/1.6 system-ui,sans-serif;" +
			"padding-block:2rem;padding-inline:2rem;text-align:start");
		const btn = el("button", { type: "button", textContent: "×", title: close });
		btn.setAttribute("aria-label", close);
		btn.setAttribute("style", "position:absolute;inset-block-start:1rem;inset-inline-end:1rem;font-size:1.5rem;" +
			"background:none;border:0;color:inherit;cursor:pointer");
		btn.onclick = hideOverlay;
		const list = el("ol", {});
		list.setAttribute("style", "padding-inline-start:1.5rem;margin:0");
		for (const p of problems) {
			const pos = el("code", { textContent: p.pos || "", dir: "ltr" });
			pos.setAttribute("style", "color:#fca5a5;unicode-bidi:isolate");
			const msg = el("span", { textContent: p.msg, dir: "auto" });
			msg.setAttribute("style", "unicode-bidi:isolate");
			const item = el("li", { className: "isnad-problem" }, pos, p.pos ? ": " : "", msg);
			item.setAttribute("style", "margin-block-end:1rem");
			if (p.source !== undefined && p.source !== "") {
				const col = Math.max(1, p.col || 1);
				// The caret under the column; columns count bytes, so
				// count the UTF-8 bytes of the line to place it.
				const bytes = new TextEncoder().encode(p.source);
				const before = new TextDecoder().decode(bytes.slice(0, col - 1));
				const pre = el("pre", { dir: "ltr", textContent: p.line + " | " + p.source + "\n" +
					" ".repeat(String(p.line).length) + " | " + before.replace(/[^\t]/g, " ") + "^" });
				pre.setAttribute("style", "background:#27272a;padding:.5rem .75rem;overflow-x:auto;margin-block:.5rem 0;" +
					"font:13px/1.5 ui-monospace,monospace;unicode-bidi:isolate;text-align:left");
				item.append(pre);
			}
			list.append(item);
		}
		box.append(btn, el("h2", { textContent: title }), el("p", { textContent: hint }), list);
		box.querySelector("h2").setAttribute("style", "margin:0 0 .5rem;font-size:1.4rem;color:#f87171");
		(document.body || root).append(box);
	}

	const problems = JSON.parse(me.dataset.problems || "null");
	const pageProblems = JSON.parse(me.dataset.pageProblems || "null");
	// settle shows what is wrong once a build is good: this page's own
	// problems, or nothing.
	const settle = () => pageProblems ? showOverlay(pageProblems, true) : hideOverlay();
	if (problems || pageProblems) {
		const show = () => problems ? showOverlay(problems) : settle();
		if (document.body) show();
		else addEventListener("DOMContentLoaded", show, { once: true });
	}

	// For people and tests poking at the page: is it connected, and to
	// which build.
	const live = window.isnadLive = { connected: false, build: Number(me.dataset.build) };

	const q = new URLSearchParams({ page, hash });
	const es = new EventSource(base + "__isnad/events?" + q);
	es.addEventListener("error", () => { live.connected = false; });
	es.addEventListener("hello", (e) => {
		const d = JSON.parse(e.data);
		live.connected = true;
		live.build = d.build;
		if (d.reload) return reload();
		if (d.ok) settle(); else showOverlay(d.problems || []);
	});
	es.addEventListener("build", (e) => {
		const d = JSON.parse(e.data);
		live.build = d.build;
		window.dispatchEvent(new CustomEvent("isnad:build", { detail: d }));
		if (!d.ok) return showOverlay(d.problems || []);
		settle();
		const changed = new Set(d.changed);
		if (d.all || touches(changed, page) || usesFile(changed)) return reload();
		swapCSS(changed);
	});
})();
