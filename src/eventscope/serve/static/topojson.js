// A minimal TopoJSON -> GeoJSON decoder for world-atlas (quantized arcs; Polygon and MultiPolygon),
// enough to draw country borders without another dependency.

function decodeArcs(topology) {
  const t = topology.transform;
  return topology.arcs.map((arc) => {
    let x = 0;
    let y = 0;
    return arc.map(([dx, dy]) => {
      if (!t) return [dx, dy];
      x += dx;
      y += dy;
      return [x * t.scale[0] + t.translate[0], y * t.scale[1] + t.translate[1]];
    });
  });
}

function ring(arcs, indexes) {
  const points = [];
  for (const index of indexes) {
    const arc = index < 0 ? arcs[~index].slice().reverse() : arcs[index];
    points.push(...(points.length ? arc.slice(1) : arc));
  }
  return points;
}

/** The features of one object (layer) of a topology, as GeoJSON features with id and properties. */
export function features(topology, layer) {
  const arcs = decodeArcs(topology);
  return topology.objects[layer].geometries
    .filter((g) => g.type === "Polygon" || g.type === "MultiPolygon")
    .map((g) => ({
      type: "Feature",
      id: g.id,
      properties: g.properties || {},
      geometry:
        g.type === "Polygon"
          ? { type: "Polygon", coordinates: g.arcs.map((r) => ring(arcs, r)) }
          : { type: "MultiPolygon", coordinates: g.arcs.map((p) => p.map((r) => ring(arcs, r))) },
    }));
}
