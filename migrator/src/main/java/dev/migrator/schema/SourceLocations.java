package dev.migrator.schema;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Line and column of every value in a JSON document, by JSON pointer, read from the parser's own
 * token locations. A pointer that names nothing in the file falls back to its nearest ancestor.
 */
public final class SourceLocations {

    /** A 1-based position in the file. */
    public record Position(int line, int column) {}

    private final Map<String, Position> byPointer;

    private SourceLocations(Map<String, Position> byPointer) {
        this.byPointer = byPointer;
    }

    public static SourceLocations empty() {
        return new SourceLocations(Map.of());
    }

    /**
     * Reads the whole document from {@code parser}; the parser must not have been advanced yet. Text after
     * the document (a second document, a stray bracket, a merge left-over) is a {@link TrailingText} error.
     */
    public static SourceLocations read(JsonParser parser) throws java.io.IOException {
        Map<String, Position> positions = new HashMap<>();
        Deque<Frame> stack = new ArrayDeque<>();
        JsonToken token;
        boolean rootSeen = false;
        while ((token = nextToken(parser, rootSeen && stack.isEmpty())) != null) {
            rootSeen = true;
            if (token == JsonToken.FIELD_NAME) {
                stack.peek().field = escape(parser.currentName());
                positions.put(stack.peek().childPointer(), position(parser.currentTokenLocation()));
                continue;
            }
            if (token == JsonToken.END_OBJECT || token == JsonToken.END_ARRAY) {
                stack.pop();
                continue;
            }
            String pointer = stack.isEmpty() ? "" : stack.peek().advance();
            // a field's position is its name; arrays' elements and the root are placed at their value
            positions.putIfAbsent(pointer, position(parser.currentTokenLocation()));
            if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
                stack.push(new Frame(pointer, token == JsonToken.START_ARRAY));
            }
        }
        return new SourceLocations(positions);
    }

    private static JsonToken nextToken(JsonParser parser, boolean documentEnded) throws java.io.IOException {
        if (!documentEnded) {
            return parser.nextToken();
        }
        try {
            if (parser.nextToken() != null) {
                throw new TrailingText(parser, parser.currentTokenLocation());
            }
        } catch (TrailingText e) {
            throw e;
        } catch (com.fasterxml.jackson.core.JsonParseException e) {
            throw new TrailingText(parser, e.getLocation()); // not even a token: still text after the document
        }
        return null;
    }

    /** Something follows the end of the JSON document; its location is where it starts. */
    public static final class TrailingText extends com.fasterxml.jackson.core.JsonParseException {
        TrailingText(JsonParser parser, JsonLocation at) {
            super(parser, "text after the end of the JSON document", at);
        }
    }

    /** The position of {@code pointer}, else of its nearest ancestor, else line 1 column 1. */
    public Position find(String pointer) {
        String p = pointer;
        while (true) {
            Position found = byPointer.get(p);
            if (found != null) {
                return found;
            }
            if (p.isEmpty()) {
                return new Position(1, 1);
            }
            p = p.substring(0, Math.max(0, p.lastIndexOf('/')));
        }
    }

    public static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }

    private static Position position(JsonLocation location) {
        return new Position(location.getLineNr(), location.getColumnNr());
    }

    private static final class Frame {
        final String pointer;
        final boolean array;
        int nextIndex;
        String field;

        Frame(String pointer, boolean array) {
            this.pointer = pointer;
            this.array = array;
        }

        String childPointer() {
            return pointer + "/" + field;
        }

        String advance() {
            return array ? pointer + "/" + nextIndex++ : childPointer();
        }
    }
}
