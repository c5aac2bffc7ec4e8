"""`fashiondesk learn` and `fashiondesk evaluate-teaching`: the shop classifier from the
command line."""

from __future__ import annotations

import sys


def add_commands(sub) -> None:
    sub.add_parser("learn", help="re-learn from staff categories and re-tag every photo's category")
    p = sub.add_parser("evaluate-teaching", help="accuracy of learning from N staff examples per class")
    p.add_argument("datasets", nargs="+", metavar="DATASET", help="folder of class folders (several are merged)")
    p.add_argument("--shots", default="5,10,20", help="examples per class to try, comma separated (default 5,10,20)")
    p.add_argument("--new", default="", help="classes to treat as new categories the shipped model never learnt")
    p.add_argument("--seeds", type=int, default=3, help="draws of examples per number (default 3)")
    p.add_argument("--keep", metavar="FOLDER", help="keep the evaluation's catalogue here (reused next time)")


def cmd_learn(args, open_catalogue, daily_backup) -> int:
    from fashiondesk.core import services

    catalogue = open_catalogue(args)
    try:
        daily_backup(catalogue)
        taught = services.learn(catalogue)
    finally:
        catalogue.close()
    print(format_teaching(taught))
    return 0


def format_teaching(taught) -> str:
    lines = [f"{taught.describe()}; the categories of {taught.photos} photos made again in {taught.seconds:.1f} s, "
             f"{taught.changed} changed"]
    if taught.examples:
        lines.append("")
        lines.append(f"{'category':24} examples")
        for name, count in taught.categories:
            lines.append(f"{name:24} {count:>8}" + ("" if count else "  (no examples: the shipped model's, with the others')"))
        for name, count in taught.waiting:
            lines.append(f"{name:24} {count:>8}  not suggested yet: {taught.min_examples - count} more needed")
        if taught.accuracy is not None:
            lines.append("")
            lines.append(f"estimated accuracy {taught.accuracy:.3f}: each of {taught.held_out} staff examples predicted "
                         "by what the others taught (5-fold cross-validation). Examples that are corrections are "
                         "the hard photos, so the catalogue as a whole is usually right more often.")
        else:
            lines.append("no accuracy estimate yet: it needs at least 10 staff categories")
    return "\n".join(lines)


def cmd_evaluate_teaching(args) -> int:
    from fashiondesk.core import services

    try:
        shots = [int(s) for s in args.shots.split(",") if s.strip()]
    except ValueError:
        raise services.UserError(f"--shots takes numbers separated by commas, not {args.shots!r}") from None
    if not shots or min(shots) < 1:
        raise services.UserError("--shots needs at least one number of examples, each 1 or more")
    new = [c.strip() for c in args.new.split(",") if c.strip()]
    report = services.evaluate_teaching(args.datasets, shots, new, args.seeds, args.keep,
                                        say=lambda line: print(line, file=sys.stderr))
    print(services.format_teaching_report(report))
    return 0
