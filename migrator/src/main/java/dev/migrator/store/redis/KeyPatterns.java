package dev.migrator.store.redis;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which keys a pair copies: those matching one of the include globs (every key when there is none) and none of
 * the exclude globs, with Redis's glob syntax ({@code * ? [abc] [^a] [a-z] \x}). Matching works on the key's bytes.
 */
final class KeyPatterns {
    private final List<Pattern> include;
    private final List<Pattern> exclude;
    private final Optional<String> serverMatch;

    KeyPatterns(List<String> include, List<String> exclude) {
        this.include = include.stream().map(KeyPatterns::compile).toList();
        this.exclude = exclude.stream().map(KeyPatterns::compile).toList();
        this.serverMatch = include.size() == 1 ? Optional.of(include.get(0)) : Optional.empty();
    }

    /** The one glob SCAN can apply on the server (MATCH), when one include pattern selects the keys. */
    Optional<String> serverMatch() {
        return serverMatch;
    }

    boolean selects(byte[] key) {
        if (include.isEmpty() && exclude.isEmpty()) {
            return true;
        }
        String k = KeyText.latin1(key);
        return (include.isEmpty() || include.stream().anyMatch(p -> p.matcher(k).matches()))
                && exclude.stream().noneMatch(p -> p.matcher(k).matches());
    }

    boolean selectsAll() {
        return include.isEmpty() && exclude.isEmpty();
    }

    /** A Redis glob as a regular expression over one char per byte. */
    static Pattern compile(String glob) {
        byte[] bytes = glob.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        String g = KeyText.latin1(bytes);
        StringBuilder re = new StringBuilder();
        for (int i = 0; i < g.length(); i++) {
            char c = g.charAt(i);
            switch (c) {
                case '*' -> re.append(".*");
                case '?' -> re.append('.');
                case '\\' -> {
                    if (i + 1 < g.length()) {
                        re.append(Pattern.quote(String.valueOf(g.charAt(++i))));
                    }
                }
                case '[' -> {
                    int end = g.indexOf(']', i + 2);
                    if (end < 0) {
                        re.append("\\[");
                    } else {
                        String body = g.substring(i + 1, end);
                        boolean negate = body.startsWith("^");
                        re.append('[').append(negate ? "^" : "").append(body.substring(negate ? 1 : 0).replace("\\", "\\\\")
                                .replace("[", "\\[").replace("&", "\\&")).append(']');
                        i = end;
                    }
                }
                default -> re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString(), Pattern.DOTALL);
    }
}
