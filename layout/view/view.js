// newslayout overlay view (layout/writers/view.py): page buttons, zoom and pan of the page
// pane, and stories tied across the two panes through their data-story attribute.
(() => {
  "use strict";
  const pane = document.getElementById("pagepane");
  const views = [...pane.querySelectorAll(".view-page")];
  const texts = [...document.querySelectorAll("#text > section")];
  const $ = (id) => document.getElementById(id);
  let current = 0, zoom = 1, selected = null, drag = null, dragged = false;

  // Zoom 1 shows the whole page; (cx, cy), a point of the pane, stays where it is.
  function setZoom(z, cx = pane.clientWidth / 2, cy = pane.clientHeight / 2) {
    const view = views[current], stage = view.querySelector(".stage");
    if (!stage) return;
    const w = +view.dataset.width, h = +view.dataset.height;
    const fit = Math.min((pane.clientWidth - 16) / w, (pane.clientHeight - 16) / h);
    const fx = (pane.scrollLeft + cx - stage.offsetLeft) / (stage.offsetWidth || 1);
    const fy = (pane.scrollTop + cy - stage.offsetTop) / (stage.offsetHeight || 1);
    zoom = Math.min(16, Math.max(0.5, z));
    stage.style.width = w * fit * zoom + "px";
    stage.style.height = h * fit * zoom + "px";
    pane.scrollLeft = stage.offsetLeft + fx * stage.offsetWidth - cx;
    pane.scrollTop = stage.offsetTop + fy * stage.offsetHeight - cy;
    $("zoom").textContent = Math.round(zoom * 100) + "%";
  }

  function show(i) {
    current = Math.max(0, Math.min(views.length - 1, i));
    views.forEach((v, k) => { v.hidden = k !== current; });
    texts.forEach((t, k) => { t.hidden = k !== current; });
    $("pageno").textContent = `${current + 1} / ${views.length}`;
    $("prev").disabled = current === 0;
    $("next").disabled = current === views.length - 1;
    select(null);
    setZoom(1);
  }

  const each = (id, f) => document.querySelectorAll(`[data-story="${CSS.escape(id)}"]`).forEach(f);

  function select(id) {
    if (selected) each(selected, (e) => e.classList.remove("sel"));
    selected = id === selected ? null : id;
    document.body.classList.toggle("picking", selected !== null);
    if (selected) each(selected, (e) => {
      e.classList.add("sel");
      e.scrollIntoView({block: "nearest", inline: "nearest"});
    });
  }

  function hover(event, on) {
    const story = event.target.closest("[data-story]");
    if (story) each(story.dataset.story, (e) => e.classList.toggle("hot", on));
  }

  document.addEventListener("mouseover", (e) => hover(e, true));
  document.addEventListener("mouseout", (e) => hover(e, false));
  document.addEventListener("click", (e) => {
    if (dragged || e.target.closest("#bar")) return;
    const story = e.target.closest("[data-story]");
    if (story) select(story.dataset.story);
    else if (pane.contains(e.target)) select(null);
  });
  pane.addEventListener("wheel", (e) => {
    e.preventDefault();
    const r = pane.getBoundingClientRect();
    setZoom(zoom * Math.exp(-e.deltaY / 400), e.clientX - r.left, e.clientY - r.top);
  }, {passive: false});
  document.addEventListener("pointerdown", (e) => {
    dragged = false;
    if (pane.contains(e.target)) drag = {x: e.clientX, y: e.clientY, left: pane.scrollLeft, top: pane.scrollTop};
  });
  window.addEventListener("pointermove", (e) => {
    if (!drag) return;
    const dx = e.clientX - drag.x, dy = e.clientY - drag.y;
    dragged = dragged || Math.abs(dx) + Math.abs(dy) > 4;
    if (dragged) {
      pane.scrollLeft = drag.left - dx;
      pane.scrollTop = drag.top - dy;
    }
  });
  window.addEventListener("pointerup", () => { drag = null; });
  window.addEventListener("resize", () => setZoom(zoom));
  $("prev").onclick = () => show(current - 1);
  $("next").onclick = () => show(current + 1);
  $("zoomin").onclick = () => setZoom(zoom * 1.5);
  $("zoomout").onclick = () => setZoom(zoom / 1.5);
  $("fit").onclick = () => setZoom(1);
  show(0);
})();
