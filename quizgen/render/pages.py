"""Page plans for exam papers: where to break so that every variant has the same number of pages and the
questions spread evenly over them (no lone question on a last page while space was left earlier). The order
of the blocks never changes; only the breaks move, so the difference is white space at page bottoms."""

from __future__ import annotations


def greedy(heights: list[float], limit: float) -> list[int]:
    """Start index of each page when every page takes blocks while they fit under `limit`."""
    starts, used = [0], 0.0
    for i, h in enumerate(heights):
        if used and used + h > limit:
            starts.append(i)
            used = 0.0
        used += h
    return starts


def fewest_pages(heights: list[float], capacity: float) -> int:
    return len(greedy(heights, capacity))


def balanced(heights: list[float], capacity: float, pages: int) -> list[int]:
    """Start index of each of `pages` pages, the fullest page as empty as possible: the least fill limit under
    which the blocks still fit on `pages` pages (binary search; greedy packing is optimal for a given limit).
    A variant that needs fewer pages gets its tallest pages split so that it still has `pages` pages."""
    if not heights:
        return [0]
    low, high = max(heights), max(capacity, max(heights))
    if len(greedy(heights, high)) > pages:
        return greedy(heights, capacity)  # cannot be done in `pages`: the fewest it can have
    for _ in range(40):
        mid = (low + high) / 2
        if len(greedy(heights, mid)) <= pages:
            high = mid
        else:
            low = mid
    starts = greedy(heights, high)
    while len(starts) < pages:
        ends = starts[1:] + [len(heights)]
        splittable = [(sum(heights[a:b]), k) for k, (a, b) in enumerate(zip(starts, ends)) if b - a > 1]
        if not splittable:
            break
        _, k = max(splittable)
        a, b = starts[k], ends[k]
        half, acc, cut = sum(heights[a:b]) / 2, 0.0, a + 1
        for i in range(a, b - 1):
            acc += heights[i]
            cut = i + 1
            if acc >= half:
                break
        starts.insert(k + 1, cut)
    return starts
