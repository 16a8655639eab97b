// Progressive enhancement only: every journey works without this file.
import { initAll } from "GOVUK_JS";

document.body.classList.add("govuk-frontend-supported");
initAll();

// Suggested articles as the user describes the problem (the same list the no-JS submit shows).
const box = document.querySelector("[data-suggest-for]");
if (box) {
  const field = document.getElementById(box.getAttribute("data-suggest-for"));
  let timer = null;
  let last = "";
  const render = (results) => {
    box.replaceChildren();
    if (!results.length) return;
    const h = document.createElement("h2");
    h.className = "govuk-heading-s";
    h.textContent = "These articles might help";
    const ul = document.createElement("ul");
    ul.className = "govuk-list";
    for (const r of results) {
      const li = document.createElement("li");
      const a = document.createElement("a");
      a.className = "govuk-link";
      a.href = "/kb/" + encodeURIComponent(r.id);
      a.textContent = r.title;
      li.append(a);
      ul.append(li);
    }
    box.append(h, ul);
  };
  field.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(async () => {
      const q = field.value.trim();
      if (q.length < 8 || q === last) return;
      last = q;
      try {
        const res = await fetch("/suggest?q=" + encodeURIComponent(q.slice(0, 500)), {
          headers: { Accept: "application/json" },
          credentials: "same-origin",
        });
        if (res.ok) render((await res.json()).results || []);
      } catch (e) {
        // Suggestions are a nicety: ignore network errors.
      }
    }, 400);
  });
}
