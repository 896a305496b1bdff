package dev.migrator.transform;

import java.util.ArrayList;
import java.util.List;

/**
 * A path into a DynamoDB item: {@code a.b[0].c}, {@code versions[*].S3Version}. A name holding
 * {@code . [ ] `} is written between backticks: {@code `assetVersionId:commentId`} needs none,
 * {@code `a.b`.c} does.
 */
public record AttributePath(List<Segment> segments, String text) {

    public AttributePath {
        segments = List.copyOf(segments);
    }

    /** One step of a path. */
    public sealed interface Segment permits Name, Index, AllElements {}

    public record Name(String name) implements Segment {}

    public record Index(int index) implements Segment {}

    /** {@code [*]}: every element of a list. */
    public record AllElements() implements Segment {}

    public boolean isTopLevelName() {
        return segments.size() == 1 && segments.get(0) instanceof Name;
    }

    public String topLevelName() {
        return ((Name) segments.get(0)).name();
    }

    public boolean hasWildcard() {
        return segments.stream().anyMatch(s -> s instanceof AllElements);
    }

    @Override
    public String toString() {
        return text;
    }

    /** Parses a path, or throws {@link IllegalArgumentException} naming the column at fault. */
    public static AttributePath parse(String text) {
        if (text == null || text.isEmpty()) {
            throw new IllegalArgumentException("an attribute path cannot be empty");
        }
        List<Segment> segments = new ArrayList<>();
        int i = 0;
        boolean expectName = true;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '[') {
                int close = text.indexOf(']', i);
                if (close < 0 || segments.isEmpty()) {
                    throw bad(text, i, segments.isEmpty() ? "a path starts with a name" : "'[' is never closed");
                }
                String inside = text.substring(i + 1, close);
                segments.add(indexSegment(text, i, inside));
                i = close + 1;
                expectName = false;
            } else if (c == '.') {
                if (expectName) {
                    throw bad(text, i, "a name is missing before '.'");
                }
                i++;
                expectName = true;
                if (i == text.length()) {
                    throw bad(text, i, "a name is missing after '.'");
                }
            } else if (expectName) {
                i = readName(text, i, segments);
                expectName = false;
            } else {
                throw bad(text, i, "expected '.' or '[' here");
            }
        }
        return new AttributePath(segments, text);
    }

    private static Segment indexSegment(String text, int at, String inside) {
        if (inside.equals("*")) {
            return new AllElements();
        }
        if (!inside.matches("\\d{1,9}")) {
            throw bad(text, at, "a list index is a number or *, not '" + inside + "'");
        }
        return new Index(Integer.parseInt(inside));
    }

    private static int readName(String text, int start, List<Segment> out) {
        if (text.charAt(start) == '`') {
            int close = text.indexOf('`', start + 1);
            if (close < 0 || close == start + 1) {
                throw bad(text, start, close < 0 ? "a backtick name is never closed" : "a name cannot be empty");
            }
            out.add(new Name(text.substring(start + 1, close)));
            return close + 1;
        }
        int end = start;
        while (end < text.length() && ".[]`".indexOf(text.charAt(end)) < 0) {
            end++;
        }
        if (end == start) {
            throw bad(text, start, "unexpected '" + text.charAt(start) + "'");
        }
        out.add(new Name(text.substring(start, end)));
        return end;
    }

    private static IllegalArgumentException bad(String text, int column, String why) {
        return new IllegalArgumentException("bad attribute path '" + text + "' at character " + (column + 1) + ": " + why);
    }
}
