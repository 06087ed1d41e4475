"""Coreference metrics for event linking: MUC, B³, CEAF-e and their CoNLL average.

The scores come from ``scorch`` (a re-implementation of the CoNLL-2012 reference scorer);
this module only turns a mention -> cluster labelling into the cluster sets it reads.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Mapping

from scorch.scores import b_cubed, ceaf_e, muc


def clusters_of(labels: Mapping[Hashable, Hashable]) -> list[set[Hashable]]:
    """Group mentions by their label: ``{mention: cluster}`` -> list of mention sets."""
    groups: dict[Hashable, set[Hashable]] = {}
    for mention, label in labels.items():
        groups.setdefault(label, set()).add(mention)
    return [groups[k] for k in sorted(groups, key=str)]


def coref_scores(
    key: Mapping[Hashable, Hashable], response: Mapping[Hashable, Hashable]
) -> dict[str, float]:
    """Score a response labelling against the key labelling of the same mentions.

    Args:
        key: gold cluster label of every mention.
        response: predicted cluster label of every mention (the same mentions).

    Returns:
        Recall, precision and F1 of MUC, B³ and CEAF-e (``muc_r``, ``muc_p``, ``muc_f1``...)
        and ``conll_f1``, their F1 average; all fractions.

    Raises:
        ValueError: the two labellings do not cover the same mentions.
    """
    if set(key) != set(response):
        missing = len(set(key) ^ set(response))
        raise ValueError(f"key and response differ on {missing} mention(s)")
    gold, predicted = clusters_of(key), clusters_of(response)
    figures: dict[str, float] = {}
    for name, metric in (("muc", muc), ("b3", b_cubed), ("ceafe", ceaf_e)):
        recall, precision, f1 = metric(gold, predicted)
        figures[f"{name}_r"], figures[f"{name}_p"], figures[f"{name}_f1"] = (
            float(recall),
            float(precision),
            float(f1),
        )
    figures["conll_f1"] = (figures["muc_f1"] + figures["b3_f1"] + figures["ceafe_f1"]) / 3
    return figures


def b_cubed_counts(
    key: Mapping[Hashable, Hashable], response: Mapping[Hashable, Hashable]
) -> tuple[float, float, float]:
    """B³ recall, precision and F1 from the key x response overlap counts, in linear time.

    The same figures as ``coref_scores``' B³ (which compares every key cluster with every
    response cluster); this form scales to the million-mention synthetic benchmark.
    """
    overlap = Counter((key[m], response[m]) for m in key)
    key_size = Counter(key.values())
    response_size = Counter(response.values())
    total = len(key)
    if not total:
        return 0.0, 0.0, 0.0
    recall = sum(n * n / key_size[k] for (k, _), n in overlap.items()) / total
    precision = sum(n * n / response_size[r] for (_, r), n in overlap.items()) / total
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return recall, precision, f1
