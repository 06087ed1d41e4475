"""Property tests of the linker's agglomeration and of the union-find that splits components.

The heap-based ``_agglomerate`` re-pushes only the links a merge changed; it must merge
exactly as the plain algorithm does: repeatedly merge the pair of groups with the best
average link (ties on the groups' names), never two stored clusters, until no average
reaches the threshold.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from dateline.link_parallel import UnionFind, components
from dateline.linker import _agglomerate, _Group

FAST = settings(max_examples=200, deadline=None)
# Few distinct probabilities, so that equal averages (ties) are common.
PROBABILITIES = st.sampled_from([0.1, 0.3, 0.5, 0.5, 0.7, 0.9, 1.0])


@st.composite
def graphs(draw: st.DrawFn) -> tuple[list[_Group], dict[tuple[int, int], list[float]]]:
    count = draw(st.integers(2, 12))
    names = draw(st.lists(st.text("abcdef", min_size=1, max_size=3), min_size=count,
                          max_size=count, unique=True))  # fmt: skip
    groups = [
        _Group(name=name, members=[i], cluster=f"c{i}" if draw(st.booleans()) else None)
        for i, name in enumerate(names)
    ]
    pairs = [(g, h) for g in range(count) for h in range(g + 1, count)]
    chosen = draw(st.lists(st.sampled_from(pairs), unique=True, max_size=len(pairs)))
    links = {}
    for pair in chosen:
        scores = draw(st.lists(PROBABILITIES, min_size=1, max_size=3))
        links[pair] = [sum(scores), len(scores)]
    return groups, links


def plain_agglomerate(
    groups: list[_Group], links: dict[tuple[int, int], list[float]], threshold: float
) -> list[tuple[list[int], str | None]]:
    """The definition: best average first, ties on names, stored clusters kept apart."""
    members = {i: list(g.members) for i, g in enumerate(groups)}
    names = {i: g.name for i, g in enumerate(groups)}
    clusters = {i: g.cluster for i, g in enumerate(groups)}
    sums = {frozenset(pair): list(link) for pair, link in links.items()}
    while True:
        best = None
        for pair, (total, count) in sums.items():
            g, h = sorted(pair, key=names.__getitem__)
            if clusters[g] is not None and clusters[h] is not None:
                continue
            key = (-total / count, names[g], names[h])
            if total / count >= threshold and (best is None or key < best[0]):
                best = (key, g, h)
        if best is None:
            break
        _, g, h = best
        members[g].extend(members.pop(h))
        clusters[g] = clusters[g] or clusters.pop(h)
        merged: dict[frozenset, list[float]] = {}
        for pair, link in sums.items():
            if pair == frozenset((g, h)):
                continue
            if h in pair:
                (other,) = pair - {h}
                key = frozenset((g, other))
            else:
                key = pair
            if key in merged:  # g's link first, then h's: the sum order of _merge
                if h in pair:
                    merged[key] = [merged[key][0] + link[0], merged[key][1] + link[1]]
                else:
                    merged[key] = [link[0] + merged[key][0], link[1] + merged[key][1]]
            else:
                merged[key] = list(link)
        sums = merged
    return sorted((sorted(m), clusters.get(i)) for i, m in members.items())


@FAST
@given(graphs(), st.sampled_from([0.3, 0.5, 0.7]))
def test_linking_agglomerate_merges_as_the_plain_algorithm(graph, threshold) -> None:
    groups, links = graph
    expected = plain_agglomerate(groups, links, threshold)
    _agglomerate(groups, {pair: list(link) for pair, link in links.items()}, threshold)
    found = sorted((sorted(g.members), g.cluster) for g in groups if g.alive)
    assert found == expected


@FAST
@given(st.lists(st.tuples(st.integers(0, 30), st.integers(0, 30)), max_size=40), st.randoms())
def test_linking_union_find_roots_do_not_depend_on_union_order(edges, random) -> None:
    ordered, shuffled = UnionFind(), UnionFind()
    for first, second in edges:
        ordered.union(first, second)
    mixed = list(edges)
    random.shuffle(mixed)
    for first, second in mixed:
        shuffled.union(second, first)
    items = {item for edge in edges for item in edge}
    assert {i: ordered.find(i) for i in items} == {i: shuffled.find(i) for i in items}
    # Every root is the smallest item of its set.
    for item in items:
        assert ordered.find(item) == min(j for j in items if ordered.find(j) == ordered.find(item))


@FAST
@given(st.lists(st.lists(st.integers(0, 8), max_size=3), max_size=25))
def test_linking_components_partition_the_items(keys) -> None:
    found = components(keys)
    assert sorted(i for part in found for i in part) == list(range(len(keys)))
    part_of = {i: n for n, part in enumerate(found) for i in part}
    for i, mine in enumerate(keys):
        for j, theirs in enumerate(keys):
            if set(mine) & set(theirs):
                assert part_of[i] == part_of[j]
