// copydesk's page: the draft is checked as it is typed (after a short pause), its faults are
// marked in place and listed with their reasons, and fixes are applied in the browser from the
// edits the server sends. Offsets from the server are counted in UTF-16 units, as here.
"use strict";

const $ = (id) => document.getElementById(id);
const draft = $("draft");
const state = { findings: [], checked: null, seq: 0, fileName: "", crlf: false, timer: 0, maxBody: 2 * 1024 * 1024,
  housesListed: false, lastShown: "", word: null };  // word: a Word draft's .docx, base64
const WAIT_MS = 300;  // the pause in typing after which the draft is checked
const SEVERITY = { error: "Error", warning: "Warning", info: "Note" };
const VISIBLE = { " ": "\u00b7", "\u00a0": "\u237d", "\t": "\u2192", "\u200b": "\u00a4", "\u200c": "\u00a4",
  "\u200d": "\u00a4", "\u2060": "\u00a4", "\ufeff": "\u00a4", "\u202f": "\u237d", "\u2007": "\u237d" };

function token() { return sessionStorage.getItem("copydesk-token") || ""; }

function headers() {
  const h = { "Content-Type": "application/json" };
  if (token()) h.Authorization = "Bearer " + token();
  return h;
}

function say(text, bad) {
  const s = $("status");
  s.textContent = text;
  s.classList.toggle("bad", !!bad);
}

async function call(method, path, body) {
  const res = await fetch(path, { method, headers: headers(), body: body ? JSON.stringify(body) : undefined });
  let data = null;
  try { data = await res.json(); } catch (e) { data = null; }
  if (res.status === 401) {
    $("token-box").hidden = false;
    $("token").focus();
    throw new Error(token() ? "the access token is not right: enter it again above"
      : "this server asks for an access token: enter it above");
  }
  if (!res.ok && !(res.status === 500 && data && data.files)) {
    throw new Error(data && data.error ? data.error.message : "the server answered " + res.status);
  }
  return { status: res.status, data };
}

function ask() {
  if (state.word) {
    const body = { docx: state.word, path: state.fileName.slice(-200) };
    if ($("house").value) body.house = $("house").value;
    return body;
  }
  const body = { text: draft.value };
  if ($("house").value) body.house = $("house").value;
  if ($("kind").value) body.kind = $("kind").value;
  if (state.fileName) body.path = state.fileName.slice(-200);
  return body;
}

async function check() {
  const seq = ++state.seq;
  const text = draft.value;
  const began = performance.now();
  try {
    const { status, data } = await call("POST", "v1/check", ask());
    if (seq !== state.seq) return;  // an older answer: the draft has changed since
    if (state.word) replaceDraft(data.text);  // a Word draft: its text as read
    show(state.word ? data.text : text, data.files[0].findings);
    const ms = Math.round(performance.now() - began);
    if (status === 500) say("One check failed on this draft: " + data.error.message, true);
    else say(summary(data.summary) + " Checked in " + ms + " ms.");
  } catch (e) {
    if (seq !== state.seq) return;
    show(null, []);  // nothing stale is left to fix or show
    say("The draft could not be checked: " + e.message, true);
  }
}

// Whether the findings shown are those of the draft as it is now; if not, it is checked again
// and the writer told, so that nothing is done at offsets the typing has moved.
async function current() {
  if (state.checked !== null && draft.value === state.checked) return true;
  await check();
  if (state.checked !== null) say("The draft changed since it was checked, so it has been checked again: try once more.");
  return false;
}

function summary(s) {
  if (!s.findings) return "No faults found.";
  const parts = [];
  for (const k of ["error", "warning", "info"]) {
    if (s[k]) parts.push(s[k] + " " + SEVERITY[k].toLowerCase() + (s[k] === 1 ? "" : "s"));
  }
  return parts.join(", ") + (s.fixable ? "; " + s.fixable + " with a safe fix." : ".");
}

function schedule() {
  clearTimeout(state.timer);
  state.timer = setTimeout(check, WAIT_MS);
}

function show(text, findings) {
  state.checked = text;
  state.findings = findings;
  renderMarked(text || "", findings);
  renderList(findings);
  $("fix-all").disabled = !findings.some((f) => f.fix && f.fix.safe);
  $("count").textContent = "(" + findings.length + ")";
}

// The draft with each finding's characters in a <mark>: the text is cut at every start and end,
// and each piece is marked with the findings that cover it.
function renderMarked(text, findings) {
  const box = $("marked");
  box.textContent = "";
  const cuts = new Set([0, text.length]);
  findings.forEach((f) => { cuts.add(f.start_utf16); cuts.add(f.end_utf16); });
  const points = [...cuts].sort((a, b) => a - b);
  const rank = { error: 3, warning: 2, info: 1 };
  const empty = findings.map((f, i) => [f, i]).filter(([f]) => f.start_utf16 === f.end_utf16);
  for (let k = 0; k < points.length; k++) {
    const at = points[k];
    for (const [f, i] of empty) {
      if (f.start_utf16 === at) box.appendChild(markFor([i], "\u2038", f.severity, true));
    }
    if (k + 1 === points.length) break;
    const piece = text.slice(at, points[k + 1]);
    const over = [];
    findings.forEach((f, i) => { if (f.start_utf16 <= at && f.end_utf16 >= points[k + 1] && f.end_utf16 > f.start_utf16) over.push(i); });
    if (!over.length) { box.appendChild(document.createTextNode(piece)); continue; }
    const worst = over.map((i) => findings[i].severity).sort((a, b) => rank[b] - rank[a])[0];
    const blank = piece.trim() === "" || [...piece].every((c) => c in VISIBLE || c === "\n" || c === "\r");
    const shown = blank ? [...piece].map((c) => VISIBLE[c] || c).join("") : piece;
    box.appendChild(markFor(over, shown, worst, blank));
  }
  filter();
}

function markFor(ids, shown, severity, blank) {
  const m = document.createElement("mark");
  m.className = severity + (blank ? " blank" : "");
  m.textContent = shown;
  m.dataset.findings = ids.join(" ");
  m.dataset.severities = [...new Set(ids.map((i) => state.findings[i].severity))].join(" ");
  m.title = ids.map((i) => state.findings[i].message).join("\n");
  m.tabIndex = 0;
  m.setAttribute("role", "button");
  m.addEventListener("click", () => focusFinding(ids[0]));
  m.addEventListener("keydown", (e) => {
    if (e.key === "Enter" || e.key === " ") { e.preventDefault(); focusFinding(ids[0]); }
  });
  return m;
}

function renderList(findings) {
  const list = $("findings");
  list.textContent = "";
  findings.forEach((f, i) => {
    const li = document.createElement("li");
    li.id = "f" + i;
    li.className = f.severity;
    li.tabIndex = -1;
    const head = document.createElement("div");
    head.innerHTML = '<span class="sev"></span> <span class="where"></span> <code class="rule"></code>';
    head.querySelector(".sev").textContent = SEVERITY[f.severity];
    head.querySelector(".where").textContent = state.word ? "paragraph " + f.line + ", character " + f.column
      : "line " + f.line + ", column " + f.column;
    head.querySelector(".rule").textContent = f.rule;
    const msg = document.createElement("p");
    msg.className = "message";
    msg.textContent = f.message;
    li.append(head, msg);
    if (f.excerpt.trim()) {
      const found = document.createElement("p");
      found.innerHTML = 'Found: <span class="found"></span>';
      found.querySelector(".found").textContent = f.excerpt.length > 120 ? f.excerpt.slice(0, 117) + "\u2026" : f.excerpt;
      li.appendChild(found);
    }
    if (f.suggestions.length) {
      const sug = document.createElement("p");
      sug.textContent = "Suggestion: " + f.suggestions.map((s) => "\u201c" + s + "\u201d").join(" or ");
      li.appendChild(sug);
    }
    const tools = document.createElement("div");
    tools.className = "tools";
    const go = document.createElement("button");
    go.type = "button";
    go.textContent = "Show in the draft";
    go.addEventListener("click", () => select(f));
    tools.appendChild(go);
    if (f.fix && !state.word) {  // a Word draft's fixes are all written at once, as tracked changes
      const fix = document.createElement("button");
      fix.type = "button";
      fix.className = "apply";
      fix.textContent = f.fix.safe ? "Apply fix" : "Apply fix (check it)";
      fix.addEventListener("click", () => applyOne(f));
      tools.appendChild(fix);
      if (!f.fix.safe) {
        const warn = document.createElement("span");
        warn.className = "unsafe";
        warn.textContent = "This fix may change the meaning: read it after applying.";
        tools.appendChild(warn);
      }
    }
    li.appendChild(tools);
    list.appendChild(li);
  });
}

function focusFinding(i) {
  const li = $("f" + i);
  if (!li) return;
  document.querySelectorAll("mark.current").forEach((m) => m.classList.remove("current"));
  document.querySelectorAll("mark").forEach((m) => {
    if (m.dataset.findings.split(" ").includes(String(i))) m.classList.add("current");
  });
  li.scrollIntoView({ block: "nearest" });
  li.focus();
}

async function select(f) {
  if (!(await current())) return;
  draft.focus();
  draft.setSelectionRange(f.start_utf16, Math.max(f.start_utf16, f.end_utf16));
}

function applyEdits(text, edits) {
  const sorted = [...edits].sort((a, b) => b.start_utf16 - a.start_utf16);
  for (const e of sorted) text = text.slice(0, e.start_utf16) + e.text + text.slice(e.end_utf16);
  return text;
}

function replaceDraft(text) {
  draft.value = text;
  clearTimeout(state.timer);
}

async function applyOne(f) {
  if (!(await current())) return;  // typed since the check: its offsets are stale
  replaceDraft(applyEdits(draft.value, f.fix.edits));
  await check();
  say("Fix applied (" + f.rule + "). " + $("status").textContent);
}

async function applyAll() {
  const seq = ++state.seq;  // an answer to an earlier check must not land over this one
  const sent = draft.value;
  try {
    const body = ask();
    if (state.word && $("annotate").checked) body.annotate = true;
    const { status, data } = await call("POST", "v1/fix", body);
    if (state.word && seq === state.seq) {
      state.word = data.docx;
      replaceDraft(data.text);
      show(data.text, data.files[0].findings);
      const n = data.applied;
      say((n ? n + " fault" + (n === 1 ? "" : "s") + " fixed as tracked changes" : "Nothing to fix safely")
        + (body.annotate ? ", the rest added as comments" : "") + ": download the Word draft to review them. "
        + summary(data.summary), status === 500);
      return;
    }
    if (seq !== state.seq || draft.value !== sent) {
      say("The draft changed while it was being fixed, so nothing was replaced: apply the fixes again.");
      schedule();
      return;
    }
    replaceDraft(data.text);
    show(data.text, data.files[0].findings);
    const n = data.applied;
    say(status === 500 ? "One check failed on this draft: " + data.error.message
      : (n ? n + " fault" + (n === 1 ? "" : "s") + " fixed. " : "Nothing to fix safely. ") + summary(data.summary), status === 500);
  } catch (e) {
    if (seq === state.seq) say("The fixes could not be applied: " + e.message, true);
  }
}

function kindFor(name) {
  const ext = name.toLowerCase().split(".").pop();
  return { md: "markdown", markdown: "markdown", html: "html", htm: "html", txt: "text" }[ext] || "";
}

function wordMode(on) {
  draft.readOnly = on;
  $("word-note").hidden = !on;
  $("annotate-box").hidden = !on;
  $("kind").disabled = on;
  if (!on) state.word = null;
}

function openFile(file) {
  if (!file) return;
  if (/\.doc$/i.test(file.name)) {
    say("That is an old Word file (.doc): open it in Word and save it as .docx, then open that.", true);
    return;
  }
  if (file.size > state.maxBody) {
    say("That file is over " + Math.floor(state.maxBody / 1024) + " KB, the most this server takes.", true);
    return;
  }
  if (/\.docx$/i.test(file.name)) {
    const most = Math.floor((state.maxBody - 4096) * 3 / 4);  // it travels in base64, a third larger
    if (file.size > most) {
      say("That Word file is over " + Math.floor(most / 1024) + " KB, the most this server takes in a Word draft.", true);
      return;
    }
    const bin = new FileReader();
    bin.onload = () => {
      const bytes = new Uint8Array(bin.result);
      let s = "";
      for (let k = 0; k < bytes.length; k += 0x8000) s += String.fromCharCode.apply(null, bytes.subarray(k, k + 0x8000));
      state.word = btoa(s);
      state.fileName = file.name;
      wordMode(true);
      replaceDraft("");
      check();
    };
    bin.onerror = () => say("The file could not be read.", true);
    bin.readAsArrayBuffer(file);
    return;
  }
  wordMode(false);
  const reader = new FileReader();
  reader.onload = () => {
    const text = String(reader.result).replace(/^\ufeff/, "");
    state.fileName = file.name;
    state.crlf = text.includes("\r\n");  // the box keeps "\n" only; the download puts them back
    $("kind").value = kindFor(file.name);
    replaceDraft(text);
    check();
  };
  reader.onerror = () => say("The file could not be read.", true);
  reader.readAsText(file, "utf-8");
}

function download() {
  const name = state.fileName || "draft.txt";
  if (state.word) {
    const raw = atob(state.word);
    const bytes = new Uint8Array(raw.length);
    for (let k = 0; k < raw.length; k++) bytes[k] = raw.charCodeAt(k);
    const type = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    save(URL.createObjectURL(new Blob([bytes], { type })), name);
    return;
  }
  const text = state.crlf ? draft.value.replace(/\n/g, "\r\n") : draft.value;
  save(URL.createObjectURL(new Blob([text], { type: "text/plain;charset=utf-8" })), name);
}

function save(url, name) {
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
  say("Downloaded as " + name + ".");
}

async function copy() {
  try {
    await navigator.clipboard.writeText(draft.value);
  } catch (e) {
    draft.select();
    document.execCommand("copy");
  }
  say("The draft is copied.");
}

// The severities unticked are hidden from the list; a stretch of the draft stays marked while any
// finding on it is of a severity still shown, and takes the colour of the worst of those.
function filter() {
  const hidden = new Set();
  document.querySelectorAll("#filter input").forEach((box) => {
    document.body.classList.toggle("hide-" + box.value, !box.checked);
    if (!box.checked) hidden.add(box.value);
  });
  document.querySelectorAll("#marked mark").forEach((m) => {
    const left = m.dataset.severities.split(" ").filter((s) => !hidden.has(s));
    const worst = ["error", "warning", "info"].find((s) => left.includes(s));
    m.classList.remove("error", "warning", "info", "off");
    m.classList.add(worst || "off");
    m.tabIndex = worst ? 0 : -1;
  });
}

async function houses() {
  if (state.housesListed) return;
  try {
    const { data } = await call("GET", "v1/rules");
    const sel = $("house");
    state.housesListed = true;
    state.maxBody = data.max_body || state.maxBody;
    sel.options[0].textContent = "The server's (" + data.house + ")";
    for (const h of data.houses) {
      const o = document.createElement("option");
      o.value = h;
      o.textContent = h.charAt(0).toUpperCase() + h.slice(1);
      sel.appendChild(o);
    }
  } catch (e) {
    say("The house styles could not be listed: " + e.message, true);
  }
}

draft.addEventListener("input", () => {
  if (draft.value === "") {  // a new draft: the last file's name and format no longer apply
    state.fileName = "";
    state.crlf = false;
    $("kind").value = "";
  }
  schedule();
});
["house", "kind"].forEach((id) => $(id).addEventListener("change", check));
$("file").addEventListener("change", (e) => openFile(e.target.files[0]));
const carriesFile = (e) => e.dataTransfer && [...e.dataTransfer.types].includes("Files");
draft.addEventListener("dragover", (e) => {
  if (!carriesFile(e)) return;  // text dragged within the box moves as usual
  e.preventDefault();
  draft.classList.add("drop");
});
draft.addEventListener("dragleave", () => draft.classList.remove("drop"));
draft.addEventListener("drop", (e) => {
  if (!carriesFile(e)) return;
  e.preventDefault();
  draft.classList.remove("drop");
  openFile(e.dataTransfer.files[0]);
});
$("fix-all").addEventListener("click", applyAll);
$("new-draft").addEventListener("click", () => {
  wordMode(false);
  state.fileName = "";
  replaceDraft("");
  show(null, []);
  say("");
  draft.focus();
});
$("copy").addEventListener("click", copy);
$("download").addEventListener("click", download);
$("filter").addEventListener("change", filter);
$("token").addEventListener("change", () => {
  sessionStorage.setItem("copydesk-token", $("token").value);
  houses();
  check();
});
houses();
