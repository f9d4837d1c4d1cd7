// translit serve: the page's script. Reads the form, asks the JSON API (/convert, /resolve,
// /identify) as the user types, and shows the result; no build step, no dependencies.
"use strict";

(() => {
  const $ = (id) => document.getElementById(id);
  const form = $("form");
  const input = $("input");
  const mode = $("mode");
  const reverse = $("reverse");
  const live = $("live");
  const statusLine = $("status");
  const identified = $("identified");
  const convertedBlock = $("converted-block");
  const converted = $("converted");
  const namesBlock = $("names-block");
  const namesList = $("names");
  const errorLine = $("error");

  const RESOLVE = "@resolve";
  const MAX_NAMES = 1000;
  const IDENTIFY_CHARS = 2000;
  const DELAY_MS = 250;
  const STYLES = [["be", "Belarusian"], ["ru", "Russian"], ["be-lacinka", "Łacinka"], ["en", "English"]];
  const LANGUAGES = { be: "Belarusian Cyrillic", ru: "Russian Cyrillic", uk: "Ukrainian Cyrillic" };

  let timer = 0;
  let generation = 0;
  let controller = null;
  let lineNumbers = []; // resolve mode: the text box's line number of each name sent

  function element(tag, props = {}, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props)) {
      if (key === "dataset") Object.assign(node.dataset, value);
      else if (key in node) node[key] = value;
      else node.setAttribute(key, value);
    }
    node.append(...children.filter((child) => child !== null && child !== undefined));
    return node;
  }

  async function post(path, body, signal) {
    const response = await fetch(new URL(path, document.baseURI), {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
      signal,
    });
    const data = await response.json().catch(() => ({ error: `HTTP ${response.status}` }));
    if (!response.ok) {
      const problem = new Error(data.error || `HTTP ${response.status}`);
      problem.field = data.field;
      throw problem;
    }
    return data;
  }

  function selectedScheme() {
    return mode.options[mode.selectedIndex];
  }

  function schemeName(id) {
    for (const option of mode.options) {
      if (option.value === id) return option.dataset.name || id;
    }
    return id;
  }

  function percent(score) {
    return `${Math.round(score * 100)}%`;
  }

  function showIdentified(guesses) {
    identified.replaceChildren();
    if (!guesses.length) {
      identified.hidden = true;
      return;
    }
    const { name, score } = guesses[0];
    identified.dataset.guess = name;
    if (name in LANGUAGES) {
      identified.append("Input looks like ", element("strong", {}, name), ` (${LANGUAGES[name]}, ${percent(score)}).`);
    } else {
      identified.append("Input looks like Latin written with ", element("strong", {}, name),
        ` (${schemeName(name)}, ${percent(score)}).`);
    }
    identified.hidden = false;
  }

  function forms(entity) {
    if (!entity) return null;
    const list = element("dl", { className: "forms" });
    for (const [style, label] of STYLES) {
      const form = entity.display[style];
      if (!form) continue;
      list.append(element("dt", {}, `${label} (${style})`),
        element("dd", { lang: style === "en" ? "en" : style === "ru" ? "ru" : "be", dataset: { style } }, form));
    }
    return list;
  }

  function showConverted(text, mentions) {
    converted.replaceChildren();
    const chars = Array.from(text); // offsets are in code points
    let position = 0;
    for (const mention of mentions) {
      const { output_start: start, output_end: end } = mention;
      if (start === null || start === undefined || start < position) continue;
      converted.append(chars.slice(position, start).join(""));
      converted.append(element("mark", { className: "name", title: mention.id, dataset: { id: mention.id } },
        chars.slice(start, end).join("")));
      position = end;
    }
    converted.append(chars.slice(position).join(""));
    convertedBlock.hidden = false;
  }

  function showMentions(mentions, entities) {
    namesList.replaceChildren();
    const byId = new Map();
    for (const mention of mentions) {
      if (!byId.has(mention.id)) byId.set(mention.id, { mention, surfaces: new Set() });
      byId.get(mention.id).surfaces.add(mention.surface);
    }
    for (const [id, { mention, surfaces }] of byId) {
      namesList.append(element("li", { dataset: { id } },
        element("strong", {}, [...surfaces].join(", ")), " → ", element("code", { className: "id" }, id),
        " ", element("span", { className: "meta" }, `(${mention.type || "name"})`),
        forms(entities[id])));
    }
    namesBlock.hidden = byId.size === 0;
    return byId.size;
  }

  function showResolutions(results, entities) {
    namesList.replaceChildren();
    let found = 0;
    for (const { query, matches } of results) {
      const best = matches[0];
      const item = element("li", { dataset: { query, id: best ? best.id : "" } }, element("strong", {}, query), " → ");
      if (!best) {
        item.append(element("span", { className: "meta" }, "no match"));
      } else {
        found += 1;
        item.append(element("code", { className: "id" }, best.id), " ",
          element("span", { className: "meta" }, `(${best.type || "name"}, score ${best.score.toFixed(2)}, ${best.via})`));
        const others = matches.filter((match) => match.ambiguous && match.id !== best.id).map((match) => match.id);
        if (best.ambiguous) {
          item.append(element("p", { className: "meta" }, `Ambiguous: as likely ${others.join(", ") || "another id"}.`));
        }
        item.append(forms(entities[best.id]));
      }
      namesList.append(item);
    }
    namesBlock.hidden = results.length === 0;
    return found;
  }

  function clear(message) {
    statusLine.textContent = message;
    identified.hidden = true;
    convertedBlock.hidden = true;
    namesBlock.hidden = true;
    errorLine.hidden = true;
  }

  async function update() {
    window.clearTimeout(timer);
    const mine = ++generation;
    if (controller) controller.abort();
    controller = new AbortController();
    const { signal } = controller;
    const resolving = mode.value === RESOLVE;
    reverse.disabled = resolving;
    const text = input.value;
    if (!text.trim()) {
      clear("Type or paste something above.");
      live.setAttribute("aria-busy", "false");
      return;
    }
    live.setAttribute("aria-busy", "true");
    try {
      const guessing = post("identify", { text: text.slice(0, IDENTIFY_CHARS), limit: 1 }, signal);
      let message;
      if (resolving) {
        const numbered = text.split(/\r?\n/).map((line, i) => [line.trim(), i + 1]).filter(([line]) => line);
        const lines = numbered.slice(0, MAX_NAMES).map(([line]) => line);
        lineNumbers = numbered.map(([, number]) => number);
        const [guess, result] = await Promise.all([guessing, post("resolve", { names: lines, entities: true }, signal)]);
        if (mine !== generation) return;
        showIdentified(guess.guesses);
        convertedBlock.hidden = true;
        const found = showResolutions(result.results, result.entities || {});
        message = `Resolved ${lines.length} name${lines.length === 1 ? "" : "s"}: ${found} matched.`;
      } else {
        const scheme = selectedScheme();
        const back = reverse.checked;
        const request = { text, scheme: scheme.value, reverse: back, best_guess: back, names: true };
        const [guess, result] = await Promise.all([guessing, post("convert", request, signal)]);
        if (mine !== generation) return;
        showIdentified(guess.guesses);
        showConverted(result.text, result.mentions);
        const count = showMentions(result.mentions, result.entities || {});
        const lossy = back && scheme.dataset.reversible !== "yes" ? " (best guess: the scheme is lossy)" : "";
        message = `Converted ${back ? "back from" : "with"} ${scheme.value}${lossy}; ` +
          `${count} name${count === 1 ? "" : "s"} found.`;
      }
      statusLine.textContent = message;
      errorLine.hidden = true;
    } catch (problem) {
      if (problem.name === "AbortError" || mine !== generation) return;
      // "names[3]: 301 characters…" names the fourth name: say which line of the text box it is
      const name = /^names\[(\d+)\]: (.*)$/s.exec(problem.message || "");
      errorLine.textContent = name && lineNumbers[Number(name[1])]
        ? `Error: line ${lineNumbers[Number(name[1])]}: ${name[2]}`
        : `Error: ${problem.message}`;
      errorLine.hidden = false;
      statusLine.textContent = "No result.";
    } finally {
      if (mine === generation) live.setAttribute("aria-busy", "false");
    }
  }

  function later() {
    window.clearTimeout(timer);
    timer = window.setTimeout(update, DELAY_MS);
  }

  input.addEventListener("input", later);
  input.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      update();
    }
  });
  mode.addEventListener("change", update);
  reverse.addEventListener("change", update);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    update();
  });
  reverse.disabled = mode.value === RESOLVE;
  if (input.value.trim()) update(); // text kept by the browser on reload
})();
