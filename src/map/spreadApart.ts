/**
 * Moves overlapping circles apart (pure: screen pixels in, pixel offsets out), so the emphasised
 * places of a story, which are never clustered, do not hide one another (Arkhangelsk and its
 * region). A few rounds of pushing each overlapping pair apart along the line between them.
 */
export interface Circle {
  x: number;
  y: number;
  r: number;
}

export function spreadApart(circles: readonly Circle[], gap = 2, rounds = 8): [number, number][] {
  const at = circles.map((c) => ({ x: c.x, y: c.y }));
  for (let round = 0; round < rounds; round++) {
    let moved = false;
    for (let i = 0; i < circles.length; i++) {
      for (let j = i + 1; j < circles.length; j++) {
        const a = at[i]!;
        const b = at[j]!;
        let dx = b.x - a.x;
        let dy = b.y - a.y;
        let d = Math.hypot(dx, dy);
        const want = circles[i]!.r + circles[j]!.r + gap;
        if (d >= want) continue;
        if (d < 1e-6) {
          // Same point: apart along a fixed direction that differs per pair.
          const angle = ((i * 7 + j * 3) % 8) * (Math.PI / 4);
          [dx, dy, d] = [Math.cos(angle), Math.sin(angle), 1];
        }
        const push = (want - d) / 2;
        a.x -= (dx / d) * push;
        a.y -= (dy / d) * push;
        b.x += (dx / d) * push;
        b.y += (dy / d) * push;
        moved = true;
      }
    }
    if (!moved) break;
  }
  return at.map((p, i) => [p.x - circles[i]!.x, p.y - circles[i]!.y]);
}
