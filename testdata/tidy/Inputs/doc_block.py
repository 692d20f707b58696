"""Prints the fenced code block that follows `<!-- tested: NAME -->` in a Markdown file, so a test runs
the documentation's own example (docs and test cannot drift apart).  Exit 1 if there is none."""
import sys


def main(path, name):
    lines = open(path, encoding="utf-8").read().splitlines()
    marker = "<!-- tested: %s -->" % name
    for i, line in enumerate(lines):
        if line.strip() != marker:
            continue
        j = i + 1
        while j < len(lines) and not lines[j].startswith("```"):
            j += 1
        k = j + 1
        while k < len(lines) and not lines[k].startswith("```"):
            k += 1
        if k >= len(lines):
            break
        sys.stdout.write("\n".join(lines[j + 1:k]) + "\n")
        return 0
    sys.stderr.write("%s: no code block after %s\n" % (path, marker))
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
