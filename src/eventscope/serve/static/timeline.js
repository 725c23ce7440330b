// The timeline: events per day, stacked by type family, drawn as SVG. Dragging across it picks a
// day range (the brush), which the map page turns into since/until filters.
import { colour } from "./common.js";

const SVG = "http://www.w3.org/2000/svg";
const DAY_MS = 86400000;

function svgEl(tag, attrs = {}) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  return node;
}

function dayNumber(iso) {
  return Math.round(Date.parse(`${iso}T00:00:00Z`) / DAY_MS);
}

function isoDay(n) {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

export class Timeline {
  constructor(svg, onBrush) {
    this.svg = svg;
    this.onBrush = onBrush;
    this.days = [];
    this.brush = null;
    this.dragFrom = null;
    svg.addEventListener("pointerdown", (e) => this.start(e));
    svg.addEventListener("pointermove", (e) => this.move(e));
    svg.addEventListener("pointerup", (e) => this.end(e));
    svg.addEventListener("dblclick", () => this.onBrush(null));
  }

  /** byDay: [{day, acled_type, count}]; selected: [since, until] ISO days or nulls. */
  draw(byDay, selected) {
    const svg = this.svg;
    svg.replaceChildren();
    const width = svg.clientWidth || 800;
    const height = svg.clientHeight || 120;
    this.width = width;
    this.pad = { left: 30, right: 10, top: 8, bottom: 20 };
    if (!byDay.length) {
      svg.append(Object.assign(svgEl("text", { x: 40, y: height / 2, class: "es-axis" }), { textContent: "no events" }));
      this.first = this.last = null;
      return;
    }
    const nums = byDay.map((r) => dayNumber(r.day));
    this.first = Math.min(...nums);
    this.last = Math.max(...nums);
    const stacks = new Map();
    for (const r of byDay) {
      const n = dayNumber(r.day);
      if (!stacks.has(n)) stacks.set(n, []);
      stacks.get(n).push(r);
    }
    const max = Math.max(...[...stacks.values()].map((rs) => rs.reduce((s, r) => s + r.count, 0)));
    const plotH = height - this.pad.top - this.pad.bottom;
    const span = this.last - this.first + 1;
    const barW = (width - this.pad.left - this.pad.right) / span;
    this.barW = barW;
    for (const [n, rows] of stacks) {
      let y = height - this.pad.bottom;
      rows.sort((a, b) => a.acled_type.localeCompare(b.acled_type));
      for (const r of rows) {
        const h = (r.count / max) * plotH;
        y -= h;
        const rect = svgEl("rect", {
          x: this.pad.left + (n - this.first) * barW + 1,
          y,
          width: Math.max(barW - 2, 1),
          height: h,
          fill: colour(r.acled_type),
          class: "es-bar",
          "data-day": r.day,
        });
        const title = svgEl("title");
        title.textContent = `${r.day}: ${r.count} × ${r.type} (${r.acled_type})`;
        rect.append(title);
        svg.append(rect);
      }
    }
    const axis = (x, label, anchor) => {
      const t = svgEl("text", { x, y: height - 5, class: "es-axis", "text-anchor": anchor });
      t.textContent = label;
      svg.append(t);
    };
    axis(this.pad.left, isoDay(this.first), "start");
    if (this.last !== this.first) axis(width - this.pad.right, isoDay(this.last), "end");
    const maxLabel = svgEl("text", { x: 2, y: this.pad.top + 8, class: "es-axis" });
    maxLabel.textContent = String(max);
    svg.append(maxLabel);
    this.brushRect = svgEl("rect", { class: "es-brush", y: this.pad.top, height: plotH, x: 0, width: 0 });
    svg.append(this.brushRect);
    if (selected && (selected[0] || selected[1])) {
      const a = selected[0] ? dayNumber(selected[0]) : this.first;
      const b = selected[1] ? dayNumber(selected[1]) : this.last;
      this.showBrush(this.xOf(a), this.xOf(b + 1));
    }
  }

  xOf(n) {
    return this.pad.left + (n - this.first) * this.barW;
  }

  dayAt(clientX) {
    const box = this.svg.getBoundingClientRect();
    const x = clientX - box.left - this.pad.left;
    const n = this.first + Math.floor(x / this.barW);
    return Math.min(Math.max(n, this.first), this.last);
  }

  showBrush(x1, x2) {
    if (!this.brushRect) return;
    this.brushRect.setAttribute("x", Math.min(x1, x2));
    this.brushRect.setAttribute("width", Math.abs(x2 - x1));
  }

  start(e) {
    if (this.first === null || e.button !== 0) return;
    this.dragFrom = this.dayAt(e.clientX);
    this.svg.setPointerCapture(e.pointerId);
  }

  move(e) {
    if (this.dragFrom === null) return;
    const n = this.dayAt(e.clientX);
    const [a, b] = [Math.min(this.dragFrom, n), Math.max(this.dragFrom, n)];
    this.showBrush(this.xOf(a), this.xOf(b + 1));
  }

  end(e) {
    if (this.dragFrom === null) return;
    const n = this.dayAt(e.clientX);
    const [a, b] = [Math.min(this.dragFrom, n), Math.max(this.dragFrom, n)];
    this.dragFrom = null;
    this.onBrush([isoDay(a), isoDay(b)]);
  }
}
