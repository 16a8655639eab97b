// The desk staff's pages: progressive enhancement only; every page works without this file.

// Live preview in the article editor: the server renders and sanitises the Markdown with the same
// renderer as published articles, and this only swaps the returned HTML in.
const editor = document.querySelector("[data-live-preview]");
if (editor) {
  const target = document.getElementById(editor.getAttribute("data-live-preview"));
  const url = target.getAttribute("data-preview-url");
  const csrf = target.getAttribute("data-csrf");
  let timer = null;
  let last = null;
  const refresh = async () => {
    const body = editor.value;
    if (body === last) return;
    last = body;
    try {
      const res = await fetch(url, {
        method: "POST",
        headers: { Accept: "application/json" },
        credentials: "same-origin",
        body: new URLSearchParams({ csrf, body }),
      });
      if (res.ok) target.innerHTML = (await res.json()).html;
    } catch (e) {
      // The Preview button still works: ignore network errors.
    }
  };
  editor.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(refresh, 300);
  });
  refresh();
}
