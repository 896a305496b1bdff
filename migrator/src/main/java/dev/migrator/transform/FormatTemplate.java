package dev.migrator.transform;

import java.util.ArrayList;
import java.util.List;

/**
 * A string template such as {@code "{prefix}{assetId}/"}: literal text and {@code {name}} placeholders,
 * each naming a declared value or an attribute path of the item. {@code {{} and {@code }}} are literal braces.
 */
public record FormatTemplate(String text, List<Part> parts) {

    public FormatTemplate {
        parts = List.copyOf(parts);
    }

    public sealed interface Part permits Literal, Placeholder {}

    public record Literal(String text) implements Part {}

    public record Placeholder(String name) implements Part {}

    public List<String> placeholderNames() {
        return parts.stream().filter(p -> p instanceof Placeholder).map(p -> ((Placeholder) p).name()).toList();
    }

    public static FormatTemplate parse(String text) {
        List<Part> parts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if ((c == '{' || c == '}') && i + 1 < text.length() && text.charAt(i + 1) == c) {
                literal.append(c);
                i += 2;
            } else if (c == '{') {
                int close = text.indexOf('}', i);
                if (close < 0) {
                    throw new IllegalArgumentException("'{' at character " + (i + 1) + " is never closed; write {{ for a literal brace");
                }
                String name = text.substring(i + 1, close).trim();
                if (name.contains("{")) {
                    throw new IllegalArgumentException("'{' at character " + (i + 1) + " is never closed before the next '{'");
                }
                if (name.isEmpty()) {
                    throw new IllegalArgumentException("empty placeholder {} at character " + (i + 1));
                }
                if (literal.length() > 0) {
                    parts.add(new Literal(literal.toString()));
                    literal.setLength(0);
                }
                parts.add(new Placeholder(name));
                i = close + 1;
            } else if (c == '}') {
                throw new IllegalArgumentException("'}' at character " + (i + 1) + " has no '{'; write }} for a literal brace");
            } else {
                literal.append(c);
                i++;
            }
        }
        if (literal.length() > 0) {
            parts.add(new Literal(literal.toString()));
        }
        if (parts.stream().noneMatch(p -> p instanceof Placeholder)) {
            throw new IllegalArgumentException("the template has no {placeholder}; use op 'set' for a constant");
        }
        return new FormatTemplate(text, parts);
    }
}
